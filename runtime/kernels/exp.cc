// EXP: float32 (std::exp). TFLM has no quantized EXP kernel (TFLite's version 2). Shared
// Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kExp);
}

}  // namespace

namespace ops {
constexpr OpKernel kExp = {
    static_cast<int32_t>(schema::BuiltinOp::kExp), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kExp),   prepare, kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
