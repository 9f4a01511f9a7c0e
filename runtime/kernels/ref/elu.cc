#include "kernels/ref/elu.h"

#include <cmath>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

void elu_f32(int64_t count, const float* input, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const float x = input[i];
    output[i] = x < 0.0f ? std::expm1(x) : x;
  }
}

void elu_populate_lut_s8(float input_scale, int32_t input_zero_point, float output_scale,
                         int32_t output_zero_point, int8_t* lut) {
  lut_populate_s8(
      input_scale, input_zero_point, output_scale, output_zero_point,
      [](float x) { return x < 0.0f ? std::exp(x) - 1.0f : x; }, lut);
}

}  // namespace ref
}  // namespace mote
