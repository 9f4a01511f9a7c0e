// Reference RELU and RELU6, bit-exact with TFLM (activations.cc / activations_common.cc).
//
//  * float32: RELU is x < 0 ? 0 : x; RELU6 is x > 6 ? 6 : (x < 0 ? 0 : x) (NaN passes through).
//  * int8 / int16 RELU requantizes: out = clamp(out_zp + MBQM(x - in_zp, M, shift), max(qmin,
//    out_zp), qmax), with (M, shift) = quantize_multiplier(input_scale / output_scale) where the
//    division is done in float, as in TFLM's CalculateReluOpData.
//  * int8 / int16 RELU6 does NOT requantize (TFLM's Relu6Quantized): the input is clamped to
//    [in_zp, quantize(6.0)] on the input's scale and stored as is. The output tensor's
//    quantization is ignored, as in TFLM.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct ReluQuantParams {
  int32_t input_offset = 0;       // input zero point
  int32_t output_offset = 0;      // output zero point
  int32_t output_multiplier = 0;  // Q31
  int32_t output_shift = 0;       // left shift, [-31, 30] for sane scales
  int32_t activation_min = 0;     // max(qmin, output zero point)
  int32_t activation_max = 0;     // qmax
};

// The clamp bounds of RELU6 on the input scale.
struct Relu6Bounds {
  int32_t zero = 0;  // input zero point
  int32_t six = 0;   // FloatToQuantizedType(6.0f, input_scale, input_zero_point)
};

// CalculateReluOpData for an output type with range [qmin, qmax]. False when the scale ratio is
// not finite.
[[nodiscard]] bool prepare_relu(float input_scale, int32_t input_zero_point, float output_scale,
                                int32_t output_zero_point, int32_t qmin, int32_t qmax,
                                ReluQuantParams* params);

// TFLM Relu6Prepare: zero = in_zp, six = clamp(round(6.0f / scale) + in_zp, qmin, qmax). TFLite
// converts the double sum to int32 unchecked (undefined for huge values); here it saturates.
Relu6Bounds prepare_relu6(float input_scale, int32_t input_zero_point, int32_t qmin, int32_t qmax);

void relu_f32(int64_t count, const float* input, float* output);
void relu_s8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void relu_s16(const ReluQuantParams& params, int64_t count, const int16_t* input, int16_t* output);

void relu6_f32(int64_t count, const float* input, float* output);
void relu6_s8(const Relu6Bounds& bounds, int64_t count, const int8_t* input, int8_t* output);
void relu6_s16(const Relu6Bounds& bounds, int64_t count, const int16_t* input, int16_t* output);

}  // namespace ref
}  // namespace mote
