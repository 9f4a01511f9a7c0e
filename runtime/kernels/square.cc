// SQUARE: float32 (x * x). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kSquare);
}

}  // namespace

namespace ops {
constexpr OpKernel kSquare = {
    static_cast<int32_t>(schema::BuiltinOp::kSquare), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kSquare),   prepare, kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
