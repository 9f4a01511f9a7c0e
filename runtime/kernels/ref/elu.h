// Reference ELU, bit-exact with TFLM (elu.cc, reference_ops::Elu).
//
//  * float32: x < 0 ? expm1(x) : x.
//  * int8: a 256-entry table built in Prepare (LUTPopulate semantics, lut_populate_s8) of
//    x < 0 ? exp(x) - 1 : x in float -- note exp(x) - 1 there, not expm1 -- then one lookup per
//    element (ref::lookup_s8).
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

void elu_f32(int64_t count, const float* input, float* output);

// lut: kLutSizeS8 entries.
void elu_populate_lut_s8(float input_scale, int32_t input_zero_point, float output_scale,
                         int32_t output_zero_point, int8_t* lut);

}  // namespace ref
}  // namespace mote
