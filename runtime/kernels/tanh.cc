// TANH: float32, int8 (gemmlowp fixed point, output scale 1/128, zero point 0) and int16
// (TFLite's sigmoid table via tanh(x) = 2 sigmoid(2x) - 1, scales 2^-15 out, zero points 0).
// The shared Prepare/Eval is in kernels/logistic_tanh.cc; the arithmetic in ref/logistic_tanh.h.
#include "kernels/logistic_tanh.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_logistic_tanh(ctx, kernels::SigmoidFunction::kTanh);
}

}  // namespace

namespace ops {
// TANH has no options table in the schema.
constexpr OpKernel kTanh = {static_cast<int32_t>(schema::BuiltinOp::kTanh),
                            nullptr,
                            3,
                            0,
                            prepare,
                            kernels::eval_logistic_tanh};
}  // namespace ops
}  // namespace mote
