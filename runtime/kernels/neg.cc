// NEG: float32 (-x), the only type TFLM's NEG runs. Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kNeg);
}

}  // namespace

namespace ops {
constexpr OpKernel kNeg = {
    static_cast<int32_t>(schema::BuiltinOp::kNeg), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kNeg),   prepare, kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
