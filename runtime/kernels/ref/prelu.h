// Reference PRELU (parametric ReLU, alpha broadcast against the input), bit-exact with TFLM
// (prelu.cc, prelu_common.cc, reference_ops::BroadcastPrelu4DSlow).
//
//  * float32: x >= 0 ? x : x * alpha (-0.0 passes through; NaN gives NaN).
//  * int8 (int8 alpha) and int16 (int8 alpha): v = x - in_zp;
//      v >= 0: out = MBQM(v, M1, s1)                      M1 = in_scale / out_scale
//      v <  0: out = MBQM(v * (alpha - alpha_zp), M2, s2)  M2 = in_scale * alpha_scale / out_scale
//    plus the output zero point, saturated to the type. Both ratios are formed in double.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

struct PreluQuantParams {
  int32_t input_offset = 0;  // -input zero point
  int32_t alpha_offset = 0;  // -alpha zero point
  int32_t output_offset = 0;
  int32_t multiplier_identity = 0;
  int32_t shift_identity = 0;
  int32_t multiplier_alpha = 0;
  int32_t shift_alpha = 0;
};

// TFLM CalculatePreluParams. False when a ratio is not finite.
[[nodiscard]] bool prepare_prelu_quantized(float input_scale, int32_t input_zero_point,
                                           float alpha_scale, int32_t alpha_zero_point,
                                           float output_scale, int32_t output_zero_point,
                                           PreluQuantParams* params);

// g broadcasts the input (input 1) against alpha (input 2).
void prelu_f32(const BroadcastGeometry& g, const float* input, const float* alpha, float* output);
void prelu_s8(const PreluQuantParams& params, const BroadcastGeometry& g, const int8_t* input,
              const int8_t* alpha, int8_t* output);
void prelu_s16(const PreluQuantParams& params, const BroadcastGeometry& g, const int16_t* input,
               const int8_t* alpha, int16_t* output);

}  // namespace ref
}  // namespace mote
