// DEQUANTIZE: int8, int16, uint8 -> float32 with per-tensor parameters (TFLM's reference kernel).
#include "kernels/kernel_util.h"
#include "kernels/ref/quantize.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct DequantizeData {
  int64_t count = 0;
  float scale = 0.0f;
  int32_t zero_point = 0;
  TensorType input_type = TensorType::kInt8;
};

template <typename In>
void run(const EvalContext& ctx, const DequantizeData& d) {
  ref::dequantize(ctx.input<In>(0), d.count, d.scale, d.zero_point, ctx.output<float>(0));
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_type(output, "output", TensorType::kFloat32));
  if (input.type != TensorType::kInt8 && input.type != TensorType::kInt16 &&
      input.type != TensorType::kUInt8) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  if (input.shape != output.shape) {
    return ctx.fail(Status::kInvalidModel, "output shape {} differs from the input shape {}",
                    kernels::ShapeText(output.shape).c_str(),
                    kernels::ShapeText(input.shape).c_str());
  }
  auto* data = ctx.allocate<DequantizeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = input.shape.num_elements();
  data->scale = input.quant.scale();
  data->zero_point = input.quant.zero_point();
  data->input_type = input.type;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<DequantizeData>();
  switch (data.input_type) {
    case TensorType::kInt8:
      run<int8_t>(ctx, data);
      break;
    case TensorType::kInt16:
      run<int16_t>(ctx, data);
      break;
    case TensorType::kUInt8:
      run<uint8_t>(ctx, data);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kDequantize = {
    static_cast<int32_t>(schema::BuiltinOp::kDequantize), nullptr, 6,
    static_cast<uint8_t>(schema::Options::kDequantize),   prepare, eval};
}  // namespace ops
}  // namespace mote
