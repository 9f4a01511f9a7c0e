// RELU6: float32, int8 and int16. As in TFLM, the quantized kernel clamps the input to
// [quantized 0, quantized 6] on the INPUT's scale and does not requantize: the output tensor's
// quantization is not used (models from the converter give it the input's parameters).
#include "kernels/kernel_util.h"
#include "kernels/ref/relu.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct Relu6Data {
  ref::Relu6Bounds bounds;
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<Relu6Data>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
    case TensorType::kInt16: {
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      int32_t qmin = 0, qmax = 0;
      if (!kernels::integer_type_range(input.type, &qmin, &qmax)) {
        return ctx.unsupported_type(input, "input");
      }
      data->bounds = ref::prepare_relu6(input.quant.scale(), input.quant.zero_point(), qmin, qmax);
      break;
    }
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<Relu6Data>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::relu6_f32(data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::relu6_s8(data.bounds, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::relu6_s16(data.bounds, data.count, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
// RELU6 has no options table in the schema.
constexpr OpKernel kRelu6 = {
    static_cast<int32_t>(schema::BuiltinOp::kRelu6), nullptr, 3, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
