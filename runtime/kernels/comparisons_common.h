// Prepare and Eval shared by the six comparison ops (equal.cc, not_equal.cc, greater.cc,
// greater_equal.cc, less.cc, less_equal.cc): two inputs of one type with broadcasting, a bool
// output. The types are TFLM's, which differ per op:
//   EQUAL, NOT_EQUAL:                bool, float32, int32, int64, int8
//   GREATER:                         float32, int32, int64, int8, int16
//   GREATER_EQUAL, LESS, LESS_EQUAL: float32, int32, int64, int8
// Quantized inputs are compared on their real values (ref/comparisons.h).
#pragma once

#include "kernels/ref/comparisons.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_comparison(PrepareContext& ctx, ref::Comparison op);
Status eval_comparison(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
