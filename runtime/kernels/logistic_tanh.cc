#include "kernels/logistic_tanh.h"

#include "kernels/kernel_util.h"
#include "kernels/ref/logistic_tanh.h"

namespace mote {
namespace kernels {
namespace {

struct LogisticTanhData {
  ref::LogisticTanhParamsS8 s8;
  ref::LogisticTanhParamsS16 s16;
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
  SigmoidFunction function = SigmoidFunction::kLogistic;
};

// The output scale is implied, not applied: TFLM only checks the zero point it relies on (int8
// LOGISTIC) or nothing at all (int8 TANH), so other scales are accepted and produce the same
// integers as TFLM.
Status prepare_int8(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                    LogisticTanhData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (data->function == SigmoidFunction::kLogistic && output.quant.zero_point() != -128) {
    return ctx.fail(Status::kInvalidModel, "int8 output has zero point {}, expected -128",
                    output.quant.zero_point());
  }
  data->s8 = ref::prepare_logistic_tanh_s8(input.quant.scale(), input.quant.zero_point());
  return Status::kOk;
}

// int16 is symmetric with power-of-two output scale 2^-15, as TFLM requires.
Status prepare_int16(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                     LogisticTanhData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (input.quant.zero_point() != 0 || output.quant.zero_point() != 0) {
    return ctx.fail(Status::kInvalidModel,
                    "int16 input and output have zero points {} and {}, expected 0",
                    input.quant.zero_point(), output.quant.zero_point());
  }
  // Power-of-two input scales take an exact path: 2^-12 for both, also 2^-11 for TANH.
  const int max_pot_shift = data->function == SigmoidFunction::kTanh ? 1 : 0;
  if (!ref::prepare_logistic_tanh_s16(input.quant.scale(), max_pot_shift, &data->s16)) {
    return ctx.fail(Status::kUnsupported, "int16 input scale {} is too large (at most 8/3)",
                    input.quant.scale());
  }
  constexpr int kOutputFractionalBits = 15;
  int output_log2 = 0;
  if (!ref::checked_log2(output.quant.scale(), &output_log2) ||
      output_log2 != -kOutputFractionalBits) {
    return ctx.fail(Status::kInvalidModel, "int16 output scale is {}, expected 2^-15",
                    output.quant.scale());
  }
  return Status::kOk;
}

}  // namespace

Status prepare_logistic_tanh(PrepareContext& ctx, SigmoidFunction function) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<LogisticTanhData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->function = function;
  data->type = input.type;
  data->count = elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      MOTE_TRY(prepare_int8(ctx, input, output, data));
      break;
    case TensorType::kInt16:
      MOTE_TRY(prepare_int16(ctx, input, output, data));
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_logistic_tanh(EvalContext& ctx) {
  const auto& data = ctx.op_data<LogisticTanhData>();
  const bool logistic = data.function == SigmoidFunction::kLogistic;
  switch (data.type) {
    case TensorType::kFloat32: {
      const auto* in = ctx.input<float>(0);
      auto* out = ctx.output<float>(0);
      logistic ? ref::logistic_f32(data.count, in, out) : ref::tanh_f32(data.count, in, out);
      break;
    }
    case TensorType::kInt8: {
      const auto* in = ctx.input<int8_t>(0);
      auto* out = ctx.output<int8_t>(0);
      logistic ? ref::logistic_s8(data.s8, data.count, in, out)
               : ref::tanh_s8(data.s8, data.count, in, out);
      break;
    }
    case TensorType::kInt16: {
      const auto* in = ctx.input<int16_t>(0);
      auto* out = ctx.output<int16_t>(0);
      logistic ? ref::logistic_s16(data.s16, data.count, in, out)
               : ref::tanh_s16(data.s16, data.count, in, out);
      break;
    }
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
