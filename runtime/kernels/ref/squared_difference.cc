#include "kernels/ref/squared_difference.h"

#include "kernels/ref/elementwise_math.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

template <typename T>
void squared_difference_quantized(const SquaredDifferenceQuantParams& p, const BroadcastGeometry& g,
                                  const T* input1, const T* input2, T* output) {
  broadcast_binary(g, input1, input2, output, [&p](T a, T b) {
    const int32_t shifted1 = wrapping_shift_left(p.input1_offset + a, p.left_shift);
    const int32_t shifted2 = wrapping_shift_left(p.input2_offset + b, p.left_shift);
    const int32_t scaled1 = multiply_by_quantized_multiplier_smaller_than_one_exp(
        shifted1, p.input1_multiplier, p.input1_shift);
    const int32_t scaled2 = multiply_by_quantized_multiplier_smaller_than_one_exp(
        shifted2, p.input2_multiplier, p.input2_shift);
    // |scaled| <= 2^14 (int8: 255 << 7 halved; int16: 2^15 halved), so neither the difference
    // nor its square (<= 2^30) overflows; plain_* keeps that defined regardless.
    const int32_t diff = plain_sub(scaled1, scaled2);
    const int32_t squared = plain_mul(diff, diff);
    const int32_t result =
        multiply_by_quantized_multiplier(squared, p.output_multiplier, p.output_shift) +
        p.output_offset;
    return static_cast<T>(clamp_to(result, p.activation_min, p.activation_max));
  });
}

}  // namespace

bool prepare_squared_difference_quantized(float input1_scale, int32_t input1_zero_point,
                                          float input2_scale, int32_t input2_zero_point,
                                          float output_scale, int32_t output_zero_point,
                                          int32_t left_shift, int32_t activation_min,
                                          int32_t activation_max, SquaredDifferenceQuantParams* p) {
  p->input1_offset = -input1_zero_point;
  p->input2_offset = -input2_zero_point;
  p->output_offset = output_zero_point;
  p->left_shift = left_shift;
  p->activation_min = activation_min;
  p->activation_max = activation_max;
  const double twice_max_input_scale =
      2.0 * static_cast<double>(max_of(input1_scale, input2_scale));
  const double real_input1_multiplier = static_cast<double>(input1_scale) / twice_max_input_scale;
  const double real_input2_multiplier = static_cast<double>(input2_scale) / twice_max_input_scale;
  // TFLM: (1 << left_shift * 2) * output_scale is an int times a float, i.e. a float product.
  const float output_denominator = static_cast<float>(1 << (left_shift * 2)) * output_scale;
  const double real_output_multiplier =
      (twice_max_input_scale * twice_max_input_scale) / static_cast<double>(output_denominator);
  int shift1 = 0, shift2 = 0, output_shift = 0;
  if (!quantize_multiplier_smaller_than_one_exp(real_input1_multiplier, &p->input1_multiplier,
                                                &shift1) ||
      !quantize_multiplier_smaller_than_one_exp(real_input2_multiplier, &p->input2_multiplier,
                                                &shift2) ||
      !quantize_multiplier(real_output_multiplier, &p->output_multiplier, &output_shift)) {
    return false;
  }
  p->input1_shift = shift1;
  p->input2_shift = shift2;
  p->output_shift = output_shift;
  return true;
}

void squared_difference_f32(const BroadcastGeometry& g, const float* input1, const float* input2,
                            float* output) {
  broadcast_binary(g, input1, input2, output, [](float a, float b) {
    const float diff = a - b;
    return diff * diff;
  });
}

void squared_difference_s32(const BroadcastGeometry& g, const int32_t* input1,
                            const int32_t* input2, int32_t* output) {
  broadcast_binary(g, input1, input2, output, [](int32_t a, int32_t b) {
    const int32_t diff = plain_sub(a, b);
    return plain_mul(diff, diff);
  });
}

void squared_difference_s8(const SquaredDifferenceQuantParams& params, const BroadcastGeometry& g,
                           const int8_t* input1, const int8_t* input2, int8_t* output) {
  squared_difference_quantized(params, g, input1, input2, output);
}

void squared_difference_s16(const SquaredDifferenceQuantParams& params, const BroadcastGeometry& g,
                            const int16_t* input1, const int16_t* input2, int16_t* output) {
  squared_difference_quantized(params, g, input1, input2, output);
}

}  // namespace ref
}  // namespace mote
