// Reference CUMSUM, bit-exact with TFLM's (micro/kernels/internal/reference/cumsum.h): running
// sums along one axis, forwards or (reverse) backwards, each output including its own element
// or (exclusive) only the ones before it.
//
// float: sums start at 0 and add one element at a time in walk order.
// int8: TFLM's rescaled integer sum. Each element becomes y = (q - input_zero_point) << 20,
//   scaled by input_multiplier (0.5, so y keeps 19 fractional bits); the sum starts at the
//   scaled input offset, i.e. at -input_zero_point rather than 0 (TFLM's initial accumulator,
//   which adds one -input_zero_point to every output; it vanishes for zero point 0, the only case
//   TFLM's tests cover). Each output is the sum scaled by output_multiplier
//   (2 * input_scale / (2^20 * output_scale)) plus the output zero point, clamped to int8. The
//   int32 sum wraps on overflow where TFLM's would be undefined.
//
// The input is viewed as [outer, axis_size, inner].
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct CumsumGeometry {
  int64_t outer = 1;      // product of the dimensions before the axis
  int64_t axis_size = 0;  // the summed dimension
  int64_t inner = 1;      // product of the dimensions after the axis
  bool exclusive = false;
  bool reverse = false;
};

// TFLM's kCumSumIntegerShift.
constexpr int kCumsumLeftShift = 20;

struct CumsumQuant {
  int32_t input_offset = 0;      // -input zero point
  int32_t output_offset = 0;     // output zero point
  int32_t input_multiplier = 0;  // Q31, with a right shift (input_shift <= 0)
  int input_shift = 0;
  int32_t output_multiplier = 0;
  int output_shift = 0;
  int32_t activation_min = -128;
  int32_t activation_max = 127;
};

void cumsum_f32(const CumsumGeometry& g, const float* input, float* output);
void cumsum_s8(const CumsumGeometry& g, const CumsumQuant& q, const int8_t* input, int8_t* output);

}  // namespace ref
}  // namespace mote
