// ABS: float32; int8 and int16 quantized (requantized when the scales differ); int16
// without quantization (plain |x|). Shared Prepare/Eval: unary_math_common.cc.
#include "kernels/unary_math_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_unary_math(ctx, ref::UnaryMath::kAbs);
}

}  // namespace

namespace ops {
constexpr OpKernel kAbs = {
    static_cast<int32_t>(schema::BuiltinOp::kAbs), nullptr, 5,
    static_cast<uint8_t>(schema::Options::kAbs),   prepare, kernels::eval_unary_math};
}  // namespace ops
}  // namespace mote
