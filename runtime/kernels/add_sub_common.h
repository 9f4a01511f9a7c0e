// Prepare and Eval shared by ADD and SUB (add.cc, sub.cc): float32, int32, int8 and int16 with
// broadcasting up to 6D and fused activations. The two ops differ only where TFLM's do: the sign,
// the precision of the int8/int16 multipliers (see ref::prepare_add_sub_quant), and int32, where
// TFLM's ADD ignores the fused activation while SUB applies it.
#pragma once

#include "kernels/ref/add_sub.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_add_sub(PrepareContext& ctx, ref::AddSubKind kind);
Status eval_add_sub(EvalContext& ctx);
// Eval of a node that prepare_add_sub set up for int8, for the int8-only kernels (ops::kAddInt8,
// ops::kSubInt8): it links none of the other types' code.
Status eval_add_sub_s8(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
