// Optimized int8 DEPTHWISE_CONV_2D: the variants of ref::depthwise_conv2d_s8 and the dispatcher
// that picks one (no variant needs scratch).
//
//   opt::DepthwiseS8Variant v = opt::select_depthwise_conv2d_s8(g, q, max_abs_bias);
//   ...
//   opt::depthwise_conv2d_s8(v, g, q, input, filter, bias, output);
//
// Variants (each bit-exact with the reference; tests/parity/parity_depthwise.cc):
//   kReference  ref::depthwise_conv2d_s8.
//   kChannels4  depth_multiplier 1: per output pixel, four channels at a time, each tap one
//               prim::dw_mac4 (one word of input and of filter), requantized with
//               prim::requantize. Needs can_use_fast_requant over the filter window.
//   kMultiplier4  depth_multiplier a multiple of 4: the same kernel, four output channels of one
//               input channel at a time, each tap one prim::dw_mac4_broadcast. Same
//               requantization condition.
#pragma once

#include <cstdint>

#include "kernels/ref/conv2d.h"

namespace mote {
namespace opt {

enum class DepthwiseS8Variant : uint8_t { kReference, kChannels4, kMultiplier4 };

bool can_use_depthwise_channels4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                 int64_t max_abs_bias);
bool can_use_depthwise_multiplier4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                   int64_t max_abs_bias);

DepthwiseS8Variant select_depthwise_conv2d_s8(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                              int64_t max_abs_bias);

void depthwise_conv2d_s8(DepthwiseS8Variant variant, const ref::ConvGeometry& g,
                         const ref::ConvQuant& q, const int8_t* input, const int8_t* filter,
                         const int32_t* bias, int8_t* output);

void depthwise_conv2d_s8_channels4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                   const int8_t* input, const int8_t* filter, const int32_t* bias,
                                   int8_t* output);
void depthwise_conv2d_s8_multiplier4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                     const int8_t* input, const int8_t* filter, const int32_t* bias,
                                     int8_t* output);

}  // namespace opt
}  // namespace mote
