// EQUAL: bool, float32, int32, int64, int8 (real values), with broadcasting, into a bool
// output. Shared Prepare/Eval: comparisons_common.cc.
#include "kernels/comparisons_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_comparison(ctx, ref::Comparison::kEqual);
}

}  // namespace

namespace ops {
constexpr OpKernel kEqual = {
    static_cast<int32_t>(schema::BuiltinOp::kEqual), nullptr, 5,
    static_cast<uint8_t>(schema::Options::kEqual),   prepare, kernels::eval_comparison};
}  // namespace ops
}  // namespace mote
