// Reference GATHER, GATHER_ND and EMBEDDING_LOOKUP, bit-exact with TFLM's kernels (gather.cc,
// gather_nd.cc, embedding_lookup.cc): each output slice is a copy of one input slice chosen by an
// index tensor, written once over the element size; EMBEDDING_LOOKUP of int8 rows into float
// dequantizes them instead (TFLM's EvalHybrid).
//
// Indices are data read at Eval time, so every function checks each one before using it and
// returns the position (in the index tensor) of the first out of range, or kIndicesInRange. On a
// bad index the output is partly written, as TFLM leaves it.
//
//   ref::GatherGeometry g;  // batch, outer, axis_size, coords, inner
//   const int64_t bad = ref::gather(g, sizeof(float), params, indices, output);
//   if (bad != ref::kIndicesInRange) { /* indices[bad] is outside [0, g.axis_size) */ }
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

constexpr int64_t kIndicesInRange = -1;

// GATHER with batch_dims: params viewed as [batch, outer, axis_size, inner], indices as
// [batch, coords], output as [batch, outer, coords, inner]. Counts are elements, >= 0.
struct GatherGeometry {
  int64_t batch = 1;      // product of the first batch_dims dimensions (shared by both inputs)
  int64_t outer = 1;      // product of params dimensions [batch_dims, axis)
  int64_t axis_size = 0;  // params dimension `axis`: indices must be in [0, axis_size)
  int64_t coords = 1;     // product of indices dimensions [batch_dims, rank)
  int64_t inner = 1;      // product of params dimensions after axis
};

int64_t gather(const GatherGeometry& g, size_t element_size, const void* params,
               const int32_t* indices, void* output);
int64_t gather(const GatherGeometry& g, size_t element_size, const void* params,
               const int64_t* indices, void* output);

// TFLM's MAX_INDICES_ND: the longest index vector GATHER_ND accepts.
constexpr int32_t kGatherNdMaxDepth = 5;

// GATHER_ND: indices viewed as [slices, depth]; index vector i selects the params slice that
// starts at sum_j indices[i][j] * strides[j] and holds slice_size elements; output i is that
// slice. depth 0 copies all of params for every index vector.
struct GatherNdGeometry {
  int64_t slices = 0;
  int32_t depth = 0;                        // 0..kGatherNdMaxDepth
  int32_t dims[kGatherNdMaxDepth] = {};     // params dimensions the indices address
  int64_t strides[kGatherNdMaxDepth] = {};  // elements per step along them
  int64_t slice_size = 1;                   // product of the remaining params dimensions
};

int64_t gather_nd(const GatherNdGeometry& g, size_t element_size, const void* params,
                  const int32_t* indices, void* output);
int64_t gather_nd(const GatherNdGeometry& g, size_t element_size, const void* params,
                  const int64_t* indices, void* output);

// EMBEDDING_LOOKUP from an int8 table to float (TFLM's EvalHybrid, zero point 0): output row i is
// row ids[i] of the [rows, columns] table, each value float(q) * scale.
int64_t embedding_lookup_dequantize(int64_t rows, int64_t columns, float scale, const int8_t* table,
                                    const int32_t* ids, int64_t count, float* output);

}  // namespace ref
}  // namespace mote
