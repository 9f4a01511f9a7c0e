// Broadcasting for the binary elementwise ops (ADD, SUB, MUL, MAXIMUM, MINIMUM), as TFLite's
// NdArrayDescsForElementwiseBroadcast + BroadcastXxx6DSlow loops do it.
//
// Shapes are right-aligned (missing leading dimensions count as 1). Two extents are compatible
// when they are equal or one of them is 1; the output extent is the other one (so 0 against 1
// gives an empty output). An input that has extent 1 where the output has more is read with
// stride 0 along that dimension.
//
// Prepare builds a BroadcastGeometry once (make_broadcast_geometry); Eval runs
// broadcast_binary(), which calls op(a, b) for every output element in row-major order. Each
// output element only depends on its two input elements, so TFLite's separate "same shape" and
// "broadcast" code paths give the same bits; the same-shape case here is just a flat loop.
//
//   ref::BroadcastGeometry g;
//   Shape out;
//   if (!ref::make_broadcast_geometry(a_shape, b_shape, &out, &g)) { /* incompatible */ }
//   ref::broadcast_binary(g, a, b, y, [](float x, float z) { return x + z; });
#pragma once

#include <cstdint>

#include "mote/shape.h"

namespace mote {
namespace ref {

// Rank of the loop nest; inputs of lower rank are extended with leading 1s. Equal to the largest
// rank the loader accepts, and to TFLite's 6D broadcast for ADD/SUB/MUL.
constexpr int32_t kMaxBroadcastRank = 6;
static_assert(kMaxBroadcastRank == kMaxRank, "the loop nest must cover every loadable rank");

struct BroadcastGeometry {
  int32_t dims[kMaxBroadcastRank] = {};      // output extents, right-aligned
  int64_t strides1[kMaxBroadcastRank] = {};  // element strides of input 1 (0 where it broadcasts)
  int64_t strides2[kMaxBroadcastRank] = {};
  int64_t flat_size = 0;    // output elements
  bool same_shape = false;  // inputs already have the output layout: flat loop
};

// The broadcast of `a` and `b` in *out (rank max(a.rank, b.rank)), or false when an extent pair
// is neither equal nor has a 1. Ranks must be <= kMaxBroadcastRank.
bool broadcast_shape(const Shape& a, const Shape& b, Shape* out);

// True when `a` and `b` are equal once right-aligned to the same rank (leading 1s ignored).
bool same_extended_shape(const Shape& a, const Shape& b);

// Fills *g for inputs of shapes a and b, and their broadcast shape in *out. False when the
// shapes are incompatible (then *g is unspecified).
bool make_broadcast_geometry(const Shape& a, const Shape& b, Shape* out, BroadcastGeometry* g);

// out[i] = op(in1[...], in2[...]) over the output in row-major order. Offsets are int64 so no
// intermediate position is formed outside the tensors.
template <typename In, typename Out, typename Op>
void broadcast_binary(const BroadcastGeometry& g, const In* in1, const In* in2, Out* out, Op op) {
  if (g.same_shape) {
    for (int64_t i = 0; i < g.flat_size; ++i) out[i] = op(in1[i], in2[i]);
    return;
  }
  if (g.flat_size == 0) return;
  // Odometer over the five outer dimensions; the innermost one is a strided inner loop.
  constexpr int32_t kInner = kMaxBroadcastRank - 1;
  int32_t index[kInner] = {};
  int64_t offset1 = 0;
  int64_t offset2 = 0;
  int64_t o = 0;
  const int64_t inner_stride1 = g.strides1[kInner];
  const int64_t inner_stride2 = g.strides2[kInner];
  while (true) {
    int64_t i1 = offset1;
    int64_t i2 = offset2;
    for (int32_t c = 0; c < g.dims[kInner]; ++c) {
      out[o++] = op(in1[i1], in2[i2]);
      i1 += inner_stride1;
      i2 += inner_stride2;
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
