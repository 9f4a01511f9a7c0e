// DIV: float32 and int32 (fused activation applied, int32 inputs unquantized) and int8
// (fixed-point reciprocal, fused activation in the quantized domain), with broadcasting. An int32
// zero divisor fails Eval (TFLite checks for it; TFLM divides anyway). See ref/div.h.
#include "kernels/ref/div.h"
#include "kernels/binary_elementwise.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/elementwise_math.h"
#include "mote/ops.h"

namespace mote {
namespace {

// DivOptions { fused_activation_function } (schema.fbs); not in tflite_schema.h yet.
constexpr uint16_t kDivActivationField = 0;

struct DivData {
  ref::BroadcastGeometry geometry;
  ref::DivQuantParams quant;
  int64_t divisor_count = 0;  // elements of input2, all checked for zero (int32)
  float activation_min_f32 = 0.0f;
  float activation_max_f32 = 0.0f;
  int32_t activation_min_s32 = 0;
  int32_t activation_max_s32 = 0;
  TensorType type = TensorType::kFloat32;
};

Status expect_unquantized(const PrepareContext& ctx, const TensorDesc& tensor, const char* role) {
  if (!tensor.quant.present()) return Status::kOk;
  return ctx.fail(Status::kUnsupported,
                  "int32 {} tensor {} is quantized; only plain int32 is "
                  "supported",
                  role, tensor.index);
}

Status prepare_int8(const PrepareContext& ctx, kernels::FusedActivation activation, DivData* data) {
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input1, "input1"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input2, "input2"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  if (!ref::prepare_div_quantized(input1.quant.scale(), input1.quant.zero_point(),
                                  input2.quant.scale(), input2.quant.zero_point(),
                                  output.quant.scale(), output.quant.zero_point(), &data->quant)) {
    return ctx.fail(Status::kInvalidModel,
                    "input scales {} and {} with output scale {} give no "
                    "finite multiplier",
                    input1.quant.scale(), input2.quant.scale(), output.quant.scale());
  }
  return kernels::quantized_activation_range(ctx, activation, output, &data->quant.activation_min,
                                             &data->quant.activation_max);
}

Status prepare(PrepareContext& ctx) {
  auto* data = ctx.allocate<DivData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  MOTE_TRY(kernels::prepare_broadcast_binary(ctx, ref::kMaxBroadcastRank, &data->geometry));
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, kDivActivationField, &activation));
  const TensorDesc output = ctx.output(0);
  data->type = output.type;
  data->divisor_count = kernels::elements(ctx.input(1));
  switch (output.type) {
    case TensorType::kFloat32:
      ref::calculate_activation_range_f32(activation, &data->activation_min_f32,
                                          &data->activation_max_f32);
      break;
    case TensorType::kInt32:
      MOTE_TRY(expect_unquantized(ctx, ctx.input(0), "input1"));
      MOTE_TRY(expect_unquantized(ctx, ctx.input(1), "input2"));
      ref::calculate_activation_range_s32(activation, &data->activation_min_s32,
                                          &data->activation_max_s32);
      break;
    case TensorType::kInt8:
      MOTE_TRY(prepare_int8(ctx, activation, data));
      break;
    default:
      return ctx.unsupported_type(output, "output");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<DivData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::div_f32(data.geometry, data.activation_min_f32, data.activation_max_f32,
                   ctx.input<float>(0), ctx.input<float>(1), ctx.output<float>(0));
      break;
    case TensorType::kInt32: {
      const auto* divisor = ctx.input<int32_t>(1);
      if (ref::contains_zero(data.divisor_count, divisor)) return ctx.fail("division by zero");
      ref::div_s32(data.geometry, data.activation_min_s32, data.activation_max_s32,
                   ctx.input<int32_t>(0), divisor, ctx.output<int32_t>(0));
      break;
    }
    case TensorType::kInt8:
      ref::div_s8(data.quant, data.geometry, ctx.input<int8_t>(0), ctx.input<int8_t>(1),
                  ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kDiv = {static_cast<int32_t>(schema::BuiltinOp::kDiv), nullptr, 2,
                           static_cast<uint8_t>(schema::Options::kDiv),   prepare, eval};
}  // namespace ops
}  // namespace mote
