// Reference SVDF (singular value decomposition filter), bit-exact with TFLM's reference kernel
// (micro/kernels/svdf_common.cc: EvalFloatSvdfReference, EvalIntegerSvdfReference<T>).
//
// One invocation consumes one frame per batch and keeps `memory_size` past frames in the state:
//
//   state [batches, num_filters, memory_size] (row-major; the model declares it as
//   [batches, num_filters * memory_size]) is shifted left by one element as a whole, then
//   state[b, f, memory_size - 1] = sum_i weights_feature[f, i] * input[b, i]
//   scratch[b, f] = sum_m weights_time[f, m] * state[b, f, m]
//   output[b, u]  = act(bias[u] + sum_{r < rank} scratch[b, u * rank + r])
//
// with num_filters = num_units * rank, weights_feature [num_filters, input_size] and
// weights_time [num_filters, memory_size].
//
// Quantized (int8 input and output, int32 bias): the state and the time weights are both int16
// or both int8. The feature product is requantized with (feature_multiplier, feature_shift),
// clamped to the state type, then offset by the state zero point and narrowed into the state;
// like TFLM, the zero point is added after the clamp, so a sum outside the state type wraps.
// The time products use (state - state zero point). The int32 sum (bias + rank terms) is
// requantized with (time_multiplier, time_shift), offset by the output zero point and clamped
// to int8. TFLM applies no fused activation on this path (only on the float one). int32
// accumulators wrap on overflow, as TFLM's do on the hardware it runs on.
//
// Scratch: svdf_scratch_bytes() bytes, 4-byte aligned; the kernel asks for it in Prepare.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

struct SvdfGeometry {
  int32_t batches = 0;
  int32_t input_size = 0;
  int32_t num_filters = 0;  // num_units * rank
  int32_t num_units = 0;
  int32_t rank = 0;
  int32_t memory_size = 0;  // >= 1
};

struct SvdfQuant {
  int32_t input_zero_point = 0;
  int32_t state_zero_point = 0;
  int32_t output_zero_point = 0;
  int32_t feature_multiplier = 0;  // input * weights_feature -> state, Q31 multiplier
  int feature_shift = 0;           // in [-31, 30]
  int32_t time_multiplier = 0;     // state * weights_time -> output
  int time_shift = 0;
};

// Bytes of scratch the float (float per filter) or quantized (int32 per filter plus int32 per
// unit) kernel needs.
size_t svdf_scratch_bytes_f32(const SvdfGeometry& g);
size_t svdf_scratch_bytes_s8(const SvdfGeometry& g);

// bias may be nullptr. state is read and written. scratch: svdf_scratch_bytes_f32() bytes.
void svdf_f32(const SvdfGeometry& g, FusedActivation activation, const float* input,
              const float* weights_feature, const float* weights_time, const float* bias,
              float* state, float* scratch, float* output);

// int8 input/output with int16 state and int16 time weights, or int8 state and int8 time
// weights. bias (int32) may be nullptr. scratch: svdf_scratch_bytes_s8() bytes, 4-aligned.
void svdf_s8(const SvdfGeometry& g, const SvdfQuant& q, const int8_t* input,
             const int8_t* weights_feature, const int16_t* weights_time, const int32_t* bias,
             int16_t* state, int32_t* scratch, int8_t* output);
void svdf_s8(const SvdfGeometry& g, const SvdfQuant& q, const int8_t* input,
             const int8_t* weights_feature, const int8_t* weights_time, const int32_t* bias,
             int8_t* state, int32_t* scratch, int8_t* output);

}  // namespace ref
}  // namespace mote
