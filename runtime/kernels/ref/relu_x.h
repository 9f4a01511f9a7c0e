// Reference RELU_N1_TO_1 and RELU_0_TO_1 (clamps to [-1, 1] and [0, 1]), bit-exact with TFLite
// (activations.cc: Relu1Eval / Relu0to1Eval, reference_ops::Relu1 / Relu0To1 / ReluX). TFLM has
// neither op.
//
//  * float32: x > upper ? upper : (x < lower ? lower : x); NaN passes through.
//  * int8 / uint8: requantized like RELU (multiplier from in_scale / out_scale, divided in float)
//    and clamped to the bounds quantized on the output scale:
//    [max(qmin, zp + (int32)roundf(lower / s)), min(qmax, zp + (int32)roundf(upper / s))].
#pragma once

#include <cstdint>

#include "kernels/ref/relu.h"

namespace mote {
namespace ref {

// Clamp bounds in real units.
struct ReluRange {
  float lower = 0.0f;
  float upper = 0.0f;
};

inline constexpr ReluRange kReluN1To1Range = {-1.0f, 1.0f};
inline constexpr ReluRange kRelu0To1Range = {0.0f, 1.0f};

// TFLite ReluPrepare + QuantizedReluX for an output type with range [qmin, qmax]. False when the
// scale ratio is not finite.
[[nodiscard]] bool prepare_relu_x(ReluRange range, float input_scale, int32_t input_zero_point,
                                  float output_scale, int32_t output_zero_point, int32_t qmin,
                                  int32_t qmax, ReluQuantParams* params);

void relu_x_f32(ReluRange range, int64_t count, const float* input, float* output);
void relu_x_s8(const ReluQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void relu_x_u8(const ReluQuantParams& params, int64_t count, const uint8_t* input, uint8_t* output);

}  // namespace ref
}  // namespace mote
