// Reference DEPTHWISE_CONV_2D, bit-exact with TFLM's reference kernels
// (reference_ops::DepthwiseConv for float32, reference_integer_ops::DepthwiseConvPerChannel for
// int8 and 16x8).
//
// Layouts (row-major, NHWC):
//   input  [batches, input_height, input_width, input_depth]
//   filter [1, filter_height, filter_width, output_depth]
//   bias   [output_depth] (optional: nullptr)
//   output [batches, output_height, output_width, output_depth]
// with output_depth = input_depth * depth_multiplier: output channel oc = ic * depth_multiplier + m
// filters input channel ic alone.
//
// output[b, y, x, oc] = act(bias[oc] + sum over (fy, fx) of filter[0, fy, fx, oc] *
//     input[b, y * stride - pad + fy * dilation, x * stride - pad + fx * dilation, ic])
// skipping taps outside the input; quantized outputs are requantized per channel as in
// ref/conv2d.h. The geometry uses ConvGeometry (filter_depth unused); Prepare guarantees its
// relations.
#pragma once

#include <cstdint>

#include "kernels/ref/conv2d.h"

namespace mote {
namespace ref {

// float32: sums taps in TFLite's order (fy, fx), then adds the bias (0.0f when absent) and clamps.
void depthwise_conv2d_f32(const ConvGeometry& g, float activation_min, float activation_max,
                          const float* input, const float* filter, const float* bias,
                          float* output);

// int8 activations, int8 symmetric filter, int32 bias, int32 accumulator (wrapping).
void depthwise_conv2d_s8(const ConvGeometry& g, const ConvQuant& q, const int8_t* input,
                         const int8_t* filter, const int32_t* bias, int8_t* output);

// 16x8: int64 bias (or none), int64 accumulator, int64 requantization.
void depthwise_conv2d_s16(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                          const int8_t* filter, const int64_t* bias, int16_t* output);

}  // namespace ref
}  // namespace mote
