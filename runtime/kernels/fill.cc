// FILL: float32, int32, int8 (TFLM's set) and int16, int64, bool (TFLite's). Inputs: dims (a
// constant integer vector, TFLM requires it constant too), value (a scalar of the output's type).
// Output: shape `dims`, every element a copy of value (quantization parameters are not compared,
// as in TFLM).
#include "kernels/ref/fill.h"
#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct FillData {
  int64_t count = 0;
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc dims = ctx.input(0);
  const TensorDesc value = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(output.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                          TensorType::kInt32, TensorType::kInt64, TensorType::kBool)) {
    return ctx.unsupported_type(output, "output");
  }
  MOTE_TRY(ctx.expect_same_type(value, output));
  if (value.shape.rank != 0) {
    return ctx.fail(Status::kInvalidModel, "value tensor {} has rank {}, expected a scalar",
                    value.index, value.shape.rank);
  }
  if (dims.shape.rank != 1) {
    return ctx.fail(Status::kInvalidModel, "dims tensor {} has rank {}, expected 1", dims.index,
                    dims.shape.rank);
  }
  const int32_t rank = dims.shape.dims[0];
  if (rank != output.shape.rank) {
    return ctx.fail(Status::kInvalidModel,
                    "dims tensor {} has {} values but the output has rank {}", dims.index, rank,
                    output.shape.rank);
  }
  int64_t values[kMaxRank] = {};
  MOTE_TRY(kernels::read_constant_ints(ctx, dims, "dims", values, rank));
  for (int32_t d = 0; d < rank; ++d) {
    if (values[d] != output.shape.dims[d]) {
      return ctx.fail(Status::kInvalidModel, "dims[{}] is {} but output dimension {} is {}", d,
                      values[d], d, output.shape.dims[d]);
    }
  }
  auto* data = ctx.allocate<FillData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = output.shape.num_elements();
  data->element_size = static_cast<uint32_t>(type_size(output.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<FillData>();
  ref::fill(ctx.input_data(1), data.element_size, data.count, ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kFill = {static_cast<int32_t>(schema::BuiltinOp::kFill), nullptr, 4,
                            static_cast<uint8_t>(schema::Options::kFill),   prepare, eval};
}  // namespace ops
}  // namespace mote
