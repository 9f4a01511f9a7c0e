#include "kernels/ref/relu.h"

#include <cmath>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

template <typename T>
void relu_quantized(const ReluQuantParams& p, int64_t count, const T* input, T* output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = static_cast<int32_t>(input[i]) - p.input_offset;
    const int32_t y =
        p.output_offset + multiply_by_quantized_multiplier(x, p.output_multiplier, p.output_shift);
    output[i] = static_cast<T>(clamp_to(y, p.activation_min, p.activation_max));
  }
}

template <typename T>
void relu6_quantized(const Relu6Bounds& b, int64_t count, const T* input, T* output) {
  // Prepare clamps both bounds to T's range, so the narrowing below is exact.
  const T lower = static_cast<T>(b.zero);
  const T upper = static_cast<T>(b.six);
  for (int64_t i = 0; i < count; ++i) {
    const T x = input[i];
    output[i] = x > upper ? upper : (x < lower ? lower : x);
  }
}

}  // namespace

bool prepare_relu(float input_scale, int32_t input_zero_point, float output_scale,
                  int32_t output_zero_point, int32_t qmin, int32_t qmax, ReluQuantParams* p) {
  // TFLM divides in float, then widens: the multiplier's low bits depend on it.
  const double real_multiplier = static_cast<double>(input_scale / output_scale);
  int shift = 0;
  if (!quantize_multiplier(real_multiplier, &p->output_multiplier, &shift)) return false;
  p->output_shift = shift;
  p->input_offset = input_zero_point;
  p->output_offset = output_zero_point;
  // The lower bound is the quantized 0.0 (zero point + round(0 / scale)); the upper bound is +inf,
  // i.e. the type's maximum.
  p->activation_min = max_of(qmin, output_zero_point);
  p->activation_max = qmax;
  return true;
}

Relu6Bounds prepare_relu6(float input_scale, int32_t input_zero_point, int32_t qmin, int32_t qmax) {
  Relu6Bounds b;
  b.zero = input_zero_point;
  // round(6.0f / scale) (the quotient in float, rounded in double as ::round does) plus the zero
  // point, clamped to the type. NaN cannot occur for a positive scale.
  const double six = std::round(static_cast<double>(6.0f / input_scale)) + input_zero_point;
  b.six = static_cast<int32_t>(clamp_to(six, static_cast<double>(qmin), static_cast<double>(qmax)));
  return b;
}

void relu_f32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x < 0.0f ? 0.0f : x;
  }
}

void relu_s8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  relu_quantized(params, count, input, output);
}

void relu_s16(const ReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  relu_quantized(params, count, input, output);
}

void relu6_f32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > 6.0f ? 6.0f : (x < 0.0f ? 0.0f : x);
  }
}

void relu6_s8(const Relu6Bounds& bounds, int64_t count, const int8_t* input, int8_t* output) {
  relu6_quantized(bounds, count, input, output);
}

void relu6_s16(const Relu6Bounds& bounds, int64_t count, const int16_t* input, int16_t* output) {
  relu6_quantized(bounds, count, input, output);
}

}  // namespace ref
}  // namespace mote
