// Prepare-time checks shared by the convolution kernels (CONV_2D, DEPTHWISE_CONV_2D,
// TRANSPOSE_CONV): dtype combinations, NHWC shapes, window options and output size, filter
// quantization and requantization parameters. Each function reports what is wrong through
// ctx.fail; Eval relies on everything checked here.
#pragma once

#include <cstdint>

#include "kernels/kernel_util.h"
#include "kernels/ref/conv2d.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

// The dtype combinations TFLM's convolutions run.
enum class ConvDtype : uint8_t {
  kFloat32,  // float32 activations and filter, float32 bias
  kInt8,     // int8 activations, int8 filter, int32 bias
  kInt16,    // int16 activations (zero point 0), int8 filter, wide bias
};

// Classifies input/filter/output types; rejects hybrid models (float activations with int8
// weights, which TFLM refuses too), int4 packed filters, and every other combination.
Status conv_dtype(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                  const TensorDesc& output, ConvDtype* out);

// Checks that a tensor is NHWC-like: rank 4 with every dimension >= 1.
Status expect_rank4(const PrepareContext& ctx, const TensorDesc& tensor, const char* role);

// Checks the padding option (SAME or VALID), strides and dilations (>= 1).
Status check_window_options(const PrepareContext& ctx, int8_t padding, int32_t stride_height,
                            int32_t stride_width, int32_t dilation_height, int32_t dilation_width);

// For CONV_2D and DEPTHWISE_CONV_2D: with every size, stride and dilation of `g` filled in,
// checks that the output height and width are the ones TFLite computes from the input, and
// fills pad_height / pad_width (TFLite's ComputePaddingHeightWidth). Also checks that the
// window arithmetic of the reference loops fits in int32.
Status prepare_conv_window(const PrepareContext& ctx, schema::Padding padding,
                           ref::ConvGeometry* g);

// Quantized parameters of a convolution: the filter has per-tensor or per-channel scales along
// `channel_dim` (0 for CONV_2D and TRANSPOSE_CONV, 3 for DEPTHWISE_CONV_2D) with zero points 0
// (TFLM's kernels ignore a filter zero point, so a model with another one would silently give
// wrong results); int16 activations have zero points 0. Fills multipliers and shifts (one per
// output channel, in the persistent arena; a channel whose multiplier underflowed to 0 gets shift
// -1 instead of TFLite's 0, which gives the same zero output and suits the optimized kernels'
// requantization), offsets and the activation clamp.
Status prepare_conv_quant(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                          const TensorDesc& output, int32_t channel_dim, FusedActivation activation,
                          ref::ConvQuant* q);

// Checks that a bias holds one value per output channel.
Status expect_bias_size(const PrepareContext& ctx, const TensorDesc& bias, int32_t channels);

}  // namespace kernels
}  // namespace mote
