// SQUARED_DIFFERENCE: (a - b)^2 with broadcasting for float32, int32, int8 and int16 (zero points
// 0), as TFLM. See ref/squared_difference.h.
#include "kernels/ref/squared_difference.h"
#include "kernels/binary_elementwise.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct SquaredDifferenceData {
  ref::BroadcastGeometry geometry;
  ref::SquaredDifferenceQuantParams quant;
  TensorType type = TensorType::kFloat32;
};

Status prepare_quantized(const PrepareContext& ctx, SquaredDifferenceData* data) {
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input1, "input1"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input2, "input2"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  const bool is_int16 = output.type == TensorType::kInt16;
  if (is_int16 && (input1.quant.zero_point() != 0 || input2.quant.zero_point() != 0 ||
                   output.quant.zero_point() != 0)) {
    return ctx.fail(Status::kInvalidModel, "int16 zero points are {}, {} and {}, expected 0",
                    input1.quant.zero_point(), input2.quant.zero_point(),
                    output.quant.zero_point());
  }
  int32_t qmin = 0, qmax = 0;
  (void)kernels::integer_type_range(output.type, &qmin, &qmax);
  // 7 bits keep int8 precision: the largest shifted square, 255^2 * 2^14, still fits int32.
  const int32_t left_shift = is_int16 ? 0 : 7;
  if (!ref::prepare_squared_difference_quantized(input1.quant.scale(), input1.quant.zero_point(),
                                                 input2.quant.scale(), input2.quant.zero_point(),
                                                 output.quant.scale(), output.quant.zero_point(),
                                                 left_shift, qmin, qmax, &data->quant)) {
    return ctx.fail(Status::kInvalidModel,
                    "input scales {} and {} with output scale {} give no "
                    "finite multiplier",
                    input1.quant.scale(), input2.quant.scale(), output.quant.scale());
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  auto* data = ctx.allocate<SquaredDifferenceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  MOTE_TRY(kernels::prepare_broadcast_binary(ctx, ref::kMaxBroadcastRank, &data->geometry));
  const TensorDesc output = ctx.output(0);
  data->type = output.type;
  switch (output.type) {
    case TensorType::kFloat32:
    case TensorType::kInt32:
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      MOTE_TRY(prepare_quantized(ctx, data));
      break;
    default:
      return ctx.unsupported_type(output, "output");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SquaredDifferenceData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::squared_difference_f32(data.geometry, ctx.input<float>(0), ctx.input<float>(1),
                                  ctx.output<float>(0));
      break;
    case TensorType::kInt32:
      ref::squared_difference_s32(data.geometry, ctx.input<int32_t>(0), ctx.input<int32_t>(1),
                                  ctx.output<int32_t>(0));
      break;
    case TensorType::kInt8:
      ref::squared_difference_s8(data.quant, data.geometry, ctx.input<int8_t>(0),
                                 ctx.input<int8_t>(1), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::squared_difference_s16(data.quant, data.geometry, ctx.input<int16_t>(0),
                                  ctx.input<int16_t>(1), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSquaredDifference = {
    static_cast<int32_t>(schema::BuiltinOp::kSquaredDifference), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kSquaredDifference),   prepare, eval};
}  // namespace ops
}  // namespace mote
