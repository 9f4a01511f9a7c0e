// REDUCE_PROD: TFLite's kernel (TFLM has none). float32, int32, int64; int8 and int16 either
// quantized (TFLite's rescaled product, ref/reduce.h; int16 zero points 0) or, without
// quantization parameters, plain integer products. Inputs: the tensor and a constant int32 axis
// tensor; options: ReducerOptions (keep_dims).
#include "kernels/reduce.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_reduce(ctx, kernels::ReduceKind::kProd);
}

template <typename T>
Status run(EvalContext& ctx, const ref::ReduceGeometry& g) {
  ref::reduce_prod(g, ctx.input<T>(0), ctx.output<T>(0));
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<kernels::ReduceData>();
  const ref::ReduceGeometry& g = data.geometry;
  if (data.quantized_product) {
    auto* products = reinterpret_cast<int32_t*>(ctx.scratch(data.scratch_index).data());
    if (data.type == TensorType::kInt8) {
      ref::quantized_reduce_prod_s8(g, data.quant, ctx.input<int8_t>(0), products,
                                    ctx.output<int8_t>(0));
    } else {
      ref::quantized_reduce_prod_s16(g, data.quant, ctx.input<int16_t>(0), products,
                                     ctx.output<int16_t>(0));
    }
    return Status::kOk;
  }
  switch (data.type) {
    case TensorType::kFloat32:
      return run<float>(ctx, g);
    case TensorType::kInt8:
      return run<int8_t>(ctx, g);
    case TensorType::kInt16:
      return run<int16_t>(ctx, g);
    case TensorType::kInt32:
      return run<int32_t>(ctx, g);
    case TensorType::kInt64:
      return run<int64_t>(ctx, g);
    default:
      return Status::kEvalFailed;
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kReduceProd = {
    static_cast<int32_t>(schema::BuiltinOp::kReduceProd), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kReducer),      prepare, eval};
}  // namespace ops
}  // namespace mote
