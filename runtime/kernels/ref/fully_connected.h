// Reference FULLY_CONNECTED, bit-exact with TFLite's reference kernels
// (reference_ops::FullyConnected, reference_integer_ops::FullyConnected[PerChannel]).
//
// output[b, o] = act(sum_d filter[o, d] * input[b, d] + bias[o]), filter row-major [units, depth].
// Quantized: the int32 (int8 input) or int64 (int16 input) accumulator is requantized with
// multiply_by_quantized_multiplier(acc, multipliers[c], shifts[c]) where c = o for per-channel
// filters and 0 for a per-tensor filter, then offset by the output zero point and clamped.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct FullyConnectedGeometry {
  int32_t batches = 0;
  int32_t output_depth = 0;  // units
  int32_t accum_depth = 0;   // input features
};

struct FullyConnectedQuant {
  int32_t input_offset = 0;   // -input zero point
  int32_t filter_offset = 0;  // -filter zero point (per-tensor filters only)
  int32_t output_offset = 0;  // output zero point
  const int32_t* multipliers = nullptr;
  const int32_t* shifts = nullptr;
  bool per_channel = false;  // per-channel filters are symmetric: filter_offset is not applied
  int32_t activation_min = 0;
  int32_t activation_max = 0;
};

void fully_connected_f32(const FullyConnectedGeometry& g, float activation_min,
                         float activation_max, const float* input, const float* filter,
                         const float* bias, float* output);

void fully_connected_s8(const FullyConnectedGeometry& g, const FullyConnectedQuant& q,
                        const int8_t* input, const int8_t* filter, const int32_t* bias,
                        int8_t* output);

// 16x8: int16 activations (zero point 0), int8 weights, int64 or int32 bias, int64 accumulator.
void fully_connected_s16(const FullyConnectedGeometry& g, const FullyConnectedQuant& q,
                         const int16_t* input, const int8_t* filter, const int64_t* bias64,
                         const int32_t* bias32, int16_t* output);

}  // namespace ref
}  // namespace mote
