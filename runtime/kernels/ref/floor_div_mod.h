// Reference FLOOR_DIV and FLOOR_MOD with broadcasting, bit-exact with TFLite/TFLM
// (reference_ops::FloorDiv, reference_ops::FloorMod).
//
//  * FLOOR_DIV: floor(double(a) / double(b)) converted back to T, for float32 and int32. For
//    int32 the double quotient is exact enough that this is the true floor division; the one
//    result outside int32, INT32_MIN / -1, wraps to INT32_MIN (TFLite: an out-of-range
//    conversion). Callers reject zero divisors first (TFLite does, for floats too).
//  * FLOOR_MOD: the truncated remainder (std::fmod in float, % for integers) moved into the
//    divisor's sign: r != 0 && (b < 0) != (r < 0) ? r + b : r. A float zero divisor gives NaN;
//    integer zero divisors are rejected by callers; INT_MIN % -1 is 0.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "kernels/ref/broadcast.h"
#include "kernels/ref/fixed_point.h"

namespace mote {
namespace ref {

enum class FloorOp : uint8_t { kDiv, kMod };

// T = float or int32_t.
template <typename T>
T floor_div(T a, T b) {
  const double quotient = std::floor(static_cast<double>(a) / static_cast<double>(b));
  if constexpr (std::is_floating_point<T>::value) {
    return static_cast<T>(quotient);
  } else {
    // |quotient| <= 2^31 here, so the int64 conversion is exact.
    return wrap_to<T>(static_cast<int64_t>(quotient));
  }
}

// T = float, int32_t or int64_t.
template <typename T>
T floor_mod(T a, T b) {
  T remainder = 0;
  if constexpr (std::is_floating_point<T>::value) {
    remainder = std::fmod(a, b);
  } else {
    // The quotient of min / -1 overflows; its remainder is 0.
    remainder = (b == -1) ? T{0} : static_cast<T>(a % b);
  }
  return (remainder != 0 && ((b < 0) != (remainder < 0))) ? static_cast<T>(remainder + b)
                                                          : remainder;
}

template <typename T>
void floor_div_mod(FloorOp op, const BroadcastGeometry& g, const T* input1, const T* input2,
                   T* output) {
  if (op == FloorOp::kDiv) {
    broadcast_binary(g, input1, input2, output, [](T a, T b) { return floor_div(a, b); });
  } else {
    broadcast_binary(g, input1, input2, output, [](T a, T b) { return floor_mod(a, b); });
  }
}

}  // namespace ref
}  // namespace mote
