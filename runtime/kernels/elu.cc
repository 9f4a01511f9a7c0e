// ELU: float32 (expm1 below 0) and int8 (lookup table built in Prepare), as TFLM. See ref/elu.h.
#include "kernels/ref/elu.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/lut8.h"
#include "kernels/ref/quantization.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct EluData {
  int8_t lut[ref::kLutSizeS8] = {};
  int64_t count = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<EluData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
      ref::elu_populate_lut_s8(input.quant.scale(), input.quant.zero_point(), output.quant.scale(),
                               output.quant.zero_point(), data->lut);
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<EluData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::elu_f32(data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::lookup_s8(data.lut, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
// ELU has no options table in the schema.
constexpr OpKernel kElu = {
    static_cast<int32_t>(schema::BuiltinOp::kElu), nullptr, 1, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
