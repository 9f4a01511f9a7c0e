// MAXIMUM: float32, int8, int16, int32, int64 with broadcasting; see maximum_minimum_common.cc.
#include "kernels/maximum_minimum_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_maximum_minimum(ctx, ref::MinMaxKind::kMaximum);
}

}  // namespace

namespace ops {
constexpr OpKernel kMaximum = {
    static_cast<int32_t>(schema::BuiltinOp::kMaximum),      nullptr, 4,
    static_cast<uint8_t>(schema::Options::kMaximumMinimum), prepare, kernels::eval_maximum_minimum};
}  // namespace ops
}  // namespace mote
