// CAST: TFLM's set. Input and output int8, int16, int32, uint32, float32 or bool, of one shape.
// Values are converted, not requantized (quantization parameters are ignored, as in TFLM);
// ref/cast.h gives the result of every conversion, including float to integer out of range, which
// TFLM saturates. CastOptions' types are ignored too: the tensor types decide, as in TFLM.
#include "kernels/ref/cast.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct CastData {
  int64_t count = 0;
  TensorType input_type = TensorType::kFloat32;
  TensorType output_type = TensorType::kFloat32;
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kInt8, TensorType::kInt16, TensorType::kInt32,
                            TensorType::kUInt32, TensorType::kFloat32, TensorType::kBool);
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  if (!supported_type(output.type)) return ctx.unsupported_type(output, "output");
  MOTE_TRY(kernels::expect_shape(ctx, output, input.shape));
  auto* data = ctx.allocate<CastData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = input.shape.num_elements();
  data->input_type = input.type;
  data->output_type = output.type;
  ctx.set_op_data(data);
  return Status::kOk;
}

template <typename From>
Status cast_from(EvalContext& ctx, const CastData& data, const From* input) {
  switch (data.output_type) {
    case TensorType::kInt8:
      ref::cast_values(input, ctx.output<int8_t>(0), data.count);
      break;
    case TensorType::kInt16:
      ref::cast_values(input, ctx.output<int16_t>(0), data.count);
      break;
    case TensorType::kInt32:
      ref::cast_values(input, ctx.output<int32_t>(0), data.count);
      break;
    case TensorType::kUInt32:
      ref::cast_values(input, ctx.output<uint32_t>(0), data.count);
      break;
    case TensorType::kFloat32:
      ref::cast_values(input, ctx.output<float>(0), data.count);
      break;
    case TensorType::kBool:
      ref::cast_values(input, ctx.output<ref::BoolByte>(0), data.count);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<CastData>();
  switch (data.input_type) {
    case TensorType::kInt8:
      return cast_from(ctx, data, ctx.input<int8_t>(0));
    case TensorType::kInt16:
      return cast_from(ctx, data, ctx.input<int16_t>(0));
    case TensorType::kInt32:
      return cast_from(ctx, data, ctx.input<int32_t>(0));
    case TensorType::kUInt32:
      return cast_from(ctx, data, ctx.input<uint32_t>(0));
    case TensorType::kFloat32:
      return cast_from(ctx, data, ctx.input<float>(0));
    case TensorType::kBool:
      return cast_from(ctx, data, ctx.input<ref::BoolByte>(0));
    default:
      return Status::kEvalFailed;
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kCast = {static_cast<int32_t>(schema::BuiltinOp::kCast), nullptr, 7,
                            static_cast<uint8_t>(schema::Options::kCast),   prepare, eval};
}  // namespace ops
}  // namespace mote
