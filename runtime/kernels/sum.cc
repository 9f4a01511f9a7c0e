// SUM: float32, int8, int16 (TFLM's set). Inputs: the tensor and a constant int32 axis tensor;
// options: ReducerOptions (keep_dims). int8/int16 requantize the int32 sum to the output scale.
#include "kernels/reduce.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_reduce(ctx, kernels::ReduceKind::kSum);
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<kernels::ReduceData>();
  const ref::ReduceGeometry& g = data.geometry;
  switch (data.type) {
    case TensorType::kFloat32:
      ref::sum_f32(g, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::quantized_mean_or_sum_s8(
          g, data.quant, ctx.input<int8_t>(0),
          reinterpret_cast<int32_t*>(ctx.scratch(data.scratch_index).data()),
          ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::quantized_mean_or_sum_s16(
          g, data.quant, ctx.input<int16_t>(0),
          reinterpret_cast<int32_t*>(ctx.scratch(data.scratch_index).data()),
          ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSum = {static_cast<int32_t>(schema::BuiltinOp::kSum),   nullptr, 2,
                           static_cast<uint8_t>(schema::Options::kReducer), prepare, eval};
}  // namespace ops
}  // namespace mote
