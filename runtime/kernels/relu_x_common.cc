#include "kernels/relu_x_common.h"

#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {
namespace {

struct ReluXData {
  ref::ReluQuantParams quant;
  ref::ReluRange range;
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
};

}  // namespace

Status prepare_relu_x(PrepareContext& ctx, ref::ReluRange range) {
  TensorDesc input, output;
  MOTE_TRY(expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<ReluXData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->range = range;
  data->type = input.type;
  data->count = elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
    case TensorType::kUInt8: {
      MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
      int32_t qmin = 0, qmax = 0;
      (void)integer_type_range(input.type, &qmin, &qmax);
      if (!ref::prepare_relu_x(range, input.quant.scale(), input.quant.zero_point(),
                               output.quant.scale(), output.quant.zero_point(), qmin, qmax,
                               &data->quant)) {
        return ctx.fail(Status::kInvalidModel, "input scale {} over output scale {} is not finite",
                        input.quant.scale(), output.quant.scale());
      }
      break;
    }
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_relu_x(EvalContext& ctx) {
  const auto& data = ctx.op_data<ReluXData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::relu_x_f32(data.range, data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::relu_x_s8(data.quant, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kUInt8:
      ref::relu_x_u8(data.quant, data.count, ctx.input<uint8_t>(0), ctx.output<uint8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
