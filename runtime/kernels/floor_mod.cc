// FLOOR_MOD: a - floor(a / b) * b (the remainder with the divisor's sign) for float32, int32
// and int64, with broadcasting; an integer zero divisor fails Eval, a float one gives NaN.
// Shared Prepare/Eval: floor_div_mod_common.cc.
#include "kernels/floor_div_mod_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_floor_div_mod(ctx, ref::FloorOp::kMod);
}

}  // namespace

namespace ops {
constexpr OpKernel kFloorMod = {
    static_cast<int32_t>(schema::BuiltinOp::kFloorMod), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kFloorMod),   prepare, kernels::eval_floor_div_mod};
}  // namespace ops
}  // namespace mote
