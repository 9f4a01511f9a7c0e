// SPACE_TO_BATCH_ND: float32, int8 (TFLM's set) and int32, int64 (TFLite's); input NHC or NHWC.
// Inputs: input, block_shape (constant int32 [spatial], values >= 1), paddings (constant int32
// [spatial, 2], values >= 0). Output: the input's type, shape [batch * prod(block),
// (dim + pad_begin + pad_end) / block..., depth] (TFLite's rule; TFLM does not check it). Data is
// copied unchanged; padding holds 0, or the output zero point for int8.
//
// TFLite passes the output zero point as the pad value. TFLM never sets it: its op data comes
// from an arena allocation nothing initializes, so its int8 padding is whatever byte was there.
// Mote pads as TFLite does, which is what TFLM gives whenever that byte is the zero point.
#include "kernels/space_batch.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct SpaceToBatchData {
  ref::SpaceBatchGeometry geometry;
  uint8_t pad_value[8] = {};  // one element
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  ref::SpaceBatchGeometry g;
  MOTE_TRY(kernels::prepare_space_batch(ctx, kernels::SpaceBatchKind::kSpaceToBatch, &g));
  auto* data = ctx.allocate<SpaceToBatchData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->geometry = g;
  const TensorDesc output = ctx.output(0);
  if (output.type == TensorType::kInt8 && output.quant.present()) {
    // The loader keeps zero points in the type's range, so this is the int8 zero point's byte.
    data->pad_value[0] = static_cast<uint8_t>(output.quant.zero_point());
  }
  data->element_size = static_cast<uint32_t>(type_size(output.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SpaceToBatchData>();
  ref::space_to_batch_nd(data.geometry, data.element_size, ctx.input_data(0), data.pad_value,
                         ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSpaceToBatchNd = {
    static_cast<int32_t>(schema::BuiltinOp::kSpaceToBatchNd), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kSpaceToBatchNd),   prepare, eval};
}  // namespace ops
}  // namespace mote
