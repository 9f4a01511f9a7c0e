#include "kernels/ref/prelu.h"

#include <limits>

#include "kernels/ref/broadcast_offsets.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

template <typename T>
void prelu_quantized(const PreluQuantParams& p, const BroadcastGeometry& g, const T* input,
                     const int8_t* alpha, T* output) {
  constexpr int32_t kMin = std::numeric_limits<T>::min();
  constexpr int32_t kMax = std::numeric_limits<T>::max();
  broadcast_offsets(g, [&](int64_t o, int64_t i, int64_t a) {
    const int32_t value = p.input_offset + input[i];
    int32_t result = 0;
    if (value >= 0) {
      result = multiply_by_quantized_multiplier(value, p.multiplier_identity, p.shift_identity);
    } else {
      // |value| <= 65535 and |alpha - zp| <= 255: the product fits int32.
      const int32_t alpha_value = p.alpha_offset + alpha[a];
      result =
          multiply_by_quantized_multiplier(value * alpha_value, p.multiplier_alpha, p.shift_alpha);
    }
    output[o] = static_cast<T>(clamp_to(result + p.output_offset, kMin, kMax));
  });
}

}  // namespace

bool prepare_prelu_quantized(float input_scale, int32_t input_zero_point, float alpha_scale,
                             int32_t alpha_zero_point, float output_scale,
                             int32_t output_zero_point, PreluQuantParams* p) {
  p->input_offset = -input_zero_point;
  p->alpha_offset = -alpha_zero_point;
  p->output_offset = output_zero_point;
  const double identity = static_cast<double>(input_scale) / static_cast<double>(output_scale);
  const double with_alpha = static_cast<double>(input_scale) * static_cast<double>(alpha_scale) /
                            static_cast<double>(output_scale);
  int shift = 0;
  if (!quantize_multiplier(identity, &p->multiplier_identity, &shift)) return false;
  p->shift_identity = shift;
  if (!quantize_multiplier(with_alpha, &p->multiplier_alpha, &shift)) return false;
  p->shift_alpha = shift;
  return true;
}

void prelu_f32(const BroadcastGeometry& g, const float* input, const float* alpha, float* output) {
  broadcast_binary(g, input, alpha, output, [](float x, float a) { return x >= 0.0f ? x : x * a; });
}

void prelu_s8(const PreluQuantParams& params, const BroadcastGeometry& g, const int8_t* input,
              const int8_t* alpha, int8_t* output) {
  prelu_quantized(params, g, input, alpha, output);
}

void prelu_s16(const PreluQuantParams& params, const BroadcastGeometry& g, const int16_t* input,
               const int8_t* alpha, int16_t* output) {
  prelu_quantized(params, g, input, alpha, output);
}

}  // namespace ref
}  // namespace mote
