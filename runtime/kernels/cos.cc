// COS: float32 (std::cos). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kCos);
}

}  // namespace

namespace ops {
constexpr OpKernel kCos = {
    static_cast<int32_t>(schema::BuiltinOp::kCos), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kCos),   prepare, kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
