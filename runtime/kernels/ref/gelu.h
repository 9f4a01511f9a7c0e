// Reference GELU. TFLM has no GELU kernel, so this follows TFLite (activations.cc GeluPrepare /
// GeluEval, reference_ops::GeluTransform / GeluTransformApproximate).
//
//  * exact:        0.5f * x * erfc(x * -sqrt(1/2))
//  * approximate:  0.5f * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715f * x^3)))
//    both evaluated in float, in that order, with the float overloads of <cmath>.
//  * int8 / uint8: a 256-entry table of the transform built in Prepare (LUTPopulate), then one
//    lookup per element.
//  * float32 evaluates the same scalar transform per element. TFLite's float kernel evaluates the
//    formula with Eigen's vectorised erfc/tanh approximations instead, whose last bits depend on
//    the Eigen version and the CPU's SIMD features, so float results may differ from TFLite's in
//    the last ulp; the scalar transform is TFLite's own definition of the function.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

float gelu(float x);
float gelu_approximate(float x);

void gelu_f32(bool approximate, int64_t count, const float* input, float* output);

// lut: kLutSizeS8 entries.
void gelu_populate_lut_s8(bool approximate, float input_scale, int32_t input_zero_point,
                          float output_scale, int32_t output_zero_point, int8_t* lut);
void gelu_populate_lut_u8(bool approximate, float input_scale, int32_t input_zero_point,
                          float output_scale, int32_t output_zero_point, uint8_t* lut);

}  // namespace ref
}  // namespace mote
