// Reference SOFTMAX over the last dimension, bit-exact with the kernels TFLM runs
// (reference_ops::Softmax for float32 and int8 input, reference_ops::SoftmaxInt16 for int16).
//
// The tensor is viewed as `rows` rows of `depth` contiguous values (depth = last dimension);
// each row is normalised independently: out[c] = exp(beta * (in[c] - max)) / sum.
//
//  * float32: exp in float, summed in row order, then one division per element.
//  * int8 input (int8 or int16 output): gemmlowp fixed point. Differences to the row maximum are
//    rescaled to Q5.26 (input_multiplier, input_left_shift from
//    ref::preprocess_softmax_scaling with 5 integer bits), differences below diff_min contribute
//    nothing, exp is exp_on_negative_values, the sum is Q12.19 and its reciprocal comes from
//    get_reciprocal. Output is quantized with scale 1/256 (int8, zero point -128) or 1/65536
//    (int16, zero point -32768).
//  * int16: two 513-entry lookup tables built once in Prepare (softmax_populate_luts_s16):
//    exp(x) on [-10, 0] and 1 / (1 + x) on [0, 1], both Q0.15. Differences are rescaled so that
//    [-65535, 0] spans [-10, 0] (input_multiplier, input_left_shift from
//    ref::quantize_multiplier of input_scale * beta / (10 / 65535)). Output scale 1/32768.
//
// Precondition (int16): depth <= kSoftmaxMaxDepthS16, so that the int32 sum of exps cannot
// overflow (TFLite's int32 sum would be undefined behaviour beyond it).
#pragma once

#include <cstdint>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

// TFLite keeps the sum of int16 exps (each <= 32767) in an int32.
inline constexpr int32_t kSoftmaxMaxDepthS16 = 65536;

struct SoftmaxQuantParams {
  int32_t input_multiplier = 0;  // Q31
  int32_t input_left_shift = 0;  // int8: >= 1 (left shift); int16: the quantize_multiplier shift
  int32_t diff_min = 0;          // int8 only: differences below this are treated as exp = 0
  const int16_t* exp_lut = nullptr;                  // int16 only: kLutSizeS16 entries
  const int16_t* one_over_one_plus_x_lut = nullptr;  // int16 only: kLutSizeS16 entries
};

void softmax_f32(int64_t rows, int32_t depth, float beta, const float* input, float* output);

void softmax_s8_s8(const SoftmaxQuantParams& params, int64_t rows, int32_t depth,
                   const int8_t* input, int8_t* output);

void softmax_s8_s16(const SoftmaxQuantParams& params, int64_t rows, int32_t depth,
                    const int8_t* input, int16_t* output);

void softmax_s16(const SoftmaxQuantParams& params, int64_t rows, int32_t depth,
                 const int16_t* input, int16_t* output);

// TFLM's int16 tables (softmax_common.cc): LUTPopulate<int16_t> in float of exp over
// [-10, 0] and of 1 / (1 + x) over [0, 1], both to [-1, 1] in Q0.15. Each array holds
// kLutSizeS16 entries.
void softmax_populate_luts_s16(int16_t* exp_lut, int16_t* one_over_one_plus_x_lut);

}  // namespace ref
}  // namespace mote
