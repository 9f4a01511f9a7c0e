// Reference RESIZE_NEAREST_NEIGHBOR, bit-exact with TFLite's reference_ops::ResizeNearestNeighbor
// (which TFLM runs): each output pixel copies the input pixel (all `depth` channels) at
//   in = min(f((out + offset) * scale), input_size - 1), then max(in, 0) with half_pixel_centers,
// computed in float: scale = (input_size - 1) / float(output_size - 1) with align_corners (and an
// output larger than 1), input_size / float(output_size) otherwise; offset = 0.5 with
// half_pixel_centers, 0 otherwise; f = round half away from zero with align_corners, floor
// otherwise. Values are copied as bytes, so one function serves every element type.
//
// Layout NHWC. Preconditions (checked by the kernel's Prepare): input_height and input_width are
// at least 1 unless the output is empty along that axis.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

struct ResizeNearestGeometry {
  int32_t batches = 0;
  int32_t input_height = 0;
  int32_t input_width = 0;
  int32_t depth = 0;
  int32_t output_height = 0;
  int32_t output_width = 0;
  bool align_corners = false;
  bool half_pixel_centers = false;
};

// TFLite's GetNearestNeighbor: the input row (or column) that output row `out_index` copies.
int32_t nearest_neighbor_index(int32_t out_index, int32_t input_size, int32_t output_size,
                               bool align_corners, bool half_pixel_centers);

// element_bytes: size of one tensor element (4 for float32, 1 for int8, 2 for int16).
void resize_nearest_neighbor(const ResizeNearestGeometry& g, size_t element_bytes,
                             const uint8_t* input, uint8_t* output);

}  // namespace ref
}  // namespace mote
