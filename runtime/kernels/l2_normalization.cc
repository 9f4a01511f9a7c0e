// L2_NORMALIZATION over the last dimension: float32 and int8 (output implied at scale 1/128, zero
// point 0), ranks 1 to 4 and no fused activation, as TFLM. See ref/l2_normalization.h.
#include "kernels/ref/l2_normalization.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

// L2NormOptions { fused_activation_function } (schema.fbs); not in tflite_schema.h yet.
constexpr uint16_t kL2NormActivationField = 0;
// TFLM: TF_LITE_ENSURE(context, NumDimensions(input) <= 4).
constexpr int32_t kMaxRank = 4;

struct L2NormalizationData {
  int64_t rows = 0;
  int32_t depth = 0;
  int32_t input_zero_point = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  if (input.shape.rank < 1 || input.shape.rank > kMaxRank) {
    return ctx.fail(Status::kUnsupported, "input has rank {}, expected 1 to {}", input.shape.rank,
                    kMaxRank);
  }
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, kL2NormActivationField, &activation));
  if (activation != kernels::FusedActivation::kNone) {
    return ctx.fail(Status::kUnsupported, "fused activation {} is not supported",
                    static_cast<int32_t>(activation));
  }
  auto* data = ctx.allocate<L2NormalizationData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = input.shape.num_elements(0, input.shape.rank - 1);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      // Only the input zero point is used (0 without quantization, as TFLM reads it).
      if (input.quant.per_channel()) {
        return ctx.fail(Status::kUnsupported, "input tensor {} is quantized per channel",
                        input.index);
      }
      data->input_zero_point = input.quant.present() ? input.quant.zero_point() : 0;
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<L2NormalizationData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::l2_normalization_f32(data.rows, data.depth, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::l2_normalization_s8(data.input_zero_point, data.rows, data.depth, ctx.input<int8_t>(0),
                               ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kL2Normalization = {static_cast<int32_t>(schema::BuiltinOp::kL2Normalization),
                                       nullptr,
                                       2,
                                       static_cast<uint8_t>(schema::Options::kL2Norm),
                                       prepare,
                                       eval};
}  // namespace ops
}  // namespace mote
