// Reference QUANTIZE (float -> integer, and integer -> integer requantization) and DEQUANTIZE,
// bit-exact with TFLM (reference_ops::AffineQuantize, reference_ops::Requantize,
// reference_ops::Dequantize), per-tensor parameters only, as in TFLM.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

// AffineQuantize: out = clamp((int32)round(x / scale) + zero_point) to Out's range, the division
// and the rounding (half away from zero) in float. TFLite converts the rounded float to int32
// unchecked (undefined for |x / scale| >= 2^31 and NaN; x86 and Arm disagree); here such values
// saturate, and NaN counts as 0, before the zero point is added. Out = int8_t or int16_t.
template <typename Out>
void affine_quantize(const float* input, int64_t count, float scale, int32_t zero_point,
                     Out* output) {
  constexpr int64_t kMin = std::numeric_limits<Out>::min();
  constexpr int64_t kMax = std::numeric_limits<Out>::max();
  for (int64_t i = 0; i < count; ++i) {
    const float rounded = std::round(input[i] / scale);
    int64_t q = 0;
    if (rounded >= 2147483648.0f) {
      q = std::numeric_limits<int32_t>::max();
    } else if (rounded < -2147483648.0f) {
      q = std::numeric_limits<int32_t>::min();
    } else if (rounded == rounded) {
      q = static_cast<int64_t>(rounded);
    }
    output[i] = static_cast<Out>(clamp_to<int64_t>(q + zero_point, kMin, kMax));
  }
}

struct RequantizeParams {
  int32_t multiplier = 0;  // Q31 multiplier of input_scale / output_scale
  int32_t shift = 0;       // in [-31, 30], positive = left
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
};

// Requantize: out = clamp(multiply_by_quantized_multiplier(x - zp_in, multiplier, shift) +
// zp_out) to Out's range. TFLite's int8 <-> uint8 "xor 0x80" shortcut (scale ratio exactly 1,
// zero points 128 apart) gives the same values as this formula, so it is not special-cased.
// The int32 subtraction and addition wrap as TFLite's int arithmetic does on hardware.
template <typename In, typename Out>
void requantize(const In* input, int64_t count, const RequantizeParams& p, Out* output) {
  constexpr int32_t kMin = std::numeric_limits<Out>::min();
  constexpr int32_t kMax = std::numeric_limits<Out>::max();
  for (int64_t i = 0; i < count; ++i) {
    const int32_t centered = wrapping_sub<int32_t>(input[i], p.input_zero_point);
    const int32_t scaled = multiply_by_quantized_multiplier(centered, p.multiplier, p.shift);
    output[i] = static_cast<Out>(clamp_to(wrapping_add(scaled, p.output_zero_point), kMin, kMax));
  }
}

// Dequantize: out = scale * (float)(x - zero_point), in float (exact difference, one rounding).
template <typename In>
void dequantize(const In* input, int64_t count, float scale, int32_t zero_point, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    output[i] = scale * static_cast<float>(static_cast<int32_t>(input[i]) - zero_point);
  }
}

}  // namespace ref
}  // namespace mote
