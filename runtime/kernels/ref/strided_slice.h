// Reference STRIDED_SLICE: index resolution and data movement.
//
// resolve_strided_slice() turns the op's begin/end/strides and masks into five nested loops over
// the input extended to 5D, following TFLite's kernels/strided_slice.cc (BuildStridedSliceParams:
// ellipsis and new_axis expansion) and strided_slice_logic.h (StridedSlicePadIndices,
// StridedSliceStartForAxis, StridedSliceEndForAxis: negative indices, clamping, begin/end masks,
// shrink, offset). strided_slice() then runs the loops as reference_ops::StridedSlice does,
// writing the output sequentially. Data movement is written once over the element size.
//
// Each loop runs its exact iteration count (computed in integers), so the caller can require
// the output shape to be exactly what Eval writes; TFLite's own shape rule (ceil of a float
// division) agrees with it for every shape that fits in a float mantissa.
//
//   ref::StridedSliceSpec spec;  // begin/end/strides copied from the constant tensors, masks
//   ref::StridedSliceLoops loops;
//   if (ref::resolve_strided_slice(spec, rank, dims, &loops) != ref::StridedSliceResult::kOk) {..}
//   ref::strided_slice(loops, element_size, input, output);
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

constexpr int32_t kStridedSliceMaxRank = 5;     // input rank, also after adding new axes
constexpr int32_t kStridedSliceMaxIndices = 8;  // entries of begin/end/strides

struct StridedSliceSpec {
  int32_t count = 0;  // entries of begin, end and strides, 0..kStridedSliceMaxIndices
  int32_t begin[kStridedSliceMaxIndices] = {};
  int32_t end[kStridedSliceMaxIndices] = {};  // sizes when `offset` is set
  int32_t strides[kStridedSliceMaxIndices] = {};
  int32_t begin_mask = 0;
  int32_t end_mask = 0;
  int32_t ellipsis_mask = 0;
  int32_t new_axis_mask = 0;
  int32_t shrink_axis_mask = 0;
  bool offset = false;  // end = begin + end (StridedSliceOptions.offset)
};

// Axis a (0..4, the input padded with leading axes of size 1) visits the input indices
// start[a] + k * stride[a] for k in [0, count[a]); all of them are inside input_dims[a].
struct StridedSliceLoops {
  int32_t input_dims[kStridedSliceMaxRank] = {};
  int32_t start[kStridedSliceMaxRank] = {};
  int32_t stride[kStridedSliceMaxRank] = {};
  int32_t count[kStridedSliceMaxRank] = {};
  int32_t first_axis = 0;   // axes before it are padding, not part of the sliced shape
  int32_t shrink_mask = 0;  // bit a: axis a is dropped from the output shape
};

enum class StridedSliceResult : uint8_t {
  kOk,
  kTooManyAxes,  // input rank plus new axes above kStridedSliceMaxRank
  kZeroStride,
  kBadMasks,  // ellipsis/new_axis masks that do not map every input axis exactly once
};

// input_rank in 0..kStridedSliceMaxRank, input_dims >= 0.
StridedSliceResult resolve_strided_slice(const StridedSliceSpec& spec, int32_t input_rank,
                                         const int32_t* input_dims, StridedSliceLoops* loops);

// Writes the product of loops.count elements of element_size bytes to `output`, in order.
void strided_slice(const StridedSliceLoops& loops, size_t element_size, const void* input,
                   void* output);

}  // namespace ref
}  // namespace mote
