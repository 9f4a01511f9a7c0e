// Tests for fixed_point.h.
//
// Three layers:
//  1. Hand-checkable cases (each value can be worked out on paper).
//  2. The integer primitives compared exactly with an independent formula in
//     wide (64-bit) arithmetic, over edge values and pseudo-random values.
//  3. The transcendental functions compared with a double-precision model,
//     with the tolerance stated per function (a few times the error measured
//     over the whole input range), plus exact symmetry properties.
// Bit-exactness against gemmlowp/TFLite itself was checked separately by
// differential runs against Debian's libgemmlowp-dev; these tests pin the
// behaviour without that dependency.
#include "kernels/ref/fixed_point.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace mote {
namespace ref {
namespace {

constexpr int32_t kI32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kI32Max = std::numeric_limits<int32_t>::max();
constexpr int16_t kI16Min = std::numeric_limits<int16_t>::min();
constexpr int16_t kI16Max = std::numeric_limits<int16_t>::max();

// splitmix64: deterministic and identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int32_t i32() { return static_cast<int32_t>(static_cast<uint32_t>(next())); }
  // Mix of full-range values, small values and values near the extremes.
  int32_t i32_mixed() {
    switch (next() % 4) {
      case 0:
        return i32();
      case 1:
        return static_cast<int32_t>(next() % 2001) - 1000;
      case 2:
        return kI32Min + static_cast<int32_t>(next() % 64);
      default:
        return kI32Max - static_cast<int32_t>(next() % 64);
    }
  }

 private:
  uint64_t state_;
};

std::vector<int32_t> edge_values_i32() {
  return {kI32Min,
          kI32Min + 1,
          -(1 << 30) - 1,
          -(1 << 30),
          -(1 << 30) + 1,
          -65536,
          -3,
          -2,
          -1,
          0,
          1,
          2,
          3,
          65536,
          (1 << 30) - 1,
          (1 << 30),
          (1 << 30) + 1,
          kI32Max - 1,
          kI32Max};
}

// ---- Independent wide-arithmetic references -------------------------------

// |v| rounded-half-away-from-zero division by 2^e, then the sign put back.
int64_t ref_round_div_pot(int64_t v, int e) {
  if (e == 0) {
    return v;
  }
  const uint64_t mag = v < 0 ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
  const uint64_t q = (mag + (uint64_t{1} << (e - 1))) >> e;
  return v < 0 ? -static_cast<int64_t>(q) : static_cast<int64_t>(q);
}

// floor(n / 2^e) without relying on the behaviour of >> on negatives.
int64_t ref_floor_div_pot(int64_t n, int e) {
  const int64_t d = int64_t{1} << e;
  int64_t q = n / d;  // truncates toward zero
  if (n % d != 0 && n < 0) {
    --q;
  }
  return q;
}

// VQRDMULH: floor(a * b / 2^(bits-1) + 1/2), i.e. ties toward +infinity.
int32_t ref_srdhm32(int32_t a, int32_t b) {
  if (a == kI32Min && b == kI32Min) {
    return kI32Max;
  }
  return static_cast<int32_t>(
      ref_floor_div_pot(static_cast<int64_t>(a) * b + (int64_t{1} << 30), 31));
}

int16_t ref_srdhm16(int16_t a, int16_t b) {
  if (a == kI16Min && b == kI16Min) {
    return kI16Max;
  }
  return static_cast<int16_t>(
      ref_floor_div_pot(static_cast<int64_t>(a) * b + (int64_t{1} << 14), 15));
}

template <typename T>
T ref_saturating_mul_pot(T x, int e) {
  if (e <= 0) {
    return static_cast<T>(ref_round_div_pot(x, -e));
  }
  const int64_t v = static_cast<int64_t>(x) * (int64_t{1} << e);
  if (v > std::numeric_limits<T>::max()) return std::numeric_limits<T>::max();
  if (v < std::numeric_limits<T>::min()) return std::numeric_limits<T>::min();
  return static_cast<T>(v);
}

int ref_clz32(uint32_t x) {
  int n = 0;
  for (int bit = 31; bit >= 0 && ((x >> bit) & 1U) == 0; --bit) {
    ++n;
  }
  return n;
}

int ref_clrsb32(int32_t x) {
  const uint32_t u = static_cast<uint32_t>(x);
  const uint32_t sign = u >> 31;
  int n = 0;
  for (int bit = 30; bit >= 0 && ((u >> bit) & 1U) == sign; --bit) {
    ++n;
  }
  return n;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// ---- 1. Hand-checkable cases ----------------------------------------------

TEST(FixedPointPrimitives, HandCheckedValues) {
  // -1 * -1 is the one product that does not fit: saturates.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(kI32Min, kI32Min), kI32Max);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(kI16Min, kI16Min), kI16Max);
  // 0.5 * 0.5 = 0.25 in Q0.31.
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1 << 30, 1 << 30), 1 << 29);
  // 3 * 2^30 / 2^31 = 1.5 -> 2 but -1.5 -> -1: VQRDMULH rounds ties toward
  // +infinity (unlike rounding_divide_by_pot).
  EXPECT_EQ(saturating_rounding_doubling_high_mul(3, 1 << 30), 2);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, 1 << 30), -1);
  EXPECT_EQ(saturating_rounding_doubling_high_mul(1, 1 << 30), 1);    // 0.5 -> 1
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-1, 1 << 30), 0);   // -0.5 -> 0
  EXPECT_EQ(saturating_rounding_doubling_high_mul(-3, 1 << 29), -1);  // -0.75 -> -1

  EXPECT_EQ(rounding_divide_by_pot(int32_t{-5}, 1), -3);  // -2.5 -> -3
  EXPECT_EQ(rounding_divide_by_pot(int32_t{5}, 1), 3);    // 2.5 -> 3
  EXPECT_EQ(rounding_divide_by_pot(int32_t{-6}, 2), -2);  // -1.5 -> -2
  EXPECT_EQ(rounding_divide_by_pot(int32_t{-5}, 2), -1);  // -1.25 -> -1
  EXPECT_EQ(rounding_divide_by_pot(int32_t{7}, 0), 7);
  EXPECT_EQ(rounding_divide_by_pot(kI32Min, 31), -1);
  EXPECT_EQ(rounding_divide_by_pot(kI32Max, 31), 1);
  EXPECT_EQ(rounding_divide_by_pot(int16_t{-3}, 1), -2);

  EXPECT_EQ(saturating_rounding_multiply_by_pot<1>(1 << 29), 1 << 30);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<1>(1 << 30), kI32Max);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<1>(-(1 << 30)), kI32Min);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<-1>(int32_t{3}), 2);
  EXPECT_EQ(saturating_rounding_multiply_by_pot<3>(int16_t{5000}), kI16Max);

  EXPECT_EQ(rounding_half_sum(int32_t{1}, int32_t{2}), 2);
  EXPECT_EQ(rounding_half_sum(int32_t{-1}, int32_t{-2}), -2);
  EXPECT_EQ(rounding_half_sum(kI32Max, kI32Max), kI32Max);
  EXPECT_EQ(rounding_half_sum(int16_t{kI16Min}, int16_t{kI16Min}), kI16Min);

  EXPECT_EQ(saturating_add(int16_t{30000}, int16_t{30000}), kI16Max);
  EXPECT_EQ(saturating_add(int16_t{-30000}, int16_t{-30000}), kI16Min);
  EXPECT_EQ(saturating_add(kI32Max, int32_t{1}), kI32Max);
  EXPECT_EQ(saturating_sub(kI32Min, int32_t{1}), kI32Min);
  EXPECT_EQ(saturating_sub(int16_t{-30000}, int16_t{30000}), kI16Min);

  EXPECT_EQ(select_using_mask(int32_t{-1}, int32_t{5}, int32_t{9}), 5);
  EXPECT_EQ(select_using_mask(int32_t{0}, int32_t{5}, int32_t{9}), 9);
  EXPECT_EQ(mask_if_less_than(int16_t{-1}, int16_t{0}), int16_t{-1});

  EXPECT_EQ(wrapping_neg(kI32Min), kI32Min);
  EXPECT_EQ(wrapping_add(kI32Max, int32_t{1}), kI32Min);
  EXPECT_EQ(wrapping_shift_left(int32_t{3}, 31), kI32Min);
  EXPECT_EQ(wrap_to<int16_t>(32768), kI16Min);
  EXPECT_EQ(wrap_to<int16_t>(-32769), kI16Max);
}

TEST(FixedPointPrimitives, CompileTimeEvaluation) {
  static_assert(saturating_rounding_doubling_high_mul(kI32Min, kI32Min) == kI32Max, "");
  static_assert(rounding_divide_by_pot(int32_t{-5}, 1) == -3, "");
  static_assert(FixedPoint<int32_t, 0>::one().raw() == kI32Max, "");
  static_assert(FixedPoint<int32_t, 2>::one().raw() == (1 << 29), "");
  static_assert(FixedPoint<int16_t, 3>::constant_pot<-2>().raw() == (1 << 10), "");
  static_assert(exp_on_negative_values(FixedPoint<int32_t, 5>::zero()).raw() == kI32Max, "");
  static_assert(logistic(FixedPoint<int32_t, 4>::zero()).raw() == (1 << 30), "");
  static_assert(count_leading_zeros(uint32_t{1}) == 31, "");
  SUCCEED();
}

TEST(FixedPointClass, FormatsAndConversions) {
  using F0 = FixedPoint<int32_t, 0>;
  using F5 = FixedPoint<int32_t, 5>;
  EXPECT_EQ(F5::kFractionalBits, 26);
  EXPECT_EQ(F0::from_double(0.5).raw(), 1 << 30);
  EXPECT_EQ(F0::from_double(1.0).raw(), kI32Max);  // saturates
  EXPECT_EQ(F0::from_double(-1.0).raw(), kI32Min);
  EXPECT_EQ(F5::from_double(-32.0).raw(), kI32Min);
  EXPECT_EQ(F5::one().raw(), 1 << 26);
  EXPECT_EQ((F5::constant_pot<-2>().raw()), 1 << 24);
  EXPECT_DOUBLE_EQ(to_double(F5::from_raw(3 << 25)), 1.5);
  // Rescale Q5.26 1.5 -> Q0.31 saturates; Q0.31 0.5 -> Q5.26 rounds exactly.
  EXPECT_EQ(rescale<0>(F5::from_raw(3 << 25)).raw(), kI32Max);
  EXPECT_EQ(rescale<5>(F0::from_raw(1 << 30)).raw(), 1 << 25);
  // Multiplication adds integer bits: 1.5 (Q5) * 0.5 (Q0) = 0.75 (Q5).
  const FixedPoint<int32_t, 5> p = F5::from_raw(3 << 25) * F0::from_raw(1 << 30);
  EXPECT_DOUBLE_EQ(to_double(p), 0.75);
  EXPECT_EQ(exact_mul_by_pot<1>(F5::from_raw(123)).raw(), 123);
  EXPECT_TRUE(F5::from_raw(7) == F5::from_raw(7));
  EXPECT_TRUE(F5::from_raw(7) != F5::from_raw(8));
  EXPECT_EQ((-F5::from_raw(kI32Min)).raw(), kI32Min);  // wraps like the hardware
  EXPECT_EQ((F5::from_raw(6) & F5::from_raw(3)).raw(), 2);
  EXPECT_EQ((F5::from_raw(6) | F5::from_raw(3)).raw(), 7);
  EXPECT_EQ((F5::from_raw(6) ^ F5::from_raw(3)).raw(), 5);
  EXPECT_EQ((~F5::from_raw(0)).raw(), -1);
  // int16 constants are the int32 constants rounding-shifted by 16.
  EXPECT_EQ((FixedPoint<int16_t, 0>::from_q31_constant(1895147668).raw()), 28918);
}

template <typename F>
void expect_constant(int32_t raw32, double value) {
  EXPECT_EQ(F::from_q31_constant(raw32).raw(), F::from_double(value).raw());
}

// gemmlowp builds its constants from raw int32 literals and (in debug) checks
// them against FromDouble of the real value; do the same for every constant
// used in fixed_point.h, for both raw widths.
TEST(FixedPointClass, RawConstantsMatchTheirRealValues) {
  struct Constant {
    int32_t raw32;
    double value;
    int integer_bits;
  };
  const double qrt2 = std::sqrt(std::sqrt(2.0));
  const Constant constants[] = {
      {1895147668, std::exp(-1.0 / 8.0), 0},
      {715827883, 1.0 / 3.0, 0},
      {1672461947, std::exp(-0.25), 0},
      {1302514674, std::exp(-0.5), 0},
      {790015084, std::exp(-1.0), 0},
      {290630308, std::exp(-2.0), 0},
      {39332535, std::exp(-4.0), 0},
      {720401, std::exp(-8.0), 0},
      {242, std::exp(-16.0), 0},
      {1515870810, 48.0 / 17.0, 2},
      {-1010580540, -32.0 / 17.0, 2},
      {1 << 30, 0.5, 0},
      {1488522236, std::log(2.0), 0},
      {1805811301, std::sqrt(std::sqrt(0.5)), 0},
      {1518500250, std::sqrt(0.5), 0},
      {536870912, 0.25, 0},
      {117049297, 11.0 / 240.0 * qrt2, 0},
      {127690142, 1.0 / 20.0 * qrt2, 0},
      {1057819769, 2.0 / qrt2 - qrt2, 0},
      {638450708, 0.25 * qrt2, 0},
      {(1 << 28) + (1 << 27), 1.5, 3},
  };
  for (const Constant& c : constants) {
    SCOPED_TRACE(c.raw32);
    switch (c.integer_bits) {
      case 0:
        expect_constant<FixedPoint<int32_t, 0>>(c.raw32, c.value);
        expect_constant<FixedPoint<int16_t, 0>>(c.raw32, c.value);
        break;
      case 2:
        expect_constant<FixedPoint<int32_t, 2>>(c.raw32, c.value);
        expect_constant<FixedPoint<int16_t, 2>>(c.raw32, c.value);
        break;
      default:
        expect_constant<FixedPoint<int32_t, 3>>(c.raw32, c.value);
        expect_constant<FixedPoint<int16_t, 3>>(c.raw32, c.value);
        break;
    }
  }
  // The exp clamp constant -32 for the formats that use it.
  expect_constant<FixedPoint<int32_t, 6>>(-(1 << 30), -32.0);
  expect_constant<FixedPoint<int16_t, 7>>(-(1 << 29), -32.0);
}

TEST(FixedPointMath, HandCheckedValues) {
  using F0 = FixedPoint<int32_t, 0>;
  using F4 = FixedPoint<int32_t, 4>;
  using F5 = FixedPoint<int32_t, 5>;
  using H3 = FixedPoint<int16_t, 3>;
  EXPECT_EQ(exp_on_negative_values(F5::zero()), F0::one());
  EXPECT_EQ(exp_on_negative_values(H3::zero()), (FixedPoint<int16_t, 0>::one()));
  // Below -32 the result is flushed to zero (only formats with > 5 integer
  // bits can express that).
  EXPECT_EQ(exp_on_negative_values(FixedPoint<int32_t, 6>::from_double(-33.0)).raw(), 0);
  EXPECT_EQ(logistic(F4::zero()).raw(), 1 << 30);  // 0.5
  EXPECT_EQ(logistic(H3::zero()).raw(), 1 << 14);
  EXPECT_EQ(tanh(F4::zero()).raw(), 0);
  EXPECT_EQ(tanh(H3::zero()).raw(), 0);
  // Saturating ends.
  EXPECT_NEAR(to_double(logistic(F4::from_raw(kI32Max))), sigmoid(16.0), 1e-8);
  EXPECT_NEAR(to_double(logistic(F4::from_raw(kI32Min))), sigmoid(-16.0), 1e-8);
  EXPECT_NEAR(to_double(tanh(F4::from_raw(kI32Max))), 1.0, 1e-8);
  EXPECT_NEAR(to_double(tanh(F4::from_raw(kI32Min))), -1.0, 1e-8);
  // 1/(1 + 1/2) = 2/3 and (1 - 1/2)/(1 + 1/2) = 1/3, to Q0.31 precision.
  EXPECT_NEAR(to_double(one_over_one_plus_x_for_x_in_0_1(F0::from_raw(1 << 30))), 2.0 / 3.0, 1e-8);
  EXPECT_NEAR(to_double(one_minus_x_over_one_plus_x_for_x_in_0_1(F0::from_raw(1 << 30))), 1.0 / 3.0,
              1e-8);
}

TEST(FixedPointTflite, CountLeadingBits) {
  EXPECT_EQ(count_leading_zeros(uint32_t{0}), 32);
  EXPECT_EQ(count_leading_zeros(uint32_t{1}), 31);
  EXPECT_EQ(count_leading_zeros(uint32_t{0x80000000u}), 0);
  EXPECT_EQ(count_leading_zeros(uint64_t{1}), 63);
  EXPECT_EQ(count_leading_zeros(uint64_t{0}), 64);
  EXPECT_EQ(count_leading_zeros(uint16_t{1}), 15);
  EXPECT_EQ(count_leading_sign_bits(int32_t{0}), 31);
  EXPECT_EQ(count_leading_sign_bits(int32_t{-1}), 31);
  EXPECT_EQ(count_leading_sign_bits(int32_t{1}), 30);
  EXPECT_EQ(count_leading_sign_bits(int32_t{-2}), 30);
  EXPECT_EQ(count_leading_sign_bits(kI32Min), 0);
  EXPECT_EQ(count_leading_sign_bits(kI32Max), 0);
  EXPECT_EQ(count_leading_sign_bits(int64_t{1}), 62);
  Rng rng(11);
  for (int i = 0; i < 20000; ++i) {
    const int32_t v = rng.i32() >> (rng.next() % 32);
    ASSERT_EQ(count_leading_zeros(static_cast<uint32_t>(v)), ref_clz32(static_cast<uint32_t>(v)));
    ASSERT_EQ(count_leading_sign_bits(v), ref_clrsb32(v)) << v;
  }
}

TEST(FixedPointTflite, HandCheckedHelpers) {
  // Reciprocal of 1.0 held with 12 integer bits (raw 2^19): x normalises to
  // exactly 1.0, so one_over_one_plus_x(0) = 1 - 1ulp and 1/x = raw * 2^-n.
  int n = 0;
  const int32_t r = get_reciprocal(1 << 19, 12, &n);
  EXPECT_EQ(n, 0);
  EXPECT_NEAR(r / 2147483648.0, 1.0, 1e-9);
  // Reciprocal of 3.0 (Q12.19): 1/3 = (2/3) * 2^-1.
  const int32_t r3 = get_reciprocal(3 << 19, 12, &n);
  EXPECT_EQ(n, 1);
  EXPECT_NEAR(r3 / 2147483648.0, 2.0 / 3.0, 1e-8);

  int32_t m = 0;
  int s = 0;
  get_inv_sqrt_quantized_multiplier_exp(1, -1, &m, &s);
  EXPECT_EQ(m, kI32Max);
  EXPECT_EQ(s, 0);
  get_inv_sqrt_quantized_multiplier_exp(0, -1, &m, &s);
  EXPECT_EQ(m, kI32Max);
  EXPECT_EQ(s, 0);
  get_inv_sqrt_quantized_multiplier_exp(4, -1, &m, &s);  // 1/2
  EXPECT_NEAR(m / 2147483648.0 * std::ldexp(1.0, s), 0.5, 1e-6);

  // log(1) = 0 and log(e^2) = 2 with input Q12.19 and output Q5.26.
  const auto log_of = [](double x) {
    return to_double(
        log_x_for_x_greater_than_or_equal_to_1<5>(FixedPoint<int32_t, 12>::from_double(x)));
  };
  EXPECT_NEAR(log_of(1.0), 0.0, 1e-7);
  EXPECT_NEAR(log_of(std::exp(2.0)), 2.0, 1e-7);
  EXPECT_EQ(min_log_x_output_bits(12), 4);
  EXPECT_EQ(min_log_x_output_bits(5), 3);
}

// ---- 2. Exact integer primitives vs wide formulas --------------------------

TEST(FixedPointPrimitives, MatchWideReferenceInt32) {
  Rng rng(1);
  std::vector<int32_t> values = edge_values_i32();
  for (int i = 0; i < 20000; ++i) {
    values.push_back(rng.i32_mixed());
  }
  for (size_t i = 0; i < values.size(); ++i) {
    const int32_t a = values[i];
    const int32_t b = (i % 3 == 0) ? values[(i * 7) % values.size()] : rng.i32_mixed();
    ASSERT_EQ(saturating_rounding_doubling_high_mul(a, b), ref_srdhm32(a, b)) << a << " " << b;
    ASSERT_EQ(rounding_half_sum(a, b),
              static_cast<int32_t>(ref_round_div_pot(static_cast<int64_t>(a) + b, 1)));
    const int64_t sum = static_cast<int64_t>(a) + b;
    ASSERT_EQ(saturating_add(a, b), static_cast<int32_t>(sum > kI32Max   ? kI32Max
                                                         : sum < kI32Min ? kI32Min
                                                                         : sum));
    for (int e = 0; e <= 31; ++e) {
      ASSERT_EQ(rounding_divide_by_pot(a, e), ref_round_div_pot(a, e)) << a << " e=" << e;
    }
    ASSERT_EQ(saturating_rounding_multiply_by_pot<1>(a), ref_saturating_mul_pot(a, 1));
    ASSERT_EQ(saturating_rounding_multiply_by_pot<5>(a), ref_saturating_mul_pot(a, 5));
    ASSERT_EQ(saturating_rounding_multiply_by_pot<30>(a), ref_saturating_mul_pot(a, 30));
    ASSERT_EQ(saturating_rounding_multiply_by_pot<-7>(a), ref_saturating_mul_pot(a, -7));
    for (int e = 0; e <= 31; e += 3) {
      ASSERT_EQ(saturating_rounding_multiply_by_pot_param(a, e), ref_saturating_mul_pot(a, e));
    }
    ASSERT_EQ(wrapping_add(a, b),
              static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b)));
  }
}

TEST(FixedPointPrimitives, MatchWideReferenceInt16Exhaustive) {
  Rng rng(2);
  for (int32_t v = kI16Min; v <= kI16Max; ++v) {
    const int16_t a = static_cast<int16_t>(v);
    const int16_t b = static_cast<int16_t>(rng.next());
    ASSERT_EQ(saturating_rounding_doubling_high_mul(a, b), ref_srdhm16(a, b));
    ASSERT_EQ(saturating_rounding_doubling_high_mul(a, a), ref_srdhm16(a, a));
    ASSERT_EQ(rounding_half_sum(a, b),
              static_cast<int16_t>(ref_round_div_pot(static_cast<int64_t>(a) + b, 1)));
    for (int e = 0; e <= 15; ++e) {
      ASSERT_EQ(rounding_divide_by_pot(a, e), ref_round_div_pot(a, e));
    }
    ASSERT_EQ(saturating_rounding_multiply_by_pot<2>(a), ref_saturating_mul_pot(a, 2));
    ASSERT_EQ(saturating_rounding_multiply_by_pot<14>(a), ref_saturating_mul_pot(a, 14));
    const int32_t sum = static_cast<int32_t>(a) + b;
    ASSERT_EQ(saturating_add(a, b), static_cast<int16_t>(sum > kI16Max   ? kI16Max
                                                         : sum < kI16Min ? kI16Min
                                                                         : sum));
  }
}

// ---- 3. Transcendentals vs a double model ---------------------------------

double max_error_over_i16(double (*fixed)(int16_t), double (*model)(double), int frac_bits,
                          bool negative_only) {
  double max_err = 0.0;
  for (int32_t v = kI16Min; v <= (negative_only ? 0 : kI16Max); ++v) {
    const double x = std::ldexp(static_cast<double>(v), -frac_bits);
    max_err = std::fmax(max_err, std::fabs(fixed(static_cast<int16_t>(v)) - model(x)));
  }
  return max_err;
}

TEST(FixedPointMath, Int16ExhaustiveAccuracy) {
  using H3 = FixedPoint<int16_t, 3>;  // Q3.12
  // Tolerances: about 3x the maximum error measured over all 65536 inputs
  // (Q0.15 output resolution is 3.1e-5).
  EXPECT_LT(max_error_over_i16(
                [](int16_t r) { return to_double(exp_on_negative_values(H3::from_raw(r))); },
                [](double x) { return std::exp(x); }, 12, true),
            2e-4);
  EXPECT_LT(max_error_over_i16([](int16_t r) { return to_double(tanh(H3::from_raw(r))); },
                               [](double x) { return std::tanh(x); }, 12, false),
            1e-3);
  EXPECT_LT(max_error_over_i16([](int16_t r) { return to_double(logistic(H3::from_raw(r))); },
                               sigmoid, 12, false),
            6e-4);
}

TEST(FixedPointMath, Int32RandomAccuracy) {
  using F0 = FixedPoint<int32_t, 0>;
  using F4 = FixedPoint<int32_t, 4>;
  using F5 = FixedPoint<int32_t, 5>;
  Rng rng(3);
  double exp_err = 0, tanh_err = 0, logistic_err = 0, recip_err = 0, omx_err = 0;
  for (int i = 0; i < 4000; ++i) {
    const int32_t neg = -static_cast<int32_t>(rng.next() % (uint64_t{1} << 31));
    exp_err = std::fmax(exp_err, std::fabs(to_double(exp_on_negative_values(F5::from_raw(neg))) -
                                           std::exp(to_double(F5::from_raw(neg)))));
    const int32_t any = rng.i32();
    const double x4 = to_double(F4::from_raw(any));
    tanh_err = std::fmax(tanh_err, std::fabs(to_double(tanh(F4::from_raw(any))) - std::tanh(x4)));
    logistic_err =
        std::fmax(logistic_err, std::fabs(to_double(logistic(F4::from_raw(any))) - sigmoid(x4)));
    const int32_t pos = static_cast<int32_t>(rng.next() % 0x7FFFFFFFu) + 1;
    const double x0 = to_double(F0::from_raw(pos));
    recip_err = std::fmax(recip_err,
                          std::fabs(to_double(one_over_one_plus_x_for_x_in_0_1(F0::from_raw(pos))) -
                                    1.0 / (1.0 + x0)));
    omx_err = std::fmax(
        omx_err, std::fabs(to_double(one_minus_x_over_one_plus_x_for_x_in_0_1(F0::from_raw(pos))) -
                           (1.0 - x0) / (1.0 + x0)));
  }
  // Measured maxima: 2.3e-7, 1.4e-7, 7e-8, 3.1e-9, 6.3e-9.
  EXPECT_LT(exp_err, 1e-6);
  EXPECT_LT(tanh_err, 1e-6);
  EXPECT_LT(logistic_err, 5e-7);
  EXPECT_LT(recip_err, 2e-8);
  EXPECT_LT(omx_err, 3e-8);
}

TEST(FixedPointMath, ExactSymmetries) {
  using F4 = FixedPoint<int32_t, 4>;
  using H3 = FixedPoint<int16_t, 3>;
  Rng rng(4);
  for (int i = 0; i < 3000; ++i) {
    const int32_t r = rng.i32();
    if (r == kI32Min) continue;
    // logistic(-x) is computed as one() - logistic(x), one() = INT32_MAX.
    if (r != 0) {
      EXPECT_EQ(
          static_cast<int64_t>(logistic(F4::from_raw(r)).raw()) + logistic(F4::from_raw(-r)).raw(),
          kI32Max);
    }
    EXPECT_EQ(tanh(F4::from_raw(-r)).raw(), -tanh(F4::from_raw(r)).raw());
  }
  for (int32_t v = kI16Min + 1; v <= kI16Max; ++v) {
    const int16_t r = static_cast<int16_t>(v);
    ASSERT_EQ(tanh(H3::from_raw(static_cast<int16_t>(-r))).raw(), -tanh(H3::from_raw(r)).raw());
  }
  // exp is monotonic over the whole int16 domain.
  int16_t previous = 0;
  for (int32_t v = kI16Min; v <= 0; ++v) {
    const int16_t e = exp_on_negative_values(H3::from_raw(static_cast<int16_t>(v))).raw();
    ASSERT_GE(e, previous) << v;
    previous = e;
  }
}

TEST(FixedPointTflite, HelperAccuracy) {
  Rng rng(5);
  double recip_rel = 0, inv_sqrt_rel = 0, log_err = 0;
  for (int i = 0; i < 4000; ++i) {
    const int32_t x = static_cast<int32_t>(rng.next() % 0x7FFFFFFEu) + 2;
    int n = 0;
    const int32_t r = get_reciprocal(x, 12, &n);
    const double got = std::ldexp(r / 2147483648.0, -n);
    recip_rel = std::fmax(recip_rel, std::fabs(got * (x / 524288.0) - 1.0));

    int32_t m = 0;
    int s = 0;
    get_inv_sqrt_quantized_multiplier_exp(x, -1, &m, &s);
    inv_sqrt_rel = std::fmax(
        inv_sqrt_rel, std::fabs(std::ldexp(m / 2147483648.0, s) * std::sqrt(double(x)) - 1.0));

    const int32_t y = x | (1 << 19);  // >= 1.0 in Q12.19
    const double ly =
        to_double(log_x_for_x_greater_than_or_equal_to_1<5>(FixedPoint<int32_t, 12>::from_raw(y)));
    log_err = std::fmax(log_err, std::fabs(ly - std::log(y / 524288.0)));
  }
  // Measured maxima: 4.6e-9, 1.2e-6, 4.2e-8.
  EXPECT_LT(recip_rel, 2e-8);
  EXPECT_LT(inv_sqrt_rel, 5e-6);
  EXPECT_LT(log_err, 2e-7);
}

}  // namespace
}  // namespace ref
}  // namespace mote
