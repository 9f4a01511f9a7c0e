// SPLIT: float32, int8, int16, int32 (TFLM's set). Inputs: axis (constant int32 with one value,
// negative counts from the end; TFLM requires it constant), input. Outputs: num_splits tensors of
// the input's type, each the input's shape with the axis divided by num_splits. Data is copied
// unchanged (no requantization, as in TFLM).
#include "kernels/ref/split.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct SplitData {
  int32_t count = 0;
  ref::SplitPart part;  // output 0; output i starts i chunks further into each input row
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32);
}

Status prepare(PrepareContext& ctx) {
  const int32_t count = ctx.output_count();
  if (count < 1) return ctx.fail(Status::kInvalidModel, "has no outputs");
  MOTE_TRY(ctx.expect_counts(2, 2, count));
  const int32_t num_splits = ctx.option<int32_t>(schema::split_options::kNumSplits, count);
  if (num_splits != count) {
    return ctx.fail(Status::kInvalidModel, "num_splits is {} but the op has {} outputs", num_splits,
                    count);
  }
  const TensorDesc axis = ctx.input(0);
  const TensorDesc input = ctx.input(1);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  if (!axis.is_constant()) {
    return ctx.fail(Status::kUnsupported, "axis tensor {} is not constant", axis.index);
  }
  MOTE_TRY(ctx.expect_type(axis, "axis", TensorType::kInt32));
  if (axis.shape.num_elements() != 1) {
    return ctx.fail(Status::kInvalidModel, "axis tensor {} must hold one value, has {}", axis.index,
                    axis.shape.num_elements());
  }
  const int32_t rank = input.shape.rank;
  const int32_t given = fb::load<int32_t>(axis.data);
  const int32_t a = given < 0 ? given + rank : given;
  if (a < 0 || a >= rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for rank {}", given, rank);
  }
  if (input.shape.dims[a] % count != 0) {
    return ctx.fail(Status::kInvalidModel,
                    "input dimension {} has size {}, which does not split into {} equal parts", a,
                    input.shape.dims[a], count);
  }
  Shape expected = input.shape;
  expected.dims[a] = input.shape.dims[a] / count;
  for (int32_t i = 0; i < count; ++i) {
    const TensorDesc output = ctx.output(i);
    MOTE_TRY(ctx.expect_same_type(input, output));
    MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  }

  auto* data = ctx.allocate<SplitData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  const int64_t inner_bytes =
      input.shape.num_elements(a + 1, rank) * static_cast<int64_t>(type_size(input.type));
  data->count = count;
  data->part.outer = input.shape.num_elements(0, a);
  data->part.chunk_bytes = expected.dims[a] * inner_bytes;
  data->part.row_bytes = input.shape.dims[a] * inner_bytes;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SplitData>();
  const void* input = ctx.input_data(1);
  ref::SplitPart part = data.part;
  for (int32_t i = 0; i < data.count; ++i) {
    part.offset_bytes = i * part.chunk_bytes;
    ref::split_part(part, input, ctx.output_data(i));
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSplit = {static_cast<int32_t>(schema::BuiltinOp::kSplit), nullptr, 4,
                             static_cast<uint8_t>(schema::Options::kSplit),   prepare, eval};
}  // namespace ops
}  // namespace mote
