// LOGICAL_AND: bool x bool -> bool, with broadcasting. Shared Prepare/Eval: logical_common.cc.
#include "kernels/logical_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_logical(ctx, ref::Logical::kAnd); }

}  // namespace

namespace ops {
constexpr OpKernel kLogicalAnd = {
    static_cast<int32_t>(schema::BuiltinOp::kLogicalAnd), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kLogicalAnd),   prepare, kernels::eval_logical};
}  // namespace ops
}  // namespace mote
