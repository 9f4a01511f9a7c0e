// LOG: float32 (std::log; log(0) = -inf, log(x < 0) = NaN). Shared Prepare/Eval:
// unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kLog);
}

}  // namespace

namespace ops {
constexpr OpKernel kLog = {static_cast<int32_t>(schema::BuiltinOp::kLog),
                           nullptr,
                           2,
                           0,
                           prepare,
                           kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
