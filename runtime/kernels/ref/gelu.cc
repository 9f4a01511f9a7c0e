#include "kernels/ref/gelu.h"

#include <cmath>

#include "kernels/ref/lut8.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// M_SQRT1_2 and M_2_SQRTPI (POSIX, not ISO <cmath>), as doubles.
constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kTwoOverSqrtPi = 1.12837916709551257390;
// TFLite: constexpr float kSqrt2dPi = M_2_SQRTPI * M_SQRT1_2, the product rounded once to float.
constexpr float kSqrtTwoOverPi = static_cast<float>(kTwoOverSqrtPi * kSqrtHalf);
constexpr float kMinusSqrtHalf = static_cast<float>(-kSqrtHalf);

}  // namespace

float gelu(float x) {
  // erfc rather than 1 + erf avoids cancellation for large negative x (TFLite's comment).
  return 0.5f * x * std::erfc(x * kMinusSqrtHalf);
}

float gelu_approximate(float x) {
  return 0.5f * x * (1.0f + std::tanh(kSqrtTwoOverPi * (x + 0.044715f * x * x * x)));
}

void gelu_f32(bool approximate, int64_t count, const float* input, float* output) {
  if (approximate) {
    for (int64_t i = 0; i < count; ++i) output[i] = gelu_approximate(input[i]);
  } else {
    for (int64_t i = 0; i < count; ++i) output[i] = gelu(input[i]);
  }
}

void gelu_populate_lut_s8(bool approximate, float input_scale, int32_t input_zero_point,
                          float output_scale, int32_t output_zero_point, int8_t* lut) {
  lut_populate_s8(input_scale, input_zero_point, output_scale, output_zero_point,
                  approximate ? gelu_approximate : gelu, lut);
}

void gelu_populate_lut_u8(bool approximate, float input_scale, int32_t input_zero_point,
                          float output_scale, int32_t output_zero_point, uint8_t* lut) {
  lut_populate_u8(input_scale, input_zero_point, output_scale, output_zero_point,
                  approximate ? gelu_approximate : gelu, lut);
}

}  // namespace ref
}  // namespace mote
