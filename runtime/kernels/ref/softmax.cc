#include "kernels/ref/softmax.h"

#include <cmath>
#include <limits>

#include "kernels/ref/fixed_point.h"

namespace mote {
namespace ref {
namespace {

// Q5.26 for the rescaled differences: inputs we keep can reach -32 before rescaling and -16
// after, and exp(-16) no longer matters to the sum. The sum is Q12.19 (up to 4096 ones).
constexpr int kScaledDiffIntegerBits = 5;
constexpr int kAccumulationIntegerBits = 12;
using ScaledDiff = FixedPoint<int32_t, kScaledDiffIntegerBits>;
using Accumulator = FixedPoint<int32_t, kAccumulationIntegerBits>;
using Fraction = FixedPoint<int32_t, 0>;

// exp(diff) in Q0.31 for a difference to the row maximum that passed the diff_min test.
Fraction exp_of_difference(const SoftmaxQuantParams& p, int32_t diff) {
  const int32_t rescaled = multiply_by_quantized_multiplier_greater_than_one(
      diff, p.input_multiplier, p.input_left_shift);
  return exp_on_negative_values(ScaledDiff::from_raw(rescaled));
}

// TFLite's RoundingDivideByPOT of the non-negative Q0.31 result. TFLite CHECK-fails (TFLM
// aborts) for exponents above 31, which int8 output reaches once a row's sum of exps is 512 or
// more; the exactly rounded quotient is 0 there, since x < 2^31.
int32_t divide_by_pot_non_negative(int32_t x, int exponent) {
  return exponent > 31 ? 0 : rounding_divide_by_pot(x, exponent);
}

template <typename OutputT>
void softmax_s8(const SoftmaxQuantParams& p, int64_t rows, int32_t depth, const int8_t* input,
                OutputT* output) {
  constexpr int32_t kOutputMin = std::numeric_limits<OutputT>::min();
  constexpr int32_t kOutputMax = std::numeric_limits<OutputT>::max();
  constexpr int kOutputBits = static_cast<int>(8 * sizeof(OutputT));
  for (int64_t row = 0; row < rows; ++row) {
    const int8_t* in = input + row * depth;
    OutputT* out = output + row * depth;
    int8_t max_in_row = std::numeric_limits<int8_t>::min();
    for (int32_t c = 0; c < depth; ++c) max_in_row = max_of(max_in_row, in[c]);

    // operator+ wraps where TFLite's int32 addition would overflow (rows of 4096+ maxima).
    Accumulator sum_of_exps = Accumulator::zero();
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      if (diff >= p.diff_min) {
        sum_of_exps = sum_of_exps + rescale<kAccumulationIntegerBits>(exp_of_difference(p, diff));
      }
    }

    int num_bits_over_unit = 0;
    const Fraction shifted_scale = Fraction::from_raw(
        get_reciprocal(sum_of_exps.raw(), kAccumulationIntegerBits, &num_bits_over_unit));
    const int exponent = num_bits_over_unit + 31 - kOutputBits;

    // exp is evaluated a second time rather than cached, as in TFLite (no scratch needed).
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;
      int32_t value = kOutputMin;
      if (diff >= p.diff_min) {
        const int32_t unsaturated = divide_by_pot_non_negative(
            (shifted_scale * exp_of_difference(p, diff)).raw(), exponent);
        value = clamp_to(unsaturated + kOutputMin, kOutputMin, kOutputMax);
      }
      out[c] = static_cast<OutputT>(value);
    }
  }
}

}  // namespace

void softmax_f32(int64_t rows, int32_t depth, float beta, const float* input, float* output) {
  for (int64_t row = 0; row < rows; ++row) {
    const float* in = input + row * depth;
    float* out = output + row * depth;
    // Subtracting the maximum keeps exp in range; the result is mathematically unchanged.
    float max_in_row = std::numeric_limits<float>::lowest();
    for (int32_t c = 0; c < depth; ++c) max_in_row = max_of(max_in_row, in[c]);
    float sum = 0.0f;
    for (int32_t c = 0; c < depth; ++c) {
      const float e = std::exp((in[c] - max_in_row) * beta);
      out[c] = e;
      sum += e;
    }
    for (int32_t c = 0; c < depth; ++c) out[c] = out[c] / sum;
  }
}

void softmax_s8_s8(const SoftmaxQuantParams& params, int64_t rows, int32_t depth,
                   const int8_t* input, int8_t* output) {
  softmax_s8(params, rows, depth, input, output);
}

void softmax_s8_s16(const SoftmaxQuantParams& params, int64_t rows, int32_t depth,
                    const int8_t* input, int16_t* output) {
  softmax_s8(params, rows, depth, input, output);
}

void softmax_s16(const SoftmaxQuantParams& p, int64_t rows, int32_t depth, const int16_t* input,
                 int16_t* output) {
  constexpr int32_t kInt16Min = std::numeric_limits<int16_t>::min();
  constexpr int32_t kInt16Max = std::numeric_limits<int16_t>::max();
  for (int64_t row = 0; row < rows; ++row) {
    const int16_t* in = input + row * depth;
    int16_t* out = output + row * depth;
    if (depth <= 0) continue;
    int16_t max_in_row = std::numeric_limits<int16_t>::min();
    for (int32_t c = 0; c < depth; ++c) max_in_row = max_of(max_in_row, in[c]);

    // The exps are cached in the output row (TFLite does the same); their sum is Q16.15. With
    // depth <= kSoftmaxMaxDepthS16 it stays below 2^31.
    int32_t sum_of_exps = 0;
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = static_cast<int32_t>(in[c]) - max_in_row;  // [-65535, 0]
      // [-65535, 0] -> [-10, 0] on the table's input scale, then recentred on [-32768, 32767].
      const int32_t scaled_diff =
          multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift);
      const int32_t symmetric = clamp_to(scaled_diff + kInt16Max, kInt16Min, kInt16Max);
      out[c] = lut_lookup_s16(static_cast<int16_t>(symmetric), p.exp_lut);
      sum_of_exps += out[c];
    }

    // The max element contributes ~1.0, so the sum is positive and has 1 to 17 leading zeros.
    const int headroom_plus_one = count_leading_zeros(static_cast<uint32_t>(sum_of_exps));
    // Normalise the sum to [1, 2) in Q1.14 (sum << (headroom - 1) is in [2^30, 2^31)), then
    // x = sum - 1 recentred from [0, 65535] onto the table's [-32768, 32767] input.
    const int32_t shifted_sum = static_cast<int32_t>(
        ((static_cast<int64_t>(sum_of_exps) << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
    const int32_t symmetric_sum =
        clamp_to(shifted_sum - ((1 << 15) + (1 << 16)), kInt16Min, kInt16Max);
    const int16_t reciprocal_q015 =
        lut_lookup_s16(static_cast<int16_t>(symmetric_sum), p.one_over_one_plus_x_lut);

    const int right_shift = 31 - headroom_plus_one;  // in [14, 30]
    const int64_t round = int64_t{1} << (right_shift - 1);
    for (int32_t c = 0; c < depth; ++c) {
      const int64_t product = static_cast<int64_t>(out[c]) * reciprocal_q015 + round;
      const int32_t result = static_cast<int32_t>(product >> right_shift);
      out[c] = static_cast<int16_t>(clamp_to(result, int32_t{0}, kInt16Max));
    }
  }
}

void softmax_populate_luts_s16(int16_t* exp_lut, int16_t* one_over_one_plus_x_lut) {
  // The int16 range spans 65535 steps; exp below -10 is negligible in the sum.
  constexpr int32_t kRange =
      std::numeric_limits<int16_t>::max() - std::numeric_limits<int16_t>::min();
  lut_populate_s16<float>(
      10.0f / kRange, std::numeric_limits<int16_t>::max(), 2.0f / kRange, 0,
      [](float x) { return std::exp(x); }, exp_lut);
  lut_populate_s16<float>(
      1.0f / kRange, std::numeric_limits<int16_t>::min(), 2.0f / kRange, 0,
      [](float x) { return 1.0f / (1.0f + x); }, one_over_one_plus_x_lut);
}

}  // namespace ref
}  // namespace mote
