// ROUND: float32, halves to even (TFLite's RoundToNearest, like tf.round). Shared Prepare/Eval:
// unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kRound);
}

}  // namespace

namespace ops {
constexpr OpKernel kRound = {static_cast<int32_t>(schema::BuiltinOp::kRound),
                             nullptr,
                             1,
                             0,
                             prepare,
                             kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
