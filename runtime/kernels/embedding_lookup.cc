// EMBEDDING_LOOKUP: TFLM's set. Inputs: ids (int32 vector), table (float32 or int8, rank >= 2,
// rows along dimension 0). Output: shape [ids, table dims 1...], either the table's type (rows
// copied unchanged) or float32 from an int8 table (TFLM's hybrid path: each value dequantized as
// q * scale; the table must be per-tensor quantized with zero point 0).
//
// ids are data: Eval fails (kEvalFailed) on the first one outside [0, rows). A table with no rows
// and a non-empty output is rejected in Prepare (TFLM returns success and leaves the output
// unwritten).
#include "kernels/kernel_util.h"
#include "kernels/ref/gather.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct EmbeddingLookupData {
  ref::GatherGeometry geometry;  // rows as the axis, the ids as coordinates, a row as inner
  float scale = 0.0f;            // int8 table to float32 output only
  uint32_t element_size = 0;
  bool dequantize = false;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc ids = ctx.input(0);
  const TensorDesc table = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_type(ids, "ids", TensorType::kInt32));
  if (ids.shape.rank != 1) {
    return ctx.fail(Status::kInvalidModel, "ids tensor {} has rank {}, expected 1", ids.index,
                    ids.shape.rank);
  }
  if (table.type != TensorType::kFloat32 && table.type != TensorType::kInt8) {
    return ctx.unsupported_type(table, "table");
  }
  if (table.shape.rank < 2) {
    return ctx.fail(Status::kInvalidModel, "table tensor {} has rank {}, expected 2 or more",
                    table.index, table.shape.rank);
  }
  const bool dequantize = table.type == TensorType::kInt8 && output.type == TensorType::kFloat32;
  if (!dequantize) MOTE_TRY(ctx.expect_same_type(table, output));
  Shape expected = table.shape;
  expected.dims[0] = ids.shape.dims[0];
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  if (table.shape.dims[0] == 0 && output.shape.num_elements() > 0) {
    return ctx.fail(Status::kInvalidModel, "table tensor {} has no rows to look up", table.index);
  }

  auto* data = ctx.allocate<EmbeddingLookupData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  if (dequantize) {
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, table, "table"));
    if (table.quant.zero_point() != 0) {
      return ctx.fail(Status::kInvalidModel,
                      "int8 table looked up into float32 must have zero point 0, has {}",
                      table.quant.zero_point());
    }
    data->scale = table.quant.scale();
  }
  ref::GatherGeometry& g = data->geometry;
  g.axis_size = table.shape.dims[0];
  g.coords = ids.shape.dims[0];
  g.inner = table.shape.num_elements(1, table.shape.rank);
  data->element_size = static_cast<uint32_t>(type_size(table.type));
  data->dequantize = dequantize;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<EmbeddingLookupData>();
  const ref::GatherGeometry& g = data.geometry;
  const auto* ids = ctx.input<int32_t>(0);
  const int64_t bad =
      data.dequantize
          ? ref::embedding_lookup_dequantize(g.axis_size, g.inner, data.scale, ctx.input<int8_t>(1),
                                             ids, g.coords, ctx.output<float>(0))
          : ref::gather(g, data.element_size, ctx.input_data(1), ids, ctx.output_data(0));
  if (bad != ref::kIndicesInRange) {
    return ctx.fail("id {} (element {} of ids) is outside [0, {})", ids[bad], bad, g.axis_size);
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kEmbeddingLookup = {
    static_cast<int32_t>(schema::BuiltinOp::kEmbeddingLookup), nullptr, 4, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
