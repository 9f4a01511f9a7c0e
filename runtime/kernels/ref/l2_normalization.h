// Reference L2_NORMALIZATION over the last dimension, bit-exact with TFLM (l2norm.cc,
// reference_ops::L2Normalization, reference_integer_ops::L2Normalization).
//
//  * float32: per row, s = sum of x^2 in float (row order), n = max(sqrt(s), 1e-6f), x / n.
//  * int8: per row, acc = sum of (x - zp)^2 in int32; GetInvSqrtQuantizedMultiplierExp(acc) gives
//    1/sqrt(acc) as a multiplier and shift; out = saturate(MBQM(x - zp, multiplier, shift + 7)),
//    i.e. an output scale of 1/128 and zero point 0 (the output tensor's quantization is not
//    read, as in TFLM). acc <= 1 (all-zero rows) takes the largest multiplier.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

void l2_normalization_f32(int64_t rows, int32_t depth, const float* input, float* output);
void l2_normalization_s8(int32_t input_zero_point, int64_t rows, int32_t depth, const int8_t* input,
                         int8_t* output);

}  // namespace ref
}  // namespace mote
