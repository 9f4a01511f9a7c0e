// Reference BATCH_MATMUL, bit-exact with TFLite's reference_ops::BatchMatMul as TFLM runs it:
// out[..., a, c] = sum over k of lhs[..., a, k] * rhs[..., k, c], with k ascending and the
// leading (batch) dimensions broadcast.
//
// float: the sum starts at 0.0f and adds each product in float.
// int8:  sum in int32 of (lhs - lhs_zero_point) * (rhs - rhs_zero_point) (wrapping where TFLite's
//        int32 would overflow), then MultiplyByQuantizedMultiplier (int32 version), plus the
//        output zero point, clamped to int8.
// int16: the same with an int64 sum and the int64 MultiplyByQuantizedMultiplier (zero points 0).
//
// TFLM transposes the operands into scratch tensors first (it computes rhs^T x lhs^T); the values
// and the summation order are the same, so here the operands are read in place through strides,
// which also covers adj_x / adj_y (operands stored transposed) without scratch memory.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

// Batch dimensions of TFLite's 5D-extended shapes.
constexpr int32_t kBatchMatmulBatchRank = 3;

// All strides are in elements. A batch stride is 0 where that operand broadcasts.
struct BatchMatmulGeometry {
  int32_t batch_dims[kBatchMatmulBatchRank] = {1, 1, 1};
  int64_t lhs_batch_strides[kBatchMatmulBatchRank] = {};
  int64_t rhs_batch_strides[kBatchMatmulBatchRank] = {};
  int32_t rows = 0;   // a: output rows (lhs rows)
  int32_t cols = 0;   // c: output columns (rhs columns)
  int32_t depth = 0;  // k: the summed dimension
  int64_t lhs_row_stride = 0;
  int64_t lhs_depth_stride = 0;
  int64_t rhs_depth_stride = 0;
  int64_t rhs_col_stride = 0;
};

struct BatchMatmulQuant {
  int32_t lhs_zero_point = 0;
  int32_t rhs_zero_point = 0;
  int32_t output_zero_point = 0;
  int32_t multiplier = 0;  // Q31
  int32_t shift = 0;
};

// `output` is [batch dims..., rows, cols] in row-major order.
void batch_matmul_f32(const BatchMatmulGeometry& g, const float* lhs, const float* rhs,
                      float* output);
void batch_matmul_s8(const BatchMatmulGeometry& g, const BatchMatmulQuant& q, const int8_t* lhs,
                     const int8_t* rhs, int8_t* output);
void batch_matmul_s16(const BatchMatmulGeometry& g, const BatchMatmulQuant& q, const int16_t* lhs,
                      const int16_t* rhs, int16_t* output);

}  // namespace ref
}  // namespace mote
