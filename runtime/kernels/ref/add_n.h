// Reference ADD_N (the elementwise sum of N >= 2 tensors of one shape), bit-exact with TFLM
// (add_n.cc, reference_ops::AddN).
//
//  * float32: out[i] = ((0 + in0[i]) + in1[i]) + ..., in input order.
//  * int8: all inputs share one scale and zero point. Each (x - zp) << 20 is halved by a Q31
//    multiplier (TFLM's scale / (2 * scale) = 0.5), the halves are summed in int32, and the sum is
//    requantized by (2 * s_in) / (2^20 * s_out) (QuantizeMultiplierSmallerThanOneExp, so that
//    ratio must be below 1), plus the output zero point, saturated to int8.
//    TFLM starts the sum from the scaled input offset (-zp), not from 0 (its comment says
//    "x = 0"); the result is therefore off by one extra -zp term whenever zp != 0. That is what
//    TFLM computes and what is reproduced here.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct AddNQuantParams {
  int32_t input_offset = 0;   // -zero point shared by the inputs
  int32_t output_offset = 0;  // output zero point
  int32_t left_shift = 0;     // 20
  int32_t input_multiplier = 0;
  int32_t input_shift = 0;  // <= 0
  int32_t output_multiplier = 0;
  int32_t output_shift = 0;  // <= 0
  int32_t activation_min = 0;
  int32_t activation_max = 0;
};

// TFLM CalculateOpData for int8. False where TFLite would CHECK-fail: an output multiplier that is
// not in (0, 1).
[[nodiscard]] bool prepare_add_n_s8(float input_scale, int32_t input_zero_point, float output_scale,
                                    int32_t output_zero_point, AddNQuantParams* params);

// inputs: input_count pointers to count elements each.
void add_n_f32(int32_t input_count, const float* const* inputs, int64_t count, float* output);
void add_n_s8(const AddNQuantParams& params, int32_t input_count, const int8_t* const* inputs,
              int64_t count, int8_t* output);

}  // namespace ref
}  // namespace mote
