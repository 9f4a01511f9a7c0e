#include "kernels/opt/depthwise_conv2d_opt.h"

#include "kernels/opt/conv2d_opt.h"
#include "kernels/opt/requant.h"
#include "kernels/primitives/primitives.h"
#include "kernels/ref/conv2d_stages.h"
#include "kernels/ref/depthwise_conv2d.h"

namespace mote {
namespace opt {

namespace {

bool fast_requant(const ref::ConvGeometry& g, const ref::ConvQuant& q, int64_t max_abs_bias) {
  return can_use_fast_requant(q, g.output_depth,
                              static_cast<int64_t>(g.filter_height) * g.filter_width, max_abs_bias);
}

// The clipped filter window of one output pixel: valid taps [fy_begin, fy_begin + rows) x
// [fx_begin, fx_begin + cols), and the input pixel and filter tap of its first valid tap.
struct DwWindow {
  int32_t rows;
  int32_t cols;
  ptrdiff_t input_offset;   // elements from the batch's first input value
  ptrdiff_t filter_offset;  // elements from the filter's first value
};

DwWindow dw_window(const ref::ConvGeometry& g, int32_t origin_y, int32_t fy_begin, int32_t fy_end,
                   int32_t out_x) {
  const int32_t origin_x = out_x * g.stride_width - g.pad_width;
  int32_t fx_begin = 0, fx_end = 0;
  ref::conv_stages::valid_taps(origin_x, g.dilation_width, g.filter_width, g.input_width, &fx_begin,
                               &fx_end);
  DwWindow w;
  w.rows = fy_end - fy_begin;
  w.cols = fx_end - fx_begin;
  w.input_offset = 0;
  if (w.rows > 0 && w.cols > 0) {
    // Only a window with valid taps is ever addressed.
    w.input_offset =
        (static_cast<ptrdiff_t>(origin_y + fy_begin * g.dilation_height) * g.input_width +
         origin_x + fx_begin * g.dilation_width) *
        g.input_depth;
  }
  w.filter_offset = (static_cast<ptrdiff_t>(fy_begin) * g.filter_width + fx_begin) * g.output_depth;
  return w;
}

// The constants of a fused run for channels c..c+3, beside the geometry.
void set_run(prim::DwRun3x3* run, const ref::ConvQuant& q, const int32_t* bias, int32_t c,
             int32_t channels, ptrdiff_t row_stride, ptrdiff_t step) {
  for (int32_t i = 0; i < 4; ++i) {
    run->bias[i] = bias != nullptr ? bias[c + i] : 0;
    const prim::RequantChannel r = prim::requant_channel(q.multipliers[c + i], q.shifts[c + i]);
    run->multiplier[i] = r.multiplier;
    run->right_shift[i] = r.right_shift;
  }
  run->channels = channels;
  run->row_stride = static_cast<int32_t>(row_stride);
  run->step = static_cast<int32_t>(step);
  run->offset2 = (static_cast<uint32_t>(q.input_offset) & 0xFFFFu) * 0x10001u;
  run->output_offset = q.output_offset;
}

// The output columns x_begin - 1 and x_end (a 3x3 depthwise layer, depth_multiplier 1) when
// their window loses exactly one column to the padding (the left one's first valid tap is then
// 1, the right one's 0), over the rows whose window is whole along y, by prim::dw_run_3x2: a run
// down each column, where the row loop would take ~70 instructions per output. Sets edge_x to
// the columns done (-1: none); false when none are, or this ISA has no fused loop (its first
// call says so, before anything is written).
__attribute__((noinline)) bool dw_edge_columns(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                               const int8_t* in_b, const int8_t* filter,
                                               const int32_t* bias, int8_t* out, int32_t x_begin,
                                               int32_t x_end, int32_t* edge_x) {
  int32_t y_lo = 0;
  while (y_lo < g.output_height && y_lo * g.stride_height - g.pad_height < 0) ++y_lo;
  int32_t y_hi = y_lo;
  while (y_hi < g.output_height &&
         y_hi * g.stride_height - g.pad_height + 2 * g.dilation_height < g.input_height) {
    ++y_hi;
  }
  if (y_hi == y_lo || x_end == x_begin) return false;
  if (x_begin >= 1 && (x_begin - 1) * g.stride_width - g.pad_width == -1) edge_x[0] = x_begin - 1;
  if (x_end < g.output_width && x_end * g.stride_width - g.pad_width + 2 == g.input_width) {
    edge_x[1] = x_end;
  }
  const int32_t channels = g.output_depth;
  const int32_t in_row = g.input_width * channels;
  const int32_t out_row = g.output_width * channels;
  for (int32_t i = 0; i < 2; ++i) {
    if (edge_x[i] < 0) continue;
    const int32_t fx = 1 - i;
    const int32_t x0 = edge_x[i] * g.stride_width - g.pad_width + fx;
    for (int32_t c = 0; c + 4 <= channels; c += 4) {
      prim::DwRun3x3 run;
      set_run(&run, q, bias, c, channels, g.dilation_height * in_row, g.stride_height * in_row);
      run.input = in_b + (y_lo * g.stride_height - g.pad_height) * in_row + x0 * channels + c;
      run.weights = filter + fx * channels + c;
      run.output = out + y_lo * out_row + edge_x[i] * channels + c;
      run.count = y_hi - y_lo;
      run.out_step = out_row;
      if (!prim::dw_run_3x2(&run)) return false;
    }
  }
  return edge_x[0] >= 0 || edge_x[1] >= 0;
}

}  // namespace

bool can_use_depthwise_channels4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                 int64_t max_abs_bias) {
  return g.depth_multiplier == 1 && fast_requant(g, q, max_abs_bias);
}

bool can_use_depthwise_multiplier4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                   int64_t max_abs_bias) {
  return g.depth_multiplier % 4 == 0 && fast_requant(g, q, max_abs_bias);
}

DepthwiseS8Variant select_depthwise_conv2d_s8(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                              int64_t max_abs_bias) {
  if (can_use_depthwise_channels4(g, q, max_abs_bias)) return DepthwiseS8Variant::kChannels4;
  if (can_use_depthwise_multiplier4(g, q, max_abs_bias)) return DepthwiseS8Variant::kMultiplier4;
  return DepthwiseS8Variant::kReference;
}

void depthwise_conv2d_s8(DepthwiseS8Variant variant, const ref::ConvGeometry& g,
                         const ref::ConvQuant& q, const int8_t* input, const int8_t* filter,
                         const int32_t* bias, int8_t* output) {
  switch (variant) {
    case DepthwiseS8Variant::kChannels4:
      depthwise_conv2d_s8_channels4(g, q, input, filter, bias, output);
      return;
    case DepthwiseS8Variant::kMultiplier4:
      depthwise_conv2d_s8_multiplier4(g, q, input, filter, bias, output);
      return;
    case DepthwiseS8Variant::kReference:
      break;
  }
  ref::depthwise_conv2d_s8(g, q, input, filter, bias, output);
}

void depthwise_conv2d_s8_channels4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                   const int8_t* input, const int8_t* filter, const int32_t* bias,
                                   int8_t* output) {
  const int32_t in_channels = g.input_depth;
  const int32_t channels = g.output_depth;  // = in_channels * depth_multiplier
  const int32_t mult = g.depth_multiplier;  // 1, or a multiple of 4
  const ptrdiff_t in_row = static_cast<ptrdiff_t>(g.input_width) * in_channels;
  const ptrdiff_t in_image = in_row * g.input_height;
  const ptrdiff_t tap_x = static_cast<ptrdiff_t>(g.dilation_width) * in_channels;
  const ptrdiff_t tap_y = static_cast<ptrdiff_t>(g.dilation_height) * in_row;
  const ptrdiff_t w_row = static_cast<ptrdiff_t>(g.filter_width) * channels;
  const ptrdiff_t out_row = static_cast<ptrdiff_t>(g.output_width) * channels;
  const int32_t zp = q.output_offset;
  const int32_t offset = q.input_offset;
  // Output columns whose window lies inside the input along x: [x_begin, x_end).
  const int32_t span_x = (g.filter_width - 1) * g.dilation_width;
  int32_t x_begin = 0;
  while (x_begin < g.output_width && x_begin * g.stride_width - g.pad_width < 0) ++x_begin;
  int32_t x_end = g.output_width;
  while (x_end > x_begin && (x_end - 1) * g.stride_width - g.pad_width + span_x >= g.input_width) {
    --x_end;
  }
  // With depth_multiplier 1, a row of a 3-wide filter with dilation 1 along x (every pixel of the
  // usual 3x3 layers) runs as one prim::dw_mac4_rows3, or prim::dw_mac4_rows2 where the padding
  // clips a column, and runs of whole 3x3 windows as prim::dw_run_3x3.
  const bool rows3 = mult == 1 && g.filter_width == 3 && g.dilation_width == 1;
  const bool full3x3 = rows3 && g.filter_height == 3;
  const ptrdiff_t step_x = static_cast<ptrdiff_t>(g.stride_width) * in_channels;
  // The columns next to [x_begin, x_end) that lose one window column to the padding (kws: 2 of
  // 5) run down the image first (dw_edge_columns); the row loop then skips them.
  int32_t edge_x[2] = {-1, -1};
  int8_t* out = output;
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in_b = input + b * in_image;
    const bool edges_done =
        full3x3 && dw_edge_columns(g, q, in_b, filter, bias, out, x_begin, x_end, edge_x);
    for (int32_t out_y = 0; out_y < g.output_height; ++out_y, out += out_row) {
      const int32_t origin_y = out_y * g.stride_height - g.pad_height;
      int32_t fy_begin = 0, fy_end = 0;
      ref::conv_stages::valid_taps(origin_y, g.dilation_height, g.filter_height, g.input_height,
                                   &fy_begin, &fy_end);
      const int32_t rows = fy_end - fy_begin;
      const ptrdiff_t first_row =
          rows > 0 ? static_cast<ptrdiff_t>(origin_y + fy_begin * g.dilation_height) * in_row : 0;
      const int8_t* w_rows = filter + fy_begin * w_row;
      // Channel groups outside, pixels inside: each group's requantization constants and biases
      // are set up once per output row. Output channels c..c+3 read input channel c / mult (all
      // four, when mult is a multiple of 4) or c..c+3 (mult 1).
      for (int32_t c = 0; c + 4 <= channels; c += 4) {
        const int32_t ic = c / mult;
        prim::RequantChannel r[4];
        int32_t b4[4] = {0, 0, 0, 0};
        for (int32_t i = 0; i < 4; ++i) {
          r[i] = prim::requant_channel(q.multipliers[c + i], q.shifts[c + i]);
          if (bias != nullptr) b4[i] = bias[c + i];
        }
        const bool skip_edges = edges_done && rows == 3;
        for (int32_t out_x = 0; out_x < g.output_width;) {
          if (skip_edges && (out_x == edge_x[0] || out_x == edge_x[1])) {
            ++out_x;
            continue;
          }
          if (full3x3 && rows == 3 && out_x == x_begin && x_end > x_begin) {
            // The pixels whose whole 3x3 window is inside the input, in one fused run.
            prim::DwRun3x3 run;
            for (int32_t i = 0; i < 4; ++i) {
              run.bias[i] = b4[i];
              run.multiplier[i] = r[i].multiplier;
              run.right_shift[i] = r[i].right_shift;
            }
            run.channels = channels;
            run.row_stride = static_cast<int32_t>(tap_y);
            run.step = static_cast<int32_t>(step_x);
            run.offset2 = (static_cast<uint32_t>(offset) & 0xFFFFu) * 0x10001u;
            run.output_offset = zp;
            run.input = in_b + first_row +
                        static_cast<ptrdiff_t>(out_x * g.stride_width - g.pad_width) * in_channels +
                        ic;
            run.weights = w_rows + c;
            run.output = out + out_x * channels + c;
            run.count = x_end - x_begin;
            if (prim::dw_run_3x3(&run)) {
              out_x = x_end;
              continue;
            }
          }
          if (mult != 1 && rows > 0 && out_x >= x_begin && out_x + 1 < x_end) {
            // Two pixels whose windows are whole along x: each weight word serves both
            // (micro_speech: a 10x8 filter over one input channel, multiplier 8).
            int32_t acc_a[4] = {b4[0], b4[1], b4[2], b4[3]};
            int32_t acc_b[4] = {b4[0], b4[1], b4[2], b4[3]};
            const int8_t* in_y =
                in_b + first_row +
                static_cast<ptrdiff_t>(out_x * g.stride_width - g.pad_width) * in_channels + ic;
            const int8_t* w_y = w_rows + c;
            for (int32_t fy = 0; fy < rows; ++fy, in_y += tap_y, w_y += w_row) {
              prim::dw_row_mac4x2_broadcast(acc_a, acc_b, in_y, step_x, tap_x, w_y, channels,
                                            g.filter_width, offset);
            }
            int8_t* o = out + out_x * channels + c;
            for (int32_t i = 0; i < 4; ++i) {
              o[i] = finish_s8(acc_a[i], r[i], zp);
              o[channels + i] = finish_s8(acc_b[i], r[i], zp);
            }
            out_x += 2;
            continue;
          }
          int32_t acc[4] = {b4[0], b4[1], b4[2], b4[3]};
          const int32_t origin_x = out_x * g.stride_width - g.pad_width;
          int32_t fx_begin = 0, fx_end = 0;
          ref::conv_stages::valid_taps(origin_x, g.dilation_width, g.filter_width, g.input_width,
                                       &fx_begin, &fx_end);
          const int32_t cols = fx_end - fx_begin;
          if (rows > 0 && cols > 0) {
            const int8_t* in_y =
                in_b + first_row +
                static_cast<ptrdiff_t>(origin_x + fx_begin * g.dilation_width) * in_channels + ic;
            const int8_t* w_y = w_rows + fx_begin * channels + c;
            if (rows3 && cols == 3) {
              prim::dw_mac4_rows3(acc, in_y, w_y, channels, tap_y, rows, offset);
            } else if (rows3 && cols == 2) {
              prim::dw_mac4_rows2(acc, in_y, w_y, channels, tap_y, rows, offset);
            } else {
              for (int32_t fy = 0; fy < rows; ++fy, in_y += tap_y, w_y += w_row) {
                const int8_t* in_x = in_y;
                const int8_t* w_x = w_y;
                for (int32_t fx = 0; fx < cols; ++fx, in_x += tap_x, w_x += channels) {
                  if (mult == 1) {
                    prim::dw_mac4(acc, in_x, w_x, offset);
                  } else {
                    prim::dw_mac4_broadcast(acc, *in_x, w_x, offset);
                  }
                }
              }
            }
          }
          int8_t* o = out + out_x * channels + c;
          o[0] = finish_s8(acc[0], r[0], zp);
          o[1] = finish_s8(acc[1], r[1], zp);
          o[2] = finish_s8(acc[2], r[2], zp);
          o[3] = finish_s8(acc[3], r[3], zp);
          ++out_x;
        }
      }
      // Channels past the last group of four (depth_multiplier 1 only), one at a time.
      for (int32_t c = channels & ~3; c < channels; ++c) {
        const prim::RequantChannel r = prim::requant_channel(q.multipliers[c], q.shifts[c]);
        for (int32_t out_x = 0; out_x < g.output_width; ++out_x) {
          const DwWindow win = dw_window(g, origin_y, fy_begin, fy_end, out_x);
          int32_t acc = bias != nullptr ? bias[c] : 0;
          const int8_t* in_y = in_b + win.input_offset + c;
          const int8_t* w_y = filter + win.filter_offset + c;
          for (int32_t fy = 0; fy < win.rows; ++fy, in_y += tap_y, w_y += w_row) {
            for (int32_t fx = 0; fx < win.cols; ++fx) {
              acc = prim::add_wrap(acc, (in_y[fx * tap_x] + offset) * w_y[fx * channels]);
            }
          }
          out[out_x * channels + c] = finish_s8(acc, r, zp);
        }
      }
    }
  }
  if (needs_clamp(q.activation_min, q.activation_max)) {
    prim::clamp_s8(output, static_cast<size_t>(out - output), q.activation_min, q.activation_max);
  }
}

// One kernel serves both: with depth_multiplier 4k, output channels c..c+3 share input channel
// c / k, and each tap is one prim::dw_mac4_broadcast instead of prim::dw_mac4.
void depthwise_conv2d_s8_multiplier4(const ref::ConvGeometry& g, const ref::ConvQuant& q,
                                     const int8_t* input, const int8_t* filter, const int32_t* bias,
                                     int8_t* output) {
  depthwise_conv2d_s8_channels4(g, q, input, filter, bias, output);
}

}  // namespace opt
}  // namespace mote
