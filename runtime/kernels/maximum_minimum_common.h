// Prepare and Eval shared by MAXIMUM and MINIMUM (maximum.cc, minimum.cc): float32, int8, int16,
// int32 and int64, compared raw (quantized inputs are not rescaled, as in TFLM), with
// broadcasting up to 5D (TFLM's MaximumMinimumBroadcastSlow) and any rank for equal shapes.
#pragma once

#include "kernels/ref/maximum_minimum.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

Status prepare_maximum_minimum(PrepareContext& ctx, ref::MinMaxKind kind);
Status eval_maximum_minimum(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
