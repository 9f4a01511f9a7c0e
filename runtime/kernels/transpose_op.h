// What the ops that run as one ref::transpose walk share (TRANSPOSE, BROADCAST_TO,
// DEPTH_TO_SPACE, SPACE_TO_DEPTH): each Prepare computes a ref::TransposeGeometry of its own;
// storing it with the element size, and Eval, are the same for all.
#pragma once

#include "kernels/ref/transpose.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

// Allocates the op data: `geometry` and the size of an element of `type`.
Status set_transpose_op_data(PrepareContext& ctx, const ref::TransposeGeometry& geometry,
                             TensorType type);

// Copies input 0 to output 0 along the stored geometry.
Status eval_transpose_op(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
