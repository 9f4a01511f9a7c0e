// Prepare and Eval shared by SELECT and SELECT_V2 (select.cc, select_v2.cc): out = condition ? x
// : y, with a bool condition and x, y, output of one type: bool, float32, uint8, int8, int16,
// int32 or int64 (TFLite's list; TFLM's SELECT_V2 runs the float32, int8 and int16 subset, and
// the choice is exact for every type). SELECT takes a condition of x's shape, a scalar, or a
// vector along x's first dimension; SELECT_V2 broadcasts the three shapes. Both accept four
// one-element tensors of any ranks.
#pragma once

#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

enum class SelectVersion : uint8_t { kSelect, kSelectV2 };

Status prepare_select(PrepareContext& ctx, SelectVersion version);
Status eval_select(EvalContext& ctx);

}  // namespace kernels
}  // namespace mote
