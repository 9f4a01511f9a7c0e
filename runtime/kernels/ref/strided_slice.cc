#include "kernels/ref/strided_slice.h"

#include <cstring>

namespace mote {
namespace ref {
namespace {

constexpr int32_t kRank = kStridedSliceMaxRank;

int32_t bit(int32_t i) { return static_cast<int32_t>(1u << static_cast<uint32_t>(i)); }

int64_t clamp64(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

// StridedSliceStartForAxis: a start in [0, size] (forward) or [-1, size - 1] (backward).
int32_t start_for_axis(int32_t size, int32_t begin, int32_t stride, bool begin_masked) {
  int64_t start = begin;
  if (start < 0) start += size;
  start = stride > 0 ? clamp64(start, 0, size) : clamp64(start, -1, int64_t{size} - 1);
  if (begin_masked) start = stride > 0 ? 0 : int64_t{size} - 1;
  return static_cast<int32_t>(start);
}

// StridedSliceEndForAxis: one past the last index visited. A shrunk axis keeps exactly one
// element only when start is inside the axis. With `offset`, `end` is a size added to the start
// (TFLite adds in int32, where only overflowing models differ from this int64 sum).
int32_t stop_for_axis(int32_t size, int32_t end, int32_t stride, bool end_masked, bool shrink,
                      bool offset, int32_t start) {
  if (shrink) return start >= size ? start : start + 1;
  int64_t stop = end;
  if (offset) stop += start;
  if (stop < 0) stop += size;
  stop = stride > 0 ? clamp64(stop, 0, size) : clamp64(stop, -1, int64_t{size} - 1);
  if (end_masked) stop = stride > 0 ? size : -1;
  return static_cast<int32_t>(stop);
}

// Iterations of `for (i = start; stride > 0 ? i < stop : i > stop; i += stride)`. Note that a
// shrunk axis with a negative stride runs 0 times (stop = start + 1), as in TFLite.
int32_t loop_count(int32_t start, int32_t stop, int32_t stride) {
  const int64_t s = stride;
  if (s > 0) return start < stop ? static_cast<int32_t>((int64_t{stop} - start + s - 1) / s) : 0;
  return start > stop ? static_cast<int32_t>((int64_t{start} - stop - s - 1) / -s) : 0;
}

// One axis of the effective (ellipsis- and new-axis-expanded) index spec.
struct Axis {
  int32_t dim = 1;
  int32_t begin = 0;
  int32_t end = 0;
  int32_t stride = 1;
  bool begin_masked = false;
  bool end_masked = false;
  bool shrink = false;
};

template <size_t kSize>
void slice_walk(const StridedSliceLoops& p, size_t element_size, const uint8_t* in, uint8_t* out) {
  const int64_t size = static_cast<int64_t>(kSize != 0 ? kSize : element_size);
  const auto copy = [element_size](uint8_t* dst, const uint8_t* src) {
    std::memcpy(dst, src, kSize != 0 ? kSize : element_size);
  };
  for (int32_t a = 0; a < kRank; ++a) {
    if (p.count[a] == 0) return;
  }
  const int64_t d1 = p.input_dims[1];
  const int64_t d2 = p.input_dims[2];
  const int64_t d3 = p.input_dims[3];
  const int64_t d4 = p.input_dims[4];
  for (int32_t k0 = 0; k0 < p.count[0]; ++k0) {
    const int64_t i0 = p.start[0] + int64_t{k0} * p.stride[0];
    for (int32_t k1 = 0; k1 < p.count[1]; ++k1) {
      const int64_t i1 = i0 * d1 + p.start[1] + int64_t{k1} * p.stride[1];
      for (int32_t k2 = 0; k2 < p.count[2]; ++k2) {
        const int64_t i2 = i1 * d2 + p.start[2] + int64_t{k2} * p.stride[2];
        for (int32_t k3 = 0; k3 < p.count[3]; ++k3) {
          const int64_t row = (i2 * d3 + p.start[3] + int64_t{k3} * p.stride[3]) * d4;
          if (p.stride[4] == 1) {
            // Contiguous innermost run: the optimized-slice path of the reference kernel.
            const int64_t bytes = p.count[4] * size;
            std::memcpy(out, in + (row + p.start[4]) * size, static_cast<size_t>(bytes));
            out += bytes;
          } else {
            for (int32_t k4 = 0; k4 < p.count[4]; ++k4) {
              copy(out, in + (row + p.start[4] + int64_t{k4} * p.stride[4]) * size);
              out += size;
            }
          }
        }
      }
    }
  }
}

}  // namespace

StridedSliceResult resolve_strided_slice(const StridedSliceSpec& spec, int32_t input_rank,
                                         const int32_t* input_dims, StridedSliceLoops* loops) {
  const int32_t n = spec.count;
  // New axes that are not cancelled by an ellipsis at the same index.
  int32_t added_axes_expected = 0;
  for (int32_t i = 0; i < n; ++i) {
    if ((spec.ellipsis_mask & bit(i)) == 0 && (spec.new_axis_mask & bit(i)) != 0) {
      ++added_axes_expected;
    }
  }
  const int32_t rank = input_rank + added_axes_expected;
  if (rank > kRank) return StridedSliceResult::kTooManyAxes;

  // Where the ellipsis sits in the effective axes and how many axes it stands for; the new-axis
  // bits after it are shifted by that many (TFLite's effective_*_mask loop).
  int32_t ellipsis_axes = 0;
  int32_t new_axes = 0;
  int32_t ellipsis_start = rank;
  int32_t expanded = 0;
  for (int32_t i = 0; i < rank;) {
    if ((spec.ellipsis_mask & bit(i)) != 0) {
      ellipsis_start = i;
      int32_t ellipsis_end = i + 1 + added_axes_expected + input_rank - n;
      if (ellipsis_end > rank) ellipsis_end = rank;
      if (ellipsis_end < i + 1) ellipsis_end = i + 1;
      expanded = ellipsis_end - ellipsis_start - 1;
      for (; i < ellipsis_end; ++i) ellipsis_axes |= bit(i);
      continue;
    }
    if ((spec.new_axis_mask & bit(i - expanded)) != 0) new_axes |= bit(i);
    ++i;
  }

  Axis axes[kRank];
  int32_t added_ellipsis = 0;
  int32_t added_axes = 0;
  for (int32_t i = 0; i < rank; ++i) {
    Axis& a = axes[i];
    if ((new_axes & bit(i)) != 0 && (ellipsis_axes & bit(i)) == 0) {
      a.end = 1;  // [0, 1) of a new axis of size 1
      ++added_axes;
      continue;
    }
    const int32_t input_axis = i - added_axes;
    if (input_axis < 0 || input_axis >= input_rank) return StridedSliceResult::kBadMasks;
    a.dim = input_dims[input_axis];
    if ((ellipsis_axes & bit(i)) != 0) {
      added_ellipsis = i - ellipsis_start > 0 ? i - ellipsis_start : 0;
      a.begin_masked = a.end_masked = true;
    } else if (i >= n + expanded) {
      a.begin_masked = a.end_masked = true;  // axes past the spec are taken whole
    } else {
      const int32_t j = i - added_ellipsis;
      if (j < 0 || j >= n) return StridedSliceResult::kBadMasks;
      a.begin = spec.begin[j];
      a.end = spec.end[j];
      a.stride = spec.strides[j];
      a.begin_masked = (spec.begin_mask & bit(j)) != 0;
      a.end_masked = (spec.end_mask & bit(j)) != 0;
      a.shrink = (spec.shrink_axis_mask & bit(j)) != 0;
      if (a.stride == 0) return StridedSliceResult::kZeroStride;
    }
  }
  // Every input axis must appear exactly once; otherwise the effective shape would not describe
  // the input buffer.
  if (added_axes != added_axes_expected) return StridedSliceResult::kBadMasks;

  // Pad at the front to 5 axes (StridedSlicePadIndices): whole axes of size 1.
  const int32_t pad = kRank - rank;
  *loops = StridedSliceLoops();
  loops->first_axis = pad;
  for (int32_t p = 0; p < kRank; ++p) {
    Axis a;
    if (p >= pad) {
      a = axes[p - pad];
    } else {
      a.end = 1;
      a.begin_masked = a.end_masked = true;
    }
    const int32_t start = start_for_axis(a.dim, a.begin, a.stride, a.begin_masked);
    const int32_t stop =
        stop_for_axis(a.dim, a.end, a.stride, a.end_masked, a.shrink, spec.offset, start);
    loops->input_dims[p] = a.dim;
    loops->start[p] = start;
    loops->stride[p] = a.stride;
    loops->count[p] = loop_count(start, stop, a.stride);
    if (a.shrink) loops->shrink_mask |= bit(p);
  }
  return StridedSliceResult::kOk;
}

void strided_slice(const StridedSliceLoops& loops, size_t element_size, const void* input,
                   void* output) {
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output);
  switch (element_size) {
    case 1:
      slice_walk<1>(loops, element_size, in, out);
      break;
    case 2:
      slice_walk<2>(loops, element_size, in, out);
      break;
    case 4:
      slice_walk<4>(loops, element_size, in, out);
      break;
    case 8:
      slice_walk<8>(loops, element_size, in, out);
      break;
    default:
      slice_walk<0>(loops, element_size, in, out);
      break;
  }
}

}  // namespace ref
}  // namespace mote
