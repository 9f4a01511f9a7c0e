#include "kernels/ref/leaky_relu.h"

#include <limits>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

template <typename T>
void leaky_relu_quantized(const LeakyReluParams& p, int64_t count, const T* input, T* output) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  for (int64_t i = 0; i < count; ++i) {
    const int32_t v = static_cast<int32_t>(input[i]) - p.input_offset;
    const bool identity = v >= 0;
    const int32_t y =
        p.output_offset +
        multiply_by_quantized_multiplier(v, identity ? p.multiplier_identity : p.multiplier_alpha,
                                         identity ? p.shift_identity : p.shift_alpha);
    output[i] = static_cast<T>(clamp_to(y, kMin, kMax));
  }
}

}  // namespace

bool prepare_leaky_relu(float input_scale, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, float alpha, LeakyReluParams* p) {
  p->input_offset = input_zero_point;
  p->output_offset = output_zero_point;
  // TFLM evaluates both ratios in float ((input_scale * alpha) / output_scale), then widens.
  const double alpha_multiplier = static_cast<double>(input_scale * alpha / output_scale);
  const double identity_multiplier = static_cast<double>(input_scale / output_scale);
  int shift = 0;
  if (!quantize_multiplier(alpha_multiplier, &p->multiplier_alpha, &shift)) return false;
  p->shift_alpha = shift;
  if (!quantize_multiplier(identity_multiplier, &p->multiplier_identity, &shift)) return false;
  p->shift_identity = shift;
  return true;
}

void leaky_relu_f32(float alpha, int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x > 0.0f ? x : x * alpha;
  }
}

void leaky_relu_s8(const LeakyReluParams& params, int64_t count, const int8_t* input,
                   int8_t* output) {
  leaky_relu_quantized(params, count, input, output);
}

void leaky_relu_s16(const LeakyReluParams& params, int64_t count, const int16_t* input,
                    int16_t* output) {
  leaky_relu_quantized(params, count, input, output);
}

}  // namespace ref
}  // namespace mote
