// LOGICAL_OR: bool x bool -> bool, with broadcasting. Shared Prepare/Eval: logical_common.cc.
#include "kernels/logical_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_logical(ctx, ref::Logical::kOr); }

}  // namespace

namespace ops {
constexpr OpKernel kLogicalOr = {
    static_cast<int32_t>(schema::BuiltinOp::kLogicalOr), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kLogicalOr),   prepare, kernels::eval_logical};
}  // namespace ops
}  // namespace mote
