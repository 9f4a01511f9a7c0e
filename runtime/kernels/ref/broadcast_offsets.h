// The broadcast loop of ref::broadcast_binary with the element access left to the caller, for
// binary ops whose two inputs have different element types (PRELU: int16 data, int8 alpha).
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

// Calls visit(output_index, input1_offset, input2_offset) for every output element, in row-major
// order, with the offsets make_broadcast_geometry describes.
template <typename Visit>
void broadcast_offsets(const BroadcastGeometry& g, Visit visit) {
  if (g.same_shape) {
    for (int64_t i = 0; i < g.flat_size; ++i) visit(i, i, i);
    return;
  }
  if (g.flat_size == 0) return;
  constexpr int32_t kInner = kMaxBroadcastRank - 1;
  int32_t index[kInner] = {};
  int64_t offset1 = 0;
  int64_t offset2 = 0;
  int64_t o = 0;
  while (true) {
    int64_t i1 = offset1;
    int64_t i2 = offset2;
    for (int32_t c = 0; c < g.dims[kInner]; ++c) {
      visit(o++, i1, i2);
      i1 += g.strides1[kInner];
      i2 += g.strides2[kInner];
    }
    int32_t d = kInner - 1;
    for (; d >= 0; --d) {
      if (++index[d] < g.dims[d]) {
        offset1 += g.strides1[d];
        offset2 += g.strides2[d];
        break;
      }
      index[d] = 0;
      offset1 -= static_cast<int64_t>(g.dims[d] - 1) * g.strides1[d];
      offset2 -= static_cast<int64_t>(g.dims[d] - 1) * g.strides2[d];
    }
    if (d < 0) return;
  }
}

}  // namespace ref
}  // namespace mote
