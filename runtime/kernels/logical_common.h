// Prepare and Eval shared by LOGICAL_AND, LOGICAL_OR (logical_and.cc, logical_or.cc: two bool
// inputs with broadcasting) and LOGICAL_NOT (logical_not.cc: one bool input of the output's
// shape). TFLM's kernels have no Prepare; these check the types and shapes Eval relies on.
#pragma once

#include "kernels/ref/logical.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_logical(PrepareContext& ctx, ref::Logical op);
Status eval_logical(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
