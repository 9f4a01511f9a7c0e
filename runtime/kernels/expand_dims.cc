// EXPAND_DIMS: any fixed-size type (TFLM: float32 and int8 only). Inputs: input, axis (constant
// int32, one element; negative counts from the end of the output, so -1 appends). Output: the input
// shape with an axis of size 1 inserted, same type. The data is copied unchanged.
#include <cstring>

#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ExpandDimsData {
  uint32_t bytes = 0;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc axis = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  // TFLM accepts only float32 and int8, but the op only moves bytes: any fixed-size type works.
  if (type_size(input.type) == 0) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  // TFLM reads the axis in Prepare, so only a constant axis is meaningful.
  if (!axis.is_constant()) {
    return ctx.fail(Status::kUnsupported, "axis tensor {} is not constant", axis.index);
  }
  MOTE_TRY(ctx.expect_type(axis, "axis", TensorType::kInt32));
  if (axis.shape.rank > 1 || axis.shape.num_elements() != 1) {
    return ctx.fail(Status::kInvalidModel, "axis tensor {} must hold exactly one value, has {}",
                    axis.index, axis.shape.num_elements());
  }
  const int32_t rank = input.shape.rank;
  const int32_t given = fb::load<int32_t>(axis.data);
  // Counted against the output rank: rank + 1 positions to insert at.
  const int64_t position = given < 0 ? int64_t{given} + rank + 1 : given;
  if (position < 0 || position > rank || rank + 1 > kMaxRank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for an input of rank {}", given,
                    rank);
  }
  Shape expected;
  expected.rank = rank + 1;
  for (int32_t d = 0, i = 0; d < expected.rank; ++d) {
    expected.dims[d] = d == position ? 1 : input.shape.dims[i++];
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<ExpandDimsData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->bytes = input.byte_size();
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ExpandDimsData>();
  const void* in = ctx.input_data(0);
  void* out = ctx.output_data(0);
  if (data.bytes > 0 && in != out) std::memcpy(out, in, data.bytes);
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kExpandDims = {
    static_cast<int32_t>(schema::BuiltinOp::kExpandDims), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kExpandDims),   prepare, eval};
}  // namespace ops
}  // namespace mote
