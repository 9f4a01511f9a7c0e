// BATCH_TO_SPACE_ND: float32, int8 (TFLM's set) and int32, int64 (TFLite's); input NHC or NHWC.
// Inputs: input, block_shape (constant int32 [spatial], values >= 1), crops (constant int32
// [spatial, 2], values >= 0). Output: the input's type, shape [batch / prod(block),
// dim * block - crop_begin - crop_end..., depth] (TFLite's rule; TFLM does not check it). Data is
// copied unchanged.
#include "kernels/space_batch.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct BatchToSpaceData {
  ref::SpaceBatchGeometry geometry;
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  ref::SpaceBatchGeometry g;
  MOTE_TRY(kernels::prepare_space_batch(ctx, kernels::SpaceBatchKind::kBatchToSpace, &g));
  auto* data = ctx.allocate<BatchToSpaceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->geometry = g;
  data->element_size = static_cast<uint32_t>(type_size(ctx.input(0).type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<BatchToSpaceData>();
  ref::batch_to_space_nd(data.geometry, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kBatchToSpaceNd = {
    static_cast<int32_t>(schema::BuiltinOp::kBatchToSpaceNd), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kBatchToSpaceNd),   prepare, eval};
}  // namespace ops
}  // namespace mote
