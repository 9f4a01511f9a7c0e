// Scalar helpers shared by the elementwise reference kernels (ADD, SUB, MUL): TFLite's plain
// float/int32 arithmetic with wrap-around made defined, its ActivationFunctionWithMinMax, and
// CalculateActivationRange<int32_t> for the unquantized int32 paths.
#pragma once

#include <cstdint>
#include <limits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

// int32 arithmetic in TFLite overflows with undefined behaviour; on every target it wraps, which
// is what these return.
inline float plain_add(float a, float b) { return a + b; }
inline int32_t plain_add(int32_t a, int32_t b) { return wrapping_add(a, b); }
inline float plain_sub(float a, float b) { return a - b; }
inline int32_t plain_sub(int32_t a, int32_t b) { return wrapping_sub(a, b); }
inline float plain_mul(float a, float b) { return a * b; }
inline int32_t plain_mul(int32_t a, int32_t b) {
  return wrap_to<int32_t>(static_cast<int64_t>(a) * static_cast<int64_t>(b));
}

// std::min(std::max(x, lo), hi) with std::max/min's exact argument order, so a float NaN passes
// through unclamped as it does in TFLite.
template <typename T>
inline T activation_function_with_min_max(T x, T lo, T hi) {
  const T low_clamped = x < lo ? lo : x;
  return hi < low_clamped ? hi : low_clamped;
}

// CalculateActivationRange<int32_t>: Relu -> [0, max], Relu6 -> [0, 6], ReluN1To1 -> [-1, 1],
// anything else -> the whole int32 range.
inline void calculate_activation_range_s32(FusedActivation activation, int32_t* activation_min,
                                           int32_t* activation_max) {
  *activation_min = std::numeric_limits<int32_t>::lowest();
  *activation_max = std::numeric_limits<int32_t>::max();
  switch (activation) {
    case FusedActivation::kRelu:
      *activation_min = 0;
      break;
    case FusedActivation::kRelu6:
      *activation_min = 0;
      *activation_max = 6;
      break;
    case FusedActivation::kReluN1To1:
      *activation_min = -1;
      *activation_max = 1;
      break;
    case FusedActivation::kNone:
    case FusedActivation::kTanh:
    case FusedActivation::kSignBit:
      break;
  }
}

}  // namespace ref
}  // namespace mote
