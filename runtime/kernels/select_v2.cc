// SELECT_V2: condition ? x : y with the three shapes broadcast together.
// Shared Prepare/Eval: select_common.cc.
#include "kernels/select_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_select(ctx, kernels::SelectVersion::kSelectV2);
}

}  // namespace

namespace ops {
constexpr OpKernel kSelectV2 = {
    static_cast<int32_t>(schema::BuiltinOp::kSelectV2), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kSelectV2),   prepare, kernels::eval_select};
}  // namespace ops
}  // namespace mote
