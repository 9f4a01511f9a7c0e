#include "kernels/ref/l2_normalization.h"

#include <cmath>
#include <limits>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

void l2_normalization_f32(int64_t rows, int32_t depth, const float* input, float* output) {
  // TFLM's hard-coded epsilon, which keeps an all-zero row at 0 instead of NaN.
  constexpr float kEpsilon = 1e-6f;
  for (int64_t row = 0; row < rows; ++row) {
    const float* in = input + row * depth;
    float* out = output + row * depth;
    float squared_l2_norm = 0.0f;
    for (int32_t c = 0; c < depth; ++c) squared_l2_norm += in[c] * in[c];
    float l2_norm = std::sqrt(squared_l2_norm);
    // std::max(l2_norm, epsilon): a NaN norm stays NaN.
    l2_norm = l2_norm < kEpsilon ? kEpsilon : l2_norm;
    for (int32_t c = 0; c < depth; ++c) out[c] = in[c] / l2_norm;
  }
}

void l2_normalization_s8(int32_t input_zero_point, int64_t rows, int32_t depth, const int8_t* input,
                         int8_t* output) {
  // The output is Q0.7: 1/128 steps, so [-1, 1] is nudged to [-1, 127/128].
  constexpr int kOutputShift = 7;
  constexpr int kReverseShift = -1;
  constexpr int32_t kMin = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int8_t>::max();
  for (int64_t row = 0; row < rows; ++row) {
    const int8_t* in = input + row * depth;
    int8_t* out = output + row * depth;
    // Each square is at most 255^2, so 2^15 of them fit; longer rows wrap instead of being
    // undefined as in TFLite.
    int32_t acc = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t v = in[c] - input_zero_point;
      acc = wrapping_add(acc, v * v);
    }
    int32_t inv_l2norm_multiplier = 0;
    int inv_l2norm_shift = 0;
    get_inv_sqrt_quantized_multiplier_exp(acc, kReverseShift, &inv_l2norm_multiplier,
                                          &inv_l2norm_shift);
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t v = in[c] - input_zero_point;
      const int32_t scaled = multiply_by_quantized_multiplier(v, inv_l2norm_multiplier,
                                                              inv_l2norm_shift + kOutputShift);
      out[c] = static_cast<int8_t>(clamp_to(scaled, kMin, kMax));
    }
  }
}

}  // namespace ref
}  // namespace mote
