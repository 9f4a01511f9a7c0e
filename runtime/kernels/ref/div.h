// Reference DIV with broadcasting, bit-exact with TFLM (div.cc, reference_ops::Div /
// BroadcastDivSlow / DivElementwise).
//
//  * float32: clamp(a / b, activation_min, activation_max); b == 0 gives +-inf or NaN before the
//    clamp, as in TFLite.
//  * int32: clamp(a / b) with C++ truncating division. Eval rejects any zero divisor first
//    (TFLite's CheckNonZero); INT32_MIN / -1 wraps to INT32_MIN instead of being undefined.
//  * int8: a - zp1 is divided by b - zp2 in fixed point: the divisor's sign is moved to the
//    dividend, its reciprocal comes from GetReciprocal, the dividend is normalised by its
//    leading sign bits, and the result is rescaled by QuantizeMultiplier(s1 / (s2 * s_out))
//    (computed in float, then widened) with the reciprocal's and dividend's shifts folded in.
//    When that final right shift exceeds 31 bits (TFLM: undefined, platform-dependent) the
//    exactly rounded quotient is used.
//    TFLM does not reject b == zp2 (only DCHECKs it); the same arithmetic then runs on a zero
//    divisor and gives a defined, meaningless value, here as there.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

struct DivQuantParams {
  int32_t input1_offset = 0;  // -zero point of input 1
  int32_t input2_offset = 0;  // -zero point of input 2
  int32_t output_offset = 0;  // zero point of the output
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;
  int32_t activation_min = 0;
  int32_t activation_max = 0;
};

// The multiplier part of TFLM's CalculateOpDataDiv (activation bounds are set by the caller).
// False when the scale ratio is not finite.
[[nodiscard]] bool prepare_div_quantized(float input1_scale, int32_t input1_zero_point,
                                         float input2_scale, int32_t input2_zero_point,
                                         float output_scale, int32_t output_zero_point,
                                         DivQuantParams* params);

// True when one of the count values is zero (for float, also -0.0).
template <typename T>
bool contains_zero(int64_t count, const T* values) {
  for (int64_t i = 0; i < count; ++i) {
    if (values[i] == 0) return true;
  }
  return false;
}

void div_f32(const BroadcastGeometry& g, float activation_min, float activation_max,
             const float* input1, const float* input2, float* output);
// Precondition: no zero in input2 (contains_zero).
void div_s32(const BroadcastGeometry& g, int32_t activation_min, int32_t activation_max,
             const int32_t* input1, const int32_t* input2, int32_t* output);
void div_s8(const DivQuantParams& params, const BroadcastGeometry& g, const int8_t* input1,
            const int8_t* input2, int8_t* output);

}  // namespace ref
}  // namespace mote
