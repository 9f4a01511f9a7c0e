// SQRT: float32 (std::sqrt). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kSqrt);
}

}  // namespace

namespace ops {
constexpr OpKernel kSqrt = {static_cast<int32_t>(schema::BuiltinOp::kSqrt),
                            nullptr,
                            2,
                            0,
                            prepare,
                            kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
