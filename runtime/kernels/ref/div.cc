#include "kernels/ref/div.h"

#include <limits>

#include "kernels/ref/elementwise_math.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// x / 2^exponent rounded to nearest, ties away from zero, for any exponent >= 0 (below 0: no
// shift). TFLM's RoundingDivideByPOT shifts an int32 by the exponent, which is undefined above 31
// (x86 and Arm give different numbers). DIV reaches such exponents for small quotients under
// scales whose ratio s1 / (s2 * s_out) is below 2^6; the exactly rounded quotient is used there.
int32_t rounding_divide_by_pot_any(int32_t x, int exponent) {
  if (exponent <= 31) return rounding_divide_by_pot(x, exponent);
  if (exponent > 62) return 0;  // |x| <= 2^31 is far below half of 2^62
  const int64_t wide = x;
  const int64_t mask = (int64_t{1} << exponent) - 1;
  const int64_t remainder = wide & mask;
  const int64_t threshold = (mask >> 1) + (wide < 0 ? 1 : 0);
  return static_cast<int32_t>((wide >> exponent) + (remainder > threshold ? 1 : 0));
}

}  // namespace

bool prepare_div_quantized(float input1_scale, int32_t input1_zero_point, float input2_scale,
                           int32_t input2_zero_point, float output_scale, int32_t output_zero_point,
                           DivQuantParams* p) {
  p->input1_offset = -input1_zero_point;
  p->input2_offset = -input2_zero_point;
  p->output_offset = output_zero_point;
  // TFLM: static_cast<double>(s1 / (s2 * s_out)), i.e. the whole ratio in float.
  const double real_multiplier = static_cast<double>(input1_scale / (input2_scale * output_scale));
  int shift = 0;
  if (!quantize_multiplier(real_multiplier, &p->output_multiplier, &shift)) return false;
  p->output_shift = shift;
  return true;
}

void div_f32(const BroadcastGeometry& g, float activation_min, float activation_max,
             const float* input1, const float* input2, float* output) {
  broadcast_binary(g, input1, input2, output, [activation_min, activation_max](float a, float b) {
    return activation_function_with_min_max(a / b, activation_min, activation_max);
  });
}

void div_s32(const BroadcastGeometry& g, int32_t activation_min, int32_t activation_max,
             const int32_t* input1, const int32_t* input2, int32_t* output) {
  broadcast_binary(
      g, input1, input2, output, [activation_min, activation_max](int32_t a, int32_t b) {
        // The one overflowing quotient: -2^31 / -1 = 2^31, wrapped.
        const int32_t quotient = (a == std::numeric_limits<int32_t>::min() && b == -1) ? a : a / b;
        return activation_function_with_min_max(quotient, activation_min, activation_max);
      });
}

void div_s8(const DivQuantParams& p, const BroadcastGeometry& g, const int8_t* input1,
            const int8_t* input2, int8_t* output) {
  broadcast_binary(g, input1, input2, output, [&p](int8_t a, int8_t b) {
    int32_t dividend = p.input1_offset + a;
    int32_t divisor = p.input2_offset + b;
    // The reciprocal must be positive to serve as a multiplier: move the sign to the dividend.
    if (divisor < 0) {
      dividend = -dividend;
      divisor = -divisor;
    }
    int reciprocal_shift = 0;
    const int32_t reciprocal = get_reciprocal(divisor, 31, &reciprocal_shift);
    const int headroom = count_leading_sign_bits(dividend);
    const int32_t unscaled_quotient =
        multiply_by_quantized_multiplier_greater_than_one(dividend, reciprocal, headroom);
    const int total_shift = p.output_shift - reciprocal_shift - headroom;
    // MultiplyByQuantizedMultiplierSmallerThanOneExp, with the right shift defined for any size.
    const int32_t result =
        p.output_offset + rounding_divide_by_pot_any(saturating_rounding_doubling_high_mul(
                                                         unscaled_quotient, p.output_multiplier),
                                                     -total_shift);
    return static_cast<int8_t>(clamp_to(result, p.activation_min, p.activation_max));
  });
}

}  // namespace ref
}  // namespace mote
