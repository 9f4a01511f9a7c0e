// Tensor shapes: rank plus dimensions, row-major (last dimension fastest), NHWC for images.
//
// A Shape is a small value type (no pointers), so kernels can keep the shapes they need in their
// per-op data after Prepare. Ranks above kMaxRank are rejected when the model is loaded.
#pragma once

#include <cstdint>

namespace mote {

inline constexpr int32_t kMaxRank = 6;

struct Shape {
  int32_t rank = 0;
  int32_t dims[kMaxRank] = {};

  int32_t dim(int32_t i) const { return dims[i]; }
  // Number of elements. Shapes are verified at load so this cannot overflow int64.
  int64_t num_elements() const {
    int64_t n = 1;
    for (int32_t i = 0; i < rank; ++i) n *= dims[i];
    return n;
  }
  // Product of dims [begin, end).
  int64_t num_elements(int32_t begin, int32_t end) const {
    int64_t n = 1;
    for (int32_t i = begin; i < end; ++i) n *= dims[i];
    return n;
  }
  bool operator==(const Shape& other) const {
    if (rank != other.rank) return false;
    for (int32_t i = 0; i < rank; ++i) {
      if (dims[i] != other.dims[i]) return false;
    }
    return true;
  }
  bool operator!=(const Shape& other) const { return !(*this == other); }

  // The shape right-aligned into `new_rank` dimensions, padded with leading 1s (TFLite's
  // RuntimeShape::ExtendedShape). Requires new_rank >= rank and new_rank <= kMaxRank.
  Shape extended(int32_t new_rank) const {
    Shape out;
    out.rank = new_rank;
    const int32_t pad = new_rank - rank;
    for (int32_t i = 0; i < new_rank; ++i) out.dims[i] = i < pad ? 1 : dims[i - pad];
    return out;
  }
};

}  // namespace mote
