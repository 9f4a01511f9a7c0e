// LEAKY_RELU: float32, int8 and int16 (any zero points), option alpha (default 0). Quantized
// inputs are requantized to the output scale with one multiplier for x >= zero point and one
// that includes alpha below it, as TFLM's QuantizeLeakyRelu.
#include "kernels/ref/leaky_relu.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct LeakyReluData {
  ref::LeakyReluParams quant;
  int64_t count = 0;
  float alpha = 0.0f;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  const float alpha = ctx.option<float>(schema::leaky_relu_options::kAlpha, 0.0f);
  auto* data = ctx.allocate<LeakyReluData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  data->alpha = alpha;
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
      if (!ref::prepare_leaky_relu(input.quant.scale(), input.quant.zero_point(),
                                   output.quant.scale(), output.quant.zero_point(), alpha,
                                   &data->quant)) {
        return ctx.fail(Status::kInvalidModel,
                        "alpha {} with input scale {} and output scale {} gives no finite "
                        "multiplier",
                        alpha, input.quant.scale(), output.quant.scale());
      }
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<LeakyReluData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::leaky_relu_f32(data.alpha, data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::leaky_relu_s8(data.quant, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::leaky_relu_s16(data.quant, data.count, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kLeakyRelu = {
    static_cast<int32_t>(schema::BuiltinOp::kLeakyRelu), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kLeakyRelu),   prepare, eval};
}  // namespace ops
}  // namespace mote
