#include "kernels/ref/log_softmax.h"

#include <cmath>
#include <limits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// Q5.26 for the rescaled differences (exp(-16) no longer matters to the sum), Q12.19 for the sum
// (safe for 2^12 maxima), Q4 integer bits in the output (scale 16/256).
constexpr int kInputIntegerBits = 5;
constexpr int kAccumulationIntegerBits = 12;
constexpr int kOutputIntegerBits = 4;
using F5 = FixedPoint<int32_t, kInputIntegerBits>;
using F12 = FixedPoint<int32_t, kAccumulationIntegerBits>;

}  // namespace

bool prepare_log_softmax_s8(float input_scale, LogSoftmaxQuantParams* p) {
  constexpr double kBeta = 1.0;
  int32_t multiplier = 0, divisor = 0;
  int left_shift = 0, reverse_left_shift = 0;
  if (!preprocess_log_softmax_scaling_exp(kBeta, static_cast<double>(input_scale),
                                          kInputIntegerBits, &multiplier, &left_shift, &divisor,
                                          &reverse_left_shift)) {
    return false;
  }
  p->input_multiplier = multiplier;
  p->input_left_shift = left_shift;
  p->reverse_scaling_divisor = divisor;
  p->reverse_scaling_left_shift = reverse_left_shift;
  p->diff_min = -calculate_input_radius(kInputIntegerBits, left_shift);
  return true;
}

void log_softmax_f32(int64_t rows, int32_t depth, const float* input, float* output) {
  for (int64_t row = 0; row < rows; ++row) {
    const float* in = input + row * depth;
    float* out = output + row * depth;
    // std::max(max, x) keeps max when x is NaN, as in TFLM.
    float max = std::numeric_limits<float>::lowest();
    for (int32_t c = 0; c < depth; ++c) max = max < in[c] ? in[c] : max;
    float sum = 0.0f;
    for (int32_t c = 0; c < depth; ++c) sum += std::exp(in[c] - max);
    const float log_sum = std::log(sum);
    for (int32_t c = 0; c < depth; ++c) out[c] = in[c] - max - log_sum;
  }
}

void log_softmax_s8(const LogSoftmaxQuantParams& p, int64_t rows, int32_t depth,
                    const int8_t* input, int8_t* output) {
  constexpr int32_t kMinT8 = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMaxT8 = std::numeric_limits<int8_t>::max();
  if (depth <= 0) return;
  for (int64_t row = 0; row < rows; ++row) {
    const int8_t* in = input + row * depth;
    int8_t* out = output + row * depth;
    int32_t max_in_row = kMinT8;
    for (int32_t c = 0; c < depth; ++c) max_in_row = max_of<int32_t>(max_in_row, in[c]);

    // operator+ wraps where TFLite's sum would overflow (4096 or more maxima in a row).
    F12 sum_of_exps = F12::zero();
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = in[c] - max_in_row;
      if (diff >= p.diff_min) {
        const int32_t diff_q5 =
            multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift);
        sum_of_exps = sum_of_exps + rescale<kAccumulationIntegerBits>(
                                        exp_on_negative_values(F5::from_raw(diff_q5)));
      }
    }
    const int32_t log_sum_q5 =
        log_x_for_x_greater_than_or_equal_to_1<kInputIntegerBits>(sum_of_exps).raw();

    // The most negative Q5.26 value plus the log: differences below it (after the reverse
    // scaling) would underflow the output. "> adjusted" below, ">= diff_min" above, as in TFLM.
    const int32_t shifted_log_sum_q5 =
        wrapping_add(log_sum_q5, std::numeric_limits<int32_t>::min());
    const int32_t adjusted_diff_min =
        max_of(p.diff_min - 1,
               multiply_by_quantized_multiplier(shifted_log_sum_q5, p.reverse_scaling_divisor,
                                                p.reverse_scaling_left_shift));
    for (int32_t c = 0; c < depth; ++c) {
      const int32_t diff = in[c] - max_in_row;
      int32_t value = kMinT8;
      if (diff > adjusted_diff_min) {
        const int32_t diff_q5 =
            multiply_by_quantized_multiplier(diff, p.input_multiplier, p.input_left_shift);
        value = rounding_divide_by_pot(wrapping_sub(diff_q5, log_sum_q5),
                                       31 - kInputIntegerBits - kOutputIntegerBits) +
                kMaxT8;
        value = clamp_to(value, kMinT8, kMaxT8);
      }
      out[c] = static_cast<int8_t>(value);
    }
  }
}

}  // namespace ref
}  // namespace mote
