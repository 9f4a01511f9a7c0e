// Fixed-point arithmetic shared by every quantized reference kernel.
//
// This header gives the scalar (int32_t and int16_t) semantics of gemmlowp's
// fixedpoint.h, which TensorFlow Lite for Microcontrollers (TFLM) uses for its
// quantized kernels, plus the TFLite helpers built on it (get_reciprocal,
// count_leading_zeros, log_x_for_x_greater_than_or_equal_to_1, ...). Every
// function returns the same bits as the TFLM reference build, so kernels
// written on top of it are bit-exact with TFLM.
//
// Differences from gemmlowp that do not change any result:
//  * gemmlowp leans on signed wrap-around (for example `-x` of INT32_MIN, or a
//    shift that is masked away afterwards). That is undefined behaviour in
//    C++. Here every such step goes through the wrapping_* helpers below,
//    which compute the same two's-complement bits without UB, so the code is
//    clean under -fsanitize=undefined.
//  * Narrowing to int16_t is done by wrap_to<int16_t>() rather than by an
//    implementation-defined conversion.
//
// Everything here is header-only, freestanding (no heap, no exceptions) and,
// where the language allows, constexpr.
//
// Usage (what TFLM's int8 softmax does per element):
//
//   using mote::ref::FixedPoint;
//   const auto diff = FixedPoint<int32_t, 5>::from_raw(scaled_input_diff);
//   const FixedPoint<int32_t, 0> e = mote::ref::exp_on_negative_values(diff);
//   sum = sum + mote::ref::rescale<12>(e);
#ifndef MOTE_RUNTIME_KERNELS_REF_FIXED_POINT_H_
#define MOTE_RUNTIME_KERNELS_REF_FIXED_POINT_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace mote {
namespace ref {

// ---------------------------------------------------------------------------
// Part 0: tiny helpers (no <algorithm> in the runtime).
// ---------------------------------------------------------------------------

template <typename T>
constexpr T min_of(T a, T b) {
  return b < a ? b : a;
}

template <typename T>
constexpr T max_of(T a, T b) {
  return a < b ? b : a;
}

template <typename T>
constexpr T clamp_to(T x, T lo, T hi) {
  return min_of(max_of(x, lo), hi);
}

// The raw types the fixed-point code is defined for.
template <typename T>
struct IsFixedPointRaw : std::integral_constant<bool, std::is_same<T, int32_t>::value ||
                                                          std::is_same<T, int16_t>::value> {};

// Two's-complement truncation of `v` to T: the low bits of v, read as a
// signed T. This is what a plain narrowing conversion does on every compiler
// we target, but written so that it is defined by the standard.
template <typename T>
constexpr T wrap_to(int64_t v) {
  static_assert(std::is_integral<T>::value && std::is_signed<T>::value, "signed T only");
  using U = typename std::make_unsigned<T>::type;
  const U u = static_cast<U>(static_cast<uint64_t>(v));
  constexpr U kMaxPositive = static_cast<U>(std::numeric_limits<T>::max());
  if (u <= kMaxPositive) {
    return static_cast<T>(u);
  }
  // u - 2^(n-1) is in [0, 2^(n-1)); adding T's minimum lands in [min, 0).
  return static_cast<T>(static_cast<T>(u - kMaxPositive - 1U) + std::numeric_limits<T>::min());
}

// a + b, a - b, -a and a * 2^n modulo 2^bits. gemmlowp writes these as plain
// signed arithmetic; on the values the kernels feed in they do not overflow,
// but the raw operators must still be total, so they wrap here instead of
// invoking UB. For int16_t they match gemmlowp exactly: there the arithmetic
// happens in int and the result is narrowed back.
template <typename T>
constexpr T wrapping_add(T a, T b) {
  return wrap_to<T>(static_cast<int64_t>(a) + static_cast<int64_t>(b));
}

template <typename T>
constexpr T wrapping_sub(T a, T b) {
  return wrap_to<T>(static_cast<int64_t>(a) - static_cast<int64_t>(b));
}

template <typename T>
constexpr T wrapping_neg(T a) {
  return wrap_to<T>(-static_cast<int64_t>(a));
}

// a * 2^shift, shift in [0, 31]. |a| <= 2^31 and 2^shift <= 2^31, so the int64
// product cannot overflow.
template <typename T>
constexpr T wrapping_shift_left(T a, int shift) {
  return wrap_to<T>(static_cast<int64_t>(a) * (static_cast<int64_t>(1) << shift));
}

// ---------------------------------------------------------------------------
// Part 1: raw integer primitives (gemmlowp "Part 1").
// ---------------------------------------------------------------------------

// Masks are all-ones (-1) for true and 0 for false, as in gemmlowp; they let
// the math functions below stay branch-free like the SIMD originals.
template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_non_zero(T a) {
  return a != 0 ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_zero(T a) {
  return a == 0 ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_equal(T a, T b) {
  return a == b ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_not_equal(T a, T b) {
  return a != b ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_greater_than(T a, T b) {
  return a > b ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_greater_than_or_equal(T a, T b) {
  return a >= b ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_less_than(T a, T b) {
  return a < b ? static_cast<T>(-1) : static_cast<T>(0);
}

template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T mask_if_less_than_or_equal(T a, T b) {
  return a <= b ? static_cast<T>(-1) : static_cast<T>(0);
}

// Bitwise select (ARM VBSL): bits of then_val where mask is set, else_val
// elsewhere.
template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T select_using_mask(T if_mask, T then_val, T else_val) {
  return static_cast<T>((if_mask & then_val) ^ (~if_mask & else_val));
}

// (a * b) / 2^31 rounded to nearest with ties toward +infinity, i.e.
// floor(a * b / 2^31 + 1/2), with the single overflow case
// INT32_MIN * INT32_MIN saturated to INT32_MAX. Same as the ARM VQRDMULH
// instruction and gemmlowp::SaturatingRoundingDoublingHighMul: the nudge is
// +2^30 for a non-negative product and 1 - 2^30 otherwise, and the division
// truncates toward zero, so -1.5 becomes -1 but 1.5 becomes 2 (note: not the
// same tie rule as rounding_divide_by_pot). |a * b| <= 2^62, so the int64
// arithmetic never overflows.
constexpr int32_t saturating_rounding_doubling_high_mul(int32_t a, int32_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int32_t>::min();
  const int64_t ab = static_cast<int64_t>(a) * static_cast<int64_t>(b);
  const int64_t nudge = ab >= 0 ? (int64_t{1} << 30) : (1 - (int64_t{1} << 30));
  // Only INT32_MIN^2 leaves the int32 range here, and that case is replaced.
  const int32_t high = wrap_to<int32_t>((ab + nudge) / (int64_t{1} << 31));
  return overflow ? std::numeric_limits<int32_t>::max() : high;
}

// int16_t version: (a * b) / 2^15 with the same rounding (ties toward
// +infinity) and saturation.
constexpr int16_t saturating_rounding_doubling_high_mul(int16_t a, int16_t b) {
  const bool overflow = a == b && a == std::numeric_limits<int16_t>::min();
  const int32_t ab = static_cast<int32_t>(a) * static_cast<int32_t>(b);
  const int32_t nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
  const int16_t high = wrap_to<int16_t>((ab + nudge) / (1 << 15));
  return overflow ? std::numeric_limits<int16_t>::max() : high;
}

// x / 2^exponent rounded to nearest, ties away from zero (gemmlowp
// RoundingDivideByPOT). Example: rounding_divide_by_pot(-5, 1) == -3.
// exponent must be in [0, 31] for int32_t and [0, 15] for int16_t; values
// outside are clamped into that range so the function stays defined.
// How it rounds: x >> e is floor(x / 2^e) and the low bits r = x & (2^e - 1)
// are the non-negative remainder. One is added when r is above the threshold
// 2^(e-1) - 1, i.e. when r >= half, which rounds a positive half up. For
// negative x the threshold is one higher, so an exact half stays at the floor,
// which is again away from zero.
template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T rounding_divide_by_pot(T x, int exponent) {
  constexpr int kMaxExponent = static_cast<int>(8 * sizeof(T)) - 1;
  const int e = clamp_to(exponent, 0, kMaxExponent);
  const T mask = static_cast<T>((int64_t{1} << e) - 1);
  const T remainder = static_cast<T>(x & mask);
  const T threshold = static_cast<T>((mask >> 1) + (x < 0 ? 1 : 0));
  // x >> e is an arithmetic shift (implementation-defined before C++20, but
  // arithmetic on every supported compiler, and what gemmlowp relies on).
  return static_cast<T>((x >> e) + (remainder > threshold ? 1 : 0));
}

// x * 2^Exponent for a compile-time Exponent: a saturating left shift when
// Exponent > 0, rounding_divide_by_pot when Exponent < 0 (gemmlowp
// SaturatingRoundingMultiplyByPOT). The saturation thresholds are gemmlowp's:
// x > 2^(bits-1-E) - 1 saturates to max and x < -(2^(bits-1-E) - 1) to min.
template <int Exponent, typename T>
constexpr T saturating_rounding_multiply_by_pot(T x) {
  static_assert(IsFixedPointRaw<T>::value, "int32_t or int16_t only");
  constexpr int kBits = static_cast<int>(8 * sizeof(T));
  static_assert(Exponent > -kBits && Exponent < kBits, "exponent out of range");
  if constexpr (Exponent == 0) {
    return x;
  } else if constexpr (Exponent < 0) {
    return rounding_divide_by_pot(x, -Exponent);
  } else {
    constexpr int32_t kThreshold = static_cast<int32_t>((int64_t{1} << (kBits - 1 - Exponent)) - 1);
    const T positive_mask = mask_if_greater_than(x, static_cast<T>(kThreshold));
    const T negative_mask = mask_if_less_than(x, static_cast<T>(-kThreshold));
    T result = wrapping_shift_left(x, Exponent);
    result = select_using_mask(positive_mask, std::numeric_limits<T>::max(), result);
    result = select_using_mask(negative_mask, std::numeric_limits<T>::min(), result);
    return result;
  }
}

// Run-time exponent version (TFLite SaturatingRoundingMultiplyByPOTParam).
// TFLite only defines exponent >= 0; a negative exponent is treated here as
// rounding_divide_by_pot(x, -exponent) instead of being undefined.
template <typename T, typename = typename std::enable_if<IsFixedPointRaw<T>::value>::type>
constexpr T saturating_rounding_multiply_by_pot_param(T x, int exponent) {
  constexpr int kBits = static_cast<int>(8 * sizeof(T));
  if (exponent == 0) {
    return x;
  }
  if (exponent < 0) {
    return rounding_divide_by_pot(x, -exponent);
  }
  const int e = min_of(exponent, kBits - 1);
  const int32_t threshold = static_cast<int32_t>((int64_t{1} << (kBits - 1 - e)) - 1);
  const T positive_mask = mask_if_greater_than(x, static_cast<T>(threshold));
  const T negative_mask = mask_if_less_than(x, static_cast<T>(-threshold));
  T result = wrapping_shift_left(x, e);
  result = select_using_mask(positive_mask, std::numeric_limits<T>::max(), result);
  result = select_using_mask(negative_mask, std::numeric_limits<T>::min(), result);
  return result;
}

// (a + b) / 2 rounded to nearest, ties away from zero: gemmlowp's scalar
// RoundingHalfSum, (sum + sign(sum)) / 2 with truncating division. (The ARM
// VRHADD instruction it is named after rounds ties up instead; the scalar
// code is what TFLM's reference kernels run.)
constexpr int32_t rounding_half_sum(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  const int64_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int32_t>((sum + sign) / 2);
}

constexpr int16_t rounding_half_sum(int16_t a, int16_t b) {
  const int32_t sum = static_cast<int32_t>(a) + static_cast<int32_t>(b);
  const int32_t sign = sum >= 0 ? 1 : -1;
  return static_cast<int16_t>((sum + sign) / 2);
}

// Saturating a + b. gemmlowp defines it for int16_t only; the int32_t
// overload is TFLite's SaturatingAddNonGemmlowp.
constexpr int16_t saturating_add(int16_t a, int16_t b) {
  const int32_t sum = static_cast<int32_t>(a) + static_cast<int32_t>(b);
  return static_cast<int16_t>(clamp_to<int32_t>(sum, -32768, 32767));
}

constexpr int32_t saturating_add(int32_t a, int32_t b) {
  const int64_t sum = static_cast<int64_t>(a) + static_cast<int64_t>(b);
  return static_cast<int32_t>(clamp_to<int64_t>(sum, std::numeric_limits<int32_t>::min(),
                                                std::numeric_limits<int32_t>::max()));
}

// Saturating a - b (TFLite SaturatingSub).
constexpr int16_t saturating_sub(int16_t a, int16_t b) {
  const int32_t diff = static_cast<int32_t>(a) - static_cast<int32_t>(b);
  return static_cast<int16_t>(clamp_to<int32_t>(diff, -32768, 32767));
}

constexpr int32_t saturating_sub(int32_t a, int32_t b) {
  const int64_t diff = static_cast<int64_t>(a) - static_cast<int64_t>(b);
  return static_cast<int32_t>(clamp_to<int64_t>(diff, std::numeric_limits<int32_t>::min(),
                                                std::numeric_limits<int32_t>::max()));
}

// gemmlowp AddSaturatingIf16Bit: saturating for int16_t, plain (here:
// wrapping) addition for int32_t. Used at the end of the exp polynomial, where
// the 16-bit result can touch the top of the range.
constexpr int16_t add_saturating_if_16bit(int16_t a, int16_t b) { return saturating_add(a, b); }
constexpr int32_t add_saturating_if_16bit(int32_t a, int32_t b) { return wrapping_add(a, b); }

// ---------------------------------------------------------------------------
// Part 2: the FixedPoint class (gemmlowp "Part 2" and "Part 3").
// ---------------------------------------------------------------------------

// A real number stored in RawType with IntegerBits integer bits (sign bit not
// counted), i.e. Q<IntegerBits>.<bits - 1 - IntegerBits>. The representable
// range is [-2^IntegerBits, 2^IntegerBits).
template <typename RawType, int IntegerBits>
class FixedPoint {
 public:
  static_assert(IsFixedPointRaw<RawType>::value, "RawType must be int32_t or int16_t");
  using Raw = RawType;
  static constexpr int kTotalBits = static_cast<int>(8 * sizeof(RawType));
  static constexpr int kIntegerBits = IntegerBits;
  static constexpr int kFractionalBits = kTotalBits - 1 - kIntegerBits;
  static_assert(kIntegerBits >= 0 && kIntegerBits < kTotalBits, "bad IntegerBits");

  constexpr FixedPoint() = default;

  static constexpr FixedPoint from_raw(RawType x) {
    FixedPoint result;
    result.raw_ = x;
    return result;
  }

  constexpr RawType raw() const { return raw_; }

  static constexpr RawType raw_min() { return std::numeric_limits<RawType>::min(); }
  static constexpr RawType raw_max() { return std::numeric_limits<RawType>::max(); }

  // 2^Exponent, which must be exactly representable.
  template <int Exponent>
  static constexpr FixedPoint constant_pot() {
    constexpr int kOffset = kFractionalBits + Exponent;
    static_assert(kOffset >= 0 && kOffset < kTotalBits - 1,
                  "constant not exactly representable in this fixed-point format");
    return from_raw(static_cast<RawType>(RawType{1} << kOffset));
  }

  static constexpr FixedPoint zero() { return from_raw(0); }

  // 1.0, or the largest value below it when IntegerBits == 0 (1.0 itself is
  // not representable there).
  static constexpr FixedPoint one() {
    if constexpr (kIntegerBits == 0) {
      return from_raw(raw_max());
    } else {
      return from_raw(static_cast<RawType>(RawType{1} << kFractionalBits));
    }
  }

  // round(x * 2^kFractionalBits), saturated to the raw range: gemmlowp
  // FromDouble. Not constexpr because std::round is not (C++17); the math
  // functions below use exact raw constants (from_q31_constant) instead, and
  // the tests check that both agree.
  // NaN maps to zero (gemmlowp leaves it undefined).
  static FixedPoint from_double(double x) {
    if (x != x) {
      return zero();
    }
    const double scaled = std::round(x * static_cast<double>(int64_t{1} << kFractionalBits));
    const double clamped =
        clamp_to(scaled, static_cast<double>(raw_min()), static_cast<double>(raw_max()));
    return from_raw(static_cast<RawType>(clamped));
  }

  // A constant given as an int32 raw value of the 32-bit format with the same
  // IntegerBits; for int16_t it is rounding-shifted right by 16 bits. This is
  // gemmlowp's RescaleConstantInitializer, which is how every constant in
  // its math functions is built, so that one literal serves both widths.
  static constexpr FixedPoint from_q31_constant(int32_t raw32) {
    return from_raw(static_cast<RawType>(rounding_divide_by_pot(raw32, 32 - kTotalBits)));
  }

 private:
  RawType raw_ = 0;
};

// Multiplication: saturating_rounding_doubling_high_mul on the raw values.
// The integer bits add up.
template <typename R, int BitsA, int BitsB>
constexpr FixedPoint<R, BitsA + BitsB> operator*(FixedPoint<R, BitsA> a, FixedPoint<R, BitsB> b) {
  return FixedPoint<R, BitsA + BitsB>::from_raw(
      saturating_rounding_doubling_high_mul(a.raw(), b.raw()));
}

// Exact multiplication by 2^Exponent: only the format changes, not the raw
// value.
template <int Exponent, typename R, int Bits>
constexpr FixedPoint<R, Bits + Exponent> exact_mul_by_pot(FixedPoint<R, Bits> a) {
  return FixedPoint<R, Bits + Exponent>::from_raw(a.raw());
}

// Multiplication by 2^Exponent keeping the format: saturating / rounding.
template <int Exponent, typename R, int Bits>
constexpr FixedPoint<R, Bits> saturating_rounding_multiply_by_pot(FixedPoint<R, Bits> a) {
  return FixedPoint<R, Bits>::from_raw(saturating_rounding_multiply_by_pot<Exponent>(a.raw()));
}

// Changes the number of integer bits, rescaling the raw value (saturating
// when gaining fractional bits, rounding when losing them).
template <int NewIntegerBits, typename R, int Bits>
constexpr FixedPoint<R, NewIntegerBits> rescale(FixedPoint<R, Bits> x) {
  return FixedPoint<R, NewIntegerBits>::from_raw(
      saturating_rounding_multiply_by_pot<Bits - NewIntegerBits>(x.raw()));
}

// Plain arithmetic and bit operators. + and - wrap like gemmlowp's plain
// integer Add/Sub (they never overflow on the ranges the math functions use).
template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator+(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(wrapping_add(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator-(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(wrapping_sub(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator-(FixedPoint<R, Bits> a) {
  return FixedPoint<R, Bits>::from_raw(wrapping_neg(a.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator~(FixedPoint<R, Bits> a) {
  return FixedPoint<R, Bits>::from_raw(static_cast<R>(~a.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator&(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(static_cast<R>(a.raw() & b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator|(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(static_cast<R>(a.raw() | b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> operator^(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(static_cast<R>(a.raw() ^ b.raw()));
}

template <typename R, int Bits>
constexpr bool operator==(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return a.raw() == b.raw();
}

template <typename R, int Bits>
constexpr bool operator!=(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return a.raw() != b.raw();
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> rounding_half_sum(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(rounding_half_sum(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> saturating_add(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(saturating_add(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> saturating_sub(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(saturating_sub(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> add_saturating_if_16bit(FixedPoint<R, Bits> a,
                                                      FixedPoint<R, Bits> b) {
  return FixedPoint<R, Bits>::from_raw(add_saturating_if_16bit(a.raw(), b.raw()));
}

template <typename R, int Bits>
constexpr FixedPoint<R, Bits> select_using_mask(R if_mask, FixedPoint<R, Bits> then_val,
                                                FixedPoint<R, Bits> else_val) {
  return FixedPoint<R, Bits>::from_raw(select_using_mask(if_mask, then_val.raw(), else_val.raw()));
}

// Masks of FixedPoint values return the raw mask.
template <typename R, int Bits>
constexpr R mask_if_zero(FixedPoint<R, Bits> a) {
  return mask_if_zero(a.raw());
}
template <typename R, int Bits>
constexpr R mask_if_non_zero(FixedPoint<R, Bits> a) {
  return mask_if_non_zero(a.raw());
}
template <typename R, int Bits>
constexpr R mask_if_equal(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_equal(a.raw(), b.raw());
}
template <typename R, int Bits>
constexpr R mask_if_not_equal(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_not_equal(a.raw(), b.raw());
}
template <typename R, int Bits>
constexpr R mask_if_greater_than(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_greater_than(a.raw(), b.raw());
}
template <typename R, int Bits>
constexpr R mask_if_greater_than_or_equal(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_greater_than_or_equal(a.raw(), b.raw());
}
template <typename R, int Bits>
constexpr R mask_if_less_than(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_less_than(a.raw(), b.raw());
}
template <typename R, int Bits>
constexpr R mask_if_less_than_or_equal(FixedPoint<R, Bits> a, FixedPoint<R, Bits> b) {
  return mask_if_less_than_or_equal(a.raw(), b.raw());
}

// The real value, for tests and diagnostics.
template <typename R, int Bits>
inline double to_double(FixedPoint<R, Bits> x) {
  return static_cast<double>(x.raw()) /
         static_cast<double>(int64_t{1} << FixedPoint<R, Bits>::kFractionalBits);
}

// ---------------------------------------------------------------------------
// Part 3: gemmlowp math functions. The raw int32 constants are gemmlowp's;
// fixed_point_test.cc checks each against from_double(<real value>).
// ---------------------------------------------------------------------------

// exp(a) for a in [-1/4, 0). Taylor expansion around -1/8 to fourth order:
// exp(-1/8) * (1 + x + x^2/2 + x^3/6 + x^4/24) with x = a + 1/8.
template <typename R>
constexpr FixedPoint<R, 0> exp_on_interval_between_negative_one_quarter_and_0_excl(
    FixedPoint<R, 0> a) {
  using F = FixedPoint<R, 0>;
  constexpr F kConstantTerm = F::from_q31_constant(1895147668);   // exp(-1/8)
  constexpr F kConstant1Over3 = F::from_q31_constant(715827883);  // 1/3
  const F x = a + F::template constant_pot<-3>();
  const F x2 = x * x;
  const F x3 = x2 * x;
  const F x4 = x2 * x2;
  const F x4_over_4 = saturating_rounding_multiply_by_pot<-2>(x4);
  const F x4_over_24_plus_x3_over_6_plus_x2_over_2 =
      saturating_rounding_multiply_by_pot<-1>(((x4_over_4 + x3) * kConstant1Over3) + x2);
  return add_saturating_if_16bit(kConstantTerm,
                                 kConstantTerm * (x + x4_over_24_plus_x3_over_6_plus_x2_over_2));
}

namespace detail {

// One stage of the exp barrel shifter: if bit (kFractionalBits + Exponent) of
// `remainder` is set, multiply by exp(-2^Exponent). Stages whose bit lies
// above the input's integer range are compiled out, as in gemmlowp.
template <int Exponent, typename R, int InputIntegerBits>
constexpr FixedPoint<R, 0> exp_barrel_shifter_step(FixedPoint<R, 0> result, R remainder,
                                                   int32_t multiplier_q31) {
  if constexpr (InputIntegerBits > Exponent) {
    constexpr int kShiftAmount = FixedPoint<R, InputIntegerBits>::kFractionalBits + Exponent;
    static_assert(kShiftAmount >= 0, "too many integer bits for exp_on_negative_values");
    const FixedPoint<R, 0> multiplier = FixedPoint<R, 0>::from_q31_constant(multiplier_q31);
    const R bit = static_cast<R>(remainder & static_cast<R>(R{1} << kShiftAmount));
    return select_using_mask(mask_if_non_zero(bit), result * multiplier, result);
  } else {
    (void)remainder;
    (void)multiplier_q31;
    return result;
  }
}

}  // namespace detail

// exp(a) for a <= 0, any number of integer bits. The input is split into
// a = q + r with r in [-1/4, 0) evaluated by the polynomial above, and q a
// multiple of -1/4 applied bit by bit with exp(-2^k) factors. Inputs below -32
// flush to 0 (exp(-32) is below one unit of Q0.31), and a == 0 returns one().
// Positive inputs are outside the contract (as in gemmlowp).
template <typename R, int IntegerBits>
constexpr FixedPoint<R, 0> exp_on_negative_values(FixedPoint<R, IntegerBits> a) {
  using InputF = FixedPoint<R, IntegerBits>;
  using ResultF = FixedPoint<R, 0>;
  const InputF one_quarter = InputF::template constant_pot<-2>();
  const InputF mask = one_quarter - InputF::from_raw(1);
  const InputF a_mod_quarter_minus_one_quarter = (a & mask) - one_quarter;
  ResultF result = exp_on_interval_between_negative_one_quarter_and_0_excl(
      rescale<0>(a_mod_quarter_minus_one_quarter));
  const R remainder = (a_mod_quarter_minus_one_quarter - a).raw();

  result = detail::exp_barrel_shifter_step<-2, R, IntegerBits>(result, remainder, 1672461947);
  result = detail::exp_barrel_shifter_step<-1, R, IntegerBits>(result, remainder, 1302514674);
  result = detail::exp_barrel_shifter_step<+0, R, IntegerBits>(result, remainder, 790015084);
  result = detail::exp_barrel_shifter_step<+1, R, IntegerBits>(result, remainder, 290630308);
  result = detail::exp_barrel_shifter_step<+2, R, IntegerBits>(result, remainder, 39332535);
  result = detail::exp_barrel_shifter_step<+3, R, IntegerBits>(result, remainder, 720401);
  result = detail::exp_barrel_shifter_step<+4, R, IntegerBits>(result, remainder, 242);

  if constexpr (IntegerBits > 5) {
    // -32 in the 32-bit format with IntegerBits integer bits.
    constexpr int kClampShift = 36 - IntegerBits;
    const InputF clamp = InputF::from_q31_constant(-(int32_t{1} << kClampShift));
    result = select_using_mask(mask_if_less_than(a, clamp), ResultF::zero(), result);
  }

  result = select_using_mask(mask_if_zero(a), ResultF::one(), result);
  return result;
}

// (1 - a) / (1 + a) for a in (0, 1): three Newton-Raphson steps for
// 1 / ((1 + a) / 2), starting from the 48/17 - 32/17 * d estimate.
template <typename R>
constexpr FixedPoint<R, 0> one_minus_x_over_one_plus_x_for_x_in_0_1(FixedPoint<R, 0> a) {
  using F0 = FixedPoint<R, 0>;
  using F2 = FixedPoint<R, 2>;
  const F0 half_denominator = rounding_half_sum(a, F0::one());
  constexpr F2 kConstant48Over17 = F2::from_q31_constant(1515870810);
  constexpr F2 kConstantNeg32Over17 = F2::from_q31_constant(-1010580540);
  F2 x = kConstant48Over17 + half_denominator * kConstantNeg32Over17;
  for (int i = 0; i < 3; ++i) {
    const F2 half_denominator_times_x = half_denominator * x;
    const F2 one_minus_half_denominator_times_x = F2::one() - half_denominator_times_x;
    x = x + rescale<2>(x * one_minus_half_denominator_times_x);
  }
  return rescale<0>(x - F2::one());
}

// -tanh(a) for a < 0, via (1 - exp(2a)) / (1 + exp(2a)).
template <typename R, int IntegerBits>
constexpr FixedPoint<R, 0> neg_tanh_on_negative_values(FixedPoint<R, IntegerBits> a) {
  return one_minus_x_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(exact_mul_by_pot<1>(a)));
}

// tanh(a) for any a. Note the input must leave one spare integer bit
// (IntegerBits + 1 < bits) because 2a is formed exactly.
template <typename R, int IntegerBits>
constexpr FixedPoint<R, 0> tanh(FixedPoint<R, IntegerBits> a) {
  using InputF = FixedPoint<R, IntegerBits>;
  using ResultF = FixedPoint<R, 0>;
  const R mask_if_negative = mask_if_less_than(a, InputF::zero());
  const R mask_if_zero_input = mask_if_zero(a);
  const InputF n = select_using_mask(mask_if_negative, a, -a);
  const ResultF t = neg_tanh_on_negative_values(n);
  return select_using_mask(mask_if_zero_input, ResultF::zero(),
                           select_using_mask(mask_if_negative, -t, t));
}

// 1 / (1 + a) for a in (0, 1), by the same Newton-Raphson iteration.
template <typename R>
constexpr FixedPoint<R, 0> one_over_one_plus_x_for_x_in_0_1(FixedPoint<R, 0> a) {
  using F0 = FixedPoint<R, 0>;
  using F2 = FixedPoint<R, 2>;
  const F0 half_denominator = rounding_half_sum(a, F0::one());
  constexpr F2 kConstant48Over17 = F2::from_q31_constant(1515870810);
  constexpr F2 kConstantNeg32Over17 = F2::from_q31_constant(-1010580540);
  F2 x = kConstant48Over17 + half_denominator * kConstantNeg32Over17;
  for (int i = 0; i < 3; ++i) {
    const F2 half_denominator_times_x = half_denominator * x;
    const F2 one_minus_half_denominator_times_x = F2::one() - half_denominator_times_x;
    x = x + rescale<2>(x * one_minus_half_denominator_times_x);
  }
  return rescale<0>(exact_mul_by_pot<-1>(x));
}

// logistic(a) = 1 / (1 + exp(-a)) for a > 0.
template <typename R, int IntegerBits>
constexpr FixedPoint<R, 0> logistic_on_positive_values(FixedPoint<R, IntegerBits> a) {
  return one_over_one_plus_x_for_x_in_0_1(exp_on_negative_values(-a));
}

// logistic(a) for any a; logistic(0) is exactly 0.5 and negative inputs use
// 1 - logistic(-a).
template <typename R, int IntegerBits>
constexpr FixedPoint<R, 0> logistic(FixedPoint<R, IntegerBits> a) {
  using InputF = FixedPoint<R, IntegerBits>;
  using ResultF = FixedPoint<R, 0>;
  const R mask_if_positive = mask_if_greater_than(a, InputF::zero());
  const R mask_if_zero_input = mask_if_zero(a);
  const InputF abs_input = select_using_mask(mask_if_positive, a, -a);
  const ResultF result_if_positive = logistic_on_positive_values(abs_input);
  const ResultF result_if_negative = ResultF::one() - result_if_positive;
  constexpr ResultF kOneHalf = ResultF::from_q31_constant(int32_t{1} << 30);
  return select_using_mask(
      mask_if_zero_input, kOneHalf,
      select_using_mask(mask_if_positive, result_if_positive, result_if_negative));
}

// ---------------------------------------------------------------------------
// Part 4: TFLite helpers built on the above (tensorflow/lite/kernels/internal/
// common.h).
// ---------------------------------------------------------------------------

// Number of leading zero bits; the full width for 0.
template <typename T>
constexpr int count_leading_zeros(T x) {
  static_assert(std::is_unsigned<T>::value, "unsigned types only");
  constexpr int kDigits = std::numeric_limits<T>::digits;
  if (x == 0) {
    return kDigits;
  }
#if defined(__GNUC__)
  if constexpr (kDigits == 32 && sizeof(unsigned int) == 4) {
    return __builtin_clz(static_cast<unsigned int>(x));
  } else if constexpr (kDigits == 64 && sizeof(unsigned long long) == 8) {  // NOLINT(runtime/int)
    return __builtin_clzll(static_cast<unsigned long long>(x));             // NOLINT(runtime/int)
  }
#endif
  int zeros = 0;
  const T top = static_cast<T>(T{1} << (kDigits - 1));
  while ((x & top) == 0) {
    x = static_cast<T>(x << 1);
    ++zeros;
  }
  return zeros;
}

// Number of redundant sign bits (GCC __builtin_clrsb), with 0 -> digits (31
// for int32_t) and INT_MIN -> 0, as TFLite CountLeadingSignBits.
template <typename T>
constexpr int count_leading_sign_bits(T x) {
  static_assert(std::is_signed<T>::value && std::is_integral<T>::value, "signed types only");
  using U = typename std::make_unsigned<T>::type;
  // x ^ (x >> (digits)) clears the sign copies; for x >= 0 it is x itself.
  const U ux = static_cast<U>(x);
  const U folded = x < 0 ? static_cast<U>(~ux) : ux;
  return count_leading_zeros(folded) - 1;
}

// 1 / x for a positive fixed-point x with x_integer_digits integer bits
// (TFLite GetReciprocal, used by softmax). Returns the reciprocal's
// significand in Q0.31 and sets *num_bits_over_unit so that
// 1/x = result * 2^-num_bits_over_unit. x is normalised into [1, 2) (its top
// bit moved to bit 31), the excess over 1 is fed to
// one_over_one_plus_x_for_x_in_0_1. x must be > 0; x == 0 gives a defined
// but meaningless result.
constexpr int32_t get_reciprocal(int32_t x, int x_integer_digits, int* num_bits_over_unit) {
  const int headroom_plus_one = count_leading_zeros(static_cast<uint32_t>(x));
  *num_bits_over_unit = x_integer_digits - headroom_plus_one;
  // The shift is done in 64 bits so that headroom_plus_one == 32 (x == 0) is
  // defined; the result is truncated to 32 bits as TFLite's uint32 shift is.
  const uint32_t shifted =
      static_cast<uint32_t>(static_cast<uint64_t>(static_cast<uint32_t>(x)) << headroom_plus_one);
  const int32_t shifted_sum_minus_one =
      wrap_to<int32_t>(static_cast<int64_t>(shifted) - (int64_t{1} << 31));
  return one_over_one_plus_x_for_x_in_0_1(FixedPoint<int32_t, 0>::from_raw(shifted_sum_minus_one))
      .raw();
}

// 1 / sqrt(input) as a multiplier and shift (TFLite
// GetInvSqrtQuantizedMultiplierExp, used by L2 normalisation and layer norm).
// input >= 0; 0 and 1 both give (INT32_MAX, 0) as in TFLite. reverse_shift is
// -1 to get a left-shift convention (TFLite kReverseShift) or 1.
constexpr void get_inv_sqrt_quantized_multiplier_exp(int32_t input, int reverse_shift,
                                                     int32_t* output_inv_sqrt, int* output_shift) {
  if (input <= 1) {
    *output_inv_sqrt = std::numeric_limits<int32_t>::max();
    *output_shift = 0;
    return;
  }
  *output_shift = 11;
  while (input >= (1 << 29)) {
    input /= 4;
    ++*output_shift;
  }
  const int max_left_shift_bits = count_leading_zeros(static_cast<uint32_t>(input)) - 1;
  const int max_left_shift_bit_pairs = max_left_shift_bits / 2;
  const int left_shift_bit_pairs = max_left_shift_bit_pairs - 1;
  *output_shift -= left_shift_bit_pairs;
  input = wrapping_shift_left(input, 2 * left_shift_bit_pairs);  // now in [2^27, 2^29)
  using F3 = FixedPoint<int32_t, 3>;
  using F0 = FixedPoint<int32_t, 0>;
  const F3 fixedpoint_input = F3::from_raw(input >> 1);
  const F3 fixedpoint_half_input = saturating_rounding_multiply_by_pot<-1>(fixedpoint_input);
  constexpr F3 kFixedpointHalfThree = F3::from_q31_constant((1 << 28) + (1 << 27));  // 1.5
  // Newton-Raphson for 1/sqrt, x = 1 start, 5 iterations (TFLite's choice).
  F3 x = F3::one();
  for (int i = 0; i < 5; ++i) {
    const F3 x3 = rescale<3>(x * x * x);
    x = rescale<3>(kFixedpointHalfThree * x - fixedpoint_half_input * x3);
  }
  constexpr F0 kFixedpointHalfSqrt2 = F0::from_q31_constant(1518500250);  // sqrt(2) / 2
  x = x * kFixedpointHalfSqrt2;
  *output_inv_sqrt = x.raw();
  if (*output_shift < 0) {
    *output_inv_sqrt = wrapping_shift_left(*output_inv_sqrt, -*output_shift);
    *output_shift = 0;
  }
  *output_shift *= reverse_shift;
}

// Smallest output integer bits that hold log(x) for an input with
// input_bits integer bits (TFLite min_log_x_output_bits).
constexpr int min_log_x_output_bits(int input_bits) {
  return input_bits > 90   ? 7
         : input_bits > 44 ? 6
         : input_bits > 21 ? 5
         : input_bits > 10 ? 4
         : input_bits > 4  ? 3
         : input_bits > 1  ? 2
                           : 1;
}

// log(x) for x >= 1 (works down to 1/x_max), TFLite
// log_x_for_x_greater_than_or_equal_to_1; used by int8 LOG_SOFTMAX. The input
// is normalised by its leading zeros; the result is
// log(2) * exponent + log(mantissa) with a rational approximation of the
// latter around sqrt(sqrt(1/2)). Accumulation keeps one extra integer bit of
// headroom because z_pow_2_adj * log(2) may saturate.
template <int OutputIntegerBits, int InputIntegerBits>
constexpr FixedPoint<int32_t, OutputIntegerBits> log_x_for_x_greater_than_or_equal_to_1(
    FixedPoint<int32_t, InputIntegerBits> input_val) {
  static_assert(OutputIntegerBits >= min_log_x_output_bits(InputIntegerBits),
                "output integer bits must hold the log of every input");
  using F0 = FixedPoint<int32_t, 0>;
  constexpr int kAccumIntegerBits = OutputIntegerBits + 1;
  using FAccum = FixedPoint<int32_t, kAccumIntegerBits>;

  constexpr F0 kLog2 = F0::from_q31_constant(1488522236);          // log(2)
  constexpr F0 kSqrtSqrtHalf = F0::from_q31_constant(1805811301);  // sqrt(sqrt(1/2))
  constexpr F0 kSqrtHalf = F0::from_q31_constant(1518500250);      // sqrt(1/2)
  constexpr F0 kOneQuarter = F0::from_q31_constant(536870912);     // 1/4
  constexpr F0 kAlphaN = F0::from_q31_constant(117049297);         // 11/240 * sqrt(sqrt(2))
  constexpr F0 kAlphaD = F0::from_q31_constant(127690142);         // 1/20 * sqrt(sqrt(2))
  constexpr F0 kAlphaI = F0::from_q31_constant(1057819769);  // 2/sqrt(sqrt(2)) - sqrt(sqrt(2))
  constexpr F0 kAlphaF = F0::from_q31_constant(638450708);   // 1/4 * sqrt(sqrt(2))

  const FAccum shifted_quarter = rescale<kAccumIntegerBits>(kOneQuarter);

  // Reinterpret the input as Q0.31; the shift is worked out from its headroom.
  const F0 z_a = F0::from_raw(input_val.raw());
  const int z_a_headroom_plus_1 = count_leading_zeros(static_cast<uint32_t>(z_a.raw()));
  const F0 r_a_tmp =
      F0::from_raw(saturating_rounding_multiply_by_pot_param(z_a.raw(), z_a_headroom_plus_1 - 1));
  const int32_t r_a_raw = saturating_rounding_multiply_by_pot_param((r_a_tmp * kSqrtHalf).raw(), 1);
  const FAccum z_a_pow_2_adj = saturating_add(
      FAccum::from_raw(saturating_rounding_multiply_by_pot_param(
          static_cast<int32_t>(InputIntegerBits - z_a_headroom_plus_1), 31 - kAccumIntegerBits)),
      shifted_quarter);

  // z_b is z_a premultiplied by sqrt(1/2).
  const F0 z_b = z_a * kSqrtHalf;
  const int z_b_headroom = count_leading_zeros(static_cast<uint32_t>(z_b.raw())) - 1;
  const int32_t r_b_raw = saturating_rounding_multiply_by_pot_param(z_a.raw(), z_b_headroom);
  const FAccum z_b_pow_2_adj = saturating_sub(
      FAccum::from_raw(saturating_rounding_multiply_by_pot_param(
          static_cast<int32_t>(InputIntegerBits - z_b_headroom), 31 - kAccumIntegerBits)),
      shifted_quarter);

  const F0 r = F0::from_raw(min_of(r_a_raw, r_b_raw));
  const FAccum z_pow_2_adj = FAccum::from_raw(max_of(z_a_pow_2_adj.raw(), z_b_pow_2_adj.raw()));

  const F0 p = rounding_half_sum(r, kSqrtSqrtHalf);
  F0 q = r - kSqrtSqrtHalf;
  q = q + q;

  const F0 common_sq = q * q;
  const F0 num = q * r + q * common_sq * kAlphaN;
  const F0 denom_minus_one_0 = p * (kAlphaI + q + kAlphaD * common_sq) + kAlphaF * q;
  const F0 recip_denom = one_over_one_plus_x_for_x_in_0_1(denom_minus_one_0);

  const FAccum num_scaled = rescale<kAccumIntegerBits>(num);
  return rescale<OutputIntegerBits>(z_pow_2_adj * kLog2 + num_scaled * recip_denom);
}

}  // namespace ref
}  // namespace mote

#endif  // MOTE_RUNTIME_KERNELS_REF_FIXED_POINT_H_
