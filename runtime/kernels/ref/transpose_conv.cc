#include "kernels/ref/transpose_conv.h"

#include "kernels/ref/conv2d_stages.h"

namespace mote {
namespace ref {
namespace {

using conv_stages::at;

uint64_t output_elements(const ConvGeometry& g) {
  return static_cast<uint64_t>(g.batches) * static_cast<uint64_t>(g.output_height) *
         static_cast<uint64_t>(g.output_width) * static_cast<uint64_t>(g.output_depth);
}

// TFLite's scatter loop nest is (batch, in_y, in_x, in_channel, filter_y, filter_x,
// out_channel). For a given output element and input pixel exactly one tap (fy, fx) applies,
// so each output receives its terms ordered by (in_y, in_x, in_channel). Moving in_channel
// innermost keeps that order and turns the inner loop into a contiguous dot product of the
// input pixel with filter[oc, fy, fx, :].
template <typename K>
void transpose_loop(const ConvGeometry& g, const K& k, const typename K::Input* input,
                    const typename K::Filter* filter, typename K::Acc* acc,
                    typename K::Output* output) {
  const size_t count = static_cast<size_t>(output_elements(g));
  for (size_t i = 0; i < count; ++i) acc[i] = 0;

  const size_t in_pixel = static_cast<size_t>(g.input_depth);
  const size_t w_row = static_cast<size_t>(g.filter_width) * in_pixel;
  const size_t w_filter = static_cast<size_t>(g.filter_height) * w_row;
  const size_t out_pixel = static_cast<size_t>(g.output_depth);
  const size_t out_row = static_cast<size_t>(g.output_width) * out_pixel;
  const size_t out_image = static_cast<size_t>(g.output_height) * out_row;

  const typename K::Input* in_px = input;
  for (int32_t b = 0; b < g.batches; ++b) {
    typename K::Acc* acc_b = acc + at(b, out_image);
    for (int32_t in_y = 0; in_y < g.input_height; ++in_y) {
      const int32_t origin_y = in_y * g.stride_height - g.pad_height;
      int32_t fy_begin = 0, fy_end = 0;
      conv_stages::valid_taps(origin_y, 1, g.filter_height, g.output_height, &fy_begin, &fy_end);
      for (int32_t in_x = 0; in_x < g.input_width; ++in_x, in_px += in_pixel) {
        const int32_t origin_x = in_x * g.stride_width - g.pad_width;
        int32_t fx_begin = 0, fx_end = 0;
        conv_stages::valid_taps(origin_x, 1, g.filter_width, g.output_width, &fx_begin, &fx_end);
        for (int32_t fy = fy_begin; fy < fy_end; ++fy) {
          typename K::Acc* acc_y = acc_b + at(origin_y + fy, out_row);
          for (int32_t fx = fx_begin; fx < fx_end; ++fx) {
            typename K::Acc* acc_px = acc_y + at(origin_x + fx, out_pixel);
            const typename K::Filter* w = filter + at(fy, w_row) + at(fx, in_pixel);
            for (int32_t oc = 0; oc < g.output_depth; ++oc, w += w_filter) {
              acc_px[oc] = conv_stages::dot(k, acc_px[oc], in_px, w, g.input_depth);
            }
          }
        }
      }
    }
  }

  for (size_t i = 0; i < count;) {
    for (int32_t oc = 0; oc < g.output_depth; ++oc, ++i) output[i] = k.finish(acc[i], oc);
  }
}

}  // namespace

uint64_t transpose_conv_s8_scratch_bytes(const ConvGeometry& g) {
  return output_elements(g) * sizeof(int32_t);
}

uint64_t transpose_conv_s16_scratch_bytes(const ConvGeometry& g) {
  return output_elements(g) * sizeof(int64_t);
}

void transpose_conv_f32(const ConvGeometry& g, float activation_min, float activation_max,
                        const float* input, const float* filter, const float* bias, float* output) {
  const conv_stages::F32 k{bias, activation_min, activation_max};
  transpose_loop(g, k, input, filter, output, output);
}

void transpose_conv_s8(const ConvGeometry& g, const ConvQuant& q, const int8_t* input,
                       const int8_t* filter, const int32_t* bias, int32_t* scratch,
                       int8_t* output) {
  // TFLite accumulates in int32 and relies on wrap-around; uint32 gives the same bits.
  transpose_loop(g, conv_stages::S8{&q, bias, q.input_offset}, input, filter,
                 reinterpret_cast<uint32_t*>(scratch), output);
}

void transpose_conv_s16(const ConvGeometry& g, const ConvQuant& q, const int16_t* input,
                        const int8_t* filter, const int64_t* bias64, const int16_t* bias16,
                        int64_t* scratch, int16_t* output) {
  transpose_loop(g, conv_stages::S16Acc64{&q, bias64, bias16}, input, filter, scratch, output);
}

}  // namespace ref
}  // namespace mote
