// BATCH_MATMUL: float32, int8 and int16 (TFLM's set); both inputs and the output of one type, of
// rank 2 to 5 (TFLM's limit). Options: BatchMatMulOptions (adj_x / adj_y: the lhs / rhs is stored
// transposed in its last two dimensions; asymmetric_quantize_inputs only matters for hybrid
// models, which TFLM does not run either). The batch dimensions broadcast; the output is
// [broadcast batch..., lhs rows, rhs columns].
//
// int8: per-tensor scales, any zero points; the output multiplier is lhs_scale * rhs_scale (in
// float) / output_scale, as TFLM's GetQuantizedConvolutionMultipler computes it. int16: zero
// points must be 0 (TFLM).
//
// TFLM's Eval merges the lhs's last batch dimension into its rows when the rhs's is 1, before it
// transposes an adj_x lhs; for an adj_x lhs of rank >= 3 that merge describes the transposed
// data wrongly and TFLM writes only part of the output. Mote computes the product as defined (as
// TFLite does), which equals TFLM's output everywhere else.
#include "kernels/ref/batch_matmul.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

// BatchMatMulOptions field ids (schema.fbs); not in tflite_schema.h.
constexpr uint16_t kAdjXField = 0;
constexpr uint16_t kAdjYField = 1;
constexpr int32_t kMaxMatmulRank = 2 + ref::kBatchMatmulBatchRank;

struct BatchMatmulData {
  ref::BatchMatmulGeometry geometry;
  ref::BatchMatmulQuant quant;
  TensorType type = TensorType::kFloat32;
};

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& lhs, const TensorDesc& rhs,
                         const TensorDesc& output, ref::BatchMatmulQuant* q) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, lhs, "lhs"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, rhs, "rhs"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  q->lhs_zero_point = lhs.quant.zero_point();
  q->rhs_zero_point = rhs.quant.zero_point();
  q->output_zero_point = output.quant.zero_point();
  if (lhs.type == TensorType::kInt16 &&
      (q->lhs_zero_point != 0 || q->rhs_zero_point != 0 || q->output_zero_point != 0)) {
    return ctx.fail(Status::kInvalidModel, "int16 inputs and output must have zero point 0");
  }
  double real_multiplier = 0.0;
  if (!ref::get_quantized_convolution_multiplier(lhs.quant.scale(), rhs.quant.scale(),
                                                 output.quant.scale(), &real_multiplier)) {
    return ctx.fail(Status::kInvalidModel, "invalid lhs/rhs/output scales");
  }
  int shift = 0;
  if (!ref::quantize_multiplier(real_multiplier, &q->multiplier, &shift)) {
    return ctx.fail(Status::kInvalidModel, "output multiplier {} is not finite", real_multiplier);
  }
  q->shift = shift;
  return Status::kOk;
}

// Row-major strides of `shape`'s dimensions, in elements.
void row_major_strides(const Shape& shape, int64_t* strides) {
  int64_t stride = 1;
  for (int32_t d = shape.rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= shape.dims[d];
  }
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc lhs = ctx.input(0);
  const TensorDesc rhs = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(lhs.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16)) {
    return ctx.unsupported_type(lhs, "lhs");
  }
  // TFLM runs neither hybrid (float lhs, int8 rhs) models nor int32 outputs.
  MOTE_TRY(ctx.expect_same_type(lhs, rhs));
  MOTE_TRY(ctx.expect_same_type(lhs, output));
  const TensorDesc* operands[2] = {&lhs, &rhs};
  for (const TensorDesc* t : operands) {
    if (t->shape.rank < 2 || t->shape.rank > kMaxMatmulRank) {
      return ctx.fail(Status::kUnsupported, "{} tensor {} has rank {}; 2 to {} are supported",
                      t == &lhs ? "lhs" : "rhs", t->index, t->shape.rank, kMaxMatmulRank);
    }
  }
  const bool adj_x = ctx.option<uint8_t>(kAdjXField, 0) != 0;
  const bool adj_y = ctx.option<uint8_t>(kAdjYField, 0) != 0;
  const int32_t rank = lhs.shape.rank > rhs.shape.rank ? lhs.shape.rank : rhs.shape.rank;
  const Shape l = lhs.shape.extended(rank);
  const Shape r = rhs.shape.extended(rank);
  const int32_t rows = adj_x ? l.dims[rank - 1] : l.dims[rank - 2];
  const int32_t lhs_depth = adj_x ? l.dims[rank - 2] : l.dims[rank - 1];
  const int32_t rhs_depth = adj_y ? r.dims[rank - 1] : r.dims[rank - 2];
  const int32_t cols = adj_y ? r.dims[rank - 2] : r.dims[rank - 1];
  if (lhs_depth != rhs_depth) {
    return ctx.fail(Status::kInvalidModel,
                    "lhs {} (adj_x {}) and rhs {} (adj_y {}) do not share an inner dimension",
                    kernels::ShapeText(lhs.shape).c_str(), adj_x,
                    kernels::ShapeText(rhs.shape).c_str(), adj_y);
  }
  Shape expected;
  expected.rank = rank;
  for (int32_t d = 0; d < rank - 2; ++d) {
    if (l.dims[d] != r.dims[d] && l.dims[d] != 1 && r.dims[d] != 1) {
      return ctx.fail(Status::kInvalidModel, "batch dimensions of {} and {} do not broadcast",
                      kernels::ShapeText(lhs.shape).c_str(), kernels::ShapeText(rhs.shape).c_str());
    }
    expected.dims[d] = l.dims[d] == 1 ? r.dims[d] : l.dims[d];
  }
  expected.dims[rank - 2] = rows;
  expected.dims[rank - 1] = cols;
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<BatchMatmulData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::BatchMatmulGeometry& g = data->geometry;
  int64_t lhs_strides[kMaxRank] = {};
  int64_t rhs_strides[kMaxRank] = {};
  row_major_strides(l, lhs_strides);
  row_major_strides(r, rhs_strides);
  // Batch dimensions right-aligned into the reference's three; a size-1 dimension of one operand
  // does not advance it (TFLite's `extent`).
  const int32_t pad = ref::kBatchMatmulBatchRank - (rank - 2);
  for (int32_t d = 0; d < rank - 2; ++d) {
    g.batch_dims[pad + d] = expected.dims[d];
    g.lhs_batch_strides[pad + d] = l.dims[d] == 1 ? 0 : lhs_strides[d];
    g.rhs_batch_strides[pad + d] = r.dims[d] == 1 ? 0 : rhs_strides[d];
  }
  g.rows = rows;
  g.cols = cols;
  g.depth = lhs_depth;
  // Stored [rows, depth], or [depth, rows] with adj_x; rhs [depth, cols], or [cols, depth] with
  // adj_y.
  g.lhs_row_stride = adj_x ? 1 : lhs_depth;
  g.lhs_depth_stride = adj_x ? rows : 1;
  g.rhs_depth_stride = adj_y ? 1 : cols;
  g.rhs_col_stride = adj_y ? rhs_depth : 1;
  data->type = lhs.type;
  if (lhs.type != TensorType::kFloat32) {
    MOTE_TRY(prepare_quantized(ctx, lhs, rhs, output, &data->quant));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<BatchMatmulData>();
  const ref::BatchMatmulGeometry& g = data.geometry;
  switch (data.type) {
    case TensorType::kFloat32:
      ref::batch_matmul_f32(g, ctx.input<float>(0), ctx.input<float>(1), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::batch_matmul_s8(g, data.quant, ctx.input<int8_t>(0), ctx.input<int8_t>(1),
                           ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::batch_matmul_s16(g, data.quant, ctx.input<int16_t>(0), ctx.input<int16_t>(1),
                            ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kBatchMatmul = {
    static_cast<int32_t>(schema::BuiltinOp::kBatchMatmul), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kBatchMatmul),   prepare, eval};
}  // namespace ops
}  // namespace mote
