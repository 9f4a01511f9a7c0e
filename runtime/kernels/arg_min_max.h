// What ARG_MAX and ARG_MIN share (TFLM's arg_min_max.cc runs both through one Eval): Prepare,
// op data and Eval; only the comparison differs.
#pragma once

#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

enum class ArgKind : uint8_t { kMax, kMin };

// Input float32 or int8 (TFLM's set), also int16 and int32; axis tensor int32 (TFLM) or int64
// with one value (only the first is read, as TFLM does); output int32 (TFLM) or int64, chosen by
// the output tensor's type (TFLM ignores ArgMaxOptions/ArgMinOptions.output_type, and so does
// Mote). A constant axis is resolved and checked here; a computed one is checked in Eval.
Status prepare_arg_min_max(PrepareContext& ctx);

Status eval_arg_min_max(EvalContext& ctx, ArgKind kind);

}  // namespace kernels
}  // namespace mote
