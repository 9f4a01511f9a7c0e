// Reference LOGISTIC and TANH, bit-exact with the kernels TFLM runs. The two share their
// quantized schemes, so their parameters and Prepare-time math live together here.
//
//  * float32: TFLite's reference_ops::Logistic (1 / (1 + exp(-x)) in float, with the cutoffs
//    x > 16.619047 -> 1 and x < -9 -> exp(x)) and reference_ops::Tanh (std::tanh).
//  * int8: gemmlowp fixed point (reference_integer_ops::Logistic / Tanh), NOT TFLite's
//    lookup table. (x - zero_point) is rescaled to Q4.27 with a Q31 multiplier; |x - zp| at or
//    beyond input_range_radius saturates. logistic's Q0.31 result is output with scale 1/256 and
//    zero point -128; tanh's with scale 1/128 and zero point 0. The kernels do not read the
//    output tensor's quantization (TFLM does not either).
//  * int16: TFLite's 256-entry sigmoid table with linear interpolation (kSigmoidTableU16).
//    The input is rescaled to units of 1/(3 * 4096) by (x * input_multiplier + round) >>
//    input_left_shift; output scale 2^-15, zero points 0.
#pragma once

#include <cstdint>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

struct LogisticTanhParamsS8 {
  int32_t input_zero_point = 0;
  int32_t input_range_radius = 0;  // |x - zp| >= radius saturates
  int32_t input_multiplier = 0;    // Q31, to Q4.27
  int32_t input_left_shift = 0;    // >= 0 for input scales >= 2^-28
};

struct LogisticTanhParamsS16 {
  int32_t input_multiplier = 0;  // in [1, 32767] (0 only for vanishing input scales)
  int32_t input_left_shift = 0;  // in [0, 31]
};

// TFLM's int8 Prepare (logistic_common.cc, tanh.cc): input_scale * 2^27 split by frexp into a
// Q31 multiplier and a shift (no QuantizeMultiplier rounding fix-ups: a float scale times 2^27
// has at most 24 significant bits, so the multiplier is exact), and the radius from
// calculate_input_radius(4, shift).
LogisticTanhParamsS8 prepare_logistic_tanh_s8(float input_scale, int32_t input_zero_point);

// TFLM's int16 Prepare. A power-of-two input scale with 12 + log2(scale) in [0, max_pot_shift]
// (0 for LOGISTIC, 1 for TANH) uses the multiplier 3 << shift exactly; any other scale gets
// multiplier = trunc(scale * 12288 * 2^k), doubled (k += 1) while it is <= 16383.5 and k <= 30.
// Returns false when the input scale is so large that the multiplier would exceed 32767 (TFLM
// only DCHECKs this; the int32 product would overflow beyond it).
[[nodiscard]] bool prepare_logistic_tanh_s16(float input_scale, int max_pot_shift,
                                             LogisticTanhParamsS16* params);

void logistic_f32(int64_t count, const float* input, float* output);
void logistic_s8(const LogisticTanhParamsS8& params, int64_t count, const int8_t* input,
                 int8_t* output);
void logistic_s16(const LogisticTanhParamsS16& params, int64_t count, const int16_t* input,
                  int16_t* output);

void tanh_f32(int64_t count, const float* input, float* output);
void tanh_s8(const LogisticTanhParamsS8& params, int64_t count, const int8_t* input,
             int8_t* output);
void tanh_s16(const LogisticTanhParamsS16& params, int64_t count, const int16_t* input,
              int16_t* output);

}  // namespace ref
}  // namespace mote
