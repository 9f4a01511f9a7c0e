// PRELU: float32 (float alpha, ranks up to 4 as TFLM's float kernel) and int8 / int16 data with
// int8 alpha (any rank), alpha broadcast against the input. See ref/prelu.h.
#include "kernels/ref/prelu.h"
#include "kernels/broadcast_shapes.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

// TFLM's float kernel is BroadcastPrelu4DSlowFloat, which only takes shapes up to rank 4.
constexpr int32_t kMaxFloatRank = 4;

struct PreluData {
  ref::BroadcastGeometry geometry;
  ref::PreluQuantParams quant;
  TensorType type = TensorType::kFloat32;
};

Status prepare_quantized(const PrepareContext& ctx, const TensorDesc& input,
                         const TensorDesc& alpha, const TensorDesc& output, PreluData* data) {
  MOTE_TRY(ctx.expect_type(alpha, "alpha", TensorType::kInt8));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, alpha, "alpha"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  if (!ref::prepare_prelu_quantized(input.quant.scale(), input.quant.zero_point(),
                                    alpha.quant.scale(), alpha.quant.zero_point(),
                                    output.quant.scale(), output.quant.zero_point(),
                                    &data->quant)) {
    return ctx.fail(Status::kInvalidModel,
                    "input, alpha and output scales {}, {}, {} give no "
                    "finite multiplier",
                    input.quant.scale(), alpha.quant.scale(), output.quant.scale());
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc alpha = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(input, output));
  auto* data = ctx.allocate<PreluData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  MOTE_TRY(kernels::prepare_broadcast_shapes(ctx, input, alpha, output, &data->geometry));
  switch (input.type) {
    case TensorType::kFloat32:
      MOTE_TRY(ctx.expect_type(alpha, "alpha", TensorType::kFloat32));
      if (input.shape.rank > kMaxFloatRank || alpha.shape.rank > kMaxFloatRank ||
          output.shape.rank > kMaxFloatRank) {
        return ctx.fail(Status::kUnsupported, "float32 PRELU needs ranks <= {}", kMaxFloatRank);
      }
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      MOTE_TRY(prepare_quantized(ctx, input, alpha, output, data));
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<PreluData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::prelu_f32(data.geometry, ctx.input<float>(0), ctx.input<float>(1), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::prelu_s8(data.quant, data.geometry, ctx.input<int8_t>(0), ctx.input<int8_t>(1),
                    ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::prelu_s16(data.quant, data.geometry, ctx.input<int16_t>(0), ctx.input<int8_t>(1),
                     ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
// PRELU has no options table in the schema.
constexpr OpKernel kPrelu = {
    static_cast<int32_t>(schema::BuiltinOp::kPrelu), nullptr, 1, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
