// Shape validation for elementwise ops with numpy broadcasting whose tensors do not all share one
// type (comparisons write bool, PRELU's alpha may be int8 under int16 data, SELECT takes a bool
// condition). binary_elementwise.h is the variant that also checks that the types agree.
#pragma once

#include "kernels/ref/broadcast.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

// Checks that the shapes of input1 and input2 broadcast against each other and that the output
// has the broadcast shape (leading 1s aside), whatever the ranks (the loader caps them at
// kMaxRank, which the broadcast loop covers). Fills *geometry for ref::broadcast_binary.
Status prepare_broadcast_shapes(const PrepareContext& ctx, const TensorDesc& input1,
                                const TensorDesc& input2, const TensorDesc& output,
                                ref::BroadcastGeometry* geometry);

}  // namespace kernels
}  // namespace mote
