// Reference SELECT and SELECT_V2 (out = condition ? x : y), as TFLite's select.cc and TFLM's
// select.cc. Only the choice matters, so elements are moved as raw bits (T is an unsigned type of
// the element's size) and the condition is read as bytes, any non-zero byte being true.
//
// Three layouts:
//  * elementwise: condition, x, y and output have the same number of elements;
//  * rank one (SELECT only): the condition is a scalar, or a vector with one entry per slice
//    along x's first dimension, and picks whole slices of `inner` elements;
//  * broadcast (SELECT_V2 only): the three shapes broadcast together as numpy does.
#pragma once

#include <cstdint>
#include <cstring>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

struct SelectGeometry {
  int32_t dims[kMaxBroadcastRank] = {};  // output extents, right-aligned
  int64_t condition_strides[kMaxBroadcastRank] = {};
  int64_t x_strides[kMaxBroadcastRank] = {};
  int64_t y_strides[kMaxBroadcastRank] = {};
  int64_t flat_size = 0;
};

// The broadcast of the three shapes in *out and the strides of each input over it. False when
// the shapes do not broadcast (an extent must be 1 or the common extent, 0 included).
bool make_select_geometry(const Shape& condition, const Shape& x, const Shape& y, Shape* out,
                          SelectGeometry* g);

template <typename T>
void select_elementwise(int64_t count, const uint8_t* condition, const T* x, const T* y,
                        T* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = condition[i] != 0 ? x[i] : y[i];
}

// TFLite RankOneSelect: outer = number of condition entries, inner = elements per slice.
template <typename T>
void select_rank_one(int64_t outer, int64_t inner, const uint8_t* condition, const T* x, const T* y,
                     T* output) {
  for (int64_t i = 0; i < outer; ++i) {
    const T* source = condition[i] != 0 ? x : y;
    std::memcpy(output + i * inner, source + i * inner, static_cast<size_t>(inner) * sizeof(T));
  }
}

template <typename T>
void select_broadcast(const SelectGeometry& g, const uint8_t* condition, const T* x, const T* y,
                      T* output) {
  if (g.flat_size == 0) return;
  // Odometer over the outer dimensions, as ref::broadcast_binary.
  constexpr int32_t kInner = kMaxBroadcastRank - 1;
  int32_t index[kInner] = {};
  int64_t c = 0, a = 0, b = 0, o = 0;
  while (true) {
    int64_t ci = c, ai = a, bi = b;
    for (int32_t k = 0; k < g.dims[kInner]; ++k) {
      output[o++] = condition[ci] != 0 ? x[ai] : y[bi];
      ci += g.condition_strides[kInner];
      ai += g.x_strides[kInner];
      bi += g.y_strides[kInner];
    }
    int32_t d = kInner - 1;
    for (; d >= 0; --d) {
      if (++index[d] < g.dims[d]) {
        c += g.condition_strides[d];
        a += g.x_strides[d];
        b += g.y_strides[d];
        break;
      }
      index[d] = 0;
      const int64_t back = static_cast<int64_t>(g.dims[d] - 1);
      c -= back * g.condition_strides[d];
      a -= back * g.x_strides[d];
      b -= back * g.y_strides[d];
    }
    if (d < 0) return;
  }
}

}  // namespace ref
}  // namespace mote
