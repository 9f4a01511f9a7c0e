// MEAN: float32, int8, int16. Inputs: the tensor and a constant int32 axis tensor; options:
// ReducerOptions (keep_dims). int8/int16 take TFLM's two paths: a truncating integer mean when
// input and output share scale and zero point, requantization of the sum otherwise.
#include "kernels/reduce.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_reduce(ctx, kernels::ReduceKind::kMean);
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<kernels::ReduceData>();
  const ref::ReduceGeometry& g = data.geometry;
  if (data.type == TensorType::kFloat32) {
    ref::mean_f32(g, ctx.input<float>(0), ctx.output<float>(0));
    return Status::kOk;
  }
  auto* sums = reinterpret_cast<int32_t*>(ctx.scratch(data.scratch_index).data());
  switch (data.type) {
    case TensorType::kInt8:
      if (data.same_quantization) {
        ref::mean_s8(g, ctx.input<int8_t>(0), sums, ctx.output<int8_t>(0));
      } else {
        ref::quantized_mean_or_sum_s8(g, data.quant, ctx.input<int8_t>(0), sums,
                                      ctx.output<int8_t>(0));
      }
      break;
    case TensorType::kInt16:
      if (data.same_quantization) {
        ref::mean_s16(g, ctx.input<int16_t>(0), sums, ctx.output<int16_t>(0));
      } else {
        ref::quantized_mean_or_sum_s16(g, data.quant, ctx.input<int16_t>(0), sums,
                                       ctx.output<int16_t>(0));
      }
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kMean = {static_cast<int32_t>(schema::BuiltinOp::kMean),  nullptr, 3,
                            static_cast<uint8_t>(schema::Options::kReducer), prepare, eval};
}  // namespace ops
}  // namespace mote
