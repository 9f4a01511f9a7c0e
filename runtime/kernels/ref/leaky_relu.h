// Reference LEAKY_RELU, bit-exact with TFLM (leaky_relu.cc, reference_ops::QuantizeLeakyRelu).
//
//  * float32: x > 0 ? x : x * alpha (alpha may be negative or above 1).
//  * int8 / int16: v = x - in_zp; out = clamp(out_zp + MBQM(v, M_identity, s_identity)) for
//    v >= 0, clamp(out_zp + MBQM(v, M_alpha, s_alpha)) for v < 0, with the multipliers from
//    quantize_multiplier of input_scale / output_scale and input_scale * alpha / output_scale,
//    both computed in float as TFLM does. A negative alpha gives a negative multiplier, which the
//    double-rounding MBQM handles like TFLM's default build.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct LeakyReluParams {
  int32_t input_offset = 0;   // input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t multiplier_identity = 0;
  int32_t shift_identity = 0;
  int32_t multiplier_alpha = 0;
  int32_t shift_alpha = 0;
};

// False when a multiplier is not finite.
[[nodiscard]] bool prepare_leaky_relu(float input_scale, int32_t input_zero_point,
                                      float output_scale, int32_t output_zero_point, float alpha,
                                      LeakyReluParams* params);

void leaky_relu_f32(float alpha, int64_t count, const float* input, float* output);
void leaky_relu_s8(const LeakyReluParams& params, int64_t count, const int8_t* input,
                   int8_t* output);
void leaky_relu_s16(const LeakyReluParams& params, int64_t count, const int16_t* input,
                    int16_t* output);

}  // namespace ref
}  // namespace mote
