// Reference LOG_SOFTMAX over the last dimension, bit-exact with TFLM (log_softmax.cc,
// reference_ops::LogSoftmax and LogSoftmaxQuantized).
//
// The tensor is `rows` rows of `depth` values; each row becomes x - max - log(sum(exp(x - max))).
//
//  * float32: max with std::max, exps summed in float in row order, one log, then
//    (x - max) - log_sum per element.
//  * int8 (output scale 16/256, zero point 127): differences to the row maximum are rescaled to
//    Q5.26 (input_multiplier, input_left_shift from PreprocessLogSoftmaxScalingExp with beta 1);
//    those at or above diff_min contribute exp_on_negative_values to a Q12.19 sum; the sum's log
//    (log_x_for_x_greater_than_or_equal_to_1) is Q5.26. Outputs are (diff - log_sum) rounded
//    down 22 bits, plus 127, saturated; differences at or below a cut-off derived from the log and
//    the reverse scaling give -128.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct LogSoftmaxQuantParams {
  int32_t input_multiplier = 0;  // Q31
  int32_t input_left_shift = 0;  // >= 1
  int32_t reverse_scaling_divisor = 0;
  int32_t reverse_scaling_left_shift = 0;  // <= 0
  int32_t diff_min = 0;                    // <= 0
};

// TFLM CalculateOpData for int8 (beta 1, 5 integer bits). False when the input scale gives no
// valid multiplier (TFLite CHECK-fails there).
[[nodiscard]] bool prepare_log_softmax_s8(float input_scale, LogSoftmaxQuantParams* params);

void log_softmax_f32(int64_t rows, int32_t depth, const float* input, float* output);
void log_softmax_s8(const LogSoftmaxQuantParams& params, int64_t rows, int32_t depth,
                    const int8_t* input, int8_t* output);

}  // namespace ref
}  // namespace mote
