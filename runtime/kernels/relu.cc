// RELU: float32, int8 and int16 (zero points 0). Quantized RELU requantizes from the input to the
// output scale and clamps at the quantized 0.0, as TFLM's ReluQuantized.
#include "kernels/ref/relu.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ReluData {
  ref::ReluQuantParams quant;
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                         ReluData* data) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  if (input.type == TensorType::kInt16 &&
      (input.quant.zero_point() != 0 || output.quant.zero_point() != 0)) {
    return ctx.fail(Status::kInvalidModel,
                    "int16 input and output have zero points {} and {}, expected 0",
                    input.quant.zero_point(), output.quant.zero_point());
  }
  int32_t qmin = 0, qmax = 0;
  if (!kernels::integer_type_range(input.type, &qmin, &qmax) ||
      !ref::prepare_relu(input.quant.scale(), input.quant.zero_point(), output.quant.scale(),
                         output.quant.zero_point(), qmin, qmax, &data->quant)) {
    return ctx.fail(Status::kInvalidModel, "input scale {} over output scale {} is not finite",
                    input.quant.scale(), output.quant.scale());
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<ReluData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      MOTE_TRY(prepare_quantized(ctx, input, output, data));
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ReluData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::relu_f32(data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::relu_s8(data.quant, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::relu_s16(data.quant, data.count, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
// RELU has no options table in the schema.
constexpr OpKernel kRelu = {
    static_cast<int32_t>(schema::BuiltinOp::kRelu), nullptr, 3, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
