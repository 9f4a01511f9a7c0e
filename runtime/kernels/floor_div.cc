// FLOOR_DIV: floor(a / b) for float32 and int32, with broadcasting; a zero divisor fails Eval.
// Shared Prepare/Eval: floor_div_mod_common.cc.
#include "kernels/floor_div_mod_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_floor_div_mod(ctx, ref::FloorOp::kDiv);
}

}  // namespace

namespace ops {
constexpr OpKernel kFloorDiv = {
    static_cast<int32_t>(schema::BuiltinOp::kFloorDiv), nullptr, 3,
    static_cast<uint8_t>(schema::Options::kFloorDiv),   prepare, kernels::eval_floor_div_mod};
}  // namespace ops
}  // namespace mote
