// 8-bit lookup-table helpers for the LUT-based activations (ELU, GELU): the uint8 variant of
// LUTPopulate next to quantization.h's int8 one, and the elementwise lookups.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

// LUTPopulate<uint8_t> (TFLite LUTPopulateInt8 with T = uint8_t): as lut_populate_s8, with the
// uint8 range [0, 255] and the table indexed by the value itself. The float-to-int conversion
// saturates and maps NaN to 0 (undefined in TFLite) before the clamp.
template <typename Transform>
void lut_populate_u8(float input_scale, int32_t input_zero_point, float output_scale,
                     int32_t output_zero_point, Transform transform, uint8_t* lut) {
  const float inverse_scale = 1 / output_scale;
  constexpr int32_t kMin = std::numeric_limits<uint8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<uint8_t>::max();
  for (int32_t val = kMin; val <= kMax; ++val) {
    const float dequantized =
        input_scale * static_cast<float>(static_cast<int64_t>(val) - input_zero_point);
    const float transformed = transform(dequantized);
    const float rescaled = std::round(transformed * inverse_scale);
    const float shifted = rescaled + static_cast<float>(output_zero_point);
    int32_t quantized = 0;
    if (shifted != shifted) {
      quantized = 0;
    } else if (shifted >= 2147483648.0f) {
      quantized = std::numeric_limits<int32_t>::max();
    } else if (shifted < -2147483648.0f) {
      quantized = std::numeric_limits<int32_t>::min();
    } else {
      quantized = static_cast<int32_t>(shifted);
    }
    lut[val] = static_cast<uint8_t>(clamp_to(quantized, kMin, kMax));
  }
}

// out[i] = lut[in[i]] for a kLutSizeS8-entry table (int8: indexed by the byte, see
// lut_lookup_s8).
inline void lookup_s8(const int8_t* lut, int64_t count, const int8_t* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = lut_lookup_s8(input[i], lut);
}

inline void lookup_u8(const uint8_t* lut, int64_t count, const uint8_t* input, uint8_t* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = lut[input[i]];
}

}  // namespace ref
}  // namespace mote
