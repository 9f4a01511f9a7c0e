// SHAPE: any input type (only its shape is used). Output: int32 (TFLM's only type) or int64
// (TFLite's out_type) vector of the input's rank holding its dimensions. The shape is static, so
// Prepare works it out and Eval only writes it.
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ShapeData {
  Shape shape;
  bool wide = false;  // int64 output
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (output.type != TensorType::kInt32 && output.type != TensorType::kInt64) {
    return ctx.unsupported_type(output, "output");
  }
  Shape expected;
  expected.rank = 1;
  expected.dims[0] = input.shape.rank;
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  auto* data = ctx.allocate<ShapeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->shape = input.shape;
  data->wide = output.type == TensorType::kInt64;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ShapeData>();
  for (int32_t d = 0; d < data.shape.rank; ++d) {
    if (data.wide) {
      ctx.output<int64_t>(0)[d] = data.shape.dims[d];
    } else {
      ctx.output<int32_t>(0)[d] = data.shape.dims[d];
    }
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kShape = {static_cast<int32_t>(schema::BuiltinOp::kShape), nullptr, 1,
                             static_cast<uint8_t>(schema::Options::kShape),   prepare, eval};
}  // namespace ops
}  // namespace mote
