// Reference TRANSPOSE, bit-exact with TFLite's reference_ops::Transpose (a pure permutation of
// elements; TFLM also dispatches it on element size only).
//
// output[i_0, ..., i_{r-1}] = input[j] with input axis perm[d] at index i_d. The geometry holds,
// for each output axis d, the output extent and the input stride (in elements) of the input axis
// it walks, so the caller resolves the permutation once in Prepare.
//
//   ref::TransposeGeometry g;  // rank, output dims, input strides of perm
//   ref::transpose(g, sizeof(int16_t), input, output);
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

constexpr int32_t kTransposeMaxRank = 6;

struct TransposeGeometry {
  int32_t rank = 0;                               // 0..kTransposeMaxRank
  int32_t output_dims[kTransposeMaxRank] = {};    // >= 0
  int64_t input_strides[kTransposeMaxRank] = {};  // elements; stride of input axis perm[d]
};

// element_size in bytes (any; 1, 2, 4 and 8 take a fixed-size path). `input` and `output` must
// not overlap.
void transpose(const TransposeGeometry& g, size_t element_size, const void* input, void* output);

}  // namespace ref
}  // namespace mote
