// LOG_SOFTMAX over the last dimension: float32, and int8 with the output fixed at scale 16/256
// and zero point 127 (TFLM checks both). See ref/log_softmax.h.
#include "kernels/ref/log_softmax.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct LogSoftmaxData {
  ref::LogSoftmaxQuantParams quant;
  int64_t rows = 0;
  int32_t depth = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare_int8(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                    LogSoftmaxData* data) {
  // The output range is [-16, 0): log-probabilities in Q4 steps of 1/16.
  constexpr float kOutputScale = 16.0f / 256;
  constexpr int32_t kOutputZeroPoint = 127;
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  if (output.quant.scale() != kOutputScale || output.quant.zero_point() != kOutputZeroPoint) {
    return ctx.fail(Status::kInvalidModel,
                    "int8 output has scale {} and zero point {}, expected 16/256 and 127",
                    output.quant.scale(), output.quant.zero_point());
  }
  if (!ref::prepare_log_softmax_s8(input.quant.scale(), &data->quant)) {
    return ctx.fail(Status::kUnsupported, "input scale {} gives no valid input multiplier",
                    input.quant.scale());
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  if (input.shape.rank < 1) {
    return ctx.fail(Status::kInvalidModel, "input is a scalar; LOG_SOFTMAX needs rank >= 1");
  }
  auto* data = ctx.allocate<LogSoftmaxData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = input.shape.num_elements(0, input.shape.rank - 1);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      MOTE_TRY(prepare_int8(ctx, input, output, data));
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<LogSoftmaxData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::log_softmax_f32(data.rows, data.depth, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::log_softmax_s8(data.quant, data.rows, data.depth, ctx.input<int8_t>(0),
                          ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kLogSoftmax = {
    static_cast<int32_t>(schema::BuiltinOp::kLogSoftmax), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kLogSoftmax),   prepare, eval};
}  // namespace ops
}  // namespace mote
