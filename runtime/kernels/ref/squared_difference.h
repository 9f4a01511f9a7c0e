// Reference SQUARED_DIFFERENCE, (a - b)^2 with broadcasting, bit-exact with TFLM
// (squared_difference.cc).
//
//  * float32: d = a - b; d * d. int32: the same, wrapping on overflow as TFLite's int32 does on
//    every target.
//  * int8 / int16: both inputs are brought to a common scale (twice the larger input scale),
//    after a left shift of 7 bits (int8; 0 for int16) that keeps precision: each input is
//    (x - zp) << left_shift times a Q31 multiplier s_i / (2 * max(s1, s2)) (below 1). The
//    difference is squared in int32 and requantized by QuantizeMultiplier of
//    (2 * max_scale)^2 / (2^(2 * left_shift) * s_out), the denominator's product taken in
//    float as TFLM does; plus the output zero point, saturated to the type.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

struct SquaredDifferenceQuantParams {
  int32_t input1_offset = 0;  // -zero point of input 1
  int32_t input2_offset = 0;  // -zero point of input 2
  int32_t output_offset = 0;  // zero point of the output
  int32_t left_shift = 0;     // 7 for int8, 0 for int16
  int32_t input1_multiplier = 0;
  int32_t input1_shift = 0;  // <= 0
  int32_t input2_multiplier = 0;
  int32_t input2_shift = 0;  // <= 0
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;
  int32_t activation_min = 0;  // the output type's range
  int32_t activation_max = 0;
};

// TFLM PrepareQuantized. False when a multiplier cannot be formed (non-finite ratio).
[[nodiscard]] bool prepare_squared_difference_quantized(
    float input1_scale, int32_t input1_zero_point, float input2_scale, int32_t input2_zero_point,
    float output_scale, int32_t output_zero_point, int32_t left_shift, int32_t activation_min,
    int32_t activation_max, SquaredDifferenceQuantParams* params);

void squared_difference_f32(const BroadcastGeometry& g, const float* input1, const float* input2,
                            float* output);
void squared_difference_s32(const BroadcastGeometry& g, const int32_t* input1,
                            const int32_t* input2, int32_t* output);
void squared_difference_s8(const SquaredDifferenceQuantParams& params, const BroadcastGeometry& g,
                           const int8_t* input1, const int8_t* input2, int8_t* output);
void squared_difference_s16(const SquaredDifferenceQuantParams& params, const BroadcastGeometry& g,
                            const int16_t* input1, const int16_t* input2, int16_t* output);

}  // namespace ref
}  // namespace mote
