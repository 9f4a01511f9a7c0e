// Prepare-time validation shared by the binary elementwise ops with broadcasting (ADD, SUB, MUL,
// MAXIMUM, MINIMUM): the checks that make ref::broadcast_binary safe whatever the model says.
#pragma once

#include <cstdint>

#include "kernels/kernel_util.h"
#include "kernels/ref/broadcast.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

// Checks two inputs and one output, all of one type; input shapes that broadcast against each
// other; when the input shapes differ, ranks of at most max_broadcast_rank (TFLM's limit for the
// op: 6 for ADD/SUB/MUL, 5 for MAXIMUM/MINIMUM); and an output shape equal to the broadcast
// shape (leading 1s aside). Fills *geometry for ref::broadcast_binary.
Status prepare_broadcast_binary(const PrepareContext& ctx, int32_t max_broadcast_rank,
                                ref::BroadcastGeometry* geometry);

}  // namespace kernels
}  // namespace mote
