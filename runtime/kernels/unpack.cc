// UNPACK: float32, int8, int16, int32 (TFLM's set). One input; `num` outputs of its type, each
// the input's shape without `axis` (negative counts from the end of the input), which must have
// size num. Data is copied unchanged (no requantization, as in TFLM).
#include "kernels/kernel_util.h"
#include "kernels/ref/split.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct UnpackData {
  int32_t count = 0;
  ref::SplitPart part;  // output 0; output i starts i chunks further into each input row
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32);
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::unpack_options;
  const int32_t count = ctx.output_count();
  if (count < 1) return ctx.fail(Status::kInvalidModel, "has no outputs");
  MOTE_TRY(ctx.expect_counts(1, 1, count));
  const int32_t num = ctx.option<int32_t>(o::kNum, count);
  if (num != count) {
    return ctx.fail(Status::kInvalidModel, "num is {} but the op has {} outputs", num, count);
  }
  const TensorDesc input = ctx.input(0);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  const int32_t rank = input.shape.rank;
  const int32_t given = ctx.option<int32_t>(o::kAxis, 0);
  const int32_t axis = given < 0 ? given + rank : given;
  if (axis < 0 || axis >= rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for rank {}", given, rank);
  }
  if (input.shape.dims[axis] != count) {
    return ctx.fail(Status::kInvalidModel,
                    "input dimension {} has size {} but the op has {} outputs", axis,
                    input.shape.dims[axis], count);
  }
  Shape expected;
  for (int32_t d = 0; d < rank; ++d) {
    if (d != axis) expected.dims[expected.rank++] = input.shape.dims[d];
  }
  for (int32_t i = 0; i < count; ++i) {
    const TensorDesc output = ctx.output(i);
    MOTE_TRY(ctx.expect_same_type(input, output));
    MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  }

  auto* data = ctx.allocate<UnpackData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = count;
  data->part.outer = input.shape.num_elements(0, axis);
  data->part.chunk_bytes =
      input.shape.num_elements(axis + 1, rank) * static_cast<int64_t>(type_size(input.type));
  data->part.row_bytes = count * data->part.chunk_bytes;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<UnpackData>();
  const void* input = ctx.input_data(0);
  ref::SplitPart part = data.part;
  for (int32_t i = 0; i < data.count; ++i) {
    part.offset_bytes = i * part.chunk_bytes;
    ref::split_part(part, input, ctx.output_data(i));
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kUnpack = {static_cast<int32_t>(schema::BuiltinOp::kUnpack), nullptr, 4,
                              static_cast<uint8_t>(schema::Options::kUnpack),   prepare, eval};
}  // namespace ops
}  // namespace mote
