#include "kernels/ref/logistic_tanh.h"

#include <cmath>
#include <limits>

#include "kernels/ref/fixed_point.h"

namespace mote {
namespace ref {
namespace {

// The int8 input is rescaled to Q4.27: |x| < 16 covers both functions' useful range.
constexpr int kInputIntegerBitsS8 = 4;
// The int16 input is rescaled to Q3.12 (times 3, for the table's 1/24 step).
constexpr int kInputIntegerBitsS16 = 3;

using InputQ4 = FixedPoint<int32_t, kInputIntegerBitsS8>;

// Shared int8 loop: saturate outside the radius, otherwise rescale to Q4.27, apply the gemmlowp
// function (Q0.31 result) and round it down to the output's 8 bits.
template <typename Function>
void fixed_point_s8(const LogisticTanhParamsS8& p, int64_t count, const int8_t* input,
                    int8_t* output, Function function, int output_fraction_shift,
                    int32_t output_zero_point) {
  constexpr int32_t kMin = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int8_t>::max();
  for (int64_t i = 0; i < count; ++i) {
    const int32_t x = static_cast<int32_t>(input[i]) - p.input_zero_point;
    int32_t value = 0;
    if (x <= -p.input_range_radius) {
      value = kMin;
    } else if (x >= p.input_range_radius) {
      value = kMax;
    } else {
      const int32_t x_q4 =
          multiply_by_quantized_multiplier(x, p.input_multiplier, p.input_left_shift);
      const int32_t y_q0 = function(InputQ4::from_raw(x_q4)).raw();
      value = clamp_to(rounding_divide_by_pot(y_q0, output_fraction_shift) + output_zero_point,
                       kMin, kMax);
    }
    output[i] = static_cast<int8_t>(value);
  }
}

// Shared int16 loop: rescale to the table's input unit, then the table core from
// quantization.h. |x * multiplier| < 2^30, so the int64 arithmetic only mirrors TFLite's int32.
template <typename Core>
void table_s16(const LogisticTanhParamsS16& p, int64_t count, const int16_t* input, int16_t* output,
               Core core) {
  const int64_t round = p.input_left_shift > 0 ? int64_t{1} << (p.input_left_shift - 1) : 0;
  for (int64_t i = 0; i < count; ++i) {
    const int64_t scaled = static_cast<int64_t>(input[i]) * p.input_multiplier + round;
    output[i] = core(static_cast<int32_t>(scaled >> p.input_left_shift));
  }
}

}  // namespace

LogisticTanhParamsS8 prepare_logistic_tanh_s8(float input_scale, int32_t input_zero_point) {
  LogisticTanhParamsS8 p;
  p.input_zero_point = input_zero_point;
  const double real_multiplier = static_cast<double>(input_scale) *
                                 static_cast<double>(int64_t{1} << (31 - kInputIntegerBitsS8));
  int shift = 0;
  const double q = std::frexp(real_multiplier, &shift);
  // q has at most 24 significant bits, so q * 2^31 is an integer below 2^31; the clamp only
  // keeps the conversion defined for inputs that cannot come from a float scale.
  const double q_fixed = std::round(q * static_cast<double>(int64_t{1} << 31));
  p.input_multiplier = static_cast<int32_t>(
      min_of(q_fixed, static_cast<double>(std::numeric_limits<int32_t>::max())));
  p.input_left_shift = shift;
  p.input_range_radius = calculate_input_radius(kInputIntegerBitsS8, shift, 31);
  return p;
}

bool prepare_logistic_tanh_s16(float input_scale, int max_pot_shift,
                               LogisticTanhParamsS16* params) {
  int log2_scale = 0;
  const bool is_pot = checked_log2(input_scale, &log2_scale);
  const int pot_shift = (15 - kInputIntegerBitsS16) + log2_scale;
  if (is_pot && pot_shift >= 0 && pot_shift <= max_pot_shift) {
    // TFLM stores multiplier 0 and lets the kernel use 3 << shift with no shift; same numbers.
    params->input_multiplier = 3 << pot_shift;
    params->input_left_shift = 0;
    return true;
  }
  // Rescale to units of 1/(3 * 4096), keeping the multiplier in (16383.5, 32767].
  double multiplier = static_cast<double>(input_scale) * 4096.0 * 3.0;
  int shift = 0;
  while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
    ++shift;
    multiplier = multiplier * 2.0;
  }
  if (!(multiplier <= 32767.0)) return false;
  params->input_multiplier = static_cast<int32_t>(multiplier);
  params->input_left_shift = shift;
  return true;
}

void logistic_f32(int64_t count, const float* input, float* output) {
  // TFLite's cutoffs: beyond them 1 / (1 + exp(-x)) is 1 (above) or exp(x) (below) in float.
  constexpr float kCutoffUpper = 16.619047164916992188f;
  constexpr float kCutoffLower = -9.0f;
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    float result = 0.0f;
    if (x > kCutoffUpper) {
      result = 1.0f;
    } else if (x < kCutoffLower) {
      result = std::exp(x);
    } else {
      result = 1.0f / (1.0f + std::exp(-x));
    }
    output[i] = result;
  }
}

void logistic_s8(const LogisticTanhParamsS8& params, int64_t count, const int8_t* input,
                 int8_t* output) {
  // Q0.31 -> scale 1/256: drop 31 - 8 bits, then zero point -128.
  fixed_point_s8(
      params, count, input, output, [](InputQ4 x) { return logistic(x); }, 31 - 8, -128);
}

void logistic_s16(const LogisticTanhParamsS16& params, int64_t count, const int16_t* input,
                  int16_t* output) {
  table_s16(params, count, input, output, logistic_s16_from_table);
}

void tanh_f32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = std::tanh(input[i]);
}

void tanh_s8(const LogisticTanhParamsS8& params, int64_t count, const int8_t* input,
             int8_t* output) {
  // Q0.31 -> scale 1/128: drop 31 - 7 bits; zero point 0.
  fixed_point_s8(
      params, count, input, output, [](InputQ4 x) { return tanh(x); }, 31 - 7, 0);
}

void tanh_s16(const LogisticTanhParamsS16& params, int64_t count, const int16_t* input,
              int16_t* output) {
  table_s16(params, count, input, output, tanh_s16_from_table);
}

}  // namespace ref
}  // namespace mote
