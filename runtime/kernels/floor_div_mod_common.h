// Prepare and Eval shared by FLOOR_DIV and FLOOR_MOD (floor_div.cc, floor_mod.cc): two inputs and
// an output of one type, with broadcasting. TFLM runs float32 only; the integer types are
// TFLite's (FLOOR_DIV: int32; FLOOR_MOD: int32, int64). A zero divisor fails Eval with
// "division by zero" where TFLite checks for it: every FLOOR_DIV type (0.0 and -0.0 included)
// and FLOOR_MOD's integer types. The arithmetic is in ref/floor_div_mod.h.
#pragma once

#include "kernels/ref/floor_div_mod.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_floor_div_mod(PrepareContext& ctx, ref::FloorOp op);
Status eval_floor_div_mod(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
