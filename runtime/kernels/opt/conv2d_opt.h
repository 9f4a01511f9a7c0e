// Optimized int8 CONV_2D: the variants of ref::conv2d_s8, the dispatcher that picks one, and the
// scratch each needs. Prepare calls select_conv2d_s8() once and requests
// conv2d_s8_scratch_bytes() for the choice; Eval calls conv2d_s8() with that choice.
//
//   opt::Conv2DS8Variant v = opt::select_conv2d_s8(g, q, opt::max_abs_bias(bias, has_bias));
//   size_t bytes = opt::conv2d_s8_scratch_bytes(v, g);   // request if > 0
//   ...
//   opt::conv2d_s8(v, g, q, input, filter, bias, output, scratch);
//
// Variants (each bit-exact with ref::conv2d_s8; tests/parity/parity_conv2d.cc checks them):
//   kReference  ref::conv2d_s8, for everything the others do not cover.
//   kPanel      im2col of two output pixels at a time into an int16 panel (input offset added,
//               padding taps zero), then a 2 x 2 block (two pixels, two output channels) of dot
//               products per step, requantized with prim::requantize. Needs one group
//               (filter_depth == input_depth) and can_use_fast_requant(). Scratch: one panel;
//               for input depths not a multiple of 4 (except 1x1 windows without padding, packed
//               straight from the input pixel), also a staging row (the im2col row in
//               input order); for window depths not a multiple of 4, also the weights padded
//               with zeros to a multiple of 4.
//   kPanelWide  the same with prim::requantize_wide (two more instructions per output), for
//               layers whose biases exceed the fast requantization's accumulator bound (models
//               store huge biases for channels with tiny scales). Needs one group and
//               requantization multipliers and shifts in its domain.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/ref/conv2d.h"
#include "mote/span.h"

namespace mote {
namespace opt {

enum class Conv2DS8Variant : uint8_t { kReference, kPanel, kPanelWide };

// The requantization of `g`/`q` suits prim::requantize: every channel's multiplier and shift are
// in its domain, and dot products of `depth` terms plus the bias cannot exceed its accumulator
// bound (max_abs_bias < 0: unknown bias values, never true).
bool can_use_fast_requant(const ref::ConvQuant& q, int32_t channels, int64_t depth,
                          int64_t max_abs_bias);

// kPanel: one group, and can_use_fast_requant over the filter window.
bool can_use_conv2d_panel(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                          int64_t max_abs_bias);

// kPanelWide: one group, and every channel's requantization in prim::requant_supported's domain.
bool can_use_conv2d_panel_wide(const ref::ConvGeometry& g, const ref::ConvQuant& q);

Conv2DS8Variant select_conv2d_s8(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                 int64_t max_abs_bias);

// Scratch bytes `variant` needs for `g` (0 for kReference).
size_t conv2d_s8_scratch_bytes(Conv2DS8Variant variant, const ref::ConvGeometry& g);

// ref::conv2d_s8's signature plus the scratch; a scratch smaller than the variant needs makes it
// run the reference kernel instead.
void conv2d_s8(Conv2DS8Variant variant, const ref::ConvGeometry& g, const ref::ConvQuant& q,
               const int8_t* input, const int8_t* filter, const int32_t* bias, int8_t* output,
               Span<uint8_t> scratch);

// The kPanel (wide = false) and kPanelWide variants themselves (scratch of
// conv2d_s8_scratch_bytes bytes, 4-aligned).
void conv2d_s8_panel(const ref::ConvGeometry& g, const ref::ConvQuant& q, const int8_t* input,
                     const int8_t* filter, const int32_t* bias, int8_t* output,
                     Span<uint8_t> scratch, bool wide);

}  // namespace opt
}  // namespace mote
