#include "kernels/ref/resize_nearest_neighbor.h"

#include <cmath>
#include <cstring>

namespace mote {
namespace ref {

int32_t nearest_neighbor_index(int32_t out_index, int32_t input_size, int32_t output_size,
                               bool align_corners, bool half_pixel_centers) {
  // Every step in float, in TFLite's order (int operands convert to float first).
  const float scale = (align_corners && output_size > 1)
                          ? static_cast<float>(input_size - 1) / static_cast<float>(output_size - 1)
                          : static_cast<float>(input_size) / static_cast<float>(output_size);
  const float offset = half_pixel_centers ? 0.5f : 0.0f;
  const float position = (static_cast<float>(out_index) + offset) * scale;
  const int32_t nearest = align_corners ? static_cast<int32_t>(std::round(position))
                                        : static_cast<int32_t>(std::floor(position));
  int32_t index = nearest < input_size - 1 ? nearest : input_size - 1;
  if (half_pixel_centers && index < 0) index = 0;
  return index;
}

void resize_nearest_neighbor(const ResizeNearestGeometry& g, size_t element_bytes,
                             const uint8_t* input, uint8_t* output) {
  const size_t pixel_bytes = static_cast<size_t>(g.depth) * element_bytes;
  const size_t row_bytes = static_cast<size_t>(g.input_width) * pixel_bytes;
  const size_t batch_bytes = static_cast<size_t>(g.input_height) * row_bytes;
  for (int32_t b = 0; b < g.batches; ++b) {
    const uint8_t* batch_in = input + batch_bytes * static_cast<size_t>(b);
    for (int32_t y = 0; y < g.output_height; ++y) {
      const int32_t in_y = nearest_neighbor_index(y, g.input_height, g.output_height,
                                                  g.align_corners, g.half_pixel_centers);
      const uint8_t* row_in = batch_in + row_bytes * static_cast<size_t>(in_y);
      for (int32_t x = 0; x < g.output_width; ++x) {
        const int32_t in_x = nearest_neighbor_index(x, g.input_width, g.output_width,
                                                    g.align_corners, g.half_pixel_centers);
        std::memcpy(output, row_in + pixel_bytes * static_cast<size_t>(in_x), pixel_bytes);
        output += pixel_bytes;
      }
    }
  }
}

}  // namespace ref
}  // namespace mote
