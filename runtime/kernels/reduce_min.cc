// REDUCE_MIN: float32 and int8 (TFLM's set), int16 and int32 (TFLite's). Inputs: the tensor and a
// constant int32 axis tensor; options: ReducerOptions (keep_dims). Quantized input and output
// must share scale and zero point (TFLM's check), so values compare as stored. See ref/reduce.h.
#include "kernels/reduce.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_reduce(ctx, kernels::ReduceKind::kMin);
}

Status eval(EvalContext& ctx) {
  return kernels::eval_reduce_max_or_min(ctx, kernels::ReduceKind::kMin);
}

}  // namespace

namespace ops {
constexpr OpKernel kReduceMin = {
    static_cast<int32_t>(schema::BuiltinOp::kReduceMin), nullptr, 3,
    static_cast<uint8_t>(schema::Options::kReducer),     prepare, eval};
}  // namespace ops
}  // namespace mote
