// SPLIT_V: float32, int8, int16, int32 (TFLM's set). Inputs: input, size_splits (int32 or int64
// vector, one size per output, at most one -1 meaning "the rest"), axis (constant int32 with one
// value, negative counts from the end; TFLM requires it constant). Option: SplitVOptions
// (num_splits, which must equal the number of outputs). Outputs: the input's type and shape,
// except along the axis, where their sizes add up to the input's. Data is copied unchanged.
//
// TFLM takes the sizes from the output shapes alone. Prepare checks those shapes and, when
// size_splits is constant, that it agrees with them (TFLite's rule); a computed size_splits is
// not read, as in TFLM.
#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/split.h"
#include "mote/ops.h"

namespace mote {
namespace {

// SplitVOptions.num_splits (schema.fbs); not in tflite_schema.h.
constexpr uint16_t kNumSplitsField = 0;

struct SplitVData {
  int64_t outer = 0;
  int64_t row_bytes = 0;           // the input's axis extent x inner elements x element size
  int64_t* chunk_bytes = nullptr;  // per output: its axis extent x inner x element size
  int32_t count = 0;
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32);
}

// Checks a constant size_splits against the outputs' extents along the axis: equal, except that
// one -1 stands for whatever the others leave.
Status check_size_splits(const PrepareContext& ctx, const TensorDesc& sizes, int32_t axis,
                         int32_t count) {
  if (sizes.type != TensorType::kInt32 && sizes.type != TensorType::kInt64) {
    return ctx.unsupported_type(sizes, "size_splits");
  }
  if (sizes.shape.rank != 1 || sizes.shape.dims[0] != count) {
    return ctx.fail(Status::kInvalidModel, "size_splits tensor {} must be a vector of {} values",
                    sizes.index, count);
  }
  if (!sizes.is_constant()) return Status::kOk;
  if (static_cast<int64_t>(sizes.data_bytes) <
      int64_t{count} * static_cast<int64_t>(type_size(sizes.type))) {
    return ctx.fail(Status::kInvalidModel, "size_splits tensor {} holds {} bytes for {} values",
                    sizes.index, sizes.data_bytes, count);
  }
  int32_t unknown = 0;
  for (int32_t i = 0; i < count; ++i) {
    const int64_t size = kernels::load_integer(sizes.data, sizes.type, i);
    const int32_t actual = ctx.output(i).shape.dims[axis];
    if (size == -1 && ++unknown == 1) continue;
    if (size != actual) {
      return ctx.fail(Status::kInvalidModel,
                      "size_splits[{}] is {} but output {} has {} elements along axis {}", i, size,
                      i, actual, axis);
    }
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  const int32_t count = ctx.output_count();
  if (count < 1) return ctx.fail(Status::kInvalidModel, "has no outputs");
  MOTE_TRY(ctx.expect_counts(3, 3, count));
  const int32_t num_splits = ctx.option<int32_t>(kNumSplitsField, count);
  if (num_splits != count) {
    return ctx.fail(Status::kInvalidModel, "num_splits is {} but the op has {} outputs", num_splits,
                    count);
  }
  const TensorDesc input = ctx.input(0);
  const TensorDesc axis_tensor = ctx.input(2);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_type(axis_tensor, "axis", TensorType::kInt32));
  int64_t given = 0;
  MOTE_TRY(kernels::read_constant_ints(ctx, axis_tensor, "axis", &given, 1));
  const int32_t rank = input.shape.rank;
  const int64_t axis = given < 0 ? given + rank : given;
  if (axis < 0 || axis >= rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for rank {}", given, rank);
  }
  const auto a = static_cast<int32_t>(axis);
  int64_t total = 0;
  for (int32_t i = 0; i < count; ++i) {
    const TensorDesc output = ctx.output(i);
    MOTE_TRY(ctx.expect_same_type(input, output));
    Shape expected = input.shape;
    expected.dims[a] = output.shape.rank == rank ? output.shape.dims[a] : 0;
    MOTE_TRY(kernels::expect_shape(ctx, output, expected));
    total += output.shape.dims[a];
  }
  if (total != input.shape.dims[a]) {
    return ctx.fail(Status::kInvalidModel,
                    "the outputs have {} elements along axis {} in total, the input {}", total, a,
                    input.shape.dims[a]);
  }
  MOTE_TRY(check_size_splits(ctx, ctx.input(1), a, count));

  auto* data = ctx.allocate<SplitVData>();
  auto* chunks = ctx.allocate<int64_t>(static_cast<size_t>(count));
  if (data == nullptr || chunks == nullptr) return Status::kArenaTooSmall;
  const int64_t inner_bytes =
      input.shape.num_elements(a + 1, rank) * static_cast<int64_t>(type_size(input.type));
  for (int32_t i = 0; i < count; ++i) chunks[i] = ctx.output(i).shape.dims[a] * inner_bytes;
  data->outer = input.shape.num_elements(0, a);
  data->row_bytes = input.shape.dims[a] * inner_bytes;
  data->chunk_bytes = chunks;
  data->count = count;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SplitVData>();
  ref::SplitPart part;
  part.outer = data.outer;
  part.row_bytes = data.row_bytes;
  for (int32_t i = 0; i < data.count; ++i) {
    part.chunk_bytes = data.chunk_bytes[i];
    ref::split_part(part, ctx.input_data(0), ctx.output_data(i));
    part.offset_bytes += part.chunk_bytes;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSplitV = {static_cast<int32_t>(schema::BuiltinOp::kSplitV), nullptr, 2,
                              static_cast<uint8_t>(schema::Options::kSplitV),   prepare, eval};
}  // namespace ops
}  // namespace mote
