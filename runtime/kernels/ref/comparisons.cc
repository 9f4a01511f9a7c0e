#include "kernels/ref/comparisons.h"

namespace mote {
namespace ref {

bool prepare_comparison_quantized(float input1_scale, int32_t input1_zero_point, float input2_scale,
                                  int32_t input2_zero_point, ComparisonQuantParams* p) {
  // Eight bits of headroom above the 8-bit (or 16-bit) values before the scale is applied.
  constexpr int kLeftShift = 8;
  p->left_shift = kLeftShift;
  p->input1_offset = -input1_zero_point;
  p->input2_offset = -input2_zero_point;
  int shift1 = 0;
  int shift2 = 0;
  if (!quantize_multiplier_smaller_than_one_exp(static_cast<double>(input1_scale),
                                                &p->input1_multiplier, &shift1) ||
      !quantize_multiplier_smaller_than_one_exp(static_cast<double>(input2_scale),
                                                &p->input2_multiplier, &shift2)) {
    return false;
  }
  p->input1_shift = shift1;
  p->input2_shift = shift2;
  return true;
}

}  // namespace ref
}  // namespace mote
