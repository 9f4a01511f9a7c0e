// RSQRT: float32 (1 / sqrt(x)) and int8 (fixed-point 1/sqrt; a value below the input zero
// point fails Eval, as in TFLM). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kRsqrt);
}

}  // namespace

namespace ops {
constexpr OpKernel kRsqrt = {static_cast<int32_t>(schema::BuiltinOp::kRsqrt),
                             nullptr,
                             3,
                             0,
                             prepare,
                             kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
