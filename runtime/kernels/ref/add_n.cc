#include "kernels/ref/add_n.h"

#include <limits>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

bool prepare_add_n_s8(float input_scale, int32_t input_zero_point, float output_scale,
                      int32_t output_zero_point, AddNQuantParams* p) {
  // 20 bits of headroom for the int8 differences before they are halved and summed.
  constexpr int kLeftShift = 20;
  p->input_offset = -input_zero_point;
  p->output_offset = output_zero_point;
  p->left_shift = kLeftShift;
  p->activation_min = std::numeric_limits<int8_t>::min();
  p->activation_max = std::numeric_limits<int8_t>::max();
  const double twice_max_input_scale = 2 * static_cast<double>(input_scale);
  const double real_input_multiplier = static_cast<double>(input_scale) / twice_max_input_scale;
  const double real_output_multiplier =
      twice_max_input_scale / ((1 << kLeftShift) * static_cast<double>(output_scale));
  int input_shift = 0, output_shift = 0;
  if (!quantize_multiplier_smaller_than_one_exp(real_input_multiplier, &p->input_multiplier,
                                                &input_shift) ||
      !quantize_multiplier_smaller_than_one_exp(real_output_multiplier, &p->output_multiplier,
                                                &output_shift)) {
    return false;
  }
  p->input_shift = input_shift;
  p->output_shift = output_shift;
  return true;
}

void add_n_f32(int32_t input_count, const float* const* inputs, int64_t count, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    float sum = 0.0f;
    for (int32_t j = 0; j < input_count; ++j) sum += inputs[j][i];
    output[i] = sum;
  }
}

void add_n_s8(const AddNQuantParams& p, int32_t input_count, const int8_t* const* inputs,
              int64_t count, int8_t* output) {
  const auto scale_input = [&p](int32_t value) {
    return multiply_by_quantized_multiplier_smaller_than_one_exp(
        wrapping_shift_left(value, p.left_shift), p.input_multiplier, p.input_shift);
  };
  // TFLM's starting term (see the header): the scaled input offset.
  const int32_t start = scale_input(p.input_offset);
  for (int64_t i = 0; i < count; ++i) {
    int32_t sum = start;
    // Each term is at most 255 * 2^19; thousands of inputs could exceed int32, where TFLite's
    // addition is undefined; it wraps here.
    for (int32_t j = 0; j < input_count; ++j) {
      sum = wrapping_add(sum, scale_input(p.input_offset + inputs[j][i]));
    }
    const int32_t result = multiply_by_quantized_multiplier_smaller_than_one_exp(
                               sum, p.output_multiplier, p.output_shift) +
                           p.output_offset;
    output[i] = static_cast<int8_t>(clamp_to(result, p.activation_min, p.activation_max));
  }
}

}  // namespace ref
}  // namespace mote
