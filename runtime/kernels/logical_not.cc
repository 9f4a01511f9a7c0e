// LOGICAL_NOT: bool -> bool, elementwise. Shared Prepare/Eval: logical_common.cc.
#include "kernels/logical_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_logical(ctx, ref::Logical::kNot); }

}  // namespace

namespace ops {
constexpr OpKernel kLogicalNot = {
    static_cast<int32_t>(schema::BuiltinOp::kLogicalNot), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kLogicalNot),   prepare, kernels::eval_logical};
}  // namespace ops
}  // namespace mote
