// GATHER: float32, int8 (TFLM's set) and int16, int32, int64, bool (TFLite's). Inputs: params,
// indices (int32 as in TFLM, or int64 as in TFLite). Options: GatherOptions (axis, batch_dims;
// both may be negative). Output: params' type, shape params[:axis] + indices[batch_dims:] +
// params[axis + 1:]. Data is copied unchanged.
//
// Prepare applies TFLM's checks on axis and batch_dims and requires the output shape above. The
// indices are data: Eval checks each against the axis and fails (kEvalFailed) on the first one
// outside [0, params.shape[axis]), as current TFLM does.
#include "kernels/ref/gather.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

// GatherOptions field ids (schema.fbs: axis, batch_dims); not in tflite_schema.h.
constexpr uint16_t kAxisField = 0;
constexpr uint16_t kBatchDimsField = 1;

struct GatherData {
  ref::GatherGeometry geometry;
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
  const int32_t given_axis = ctx.option<int32_t>(kAxisField, 0);
  const int32_t axis = given_axis < 0 ? given_axis + rank : given_axis;
  if (axis < 0 || axis >= rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for params of rank {}",
                    given_axis, rank);
  }
  const int32_t given_batch_dims = ctx.option<int32_t>(kBatchDimsField, 0);
  const int32_t batch_dims =
      given_batch_dims < 0 ? given_batch_dims + index_rank : given_batch_dims;
  if (batch_dims < 0 || batch_dims > axis || batch_dims > index_rank) {
    return ctx.fail(Status::kInvalidModel,
                    "batch_dims {} must be in [0, {}] (axis {}, indices of rank {})",
                    given_batch_dims, axis < index_rank ? axis : index_rank, axis, index_rank);
  }
  for (int32_t i = 0; i < batch_dims; ++i) {
    if (params.shape.dims[i] != indices.shape.dims[i]) {
      return ctx.fail(Status::kInvalidModel, "batch dimension {} is {} in params but {} in indices",
                      i, params.shape.dims[i], indices.shape.dims[i]);
    }
  }
  const int32_t out_rank = rank + index_rank - 1 - batch_dims;
  if (out_rank > kMaxRank) {
    return ctx.fail(Status::kUnsupported, "the output would have rank {}; at most {} is supported",
                    out_rank, kMaxRank);
  }
  Shape expected;
  for (int32_t i = 0; i < axis; ++i) expected.dims[expected.rank++] = params.shape.dims[i];
  for (int32_t i = batch_dims; i < index_rank; ++i) {
    expected.dims[expected.rank++] = indices.shape.dims[i];
  }
  for (int32_t i = axis + 1; i < rank; ++i) expected.dims[expected.rank++] = params.shape.dims[i];
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<GatherData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::GatherGeometry& g = data->geometry;
  g.batch = params.shape.num_elements(0, batch_dims);
  g.outer = params.shape.num_elements(batch_dims, axis);
  g.axis_size = params.shape.dims[axis];
  g.coords = indices.shape.num_elements(batch_dims, index_rank);
  g.inner = params.shape.num_elements(axis + 1, rank);
  data->element_size = static_cast<uint32_t>(type_size(params.type));
  data->index_type = indices.type;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<GatherData>();
  const ref::GatherGeometry& g = data.geometry;
  int64_t bad = ref::kIndicesInRange;
  int64_t value = 0;
  if (data.index_type == TensorType::kInt64) {
    const auto* indices = ctx.input<int64_t>(1);
    bad = ref::gather(g, data.element_size, ctx.input_data(0), indices, ctx.output_data(0));
    if (bad != ref::kIndicesInRange) value = indices[bad];
  } else {
    const auto* indices = ctx.input<int32_t>(1);
    bad = ref::gather(g, data.element_size, ctx.input_data(0), indices, ctx.output_data(0));
    if (bad != ref::kIndicesInRange) value = indices[bad];
  }
  if (bad != ref::kIndicesInRange) {
    return ctx.fail("index {} (element {} of indices) is outside [0, {})", value, bad, g.axis_size);
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kGather = {static_cast<int32_t>(schema::BuiltinOp::kGather), nullptr, 7,
                              static_cast<uint8_t>(schema::Options::kGather),   prepare, eval};
}  // namespace ops
}  // namespace mote
