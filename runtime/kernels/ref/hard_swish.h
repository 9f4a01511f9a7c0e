// Reference HARD_SWISH, bit-exact with TFLM (hard_swish_common.cc, reference_ops::HardSwish).
//
//  * float32: x * min(6, max(0, x + 3)) / 6, in float, in that order.
//  * int8: TFLite's 16-bit fixed-point scheme. x - zp is moved to a "hires" scale (x 128), then
//      - multiplied by the int16 output multiplier (input_scale / 128 / output_scale), and
//      - separately rescaled to the "reluish" scale where 3.0 is 32768 (saturating, left or
//        right shift), mapped from [-1, 1] to [0, 1],
//    and the two are multiplied with a truncating doubling high multiply (which cancels the
//    bias of the rounding ones) before the final rounding right shift and the zero point.
//    Both multipliers are QuantizeMultiplier results of float ratios, rounded to 16 bits.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct HardSwishParams {
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  int16_t output_multiplier = 0;   // Q15
  int32_t output_exponent = 0;     // in [-31, 0]: a right shift
  int16_t reluish_multiplier = 0;  // Q15
  int32_t reluish_exponent = 0;    // either direction
};

// TFLM HardSwishPrepare. False when the output multiplier would need a left shift (input scale
// more than 128x the output scale; TFLM rejects it too) or a ratio is not finite.
[[nodiscard]] bool prepare_hard_swish(float input_scale, int32_t input_zero_point,
                                      float output_scale, int32_t output_zero_point,
                                      HardSwishParams* params);

// DownScaleInt32ToInt16Multiplier: round a non-negative Q31 multiplier to Q15, saturating.
int16_t down_scale_multiplier_to_q15(int32_t multiplier);

void hard_swish_f32(int64_t count, const float* input, float* output);
void hard_swish_s8(const HardSwishParams& params, int64_t count, const int8_t* input,
                   int8_t* output);

}  // namespace ref
}  // namespace mote
