// Reference BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND, bit-exact with TFLite's reference_ops (which
// TFLM runs) for 4D NHWC tensors; 3D NHC tensors are viewed as NH1C, as TFLite extends them.
// Both move whole pixels (depth x element_size bytes) and are written once over the element size.
//
// SPACE_TO_BATCH_ND: output batch ob = (sh * block_width + sw) * in_batch + ib takes the pixels
// (oh * block_height + sh - pad_top, ow * block_width + sw - pad_left) of input batch ib; pixels
// in the padding hold `pad_value` (one element, repeated).
// BATCH_TO_SPACE_ND is its inverse with crops in place of the padding: input batch
// ib = (sh * block_width + sw) * out_batch + ob lands at
// (ih * block_height + sh - crop_top, iw * block_width + sw - crop_left), when inside the output.
//
//   ref::SpaceBatchGeometry g;  // shapes, block, offsets (crops or paddings)
//   ref::space_to_batch_nd(g, sizeof(int8_t), input, &zero_point, output);
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

// Shapes in NHWC (width 1 for 3D tensors); all >= 0. block_* >= 1. The offsets are the crops
// (BATCH_TO_SPACE_ND) or paddings (SPACE_TO_BATCH_ND) before the first row and column, >= 0.
// The caller ensures the shapes agree (TFLite's output-shape rules).
struct SpaceBatchGeometry {
  int32_t input_batch = 0;
  int32_t input_height = 0;
  int32_t input_width = 0;
  int32_t output_batch = 0;
  int32_t output_height = 0;
  int32_t output_width = 0;
  int32_t depth = 0;
  int32_t block_height = 1;
  int32_t block_width = 1;
  int32_t offset_top = 0;
  int32_t offset_left = 0;
};

void batch_to_space_nd(const SpaceBatchGeometry& g, size_t element_size, const void* input,
                       void* output);

// pad_value: one element of element_size bytes (any alignment).
void space_to_batch_nd(const SpaceBatchGeometry& g, size_t element_size, const void* input,
                       const void* pad_value, void* output);

}  // namespace ref
}  // namespace mote
