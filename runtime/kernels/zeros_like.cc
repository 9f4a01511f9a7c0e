// ZEROS_LIKE: float32, int8, int32, int64 (TFLM's set) and int16, bool. One input, one output of
// its type and shape, every element 0 (the value 0, not the zero point, as in TFLM).
#include "kernels/kernel_util.h"
#include "kernels/ref/fill.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ZerosLikeData {
  int64_t count = 0;
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input;
  TensorDesc output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  if (!kernels::is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                          TensorType::kInt32, TensorType::kInt64, TensorType::kBool)) {
    return ctx.unsupported_type(input, "input");
  }
  auto* data = ctx.allocate<ZerosLikeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->count = output.shape.num_elements();
  data->element_size = static_cast<uint32_t>(type_size(output.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ZerosLikeData>();
  // All-zero bytes are 0 (and +0.0f) in every supported type.
  constexpr uint8_t kZero[8] = {};
  ref::fill(kZero, data.element_size, data.count, ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kZerosLike = {
    static_cast<int32_t>(schema::BuiltinOp::kZerosLike), nullptr, 1,
    static_cast<uint8_t>(schema::Options::kZerosLike),   prepare, eval};
}  // namespace ops
}  // namespace mote
