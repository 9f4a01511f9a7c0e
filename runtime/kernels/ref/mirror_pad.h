// Reference MIRROR_PAD, bit-exact with TFLite's and TFLM's mirror_pad.cc: every output element
// is a copy of the input element found by mirroring each coordinate that falls in the padding
// (GetInputDimension). REFLECT mirrors around the edge element (offset 1: ... 2 1 | 0 1 2 | 1 0
// ...), SYMMETRIC repeats it (offset 0: ... 1 0 | 0 1 2 | 2 1 ...). Written once over the element
// size.
//
//   ref::MirrorPadGeometry g;  // rank, input dims, padding before each axis, output dims, offset
//   ref::mirror_pad(g, sizeof(float), input, output);
#pragma once

#include <cstddef>
#include <cstdint>

#include "mote/shape.h"

namespace mote {
namespace ref {

// Padding before axis d is before[d], after it output_dims[d] - input_dims[d] - before[d]; both
// are in [0, input_dims[d] - offset] (or 0), which keeps every mirrored coordinate inside the
// input.
struct MirrorPadGeometry {
  int32_t rank = 0;  // 0..kMaxRank
  int32_t input_dims[kMaxRank] = {};
  int32_t output_dims[kMaxRank] = {};
  int32_t before[kMaxRank] = {};
  int32_t offset = 0;  // 1 for REFLECT, 0 for SYMMETRIC
};

// TFLite's GetInputDimension: the input coordinate that output coordinate `padded` copies along
// an axis of input_size elements with `before` padding elements in front.
int32_t mirror_pad_source(int32_t padded, int32_t before, int32_t input_size, int32_t offset);

void mirror_pad(const MirrorPadGeometry& g, size_t element_size, const void* input, void* output);

}  // namespace ref
}  // namespace mote
