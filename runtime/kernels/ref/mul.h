// Reference MUL with broadcasting, bit-exact with TFLM (reference_ops::Mul / BroadcastMul6DSlow
// for float32 and int32, reference_integer_ops::Mul / MulElementwise / BroadcastMul6DSlow for
// int8 and int16).
//
// float32 and int32: out = clamp(a * b, activation_min, activation_max); int32 wraps.
// int8 and int16: out = clamp(zp_out + multiply_by_quantized_multiplier((a - zp1) * (b - zp2),
//                  multiplier, shift), activation_min, activation_max)
// with multiplier/shift = quantize_multiplier(scale1 * scale2 / scale_out) in double. The
// product fits int32: |a - zp| <= 255 for int8, and int16 requires zero points of 0.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

struct MulQuant {
  int32_t input1_offset = 0;      // -zero point of input 1
  int32_t input2_offset = 0;      // -zero point of input 2
  int32_t output_offset = 0;      // zero point of the output
  int32_t output_multiplier = 0;  // Q31
  int32_t output_shift = 0;       // in [-31, 30], positive = left
  int32_t activation_min = 0;
  int32_t activation_max = 0;
};

// T = float or int32_t.
template <typename T>
void mul(const BroadcastGeometry& g, T activation_min, T activation_max, const T* input1,
         const T* input2, T* output);

// T = int8_t or int16_t.
template <typename T>
void mul_quantized(const BroadcastGeometry& g, const MulQuant& q, const T* input1, const T* input2,
                   T* output);

}  // namespace ref
}  // namespace mote
