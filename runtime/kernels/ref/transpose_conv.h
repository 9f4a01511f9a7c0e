// Reference TRANSPOSE_CONV, bit-exact with TFLM's reference kernels
// (reference_ops::TransposeConv for float32, reference_integer_ops::TransposeConv for int8 and
// 16x8).
//
// Layouts (row-major, NHWC):
//   input  [batches, input_height, input_width, input_depth]
//   filter [output_depth, filter_height, filter_width, input_depth]
//   bias   [output_depth] (optional: nullptr)
//   output [batches, output_height, output_width, output_depth]
//
// Each input pixel (b, y, x) scatters input[b, y, x, :] . filter[oc, fy, fx, :] into
// output[b, y * stride - pad + fy, x * stride - pad + fx, oc], dropping what falls outside the
// output. Every output then gets its bias, requantization (as in ref/conv2d.h) and clamp. The
// geometry uses ConvGeometry with filter_depth = input_depth and dilations of 1; pad_* is
// TFLite's padding computed from the output size.
//
// The sums are accumulated in a caller-provided buffer (the output itself for float32), in
// TFLite's order: for each output, by input row, input column, then input channel.
#pragma once

#include <cstdint>

#include "kernels/ref/conv2d.h"

namespace mote {
namespace ref {

// Scratch bytes the quantized kernels need: one accumulator per output element (int32 for
// int8, int64 for 16x8). 64-bit so that the caller can reject sizes a 32-bit size_t cannot hold.
uint64_t transpose_conv_s8_scratch_bytes(const ConvGeometry& g);
uint64_t transpose_conv_s16_scratch_bytes(const ConvGeometry& g);

// float32: accumulates in `output`, adds the bias only when present, then clamps.
void transpose_conv_f32(const ConvGeometry& g, float activation_min, float activation_max,
                        const float* input, const float* filter, const float* bias, float* output);

// int8 activations, int8 symmetric filter, int32 bias. scratch: transpose_conv_s8_scratch_bytes,
// 4-byte aligned.
void transpose_conv_s8(const ConvGeometry& g, const ConvQuant& q, const int8_t* input,
                       const int8_t* filter, const int32_t* bias, int32_t* scratch, int8_t* output);

// 16x8: int64 bias, or int16 bias (widened, as TFLM does for older models), or none.
// scratch: transpose_conv_s16_scratch_bytes, 8-byte aligned.
void transpose_conv_s16(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                        const int8_t* filter, const int64_t* bias64, const int16_t* bias16,
                        int64_t* scratch, int16_t* output);

}  // namespace ref
}  // namespace mote
