// Tests for quantization.h / quantization.cc.
//
// Hand-checkable cases, exact comparisons of the requantization helpers with
// independent wide-integer formulas, regression cases that pin TFLite's
// float-versus-double choices (found by search; the comment on each says
// what the other precision would give), and the lookup tables.
#include "kernels/ref/quantization.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace mote {
namespace ref {
namespace {

constexpr int32_t kI32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kI32Max = std::numeric_limits<int32_t>::max();

class Rng {  // splitmix64
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int32_t i32() { return static_cast<int32_t>(static_cast<uint32_t>(next())); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  uint64_t state_;
};

float float_from_bits(uint32_t bits) {
  float f = 0.0f;
  std::memcpy(&f, &bits, sizeof(f));
  return f;
}

// ---- independent wide-integer references ----------------------------------

int64_t ref_floor_div_pot(int64_t n, int e) {
  const int64_t d = int64_t{1} << e;
  int64_t q = n / d;
  if (n % d != 0 && n < 0) --q;
  return q;
}

// Round half away from zero of n / 2^e.
int64_t ref_round_away_div_pot(int64_t n, int e) {
  if (e == 0) return n;
  const int64_t half = int64_t{1} << (e - 1);
  return n >= 0 ? ref_floor_div_pot(n + half, e) : -ref_floor_div_pot(-n + half, e);
}

// TFLM's double rounding, written out: x * 2^left, then floor(p / 2^31 + 1/2)
// (saturating the one overflow), then round-away division by 2^right.
int32_t ref_multiply_by_quantized_multiplier(int32_t x, int32_t m, int shift) {
  const int left = shift > 0 ? shift : 0;
  const int right = shift > 0 ? 0 : -shift;
  const int64_t shifted = static_cast<int64_t>(x) * (int64_t{1} << left);  // caller keeps in range
  int64_t high = 0;
  if (shifted == kI32Min && m == kI32Min) {
    high = kI32Max;
  } else {
    high = ref_floor_div_pot(shifted * m + (int64_t{1} << 30), 31);
  }
  return static_cast<int32_t>(ref_round_away_div_pot(high, right));
}

// ---- rounding and multiplier decomposition --------------------------------

TEST(Quantization, RoundHalfAwayFromZero) {
  EXPECT_EQ(round_half_away_from_zero(2.5f), 3.0f);
  EXPECT_EQ(round_half_away_from_zero(-2.5f), -3.0f);
  EXPECT_EQ(round_half_away_from_zero(0.49999997f), 0.0f);
  EXPECT_EQ(round_half_away_from_zero(-0.5), -1.0);
}

TEST(Quantization, QuantizeMultiplierHandChecked) {
  int32_t m = 7;
  int s = 7;
  ASSERT_TRUE(quantize_multiplier(0.5, &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 0);
  ASSERT_TRUE(quantize_multiplier(0.25, &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, -1);
  ASSERT_TRUE(quantize_multiplier(1.0, &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 1);
  ASSERT_TRUE(quantize_multiplier(3.0, &m, &s));  // 0.75 * 2^2
  EXPECT_EQ(m, 3 << 29);
  EXPECT_EQ(s, 2);
  ASSERT_TRUE(quantize_multiplier(0.0, &m, &s));
  EXPECT_EQ(m, 0);
  EXPECT_EQ(s, 0);
  // Mantissa 1 - 2^-33 rounds to 2^31: renormalised to 0.5 * 2^1.
  ASSERT_TRUE(quantize_multiplier(1.0 - std::ldexp(1.0, -33), &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 1);
  // 2^-32 = 0.5 * 2^-31 is kept; 2^-33 would need shift -32 and flushes.
  ASSERT_TRUE(quantize_multiplier(std::ldexp(1.0, -32), &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, -31);
  ASSERT_TRUE(quantize_multiplier(std::ldexp(1.0, -33), &m, &s));
  EXPECT_EQ(m, 0);
  EXPECT_EQ(s, 0);
  ASSERT_TRUE(quantize_multiplier(-0.5, &m, &s));
  EXPECT_EQ(m, -(1 << 30));
  EXPECT_EQ(s, 0);
  EXPECT_FALSE(quantize_multiplier(std::nan(""), &m, &s));
  EXPECT_FALSE(quantize_multiplier(HUGE_VAL, &m, &s));
  EXPECT_EQ(m, 0);
}

TEST(Quantization, QuantizeMultiplierRoundTrip) {
  Rng rng(1);
  for (int i = 0; i < 20000; ++i) {
    const double d = std::ldexp(0.5 + 0.5 * rng.unit(), static_cast<int>(rng.next() % 60) - 30);
    int32_t m = 0;
    int s = 0;
    ASSERT_TRUE(quantize_multiplier(d, &m, &s));
    ASSERT_GE(m, 1 << 30);
    // Rounding the mantissa to 31 bits: error at most half a unit of 2^(s-31).
    ASSERT_LE(std::fabs(std::ldexp(static_cast<double>(m), s - 31) - d), std::ldexp(1.0, s - 32))
        << d;
  }
}

TEST(Quantization, QuantizeMultiplierRangeVariants) {
  int32_t m = 0;
  int s = 0;
  ASSERT_TRUE(quantize_multiplier_greater_than_one(1.5, &m, &s));
  EXPECT_EQ(m, 3 << 29);
  EXPECT_EQ(s, 1);
  EXPECT_FALSE(quantize_multiplier_greater_than_one(1.0, &m, &s));
  EXPECT_FALSE(quantize_multiplier_greater_than_one(std::nan(""), &m, &s));

  ASSERT_TRUE(quantize_multiplier_smaller_than_one_exp(0.375, &m, &s));  // 0.75 * 2^-1
  EXPECT_EQ(m, 3 << 29);
  EXPECT_EQ(s, -1);
  EXPECT_FALSE(quantize_multiplier_smaller_than_one_exp(1.0, &m, &s));
  EXPECT_FALSE(quantize_multiplier_smaller_than_one_exp(0.0, &m, &s));
  EXPECT_FALSE(quantize_multiplier_smaller_than_one_exp(-0.5, &m, &s));
  // Just below 1: the mantissa rounds up to 1.0 and the shift becomes +1,
  // which TFLite rejects.
  EXPECT_FALSE(quantize_multiplier_smaller_than_one_exp(1.0 - std::ldexp(1.0, -34), &m, &s));
}

// ---- requantization -------------------------------------------------------

TEST(Quantization, MultiplyByQuantizedMultiplierHandChecked) {
  EXPECT_EQ(multiply_by_quantized_multiplier(100, 1 << 30, 0), 50);
  EXPECT_EQ(multiply_by_quantized_multiplier(100, 1 << 30, -1), 25);
  EXPECT_EQ(multiply_by_quantized_multiplier(3, 1 << 30, 2), 6);  // 3 * 4 * 0.5
  // Double rounding: 5 * 0.25 = 1.25 becomes 2.5 -> 3 after the high
  // multiply, then 1.5 -> 2 after the shift (a single rounding would give 1).
  EXPECT_EQ(multiply_by_quantized_multiplier(5, 1 << 30, -1), 2);
  // -3 * 0.25 = -0.75: -1.5 -> -1 (tie toward +inf), then -0.5 -> -1.
  EXPECT_EQ(multiply_by_quantized_multiplier(-3, 1 << 30, -1), -1);
  EXPECT_EQ(multiply_by_quantized_multiplier(kI32Min, kI32Min, 0), kI32Max);
  EXPECT_EQ(multiply_by_quantized_multiplier(12345, 0, -5), 0);

  EXPECT_EQ(multiply_by_quantized_multiplier_smaller_than_one_exp(100, 1 << 30, -1), 25);
  EXPECT_EQ(multiply_by_quantized_multiplier_greater_than_one(3, 1 << 30, 2), 6);

  // int64 version: 16-bit multiplier, one rounding (ties toward +inf).
  EXPECT_EQ(multiply_by_quantized_multiplier(int64_t{1} << 20, 1 << 30, 0), 1 << 19);
  EXPECT_EQ(multiply_by_quantized_multiplier(int64_t{3}, 1 << 30, 0), 2);    // 1.5 -> 2
  EXPECT_EQ(multiply_by_quantized_multiplier(int64_t{-3}, 1 << 30, 0), -1);  // -1.5 -> -1
  // The top multipliers saturate to 0x7FFF instead of rounding to 0x8000.
  EXPECT_EQ(multiply_by_quantized_multiplier(int64_t{1} << 40, kI32Max, -10),
            static_cast<int32_t>((int64_t{0x7FFF} << 40) >> 25));
}

TEST(Quantization, MultiplyByQuantizedMultiplierMatchesWideReference) {
  Rng rng(2);
  for (int i = 0; i < 50000; ++i) {
    const int32_t m = static_cast<int32_t>((1u << 30) + (rng.next() % (1u << 30)));
    const int shift = static_cast<int>(rng.next() % 62) - 31;
    int32_t x = rng.i32();
    if (i % 4 == 0) x = static_cast<int32_t>(rng.next() % 4001) - 2000;
    if (shift > 0) x >>= shift;  // keep x * 2^shift in int32 range
    ASSERT_EQ(multiply_by_quantized_multiplier(x, m, shift),
              ref_multiply_by_quantized_multiplier(x, m, shift))
        << x << " " << m << " " << shift;
    if (shift <= 0) {
      ASSERT_EQ(multiply_by_quantized_multiplier_smaller_than_one_exp(x, m, shift),
                multiply_by_quantized_multiplier(x, m, shift));
    } else {
      ASSERT_EQ(multiply_by_quantized_multiplier_greater_than_one(x, m, shift),
                multiply_by_quantized_multiplier(x, m, shift));
    }

    // int64 accumulator version over its documented domain.
    const int shift64 = static_cast<int>(rng.next() % 39) - 31;  // [-31, 7]
    const int64_t x64 = static_cast<int64_t>(rng.next() % (uint64_t{1} << 48)) - (int64_t{1} << 47);
    const int64_t reduced = m < 0x7FFF0000 ? (m + (1 << 15)) >> 16 : 0x7FFF;
    const int total = 15 - shift64;
    const int64_t want = ref_floor_div_pot(x64 * reduced + (int64_t{1} << (total - 1)), total);
    if (want >= kI32Min && want <= kI32Max) {
      ASSERT_EQ(multiply_by_quantized_multiplier(x64, m, shift64), want) << x64 << " " << m;
    }
  }
}

// ---- softmax / logistic preprocessing -------------------------------------

TEST(Quantization, SoftmaxScalingHandChecked) {
  // TFLM int8 softmax with input scale 1/256, beta 1: 2^-8 * 2^26 = 2^18.
  int32_t m = 0;
  int s = 0;
  ASSERT_TRUE(preprocess_softmax_scaling(1.0, 1.0 / 256, 5, &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 19);
  EXPECT_EQ(calculate_input_radius(5, 19), 31 * 128);  // diff_min = -3968

  int32_t rm = 0;
  int rs = 0;
  ASSERT_TRUE(preprocess_log_softmax_scaling_exp(1.0, 1.0 / 256, 5, &m, &s, &rm, &rs));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 19);
  EXPECT_EQ(rm, 1 << 30);  // 2^12 / 2^30 = 0.5 * 2^-17
  EXPECT_EQ(rs, -17);

  // The real multiplier is capped at 2^31 - 1.
  ASSERT_TRUE(preprocess_softmax_scaling(1.0, 1000.0, 5, &m, &s));
  EXPECT_EQ(m, kI32Max);
  EXPECT_EQ(s, 31);
  // A multiplier <= 1 is rejected (TFLite CHECK-fails).
  EXPECT_FALSE(preprocess_softmax_scaling(1.0, std::ldexp(1.0, -30), 5, &m, &s));
  EXPECT_FALSE(preprocess_softmax_scaling(1.0, 1.0, 0, &m, &s));
  // A real multiplier of exactly 1 is rejected by the softmax scaling; one a
  // hair above 1 quantizes to (2^30, 1), whose reverse divisor is exactly 1,
  // and that is rejected by the smaller-than-one decomposition.
  EXPECT_FALSE(preprocess_log_softmax_scaling_exp(1.0, std::ldexp(1.0, -26), 5, &m, &s, &rm, &rs));
  ASSERT_TRUE(
      preprocess_softmax_scaling(1.0, std::ldexp(1.0 + std::ldexp(1.0, -40), -26), 5, &m, &s));
  EXPECT_EQ(m, 1 << 30);
  EXPECT_EQ(s, 1);
  EXPECT_FALSE(preprocess_log_softmax_scaling_exp(1.0, std::ldexp(1.0 + std::ldexp(1.0, -40), -26),
                                                  5, &m, &s, &rm, &rs));
}

TEST(Quantization, CalculateInputRadius) {
  // LOGISTIC int8 with input scale 0.1: 0.1 * 2^27 has frexp exponent 24.
  EXPECT_EQ(calculate_input_radius(4, 24), 120);  // floor(15 * 2^27 / 2^24)
  EXPECT_EQ(calculate_input_radius(4, 31), 0);    // floor(15 / 16)
  EXPECT_EQ(calculate_input_radius(5, 26, 31), 31);
  EXPECT_EQ(calculate_input_radius(3, 0, 15), 7 * 4096);
  EXPECT_EQ(calculate_input_radius(4, -1), kI32Max);  // saturates
  EXPECT_EQ(calculate_input_radius(31, 0), 0);        // out of range
}

TEST(Quantization, CheckedLog2) {
  int l = 99;
  EXPECT_TRUE(checked_log2(0.25f, &l));
  EXPECT_EQ(l, -2);
  EXPECT_TRUE(checked_log2(1.0f / 32768, &l));
  EXPECT_EQ(l, -15);
  EXPECT_TRUE(checked_log2(4096.0f, &l));
  EXPECT_EQ(l, 12);
  EXPECT_FALSE(checked_log2(0.3f, &l));
  EXPECT_EQ(l, -2);  // the rounded log2 is still reported
  EXPECT_FALSE(checked_log2(0.0f, &l));
  EXPECT_FALSE(checked_log2(-1.0f, &l));
  EXPECT_FALSE(checked_log2(std::nanf(""), &l));
}

// ---- activations ----------------------------------------------------------

TEST(Quantization, ActivationRangeFloat) {
  float lo = 0.0f;
  float hi = 0.0f;
  calculate_activation_range_f32(FusedActivation::kRelu, &lo, &hi);
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, std::numeric_limits<float>::max());
  calculate_activation_range_f32(FusedActivation::kRelu6, &lo, &hi);
  EXPECT_EQ(lo, 0.0f);
  EXPECT_EQ(hi, 6.0f);
  calculate_activation_range_f32(FusedActivation::kReluN1To1, &lo, &hi);
  EXPECT_EQ(lo, -1.0f);
  EXPECT_EQ(hi, 1.0f);
  for (FusedActivation a :
       {FusedActivation::kNone, FusedActivation::kTanh, FusedActivation::kSignBit}) {
    calculate_activation_range_f32(a, &lo, &hi);
    EXPECT_EQ(lo, std::numeric_limits<float>::lowest());
    EXPECT_EQ(hi, std::numeric_limits<float>::max());
  }
  EXPECT_EQ(static_cast<int>(FusedActivation::kRelu6), 3);
  EXPECT_EQ(static_cast<int>(FusedActivation::kSignBit), 5);
}

TEST(Quantization, ActivationRangeQuantizedHandChecked) {
  int32_t lo = 0;
  int32_t hi = 0;
  ASSERT_TRUE(calculate_activation_range_quantized(FusedActivation::kRelu6, 0.1f, -128, -128, 127,
                                                   &lo, &hi));
  EXPECT_EQ(lo, -128);
  EXPECT_EQ(hi, -68);  // -128 + round(6 / 0.1)
  ASSERT_TRUE(
      calculate_activation_range_quantized(FusedActivation::kRelu, 0.05f, 10, -128, 127, &lo, &hi));
  EXPECT_EQ(lo, 10);
  EXPECT_EQ(hi, 127);
  ASSERT_TRUE(calculate_activation_range_quantized(FusedActivation::kReluN1To1, 1.0f / 64, 3, -128,
                                                   127, &lo, &hi));
  EXPECT_EQ(lo, -61);
  EXPECT_EQ(hi, 67);
  ASSERT_TRUE(calculate_activation_range_quantized(FusedActivation::kReluN1To1, 1.0f / 256, 0, -128,
                                                   127, &lo, &hi));
  EXPECT_EQ(lo, -128);  // clipped to qmin
  EXPECT_EQ(hi, 127);
  // Tanh and SignBit are not clamps in TFLite: full range.
  ASSERT_TRUE(calculate_activation_range_quantized(FusedActivation::kTanh, 0.1f, 0, -32768, 32767,
                                                   &lo, &hi));
  EXPECT_EQ(lo, -32768);
  EXPECT_EQ(hi, 32767);
  // None does not look at the scale at all.
  EXPECT_TRUE(
      calculate_activation_range_quantized(FusedActivation::kNone, 0.0f, 0, -128, 127, &lo, &hi));
}

TEST(Quantization, ActivationRangeQuantizedUsesFloat) {
  // 6 / s is 561.5000x in double but rounds to 561.5 in float, so TFLite's
  // float computation gives 562 where a double one would give 561.
  const float s = float_from_bits(0x3c2f12ecU);  // 0.0106856637
  ASSERT_EQ(std::round(6.0 / static_cast<double>(s)), 561.0);
  int32_t lo = 0;
  int32_t hi = 0;
  ASSERT_TRUE(
      calculate_activation_range_quantized(FusedActivation::kRelu6, s, 0, -32768, 32767, &lo, &hi));
  EXPECT_EQ(lo, 0);
  EXPECT_EQ(hi, 562);
}

TEST(Quantization, ActivationRangeQuantizedRejects) {
  int32_t lo = 0;
  int32_t hi = 0;
  // Zero scale: 0/0 is NaN, 6/0 is infinite (TF_LITE_ENSURE fails).
  EXPECT_FALSE(
      calculate_activation_range_quantized(FusedActivation::kRelu, 0.0f, 0, -128, 127, &lo, &hi));
  EXPECT_FALSE(calculate_activation_range_quantized(FusedActivation::kRelu6, 1e-12f, 0, -128, 127,
                                                    &lo, &hi));
  // round(6 / s) == 2^31 passes TFLite's check and then overflows: rejected.
  EXPECT_FALSE(calculate_activation_range_quantized(FusedActivation::kRelu6, 6.0f / 2147483648.0f,
                                                    0, -128, 127, &lo, &hi));
  // zero_point + 6000 overflows int32.
  EXPECT_FALSE(calculate_activation_range_quantized(FusedActivation::kRelu6, 1e-3f, kI32Max - 10,
                                                    -128, 127, &lo, &hi));
}

TEST(Quantization, ApplyFusedActivationFloat) {
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kNone, -3.5f), -3.5f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kRelu, -3.5f), 0.0f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kRelu6, 7.0f), 6.0f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kReluN1To1, -2.0f), -1.0f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kTanh, 0.5f), std::tanh(0.5f));
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kSignBit, -0.0f), 1.0f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kSignBit, 2.0f), 0.0f);
  // fmax/fmin semantics: NaN becomes the bound.
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kRelu, std::nanf("")), 0.0f);
  EXPECT_EQ(apply_fused_activation_f32(FusedActivation::kReluN1To1, std::nanf("")), 1.0f);
}

// ---- convolution multipliers ----------------------------------------------

TEST(Quantization, ConvolutionMultiplierUsesFloatProduct) {
  const float in = float_from_bits(0x3b9e905eU);   // 0.00483898725
  const float flt = float_from_bits(0x3b74ed58U);  // 0.00373729132
  const float out = float_from_bits(0x3d4e6620U);  // 0.0503903627
  double real = 0.0;
  ASSERT_TRUE(get_quantized_convolution_multiplier(in, flt, out, &real));
  int32_t m = 0;
  int s = 0;
  ASSERT_TRUE(quantize_multiplier(real, &m, &s));
  EXPECT_EQ(m, 1578424359);  // the double product would give 1578424320
  EXPECT_EQ(s, -11);
  // The per-channel path uses the double product.
  int32_t pm = 0;
  int32_t ps = 0;
  ASSERT_TRUE(populate_conv_per_channel_multipliers(in, &flt, 1, out, &pm, &ps));
  EXPECT_EQ(pm, 1578424320);
  EXPECT_EQ(ps, -11);

  EXPECT_FALSE(get_quantized_convolution_multiplier(-1.0f, 1.0f, 1.0f, &real));
}

TEST(Quantization, BiasScaleCheck) {
  EXPECT_TRUE(is_bias_scale_consistent(0.5f, 0.25f, 0.125f, 1.0f));
  EXPECT_TRUE(is_bias_scale_consistent(0.5f, 0.25f, 0.125f + 0.02f, 1.0f));
  EXPECT_FALSE(is_bias_scale_consistent(0.5f, 0.25f, 0.125f + 0.03f, 1.0f));
}

TEST(Quantization, PerChannelMultipliersFromUnalignedScales) {
  const float scales[5] = {0.01f, 0.002f, 1.5f, float_from_bits(0x3b74ed58U), 3e-12f};
  // Copy the scales to an odd address, as a flatbuffer may store them.
  unsigned char buffer[sizeof(scales) + 1];
  std::memcpy(buffer + 1, scales, sizeof(scales));
  const float* unaligned = reinterpret_cast<const float*>(buffer + 1);
  int32_t multipliers[5];
  int32_t shifts[5];
  const float in = 0.05f;
  const float out = 0.2f;
  ASSERT_TRUE(populate_conv_per_channel_multipliers(in, unaligned, 5, out, multipliers, shifts));
  for (int c = 0; c < 5; ++c) {
    int32_t m = 0;
    int s = 0;
    ASSERT_TRUE(quantize_multiplier(
        static_cast<double>(in) * static_cast<double>(scales[c]) / static_cast<double>(out), &m,
        &s));
    EXPECT_EQ(multipliers[c], m) << c;
    EXPECT_EQ(shifts[c], s) << c;
  }
  EXPECT_EQ(multipliers[4], 0);  // 7.5e-13 < 2^-32: flushed
  int32_t bm[3];
  int32_t bs[3];
  ASSERT_TRUE(populate_conv_broadcast_multipliers(in, scales[2], 3, out, bm, bs));
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(bm[c], multipliers[2]);
    EXPECT_EQ(bs[c], shifts[2]);
  }
  const float bad[2] = {0.5f, std::nanf("")};
  EXPECT_FALSE(populate_conv_per_channel_multipliers(in, bad, 2, out, multipliers, shifts));
  EXPECT_EQ(multipliers[1], 0);
  EXPECT_EQ(shifts[1], 0);
}

// ---- lookup tables --------------------------------------------------------

TEST(QuantizationLut, LookupInterpolatesHandChecked) {
  int16_t lut[kLutSizeS16];
  for (int i = 0; i < kLutSizeS16; ++i) {
    lut[i] = static_cast<int16_t>(2 * (i - 256));
  }
  EXPECT_EQ(lut_lookup_s16(0, lut), 0);
  EXPECT_EQ(lut_lookup_s16(127, lut), 2);  // 0 + (2 * 127 + 64) >> 7
  EXPECT_EQ(lut_lookup_s16(64, lut), 1);   // (128 + 64) >> 7
  EXPECT_EQ(lut_lookup_s16(-1, lut), 0);   // lut[255] = -2, + 2
  EXPECT_EQ(lut_lookup_s16(-32768, lut), -512);
  EXPECT_EQ(lut_lookup_s16(32767, lut), 510 + 2);
}

TEST(QuantizationLut, IdentityTableRoundTrips) {
  int16_t lut[kLutSizeS16];
  lut_populate_s16(
      1.0f / 1024, 0, 1.0f / 1024, 0, [](float x) { return x; }, lut);
  for (int32_t v = -32768; v <= 32767; ++v) {
    ASSERT_LE(std::abs(lut_lookup_s16(static_cast<int16_t>(v), lut) - v), 1) << v;
  }
  int8_t lut8[kLutSizeS8];
  lut_populate_s8(
      0.1f, 3, 0.1f, 3, [](float x) { return x; }, lut8);
  for (int v = -128; v <= 127; ++v) {
    EXPECT_EQ(lut_lookup_s8(static_cast<int8_t>(v), lut8), v);
  }
  // ReLU through an int8 table: zero point 3 is real 0.
  lut_populate_s8(
      0.1f, 3, 0.1f, 3, [](float x) { return x > 0.0f ? x : 0.0f; }, lut8);
  EXPECT_EQ(lut_lookup_s8(-100, lut8), 3);
  EXPECT_EQ(lut_lookup_s8(100, lut8), 100);
  EXPECT_EQ(lut8[0], 3);    // byte 0 is input 0, real -0.3
  EXPECT_EQ(lut8[255], 3);  // byte 255 is input -1
  // Out-of-range outputs saturate.
  lut_populate_s8(
      1.0f, 0, 1.0f, 0, [](float x) { return 1000.0f * x; }, lut8);
  EXPECT_EQ(lut_lookup_s8(100, lut8), 127);
  EXPECT_EQ(lut_lookup_s8(-100, lut8), -128);
}

TEST(QuantizationLut, LegacyRangeFormMatchesScaleForm) {
  // TFLM's older gen_lut(exp, -10, 0, -1, 1) and today's LUTPopulate with the
  // softmax scales produce the same table.
  int16_t a[kLutSizeS16];
  int16_t b[kLutSizeS16];
  lut_populate_s16_range<float>([](float x) { return std::exp(x); }, -10.0f, 0.0f, -1.0f, 1.0f, a);
  lut_populate_s16(
      10.0f / 65535, 32767, 2.0f / 65535, 0, [](float x) { return std::exp(x); }, b);
  for (int i = 0; i < kLutSizeS16; ++i) {
    ASSERT_EQ(a[i], b[i]) << i;
  }
}

TEST(QuantizationLut, SoftmaxTablesMatchGenerator) {
  int16_t exp_lut[kLutSizeS16];
  int16_t inv_lut[kLutSizeS16];
  const int32_t range = 65535;
  lut_populate_s16(
      10.0f / range, 32767, 2.0f / range, 0, [](float x) { return std::exp(x); }, exp_lut);
  lut_populate_s16(
      1.0f / range, -32768, 2.0f / range, 0, [](float x) { return 1.0f / (1.0f + x); }, inv_lut);
#if defined(__GLIBC__)
  // The baked tables were generated with glibc's expf: exact there.
  constexpr int kTolerance = 0;
#else
  // Another libm may round expf differently by an ulp.
  constexpr int kTolerance = 1;
#endif
  for (int i = 0; i < kLutSizeS16; ++i) {
    ASSERT_LE(std::abs(kSoftmaxExpLutS16[i] - exp_lut[i]), kTolerance) << i;
    ASSERT_LE(std::abs(kSoftmaxOneOverOnePlusXLutS16[i] - inv_lut[i]), kTolerance) << i;
  }
  EXPECT_EQ(kSoftmaxExpLutS16[512], 32767);              // exp(0) * 32768, clamped
  EXPECT_EQ(kSoftmaxOneOverOnePlusXLutS16[0], 32767);    // 1 / (1 + 0), clamped
  EXPECT_EQ(kSoftmaxOneOverOnePlusXLutS16[512], 16384);  // 1 / (1 + 1)
}

TEST(QuantizationLut, SoftmaxTablesAccuracy) {
  // Interpolated lookups against the functions they tabulate; measured
  // maxima 2.0e-4 (exp) and 4.4e-5 (reciprocal).
  double exp_err = 0;
  double inv_err = 0;
  for (int32_t v = -32768; v <= 32767; ++v) {
    const int16_t q = static_cast<int16_t>(v);
    const double x_exp = (v - 32767) * 10.0 / 65535;
    const double x_inv = (v + 32768) / 65535.0;
    exp_err = std::fmax(
        exp_err, std::fabs(lut_lookup_s16(q, kSoftmaxExpLutS16) / 32768.0 - std::exp(x_exp)));
    inv_err =
        std::fmax(inv_err, std::fabs(lut_lookup_s16(q, kSoftmaxOneOverOnePlusXLutS16) / 32768.0 -
                                     1.0 / (1.0 + x_inv)));
  }
  EXPECT_LT(exp_err, 6e-4);
  EXPECT_LT(inv_err, 1.5e-4);
}

// ---- int16 logistic / tanh table ------------------------------------------

TEST(QuantizationSigmoidTable, Contents) {
  int64_t sum = 0;
  for (int i = 0; i < 256; ++i) {
    sum += kSigmoidTableU16[i];
    if (i > 0) {
      ASSERT_GE(kSigmoidTableU16[i], kSigmoidTableU16[i - 1]);
    }
    // TFLite's entries are within 1.2 of 65536 * sigmoid(i / 24) (they are
    // not plain roundings of it).
    ASSERT_NEAR(kSigmoidTableU16[i], 65536.0 / (1.0 + std::exp(-i / 24.0)), 1.2) << i;
  }
  EXPECT_EQ(sum, 15670629);  // guards the transcribed data
  EXPECT_EQ(kSigmoidTableU16[0], 32768);
  EXPECT_EQ(kSigmoidTableU16[4], 35493);  // round() would give 35492
  EXPECT_EQ(kSigmoidTableU16[255], 65535);
}

TEST(QuantizationSigmoidTable, LogisticAndTanhCores) {
  EXPECT_EQ(logistic_s16_from_table(0), 16384);  // 0.5 in Q0.15
  EXPECT_EQ(tanh_s16_from_table(0), 0);
  EXPECT_EQ(logistic_s16_from_table(kI32Max), 32767);
  EXPECT_EQ(logistic_s16_from_table(kI32Min), 1);
  EXPECT_EQ(tanh_s16_from_table(1 << 20), 32767);
  EXPECT_EQ(tanh_s16_from_table(-(1 << 20)), -32767);
  // Scaled input unit is 1/12288 (= 1 / (3 * 4096)) for both.
  double logistic_err = 0;
  double tanh_err = 0;
  for (int32_t v = -(1 << 18); v <= (1 << 18); v += 3) {
    const double x = v / 12288.0;
    logistic_err = std::fmax(
        logistic_err, std::fabs(logistic_s16_from_table(v) / 32768.0 - 1.0 / (1.0 + std::exp(-x))));
    tanh_err = std::fmax(tanh_err, std::fabs(tanh_s16_from_table(v) / 32768.0 - std::tanh(x)));
  }
  // Measured maxima: 3.2e-5 and 4.5e-5 (about one Q0.15 unit).
  EXPECT_LT(logistic_err, 1e-4);
  EXPECT_LT(tanh_err, 1.5e-4);
}

}  // namespace
}  // namespace ref
}  // namespace mote
