// Reference CONV_2D, bit-exact with TFLM's reference kernels (reference_ops::Conv for float32,
// reference_integer_ops::ConvPerChannel for int8 and 16x8).
//
// Layouts (all row-major, NHWC):
//   input  [batches, input_height, input_width, input_depth]
//   filter [output_depth, filter_height, filter_width, filter_depth]
//   bias   [output_depth] (optional: nullptr)
//   output [batches, output_height, output_width, output_depth]
// Grouped convolution: input_depth = groups * filter_depth and output channel oc reads input
// channels [group * filter_depth, (group + 1) * filter_depth) with group = oc / (output_depth /
// groups), as TFLite does.
//
// output[b, y, x, oc] = act(bias[oc] + sum over (fy, fx, ic) of
//     filter[oc, fy, fx, ic] * input[b, y * stride - pad + fy * dilation, ..., ic])
// where taps falling outside the input are skipped (zero padding). Quantized: the accumulator is
// requantized with multiply_by_quantized_multiplier(acc, multipliers[oc], shifts[oc]), offset by
// the output zero point (int8 only) and clamped to [activation_min, activation_max].
//
// The caller (Prepare) guarantees every relation listed in ConvGeometry; these functions do no
// checks and read or write nothing outside the tensors described by the geometry.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

// Shapes and window of one CONV_2D, DEPTHWISE_CONV_2D or TRANSPOSE_CONV node. All sizes >= 1;
// strides and dilations >= 1; padding >= 0; window arithmetic
// ((output - 1) * stride + (filter - 1) * dilation + input) fits in int32.
struct ConvGeometry {
  int32_t batches = 0;
  int32_t input_height = 0;
  int32_t input_width = 0;
  int32_t input_depth = 0;
  int32_t filter_height = 0;
  int32_t filter_width = 0;
  // CONV_2D: input channels per group (filter dimension 3), dividing input_depth; the number of
  // groups divides output_depth. TRANSPOSE_CONV: equal to input_depth. Unused by depthwise.
  int32_t filter_depth = 0;
  int32_t output_height = 0;
  int32_t output_width = 0;
  int32_t output_depth = 0;
  int32_t stride_height = 1;
  int32_t stride_width = 1;
  int32_t dilation_height = 1;  // always 1 for TRANSPOSE_CONV
  int32_t dilation_width = 1;
  int32_t pad_height = 0;  // rows of padding before the first input row (TFLite's padding.height)
  int32_t pad_width = 0;
  // DEPTHWISE_CONV_2D only: output_depth = input_depth * depth_multiplier.
  int32_t depth_multiplier = 1;
};

// Requantization of a convolution accumulator.
struct ConvQuant {
  int32_t input_offset = 0;   // -input zero point (int8; the 16x8 kernels ignore it, as TFLite)
  int32_t output_offset = 0;  // output zero point (int8; ignored by the 16x8 kernels)
  // output_depth entries each: Q31 multiplier and shift (positive = left), from
  // input_scale * filter_scale[oc] / output_scale (a per-tensor filter scale is broadcast).
  const int32_t* multipliers = nullptr;
  const int32_t* shifts = nullptr;
  int32_t activation_min = 0;  // clamp in the output's quantized domain
  int32_t activation_max = 0;
};

// float32. Sums each output in TFLite's order (fy, fx, ic), then adds the bias (0.0f when
// absent, as TFLite does) and clamps.
void conv2d_f32(const ConvGeometry& g, float activation_min, float activation_max,
                const float* input, const float* filter, const float* bias, float* output);

// int8 activations, int8 symmetric filter, int32 bias, int32 accumulator (wrapping).
void conv2d_s8(const ConvGeometry& g, const ConvQuant& q, const int8_t* input, const int8_t* filter,
               const int32_t* bias, int8_t* output);

// 16x8 with an int64 bias: int64 accumulator and the int64 requantization (16-bit multiplier).
void conv2d_s16(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                const int8_t* filter, const int64_t* bias, int16_t* output);

// 16x8 with an int32 bias or none: TFLM then instantiates ConvPerChannel<int32_t>, so the
// accumulator is int32 (wrapping) and the requantization is the int32 one. The results differ
// from conv2d_s16 in the last bit, which is why both exist.
void conv2d_s16_acc32(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                      const int8_t* filter, const int32_t* bias, int16_t* output);

}  // namespace ref
}  // namespace mote
