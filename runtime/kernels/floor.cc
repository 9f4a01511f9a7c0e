// FLOOR: float32 (std::floor). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kFloor);
}

}  // namespace

namespace ops {
constexpr OpKernel kFloor = {static_cast<int32_t>(schema::BuiltinOp::kFloor),
                             nullptr,
                             1,
                             0,
                             prepare,
                             kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
