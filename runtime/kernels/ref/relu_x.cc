#include "kernels/ref/relu_x.h"

#include <cmath>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// zero_point + (int32)roundf(bound / scale), in int64 so that no value overflows; TFLite's
// conversion is undefined for quotients beyond int32, which the clamp to the type makes moot.
int64_t quantize_bound(float bound, float scale, int32_t zero_point) {
  const float rounded = std::round(bound / scale);
  const float limit = 2147483648.0f;
  const int64_t q = rounded >= limit    ? int64_t{1} << 31
                    : rounded <= -limit ? -(int64_t{1} << 31)
                                        : static_cast<int64_t>(rounded);
  return zero_point + q;
}

template <typename T>
void relu_x_quantized(const ReluQuantParams& p, int64_t count, const T* input, T* output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = static_cast<int32_t>(input[i]) - p.input_offset;
    const int32_t y =
        p.output_offset + multiply_by_quantized_multiplier(x, p.output_multiplier, p.output_shift);
    output[i] = static_cast<T>(clamp_to(y, p.activation_min, p.activation_max));
  }
}

}  // namespace

bool prepare_relu_x(ReluRange range, float input_scale, int32_t input_zero_point,
                    float output_scale, int32_t output_zero_point, int32_t qmin, int32_t qmax,
                    ReluQuantParams* p) {
  // The multiplier and offsets are RELU's (float division, as TFLite's ReluPrepare).
  if (!prepare_relu(input_scale, input_zero_point, output_scale, output_zero_point, qmin, qmax,
                    p)) {
    return false;
  }
  const int64_t lower = quantize_bound(range.lower, output_scale, output_zero_point);
  const int64_t upper = quantize_bound(range.upper, output_scale, output_zero_point);
  p->activation_min = static_cast<int32_t>(max_of<int64_t>(qmin, min_of<int64_t>(lower, qmax)));
  p->activation_max = static_cast<int32_t>(min_of<int64_t>(qmax, max_of<int64_t>(upper, qmin)));
  return true;
}

void relu_x_f32(ReluRange range, int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > range.upper ? range.upper : (x < range.lower ? range.lower : x);
  }
}

void relu_x_s8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  relu_x_quantized(params, count, input, output);
}

void relu_x_u8(const ReluQuantParams& params, int64_t count, const uint8_t* input,
               uint8_t* output) {
  relu_x_quantized(params, count, input, output);
}

}  // namespace ref
}  // namespace mote
