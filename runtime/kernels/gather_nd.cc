// GATHER_ND: float32, int8 (TFLM's set) and int16, int32, int64, bool (TFLite's). Inputs: params
// (rank >= 1), indices (int32 as in TFLM, or int64; rank >= 1, last dimension <= params rank and
// <= 5). Output: params' type, shape indices.shape[:-1] + params.shape[indices.shape[-1]:]. Data
// is copied unchanged.
//
// Eval checks every index against its own params dimension and fails (kEvalFailed) on the first
// one out of range. TFLM only rejects an index vector whose slice would leave params, so it
// accepts e.g. [0, 5] into a [2, 3] params (reading row 1); Mote rejects it, as TensorFlow does.
#include "kernels/kernel_util.h"
#include "kernels/ref/gather.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct GatherNdData {
  ref::GatherNdGeometry geometry;
  uint32_t element_size = 0;
  TensorType index_type = TensorType::kInt32;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc params = ctx.input(0);
  const TensorDesc indices = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(params.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                          TensorType::kInt32, TensorType::kInt64, TensorType::kBool)) {
    return ctx.unsupported_type(params, "params");
  }
  if (indices.type != TensorType::kInt32 && indices.type != TensorType::kInt64) {
    return ctx.unsupported_type(indices, "indices");
  }
  MOTE_TRY(ctx.expect_same_type(params, output));
  const int32_t rank = params.shape.rank;
  const int32_t index_rank = indices.shape.rank;
  if (rank < 1) return ctx.fail(Status::kInvalidModel, "params must be at least a vector");
  if (index_rank < 1) return ctx.fail(Status::kInvalidModel, "indices must be at least a vector");
  const int32_t depth = indices.shape.dims[index_rank - 1];
  if (depth > rank) {
    return ctx.fail(Status::kInvalidModel, "index vectors have {} entries but params has rank {}",
                    depth, rank);
  }
  if (depth > ref::kGatherNdMaxDepth) {
    return ctx.fail(Status::kUnsupported, "index vectors have {} entries; at most {} supported",
                    depth, ref::kGatherNdMaxDepth);
  }
  const int32_t out_rank = index_rank - 1 + rank - depth;
  if (out_rank > kMaxRank) {
    return ctx.fail(Status::kUnsupported, "the output would have rank {}; at most {} is supported",
                    out_rank, kMaxRank);
  }
  Shape expected;
  for (int32_t i = 0; i < index_rank - 1; ++i) {
    expected.dims[expected.rank++] = indices.shape.dims[i];
  }
  for (int32_t i = depth; i < rank; ++i) expected.dims[expected.rank++] = params.shape.dims[i];
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<GatherNdData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::GatherNdGeometry& g = data->geometry;
  g.slices = indices.shape.num_elements(0, index_rank - 1);
  g.depth = depth;
  for (int32_t j = 0; j < depth; ++j) {
    g.dims[j] = params.shape.dims[j];
    g.strides[j] = params.shape.num_elements(j + 1, rank);
  }
  g.slice_size = params.shape.num_elements(depth, rank);
  data->element_size = static_cast<uint32_t>(type_size(params.type));
  data->index_type = indices.type;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<GatherNdData>();
  const ref::GatherNdGeometry& g = data.geometry;
  int64_t bad = ref::kIndicesInRange;
  int64_t value = 0;
  if (data.index_type == TensorType::kInt64) {
    const auto* indices = ctx.input<int64_t>(1);
    bad = ref::gather_nd(g, data.element_size, ctx.input_data(0), indices, ctx.output_data(0));
    if (bad != ref::kIndicesInRange) value = indices[bad];
  } else {
    const auto* indices = ctx.input<int32_t>(1);
    bad = ref::gather_nd(g, data.element_size, ctx.input_data(0), indices, ctx.output_data(0));
    if (bad != ref::kIndicesInRange) value = indices[bad];
  }
  if (bad != ref::kIndicesInRange) {
    const int32_t dim = static_cast<int32_t>(bad % g.depth);
    return ctx.fail("index {} (element {} of indices) is outside [0, {}) for params dimension {}",
                    value, bad, g.dims[dim], dim);
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kGatherNd = {static_cast<int32_t>(schema::BuiltinOp::kGatherNd), nullptr, 5,
                                static_cast<uint8_t>(schema::Options::kGatherNd),   prepare, eval};
}  // namespace ops
}  // namespace mote
