// Reference ADD and SUB with broadcasting, bit-exact with TFLM (reference_ops::Add /
// BroadcastAdd6DSlow, reference_integer_ops::Add, reference_ops::SubWithActivation /
// BroadcastSubSlow / BroadcastQuantSubSlow / SubElementwise).
//
// float32 and int32: out = clamp(a +/- b, activation_min, activation_max); int32 wraps on
// overflow (TFLite's int32 arithmetic, made defined here).
//
// int8 and int16 ("general" rescaling; TFLM has no power-of-two int16 path):
//   a' = ((a - zp1) << left_shift) * multiplier1      (multiplier1, multiplier2 <= 1/2)
//   b' = ((b - zp2) << left_shift) * multiplier2
//   out = clamp(((a' +/- b') * output_multiplier) + zp_out, activation_min, activation_max)
// where each "* multiplier" is multiply_by_quantized_multiplier_smaller_than_one_exp (a rounding
// doubling high multiply, then a rounding right shift). left_shift is 20 for int8 and 15 for
// int16, so that |a - zp| << left_shift stays below 2^31 (65535 << 15 < 2^31).
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

enum class AddSubKind : uint8_t { kAdd, kSub };

struct AddSubQuant {
  int32_t input1_offset = 0;      // -zero point of input 1
  int32_t input2_offset = 0;      // -zero point of input 2
  int32_t output_offset = 0;      // zero point of the output
  int32_t left_shift = 0;         // 20 (int8) or 15 (int16)
  int32_t input1_multiplier = 0;  // Q31, with a right shift (shift <= 0)
  int32_t input1_shift = 0;
  int32_t input2_multiplier = 0;
  int32_t input2_shift = 0;
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;
  int32_t activation_min = 0;  // clamp in the output's quantized domain
  int32_t activation_max = 0;
};

// The multipliers and offsets of AddSubQuant (not the activation range) from the tensors'
// per-tensor parameters, with TFLM's left_shift for the output type (int16 ? 15 : 20).
// ADD (CalculateOpDataAdd) divides the scales in double; SUB (CalculateOpDataSub) forms
// 2 * max(scale1, scale2) and every quotient in float and only then widens to double, so the
// two ops can get different multipliers for the same scales. False where TFLite CHECK-fails:
// a multiplier that is not in (0, 1), e.g. max input scale >= 2^(left_shift - 1) x output scale.
[[nodiscard]] bool prepare_add_sub_quant(AddSubKind kind, bool int16, float input1_scale,
                                         int32_t input1_zero_point, float input2_scale,
                                         int32_t input2_zero_point, float output_scale,
                                         int32_t output_zero_point, AddSubQuant* q);

// T = float or int32_t.
template <typename T>
void add_sub(AddSubKind kind, const BroadcastGeometry& g, T activation_min, T activation_max,
             const T* input1, const T* input2, T* output);

// T = int8_t or int16_t.
template <typename T>
void add_sub_quantized(AddSubKind kind, const BroadcastGeometry& g, const AddSubQuant& q,
                       const T* input1, const T* input2, T* output);

}  // namespace ref
}  // namespace mote
