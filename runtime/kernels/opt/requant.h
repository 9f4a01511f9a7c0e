// What the optimized int8 kernels share: the prepare-time test that their fast requantization
// (kernels/primitives/common.h) is exact for an op, and the per-output finishing step.
//
// The fast requantization needs |accumulator| <= prim::kRequantMaxAccumulator (2^30 - 1). For an
// int8 dot product of `depth` terms, |x + input_offset| <= 255 (zero points are int8) and
// |w| <= 128, so |acc| <= depth * 255 * 128 + |bias|; Prepare knows both, so the bound is proven
// once per op and Eval runs without checks. Every partial sum obeys the same bound, so the int32
// accumulation never overflows either. A channel whose multiplier is 0 (an underflowed scale)
// outputs its zero point whatever its accumulator, so its bias (often huge: it was quantized
// with that tiny scale) is left out of the bound; its sums may wrap, in the reference kernel as
// here, and the kernels add in unsigned arithmetic so that wrapping is defined.
#pragma once

#include <cstdint>

#include "kernels/primitives/primitives.h"
#include "mote/model.h"

namespace mote {
namespace opt {

// Largest |bias[c]| of a constant int32 bias tensor over the channels c whose multiplier is not 0
// (multipliers[c], or multipliers[0] for all channels when !per_channel); 0 without a bias; -1
// when the bias is not a constant (its values, hence the accumulator bound, are unknown).
int64_t max_abs_bias(const TensorDesc& bias, bool has_bias, const int32_t* multipliers,
                     bool per_channel);

// True when dot products of `depth` int8 terms plus a bias of magnitude <= max_abs_bias
// (>= 0) stay within prim::kRequantMaxAccumulator.
bool accumulator_fits(int64_t depth, int64_t max_abs_bias);

// True when every (multipliers[i], shifts[i]), i < count, is in prim::requant_supported's domain.
bool requant_supported(const int32_t* multipliers, const int32_t* shifts, int32_t count);

// Rewrites the shift of every channel whose multiplier is 0 (an underflowed scale, stored by
// TFLite as (0, 0)) to -1. Such a channel outputs 0 + zero point for any shift, in the reference
// kernels as in the optimized ones, so this changes no result; it only brings the channel into
// prim::requant_supported's domain.
void canonicalize_zero_multipliers(const int32_t* multipliers, int32_t* shifts, int32_t count);

// Requantized, offset and saturated to int8 (the fused activation clamp, when narrower than
// int8, runs afterwards over the whole output: prim::clamp_s8). kWide: any accumulator
// (prim::requantize_wide); otherwise the caller proved |acc| <= prim::kRequantMaxAccumulator.
// The requantized value is below 2^30 in magnitude, so adding an int8 zero point cannot overflow.
template <bool kWide = false>
inline int8_t finish_s8(int32_t acc, const prim::RequantChannel& channel, int32_t output_offset) {
  return static_cast<int8_t>(
      prim::saturate_s8(kWide ? prim::requantize_wide(acc, channel, output_offset)
                              : prim::requantize(acc, channel, output_offset)));
}

// Whether [activation_min, activation_max] is narrower than int8, i.e. needs the clamp pass.
inline bool needs_clamp(int32_t activation_min, int32_t activation_max) {
  return activation_min > -128 || activation_max < 127;
}

}  // namespace opt
}  // namespace mote
