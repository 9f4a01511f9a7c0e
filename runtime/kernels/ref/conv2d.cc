#include "kernels/ref/conv2d.h"

#include "kernels/ref/conv2d_stages.h"

namespace mote {
namespace ref {
namespace {

using conv_stages::at;

// TFLite's loop nest (batch, out_y, out_x, out_channel, filter_y, filter_x, in_channel) with the
// bounds test hoisted out: the valid filter rows are found once per output row and the valid
// columns once per output pixel, and output channels are walked group by group so that no
// division is left in the loops. Each output still sums its taps in TFLite's order.
template <typename K>
void conv_loop(const ConvGeometry& g, const K& k, const typename K::Input* input,
               const typename K::Filter* filter, typename K::Output* output) {
  const int32_t groups = g.input_depth / g.filter_depth;
  const int32_t filters_per_group = g.output_depth / groups;
  const size_t in_pixel = static_cast<size_t>(g.input_depth);
  const size_t in_row = static_cast<size_t>(g.input_width) * in_pixel;
  const size_t in_image = static_cast<size_t>(g.input_height) * in_row;
  const size_t w_tap = static_cast<size_t>(g.filter_depth);
  const size_t w_row = static_cast<size_t>(g.filter_width) * w_tap;
  const size_t w_filter = static_cast<size_t>(g.filter_height) * w_row;

  for (int32_t b = 0; b < g.batches; ++b) {
    const typename K::Input* in_b = input + at(b, in_image);
    for (int32_t out_y = 0; out_y < g.output_height; ++out_y) {
      const int32_t origin_y = out_y * g.stride_height - g.pad_height;
      int32_t fy_begin = 0, fy_end = 0;
      conv_stages::valid_taps(origin_y, g.dilation_height, g.filter_height, g.input_height,
                              &fy_begin, &fy_end);
      for (int32_t out_x = 0; out_x < g.output_width; ++out_x) {
        const int32_t origin_x = out_x * g.stride_width - g.pad_width;
        int32_t fx_begin = 0, fx_end = 0;
        conv_stages::valid_taps(origin_x, g.dilation_width, g.filter_width, g.input_width,
                                &fx_begin, &fx_end);
        int32_t oc = 0;
        for (int32_t group = 0; group < groups; ++group) {
          const typename K::Input* in_g = in_b + at(group, w_tap);
          for (int32_t i = 0; i < filters_per_group; ++i, ++oc) {
            const typename K::Filter* w_oc = filter + at(oc, w_filter);
            typename K::Acc acc = 0;
            for (int32_t fy = fy_begin; fy < fy_end; ++fy) {
              const typename K::Input* in_y = in_g + at(origin_y + fy * g.dilation_height, in_row);
              const typename K::Filter* w_y = w_oc + at(fy, w_row);
              for (int32_t fx = fx_begin; fx < fx_end; ++fx) {
                acc =
                    conv_stages::dot(k, acc, in_y + at(origin_x + fx * g.dilation_width, in_pixel),
                                     w_y + at(fx, w_tap), g.filter_depth);
              }
            }
            *output++ = k.finish(acc, oc);
          }
        }
      }
    }
  }
}

}  // namespace

void conv2d_f32(const ConvGeometry& g, float activation_min, float activation_max,
                const float* input, const float* filter, const float* bias, float* output) {
  const conv_stages::F32 k{bias, activation_min, activation_max};
  conv_loop(g, k, input, filter, output);
}

void conv2d_s8(const ConvGeometry& g, const ConvQuant& q, const int8_t* input, const int8_t* filter,
               const int32_t* bias, int8_t* output) {
  conv_loop(g, conv_stages::S8{&q, bias, q.input_offset}, input, filter, output);
}

void conv2d_s16(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                const int8_t* filter, const int64_t* bias, int16_t* output) {
  conv_loop(g, conv_stages::S16Acc64{&q, bias, nullptr}, input, filter, output);
}

void conv2d_s16_acc32(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                      const int8_t* filter, const int32_t* bias, int16_t* output) {
  conv_loop(g, conv_stages::S16Acc32{&q, bias}, input, filter, output);
}

}  // namespace ref
}  // namespace mote
