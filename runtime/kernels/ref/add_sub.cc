#include "kernels/ref/add_sub.h"

#include "kernels/ref/elementwise_math.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

bool prepare_add_sub_quant(AddSubKind kind, bool int16, float input1_scale,
                           int32_t input1_zero_point, float input2_scale, int32_t input2_zero_point,
                           float output_scale, int32_t output_zero_point, AddSubQuant* q) {
  q->input1_offset = -input1_zero_point;
  q->input2_offset = -input2_zero_point;
  q->output_offset = output_zero_point;
  q->left_shift = int16 ? 15 : 20;
  const float max_input_scale = max_of(input1_scale, input2_scale);
  double real_input1 = 0.0;
  double real_input2 = 0.0;
  double real_output = 0.0;
  if (kind == AddSubKind::kAdd) {
    const double twice_max_input_scale = 2 * static_cast<double>(max_input_scale);
    real_input1 = static_cast<double>(input1_scale) / twice_max_input_scale;
    real_input2 = static_cast<double>(input2_scale) / twice_max_input_scale;
    real_output =
        twice_max_input_scale / ((1 << q->left_shift) * static_cast<double>(output_scale));
  } else {
    // TFLM's SUB keeps these in float: the quotients are rounded to 24 bits before
    // quantize_multiplier rounds them to 31, which can change the last multiplier bit.
    const float twice_max_input_scale = 2 * max_input_scale;
    real_input1 = static_cast<double>(input1_scale / twice_max_input_scale);
    real_input2 = static_cast<double>(input2_scale / twice_max_input_scale);
    real_output = static_cast<double>(twice_max_input_scale /
                                      (static_cast<float>(1 << q->left_shift) * output_scale));
  }
  int shift1 = 0;
  int shift2 = 0;
  int shift_out = 0;
  const bool ok =
      quantize_multiplier_smaller_than_one_exp(real_input1, &q->input1_multiplier, &shift1) &&
      quantize_multiplier_smaller_than_one_exp(real_input2, &q->input2_multiplier, &shift2) &&
      quantize_multiplier_smaller_than_one_exp(real_output, &q->output_multiplier, &shift_out);
  q->input1_shift = shift1;
  q->input2_shift = shift2;
  q->output_shift = shift_out;
  return ok;
}

namespace {

template <AddSubKind kKind, typename T>
void add_sub_loop(const BroadcastGeometry& g, T activation_min, T activation_max, const T* input1,
                  const T* input2, T* output) {
  broadcast_binary(g, input1, input2, output, [activation_min, activation_max](T a, T b) {
    const T v = kKind == AddSubKind::kAdd ? plain_add(a, b) : plain_sub(a, b);
    return activation_function_with_min_max(v, activation_min, activation_max);
  });
}

template <AddSubKind kKind, typename T>
void add_sub_quantized_loop(const BroadcastGeometry& g, const AddSubQuant& q, const T* input1,
                            const T* input2, T* output) {
  broadcast_binary(g, input1, input2, output, [&q](T a, T b) {
    // |a - zp| <= 65535 and left_shift <= 15 for int16 (255 and 20 for int8): no overflow.
    const int32_t shifted1 = wrapping_shift_left(q.input1_offset + a, q.left_shift);
    const int32_t shifted2 = wrapping_shift_left(q.input2_offset + b, q.left_shift);
    const int32_t scaled1 = multiply_by_quantized_multiplier_smaller_than_one_exp(
        shifted1, q.input1_multiplier, q.input1_shift);
    const int32_t scaled2 = multiply_by_quantized_multiplier_smaller_than_one_exp(
        shifted2, q.input2_multiplier, q.input2_shift);
    const int32_t raw =
        kKind == AddSubKind::kAdd ? wrapping_add(scaled1, scaled2) : wrapping_sub(scaled1, scaled2);
    const int32_t out = wrapping_add(multiply_by_quantized_multiplier_smaller_than_one_exp(
                                         raw, q.output_multiplier, q.output_shift),
                                     q.output_offset);
    return static_cast<T>(clamp_to(out, q.activation_min, q.activation_max));
  });
}

}  // namespace

template <typename T>
void add_sub(AddSubKind kind, const BroadcastGeometry& g, T activation_min, T activation_max,
             const T* input1, const T* input2, T* output) {
  if (kind == AddSubKind::kAdd) {
    add_sub_loop<AddSubKind::kAdd>(g, activation_min, activation_max, input1, input2, output);
  } else {
    add_sub_loop<AddSubKind::kSub>(g, activation_min, activation_max, input1, input2, output);
  }
}

template <typename T>
void add_sub_quantized(AddSubKind kind, const BroadcastGeometry& g, const AddSubQuant& q,
                       const T* input1, const T* input2, T* output) {
  if (kind == AddSubKind::kAdd) {
    add_sub_quantized_loop<AddSubKind::kAdd>(g, q, input1, input2, output);
  } else {
    add_sub_quantized_loop<AddSubKind::kSub>(g, q, input1, input2, output);
  }
}

template void add_sub<float>(AddSubKind, const BroadcastGeometry&, float, float, const float*,
                             const float*, float*);
template void add_sub<int32_t>(AddSubKind, const BroadcastGeometry&, int32_t, int32_t,
                               const int32_t*, const int32_t*, int32_t*);
template void add_sub_quantized<int8_t>(AddSubKind, const BroadcastGeometry&, const AddSubQuant&,
                                        const int8_t*, const int8_t*, int8_t*);
template void add_sub_quantized<int16_t>(AddSubKind, const BroadcastGeometry&, const AddSubQuant&,
                                         const int16_t*, const int16_t*, int16_t*);

}  // namespace ref
}  // namespace mote
