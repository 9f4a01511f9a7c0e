// RELU_0_TO_1: clamp to [0, 1] for float32, int8 and uint8 (requantized, bounds on the output
// scale). Shared Prepare/Eval: relu_x_common.cc.
#include "kernels/relu_x_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_relu_x(ctx, ref::kRelu0To1Range); }

}  // namespace

namespace ops {
// No options table in the schema.
constexpr OpKernel kRelu0To1 = {static_cast<int32_t>(schema::BuiltinOp::kRelu0To1),
                                nullptr,
                                1,
                                0,
                                prepare,
                                kernels::eval_relu_x};
}  // namespace ops
}  // namespace mote
