// What the reductions share (MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD): one Prepare (TFLM's
// PrepareMeanOrSumHelper / PrepareMinMaxHelper, TFLite's PrepareProd, plus the checks Eval relies
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
  // REDUCE_PROD on int8/int16 with quantization parameters: TFLite's rescaled product (quant holds
  // its per-step multiplier) rather than a plain integer product.
  bool quantized_product = false;
  int32_t scratch_index = -1;  // int32 sums or products, one per output (quantized only)
};

enum class ReduceKind : uint8_t { kMean, kSum, kMax, kMin, kProd };

// Validates a reduction node (input, constant int32 axis tensor, ReducerOptions.keep_dims) and
// sets its ReduceData. Element types: MEAN and SUM float32, int8, int16; REDUCE_MAX and REDUCE_MIN
// float32, int8 (TFLM's set), int16 and int32 (TFLite's), with quantized input and output of the
// same scale and zero point; REDUCE_PROD (TFLite's kernel, TFLM has none) float32, int32, int64,
// and int8/int16 (quantized, or plain integers without quantization parameters).
Status prepare_reduce(PrepareContext& ctx, ReduceKind kind);

// Eval of REDUCE_MAX (kind kMax) and REDUCE_MIN (kMin), which differ only in the comparison.
Status eval_reduce_max_or_min(EvalContext& ctx, ReduceKind kind);

}  // namespace kernels
}  // namespace mote
