// PACK: float32, int8, int16, int32, int64 (TFLM's set). Inputs: values_count tensors of one
// shape and the output's type. Output: that shape with an axis of size values_count inserted at
// `axis` (negative counts from the end of the output). Data is copied unchanged (TFLM does not
// requantize int8 inputs whose scales differ from the output's).
#include "kernels/kernel_util.h"
#include "kernels/ref/concatenation.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct PackData {
  int32_t count = 0;
  ref::ConcatPart part;  // input 0; input i goes i chunks further into each output row
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32, TensorType::kInt64);
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::pack_options;
  const int32_t count = ctx.input_count();
  MOTE_TRY(ctx.expect_counts(1, count > 1 ? count : 1, 1));
  const int32_t values_count = ctx.option<int32_t>(o::kValuesCount, count);
  if (values_count != count) {
    return ctx.fail(Status::kInvalidModel, "values_count is {} but the op has {} inputs",
                    values_count, count);
  }
  const TensorDesc output = ctx.output(0);
  if (!supported_type(output.type)) return ctx.unsupported_type(output, "output");
  const TensorDesc first = ctx.input(0);
  for (int32_t i = 0; i < count; ++i) {
    if (!ctx.has_input(i)) return ctx.fail(Status::kInvalidModel, "input {} is omitted", i);
    const TensorDesc input = ctx.input(i);
    MOTE_TRY(ctx.expect_same_type(input, output));
    if (input.shape != first.shape) {
      return ctx.fail(Status::kInvalidModel, "input {} does not have the shape of input 0", i);
    }
  }
  const int32_t rank = first.shape.rank;
  if (rank + 1 > kMaxRank) {
    return ctx.fail(Status::kUnsupported, "inputs of rank {} would give an output above rank {}",
                    rank, kMaxRank);
  }
  const int32_t given = ctx.option<int32_t>(o::kAxis, 0);
  const int32_t axis = given < 0 ? given + rank + 1 : given;
  if (axis < 0 || axis > rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for an output of rank {}",
                    given, rank + 1);
  }
  Shape expected;
  expected.rank = rank + 1;
  for (int32_t d = 0, i = 0; d < expected.rank; ++d) {
    expected.dims[d] = d == axis ? count : first.shape.dims[i++];
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<PackData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = count;
  data->part.outer = first.shape.num_elements(0, axis);
  data->part.chunk_bytes =
      first.shape.num_elements(axis, rank) * static_cast<int64_t>(type_size(output.type));
  data->part.row_bytes = count * data->part.chunk_bytes;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<PackData>();
  void* output = ctx.output_data(0);
  ref::ConcatPart part = data.part;
  for (int32_t i = 0; i < data.count; ++i) {
    part.offset_bytes = i * part.chunk_bytes;
    ref::concatenate_part(part, ctx.input_data(i), output);
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kPack = {static_cast<int32_t>(schema::BuiltinOp::kPack), nullptr, 4,
                            static_cast<uint8_t>(schema::Options::kPack),   prepare, eval};
}  // namespace ops
}  // namespace mote
