#include "kernels/opt/conv2d_opt.h"

#include <cstring>

#include "kernels/opt/requant.h"
#include "kernels/primitives/primitives.h"
#include "kernels/ref/conv2d_stages.h"

namespace mote {
namespace opt {
namespace {

int32_t window_depth(const ref::ConvGeometry& g) {
  return g.filter_height * g.filter_width * g.filter_depth;
}

// The panel and the weights are used in steps of four values; a window depth that is not a
// multiple of 4 (the first layers: 3x3x3 = 27) is padded with zeros to depth4, panel and weights
// alike (a copy of the weights, padded, in the scratch), so that no step has a tail.
int32_t padded_depth(const ref::ConvGeometry& g) { return (window_depth(g) + 3) & ~3; }

size_t padded_weights_bytes(const ref::ConvGeometry& g) {
  const int32_t depth4 = padded_depth(g);
  return depth4 == window_depth(g)
             ? 0
             : (static_cast<size_t>(depth4) * g.output_depth + 7) & ~static_cast<size_t>(7);
}

// A 1x1 window without padding (the pointwise layers): the im2col row is the input pixel's
// channels, contiguous, so it goes into the panel in one call, with no staging.
bool pointwise(const ref::ConvGeometry& g) {
  return g.filter_height == 1 && g.filter_width == 1 && g.pad_height == 0 && g.pad_width == 0;
}

// Input depths that are not a multiple of 4 (the 1- and 3-channel first layers) break the
// primitives' four-value groups at every tap; their im2col rows are gathered in input order into
// a staging row first and widened into the panel in one call.
bool needs_staging(const ref::ConvGeometry& g) { return g.input_depth % 4 != 0 && !pointwise(g); }

// Byte copy and fill of the staging row in words: the runs are a few bytes long, and as plain
// byte loops GCC turns them into calls of newlib's byte-at-a-time memcpy and memset.
void copy_s8(int8_t* dst, const int8_t* src, int32_t n) {
  for (; n >= 4; n -= 4, dst += 4, src += 4) {
    uint32_t v;
    std::memcpy(&v, src, sizeof(v));
    std::memcpy(dst, &v, sizeof(v));
  }
  for (; n > 0; --n) *dst++ = *src++;
}

void fill_s8(int8_t* dst, int8_t value, int32_t n) {
  const uint32_t v = static_cast<uint8_t>(value) * 0x01010101u;
  for (; n >= 4; n -= 4, dst += 4) std::memcpy(dst, &v, sizeof(v));
  for (; n > 0; --n) *dst++ = value;
}

size_t staging_bytes(const ref::ConvGeometry& g) {
  return needs_staging(g) ? (static_cast<size_t>(window_depth(g)) + 7) & ~static_cast<size_t>(7)
                          : 0;
}

// Panel row `row` = the im2col row of output pixel (out_y, out_x) plus the input offset, then
// zeros up to depth4: for each filter tap (fy, fx), in the filter's order, the input_depth
// channels of the input pixel it reads, or zeros where the tap falls in the padding (the
// reference skips those taps; a zero panel value adds nothing). Contiguous valid taps of a
// filter row are one run of input. With a staging row (staging_bytes(g) bytes, or nullptr), runs
// are gathered in input order first, padding as -input_offset (the input zero point, an int8,
// which the offset turns into 0), and widened into the panel in one call.
void pack_pixel(const ref::ConvGeometry& g, const int8_t* in_b, int32_t out_y, int32_t out_x,
                int32_t input_offset, int16_t* panel, int32_t depth4, int32_t row,
                int8_t* staging) {
  const int32_t depth = window_depth(g);
  const int32_t channels = g.input_depth;
  if (pointwise(g)) {
    const int8_t* src = in_b + (static_cast<ptrdiff_t>(out_y) * g.stride_height * g.input_width +
                                static_cast<ptrdiff_t>(out_x) * g.stride_width) *
                                   channels;
    prim::panel_put(panel, depth4, row, 0, src, channels, input_offset);
    if (depth4 > depth) prim::panel_zero(panel, depth4, row, depth, depth4 - depth);
    return;
  }
  const int8_t pad = static_cast<int8_t>(-input_offset);
  const auto put = [&](int32_t k, const int8_t* src, int32_t n) {
    if (staging == nullptr) {
      prim::panel_put(panel, depth4, row, k, src, n, input_offset);
    } else {
      copy_s8(staging + k, src, n);
    }
  };
  const auto fill = [&](int32_t k, int32_t n) {
    if (staging == nullptr) {
      prim::panel_zero(panel, depth4, row, k, n);
    } else {
      fill_s8(staging + k, pad, n);
    }
  };
  const int32_t run = g.filter_width * channels;
  const int32_t origin_y = out_y * g.stride_height - g.pad_height;
  const int32_t origin_x = out_x * g.stride_width - g.pad_width;
  int32_t fx_begin = 0, fx_end = 0;
  ref::conv_stages::valid_taps(origin_x, g.dilation_width, g.filter_width, g.input_width, &fx_begin,
                               &fx_end);
  int32_t k = 0;
  for (int32_t fy = 0; fy < g.filter_height; ++fy, k += run) {
    const int32_t in_y = origin_y + fy * g.dilation_height;
    if (in_y < 0 || in_y >= g.input_height || fx_begin >= fx_end) {
      fill(k, run);
      continue;
    }
    if (fx_begin > 0) fill(k, fx_begin * channels);
    const int32_t first_x = origin_x + fx_begin * g.dilation_width;
    const int8_t* src = in_b + (static_cast<ptrdiff_t>(in_y) * g.input_width + first_x) * channels;
    if (g.dilation_width == 1) {
      put(k + fx_begin * channels, src, (fx_end - fx_begin) * channels);
    } else {
      const ptrdiff_t step = static_cast<ptrdiff_t>(g.dilation_width) * channels;
      for (int32_t fx = fx_begin; fx < fx_end; ++fx, src += step) {
        put(k + fx * channels, src, channels);
      }
    }
    if (fx_end < g.filter_width) fill(k + fx_end * channels, (g.filter_width - fx_end) * channels);
  }
  if (staging != nullptr) prim::panel_put(panel, depth4, row, 0, staging, depth, input_offset);
  if (depth4 > depth) prim::panel_zero(panel, depth4, row, depth, depth4 - depth);
}

// Every output channel of the two pixels in the panel, two channels per step. out1 may equal
// out0 (a lone last pixel packed twice): the same values are then stored twice. Written with
// walking pointers so that little has to stay live across the dot product's loop, which takes
// every register.
void panel_channels(const int16_t* panel, int32_t depth, const ref::ConvQuant& q,
                    int32_t out_channels, const int8_t* w, const int32_t* bias, int8_t* out0,
                    int8_t* out1, bool wide) {
  const auto finish = [wide](int32_t acc, const prim::RequantChannel& r, int32_t zp) {
    return wide ? finish_s8<true>(acc, r, zp) : finish_s8<false>(acc, r, zp);
  };
  const int32_t zp = q.output_offset;
  const int32_t* m = q.multipliers;
  const int32_t* s = q.shifts;
  const int8_t* const end0 = out0 + (out_channels & ~1);
  const ptrdiff_t row = depth;
  if (out0 != end0) {
    prim::PanelPairs job{panel, depth >> 2,          depth, bias,        m, s, out0, out1,
                         zp,    (out_channels >> 1), w,     wide ? 1 : 0};
    if (prim::panel_requant_pairs(&job)) {
      bias = job.bias;
      m = job.multipliers;
      s = job.shifts;
      out0 = job.out0;
      out1 = job.out1;
      w = job.weights;
    }
  }
  while (out0 != end0) {
    int32_t acc[4] = {0, 0, 0, 0};
    if (bias != nullptr) {
      acc[0] = acc[2] = bias[0];
      acc[1] = acc[3] = bias[1];
      bias += 2;
    }
    prim::dot_2x2(panel, depth, w, w + row, acc);
    w += 2 * row;
    const prim::RequantChannel r0 = prim::requant_channel(m[0], s[0]);
    const prim::RequantChannel r1 = prim::requant_channel(m[1], s[1]);
    m += 2;
    s += 2;
    out0[0] = finish(acc[0], r0, zp);
    out0[1] = finish(acc[1], r1, zp);
    out1[0] = finish(acc[2], r0, zp);
    out1[1] = finish(acc[3], r1, zp);
    out0 += 2;
    out1 += 2;
  }
  if ((out_channels & 1) != 0) {
    // An odd last channel: its weight row stands in for the second one too.
    const int32_t b0 = bias != nullptr ? bias[0] : 0;
    int32_t acc[4] = {b0, b0, b0, b0};
    prim::dot_2x2(panel, depth, w, w, acc);
    const prim::RequantChannel r0 = prim::requant_channel(m[0], s[0]);
    out0[0] = finish(acc[0], r0, zp);
    out1[0] = finish(acc[2], r0, zp);
  }
}

}  // namespace

bool can_use_fast_requant(const ref::ConvQuant& q, int32_t channels, int64_t depth,
                          int64_t max_abs_bias) {
  return accumulator_fits(depth, max_abs_bias) &&
         requant_supported(q.multipliers, q.shifts, channels);
}

bool can_use_conv2d_panel(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                          int64_t max_abs_bias) {
  return g.filter_depth == g.input_depth &&
         can_use_fast_requant(q, g.output_depth, window_depth(g), max_abs_bias);
}

bool can_use_conv2d_panel_wide(const ref::ConvGeometry& g, const ref::ConvQuant& q) {
  return g.filter_depth == g.input_depth &&
         requant_supported(q.multipliers, q.shifts, g.output_depth);
}

Conv2DS8Variant select_conv2d_s8(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                 int64_t max_abs_bias) {
  if (can_use_conv2d_panel(g, q, max_abs_bias)) return Conv2DS8Variant::kPanel;
  if (can_use_conv2d_panel_wide(g, q)) return Conv2DS8Variant::kPanelWide;
  return Conv2DS8Variant::kReference;
}

size_t conv2d_s8_scratch_bytes(Conv2DS8Variant variant, const ref::ConvGeometry& g) {
  switch (variant) {
    case Conv2DS8Variant::kPanel:
    case Conv2DS8Variant::kPanelWide:
      return prim::panel_bytes(padded_depth(g)) + staging_bytes(g) + padded_weights_bytes(g);
    case Conv2DS8Variant::kReference:
      break;
  }
  return 0;
}

void conv2d_s8(Conv2DS8Variant variant, const ref::ConvGeometry& g, const ref::ConvQuant& q,
               const int8_t* input, const int8_t* filter, const int32_t* bias, int8_t* output,
               Span<uint8_t> scratch) {
  if (variant != Conv2DS8Variant::kReference &&
      scratch.size() >= conv2d_s8_scratch_bytes(variant, g)) {
    conv2d_s8_panel(g, q, input, filter, bias, output, scratch,
                    variant == Conv2DS8Variant::kPanelWide);
    return;
  }
  ref::conv2d_s8(g, q, input, filter, bias, output);
}

void conv2d_s8_panel(const ref::ConvGeometry& g, const ref::ConvQuant& q, const int8_t* input,
                     const int8_t* filter, const int32_t* bias, int8_t* output,
                     Span<uint8_t> scratch, bool wide) {
  const int32_t depth = padded_depth(g);
  int16_t* panel = reinterpret_cast<int16_t*>(scratch.data());
  uint8_t* rest = scratch.data() + prim::panel_bytes(depth);
  int8_t* staging = needs_staging(g) ? reinterpret_cast<int8_t*>(rest) : nullptr;
  rest += staging_bytes(g);
  if (padded_weights_bytes(g) > 0) {
    const int32_t window = window_depth(g);
    int8_t* padded = reinterpret_cast<int8_t*>(rest);
    for (int32_t oc = 0; oc < g.output_depth; ++oc) {
      std::memcpy(padded + oc * depth, filter + oc * window, static_cast<size_t>(window));
      std::memset(padded + oc * depth + window, 0, static_cast<size_t>(depth - window));
    }
    filter = padded;
  }
  const int32_t pixels = g.output_height * g.output_width;
  const ptrdiff_t in_image = static_cast<ptrdiff_t>(g.input_height) * g.input_width * g.input_depth;
  const int32_t out_channels = g.output_depth;
  int8_t* out = output;
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in_b = input + b * in_image;
    int32_t y = 0, x = 0;  // the next pixel to pack, in row-major order
    const auto advance = [&g](int32_t* py, int32_t* px) {
      if (++*px == g.output_width) {
        *px = 0;
        ++*py;
      }
    };
    for (int32_t p = 0; p < pixels; p += 2) {
      const int32_t y0 = y, x0 = x;
      pack_pixel(g, in_b, y0, x0, q.input_offset, panel, depth, 0, staging);
      advance(&y, &x);
      int8_t* out1 = out;
      if (p + 1 < pixels) {
        pack_pixel(g, in_b, y, x, q.input_offset, panel, depth, 1, staging);
        advance(&y, &x);
        out1 = out + out_channels;
      } else {
        // A lone last pixel: pack it twice and store its results twice.
        pack_pixel(g, in_b, y0, x0, q.input_offset, panel, depth, 1, staging);
      }
      panel_channels(panel, depth, q, out_channels, filter, bias, out, out1, wide);
      out = out1 + out_channels;
    }
  }
  if (needs_clamp(q.activation_min, q.activation_max)) {
    prim::clamp_s8(output, static_cast<size_t>(out - output), q.activation_min, q.activation_max);
  }
}

}  // namespace opt
}  // namespace mote
