#include "kernels/ref/space_batch.h"

#include <cstring>

namespace mote {
namespace ref {
namespace {

int64_t pixel_offset(int64_t batch, int64_t y, int64_t x, int32_t height, int32_t width) {
  return (batch * height + y) * width + x;
}

}  // namespace

void batch_to_space_nd(const SpaceBatchGeometry& g, size_t element_size, const void* input,
                       void* output) {
  if (g.output_batch == 0 || g.depth == 0) return;
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output);
  const size_t pixel_bytes = static_cast<size_t>(g.depth) * element_size;
  for (int32_t in_batch = 0; in_batch < g.input_batch; ++in_batch) {
    const int32_t out_batch = in_batch % g.output_batch;
    const int32_t spatial_offset = in_batch / g.output_batch;
    const int32_t shift_h = spatial_offset / g.block_width;
    const int32_t shift_w = spatial_offset % g.block_width;
    for (int32_t in_h = 0; in_h < g.input_height; ++in_h) {
      const int64_t out_h = int64_t{in_h} * g.block_height + shift_h - g.offset_top;
      if (out_h < 0 || out_h >= g.output_height) continue;
      for (int32_t in_w = 0; in_w < g.input_width; ++in_w) {
        const int64_t out_w = int64_t{in_w} * g.block_width + shift_w - g.offset_left;
        if (out_w < 0 || out_w >= g.output_width) continue;
        const int64_t to = pixel_offset(out_batch, out_h, out_w, g.output_height, g.output_width);
        const int64_t from = pixel_offset(in_batch, in_h, in_w, g.input_height, g.input_width);
        std::memcpy(out + static_cast<size_t>(to) * pixel_bytes,
                    in + static_cast<size_t>(from) * pixel_bytes, pixel_bytes);
      }
    }
  }
}

void space_to_batch_nd(const SpaceBatchGeometry& g, size_t element_size, const void* input,
                       const void* pad_value, void* output) {
  if (g.input_batch == 0 || g.depth == 0) return;
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output);
  const size_t pixel_bytes = static_cast<size_t>(g.depth) * element_size;
  for (int32_t out_batch = 0; out_batch < g.output_batch; ++out_batch) {
    const int32_t in_batch = out_batch % g.input_batch;
    const int32_t shift_w = (out_batch / g.input_batch) % g.block_width;
    const int32_t shift_h = (out_batch / g.input_batch) / g.block_width;
    for (int32_t out_h = 0; out_h < g.output_height; ++out_h) {
      const int64_t in_h = int64_t{out_h} * g.block_height + shift_h - g.offset_top;
      for (int32_t out_w = 0; out_w < g.output_width; ++out_w) {
        const int64_t in_w = int64_t{out_w} * g.block_width + shift_w - g.offset_left;
        if (in_h < 0 || in_h >= g.input_height || in_w < 0 || in_w >= g.input_width) {
          // TFLite memsets the pixel with the pad value's low byte, which is the pad value for
          // every type it supports here (0, or an 8-bit zero point); one element is repeated.
          for (int32_t c = 0; c < g.depth; ++c) {
            std::memcpy(out + static_cast<size_t>(c) * element_size, pad_value, element_size);
          }
        } else {
          const int64_t from = pixel_offset(in_batch, in_h, in_w, g.input_height, g.input_width);
          std::memcpy(out, in + static_cast<size_t>(from) * pixel_bytes, pixel_bytes);
        }
        out += pixel_bytes;
      }
    }
  }
}

}  // namespace ref
}  // namespace mote
