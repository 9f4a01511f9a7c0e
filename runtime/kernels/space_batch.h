// What BATCH_TO_SPACE_ND and SPACE_TO_BATCH_ND share: their inputs (input, block_shape, then
// crops or paddings), TFLite's checks and output-shape rule, and the geometry of
// ref/space_batch.h.
#pragma once

#include "kernels/ref/space_batch.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

enum class SpaceBatchKind : uint8_t { kBatchToSpace, kSpaceToBatch };

// Validates the node: input float32, int8, int32 or int64 of rank 3 (NHC) or 4 (NHWC) and an
// output of its type; block_shape a constant int32 vector with one value >= 1 per spatial
// dimension; crops/paddings a constant int32 [spatial, 2] matrix of values >= 0; and the output
// shape TFLite computes (for BATCH_TO_SPACE_ND the batch must divide by the block volume and the
// crops must leave a non-negative size; for SPACE_TO_BATCH_ND the padded size must divide by the
// block). Fills *g.
Status prepare_space_batch(const PrepareContext& ctx, SpaceBatchKind kind,
                           ref::SpaceBatchGeometry* g);

}  // namespace kernels
}  // namespace mote
