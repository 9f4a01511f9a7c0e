// Reference AVERAGE_POOL_2D and MAX_POOL_2D, bit-exact with TFLite's reference kernels
// (reference_ops::AveragePool/MaxPool for float, reference_integer_ops::AveragePool/MaxPool for
// int8 and int16), which TFLM runs.
//
// Layout NHWC. For each output position the window starts at (out_y * stride - padding) and is
// clipped to the input, so padded positions are neither summed nor counted:
//   average: float  -> sum / count (sum in window order, row by row), then clamp;
//            int    -> int32 sum, rounded to nearest with ties away from zero
//                      ((sum +- count / 2) / count, truncating division), then clamp;
//   max:     the largest value (NaN never wins for float), then clamp.
// The clamp is the fused activation range (float) or the quantized one (int); TFLite requires
// input and output to share scale and zero point, so no requantization happens.
//
// Preconditions (checked by the kernel's Prepare): every window overlaps the input (true for the
// output sizes TFLite computes), the output is [batches, output_height, output_width, depth].
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct PoolGeometry {
  int32_t batches = 0;
  int32_t input_height = 0;
  int32_t input_width = 0;
  int32_t depth = 0;
  int32_t output_height = 0;
  int32_t output_width = 0;
  int32_t filter_height = 0;
  int32_t filter_width = 0;
  int32_t stride_height = 0;   // >= 1
  int32_t stride_width = 0;    // >= 1
  int32_t padding_height = 0;  // rows of padding before the first input row (top)
  int32_t padding_width = 0;   // columns of padding before the first input column (left)
};

void average_pool_f32(const PoolGeometry& g, float activation_min, float activation_max,
                      const float* input, float* output);
void average_pool_s8(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                     const int8_t* input, int8_t* output);
void average_pool_s16(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                      const int16_t* input, int16_t* output);

void max_pool_f32(const PoolGeometry& g, float activation_min, float activation_max,
                  const float* input, float* output);
void max_pool_s8(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                 const int8_t* input, int8_t* output);
void max_pool_s16(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                  const int16_t* input, int16_t* output);

}  // namespace ref
}  // namespace mote
