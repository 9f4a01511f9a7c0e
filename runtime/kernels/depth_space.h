// What DEPTH_TO_SPACE and SPACE_TO_DEPTH share: the same checks (an NHWC input of float32, int8,
// int32 or int64, an output of its type, option block_size b > 0) and the same kind of move: a
// transpose of a 6D view of the input (kernels/transpose_op.h).
#pragma once

#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

enum class DepthSpaceKind : uint8_t { kDepthToSpace, kSpaceToDepth };

// Validates the node, checks the output shape ([N, H * b, W * b, C / (b * b)] or
// [N, H / b, W / b, C * b * b]) and stores the transpose that performs the move.
Status prepare_depth_space(PrepareContext& ctx, DepthSpaceKind kind);

}  // namespace kernels
}  // namespace mote
