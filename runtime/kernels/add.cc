// ADD: float32, int32, int8, int16, with broadcasting up to 6D and a fused activation. The
// shared Prepare/Eval with SUB is in add_sub_common.cc.
#include "kernels/add_sub_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_add_sub(ctx, ref::AddSubKind::kAdd); }

}  // namespace

namespace ops {
constexpr OpKernel kAdd = {
    static_cast<int32_t>(schema::BuiltinOp::kAdd), nullptr, 5,
    static_cast<uint8_t>(schema::Options::kAdd),   prepare, kernels::eval_add_sub};
}  // namespace ops
}  // namespace mote
