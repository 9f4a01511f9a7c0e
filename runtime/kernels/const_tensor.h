// Reading small integer control tensors in Prepare: shapes (FILL, BROADCAST_TO), begin/size
// (SLICE), paddings (MIRROR_PAD, SPACE_TO_BATCH_ND), block shapes and crops (BATCH_TO_SPACE_ND),
// split sizes (SPLIT_V). Such tensors decide output shapes and every offset Eval uses, so they
// must be constant; a computed one is rejected with kUnsupported.
//
//   int64_t pads[2 * kMaxRank];
//   MOTE_TRY(kernels::read_constant_ints(ctx, paddings, "paddings", pads, 2 * rank));
#pragma once

#include <cstdint>

#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

// int8, int16, int32 or int64: the types integer control tensors come in.
bool is_integer_index_type(TensorType type);

// Element i of integer data of `type` (one of is_integer_index_type), widened to int64. `data`
// may be unaligned (flatbuffer buffers, or any tensor read as bytes).
int64_t load_integer(const uint8_t* data, TensorType type, int64_t i);

// Copies the `count` values of the constant integer tensor `tensor` into `values`. Fails with
// kUnsupported when the tensor is computed or not of an integer index type, and with
// kInvalidModel when it does not hold `count` values. The caller checks the tensor's shape (with
// its own message) and, if it accepts fewer types, the type.
Status read_constant_ints(const PrepareContext& ctx, const TensorDesc& tensor, const char* role,
                          int64_t* values, int64_t count);

}  // namespace kernels
}  // namespace mote
