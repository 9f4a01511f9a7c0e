// What MEAN and SUM share: one Prepare (TFLM's PrepareMeanOrSumHelper plus the checks Eval relies
// on) and the op data it fills.
#pragma once

#include "kernels/ref/reduce.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

struct ReduceData {
  ref::ReduceGeometry geometry;
  ref::ReduceQuant quant;                  // int8/int16 only
  TensorType type = TensorType::kFloat32;  // input and output
  // MEAN on int8/int16 whose input and output share scale and zero point: TFLM then divides the
  // integer sum (truncating) instead of requantizing.
  bool same_quantization = false;
  int32_t scratch_index = -1;  // int32 sums, one per output (int8/int16 only)
};

enum class ReduceKind : uint8_t { kMean, kSum };

// Validates a MEAN or SUM node (input, constant int32 axis tensor, ReducerOptions.keep_dims) and
// sets its ReduceData.
Status prepare_reduce(PrepareContext& ctx, ReduceKind kind);

}  // namespace kernels
}  // namespace mote
