// SELECT: condition ? x : y with a condition of x's shape, a scalar condition or a vector
// condition along x's first dimension (TFLite's select.cc; TFLM has only SELECT_V2).
// Shared Prepare/Eval: select_common.cc.
#include "kernels/select_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_select(ctx, kernels::SelectVersion::kSelect);
}

}  // namespace

namespace ops {
constexpr OpKernel kSelect = {
    static_cast<int32_t>(schema::BuiltinOp::kSelect), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kSelect),   prepare, kernels::eval_select};
}  // namespace ops
}  // namespace mote
