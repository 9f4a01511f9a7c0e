// Reference CAST, bit-exact with TFLM's cast.cc as its current tests pin it down (cast_test.cc:
// CastFloatToInt8/Int16/Int32/UInt32, CastFloatToBool):
//
//   float -> integer: truncation toward zero, saturated to the target type's range; NaN -> 0
//                     (so +-inf give the type's max / min, -1.0f gives 0 for uint32).
//   any -> bool:      value != 0 (NaN is true), stored as the byte 0 or 1.
//   integer -> integer: two's complement wrap-around (static_cast).
//   integer or bool -> float: rounding to nearest (static_cast).
//   bool -> any:      0 or 1. A bool element is read as a byte and any non-zero byte is true
//                     (reading a byte other than 0 or 1 as C++ bool would be undefined).
//   float -> float:   unchanged.
//
//   ref::cast_values(input_f32, output_s8, count);
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace mote {
namespace ref {

// One element of a bool tensor (input or output).
struct BoolByte {
  uint8_t byte;
};

template <typename To, typename From>
To cast_value(From v) {
  if constexpr (std::is_same<To, BoolByte>::value) {
    if constexpr (std::is_same<From, BoolByte>::value) {
      return BoolByte{static_cast<uint8_t>(v.byte != 0 ? 1 : 0)};
    } else {
      return BoolByte{static_cast<uint8_t>(v != 0 ? 1 : 0)};
    }
  } else if constexpr (std::is_same<From, BoolByte>::value) {
    return static_cast<To>(v.byte != 0 ? 1 : 0);
  } else if constexpr (std::is_floating_point<From>::value && std::is_integral<To>::value) {
    // Every integer type's min is a power of two (or 0), exact in float; max + 1 rounds to the
    // next power of two, also exact, and no float lies between max and it.
    constexpr From kLower = static_cast<From>(std::numeric_limits<To>::min());
    constexpr From kUpper = static_cast<From>(std::numeric_limits<To>::max()) + From{1};
    if (v != v) return To{0};
    if (v >= kUpper) return std::numeric_limits<To>::max();
    if (v < kLower) return std::numeric_limits<To>::min();
    return static_cast<To>(v);
  } else {
    return static_cast<To>(v);
  }
}

template <typename From, typename To>
void cast_values(const From* input, To* output, int64_t count) {
  for (int64_t i = 0; i < count; ++i) output[i] = cast_value<To>(input[i]);
}

}  // namespace ref
}  // namespace mote
