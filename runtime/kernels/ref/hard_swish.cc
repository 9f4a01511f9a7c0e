#include "kernels/ref/hard_swish.h"

#include <limits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

constexpr int32_t kInt16Min = std::numeric_limits<int16_t>::min();
constexpr int32_t kInt16Max = std::numeric_limits<int16_t>::max();

// gemmlowp::RoundingDivideByPOT on int16 for exponents in [0, 31]. Up to 15 it is the usual
// rounding shift. From 16 on, gemmlowp's mask 2^e - 1 narrowed to int16 is -1, which turns the
// result into 1 for x >= 0 and -1 for x < 0. TFLM reaches such exponents for output scales above
// 2^9 times the input scale (or tiny input scales); reproduced so the integers still match.
int16_t rounding_divide_by_pot_s16(int16_t x, int exponent) {
  if (exponent <= 15) return rounding_divide_by_pot(x, exponent);
  return x >= 0 ? int16_t{1} : int16_t{-1};
}

// TFLite's SaturatingLeftShift: value * 2^amount saturated to int16. Any amount >= 16 saturates
// every non-zero value, so capping it at 31 changes nothing and keeps the shift defined.
int16_t saturating_left_shift(int16_t value, int amount) {
  const int64_t shifted = static_cast<int64_t>(value) * (int64_t{1} << min_of(amount, 31));
  return static_cast<int16_t>(clamp_to<int64_t>(shifted, kInt16Min, kInt16Max));
}

// TFLite's SaturatingDoublingHighMul (ARM SQDMULH): (a * b) / 2^15 truncated toward zero, with
// the single overflow -32768 * -32768 saturated.
int16_t saturating_doubling_high_mul(int16_t a, int16_t b) {
  if (a == b && a == kInt16Min) return static_cast<int16_t>(kInt16Max);
  return static_cast<int16_t>((static_cast<int32_t>(a) * static_cast<int32_t>(b)) / (1 << 15));
}

}  // namespace

int16_t down_scale_multiplier_to_q15(int32_t multiplier) {
  constexpr int32_t kRoundingOffset = 1 << 15;
  if (multiplier >= std::numeric_limits<int32_t>::max() - kRoundingOffset) {
    return static_cast<int16_t>(kInt16Max);
  }
  return static_cast<int16_t>((multiplier + kRoundingOffset) >> 16);
}

bool prepare_hard_swish(float input_scale, int32_t input_zero_point, float output_scale,
                        int32_t output_zero_point, HardSwishParams* p) {
  p->input_zero_point = input_zero_point;
  p->output_zero_point = output_zero_point;
  // All ratios in float, as TFLM: the hires input scale is input_scale / 128 and the reluish
  // scale maps 3.0 to 32768.
  const float hires_input_scale = (1.0f / 128.0f) * input_scale;
  const float reluish_scale = 3.0f / 32768.0f;
  int32_t multiplier = 0;
  int exponent = 0;
  if (!quantize_multiplier(static_cast<double>(hires_input_scale / output_scale), &multiplier,
                           &exponent) ||
      exponent > 0) {
    return false;
  }
  p->output_multiplier = down_scale_multiplier_to_q15(multiplier);
  p->output_exponent = exponent;
  if (!quantize_multiplier(static_cast<double>(hires_input_scale / reluish_scale), &multiplier,
                           &exponent)) {
    return false;
  }
  p->reluish_multiplier = down_scale_multiplier_to_q15(multiplier);
  p->reluish_exponent = exponent;
  return true;
}

void hard_swish_f32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    // std::min(6, std::max(0, x + 3)) with std::min/max's argument order (NaN -> 0 here).
    const float shifted = x + 3.0f;
    const float relu = 0.0f < shifted ? shifted : 0.0f;
    const float relu6 = relu < 6.0f ? relu : 6.0f;
    output[i] = x * relu6 / 6.0f;
  }
}

void hard_swish_s8(const HardSwishParams& p, int64_t count, const int8_t* input, int8_t* output) {
  for (int64_t i = 0; i < count; ++i) {
    // [-255, 255], then x 128 so the significant bits sit at the top of 16 bits: |.| <= 32640.
    const int32_t input_value = static_cast<int32_t>(input[i]) - p.input_zero_point;
    const int16_t hires_input = static_cast<int16_t>(input_value * (1 << 7));
    // The input on the output scale, before the final right shift (used as is for x >= 3).
    const int16_t preshift_input =
        saturating_rounding_doubling_high_mul(hires_input, p.output_multiplier);
    // The "reluish" factor: x rescaled so that 3.0 maps to 32768 (saturating), then mapped from
    // [-1, 1] to [0, 1]. The left shift is split so that only its last bit can saturate.
    int16_t reluish = hires_input;
    if (p.reluish_exponent > 0) reluish = saturating_left_shift(reluish, p.reluish_exponent - 1);
    reluish = saturating_rounding_doubling_high_mul(reluish, p.reluish_multiplier);
    if (p.reluish_exponent > 0) reluish = saturating_left_shift(reluish, 1);
    if (p.reluish_exponent < 0) reluish = rounding_divide_by_pot_s16(reluish, -p.reluish_exponent);
    reluish = static_cast<int16_t>((static_cast<int32_t>(reluish) + (1 << 15)) >> 1);
    // Truncating multiply: cancels the bias of the rounding ones above (TFLite's choice).
    const int16_t preshift_output = saturating_doubling_high_mul(reluish, preshift_input);
    int16_t output_value = rounding_divide_by_pot_s16(preshift_output, -p.output_exponent);
    // TFLite adds the zero point in int16 arithmetic: it wraps for results near the int16 limits
    // (input scale 64-128x the output scale), and the clamp below sees the wrapped value.
    output_value = wrap_to<int16_t>(static_cast<int64_t>(output_value) + p.output_zero_point);
    const int32_t clamped = clamp_to<int32_t>(output_value, std::numeric_limits<int8_t>::min(),
                                              std::numeric_limits<int8_t>::max());
    output[i] = static_cast<int8_t>(clamped);
  }
}

}  // namespace ref
}  // namespace mote
