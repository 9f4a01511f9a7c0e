// HARD_SWISH: float32 and int8 (TFLM has no int16 kernel), x * relu6(x + 3) / 6. The int8
// kernel is TFLite's 16-bit fixed-point scheme (ref/hard_swish.h); the output scale must be at
// least 1/128 of the input scale, as TFLM requires.
#include "kernels/ref/hard_swish.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct HardSwishData {
  ref::HardSwishParams quant;
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<HardSwishData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
      if (!ref::prepare_hard_swish(input.quant.scale(), input.quant.zero_point(),
                                   output.quant.scale(), output.quant.zero_point(), &data->quant)) {
        return ctx.fail(Status::kInvalidModel,
                        "output scale {} is below input scale {} / 128, which needs a left shift",
                        output.quant.scale(), input.quant.scale());
      }
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<HardSwishData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::hard_swish_f32(data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::hard_swish_s8(data.quant, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kHardSwish = {
    static_cast<int32_t>(schema::BuiltinOp::kHardSwish), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kHardSwish),   prepare, eval};
}  // namespace ops
}  // namespace mote
