// MUL: float32, int32, int8, int16 (zero points 0), with broadcasting up to 6D and a fused
// activation.
#include "kernels/ref/mul.h"
#include "kernels/binary_elementwise.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/elementwise_math.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct MulData {
  ref::BroadcastGeometry geometry;
  ref::MulQuant quant;
  float activation_min_f32 = 0.0f;
  float activation_max_f32 = 0.0f;
  int32_t activation_min_s32 = 0;
  int32_t activation_max_s32 = 0;
  TensorType type = TensorType::kFloat32;
};

Status prepare_quantized(const PrepareContext& ctx, kernels::FusedActivation activation,
                         ref::MulQuant* q) {
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input1, "input1"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input2, "input2"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  if (output.type == TensorType::kInt16 &&
      (input1.quant.zero_point() != 0 || input2.quant.zero_point() != 0 ||
       output.quant.zero_point() != 0)) {
    return ctx.fail(Status::kInvalidModel, "int16 inputs and output must have zero point 0");
  }
  // TFLM: the product of the two input scales and the division, all in double.
  const double real_multiplier = static_cast<double>(input1.quant.scale()) *
                                 static_cast<double>(input2.quant.scale()) /
                                 static_cast<double>(output.quant.scale());
  int shift = 0;
  if (!ref::quantize_multiplier(real_multiplier, &q->output_multiplier, &shift) || shift > 30) {
    // A shift above 30 (a multiplier of 2^30 or more) overflows TFLite's `1 << shift`.
    return ctx.fail(Status::kUnsupported,
                    "input scales {} and {} with output scale {} give multiplier {}, too large",
                    input1.quant.scale(), input2.quant.scale(), output.quant.scale(),
                    real_multiplier);
  }
  q->output_shift = shift;
  q->input1_offset = -input1.quant.zero_point();
  q->input2_offset = -input2.quant.zero_point();
  q->output_offset = output.quant.zero_point();
  return kernels::quantized_activation_range(ctx, activation, output, &q->activation_min,
                                             &q->activation_max);
}

Status prepare(PrepareContext& ctx) {
  auto* data = ctx.allocate<MulData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  MOTE_TRY(kernels::prepare_broadcast_binary(ctx, ref::kMaxBroadcastRank, &data->geometry));
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, schema::mul_options::kActivation, &activation));
  const TensorDesc output = ctx.output(0);
  data->type = output.type;
  switch (output.type) {
    case TensorType::kFloat32:
      ref::calculate_activation_range_f32(activation, &data->activation_min_f32,
                                          &data->activation_max_f32);
      break;
    case TensorType::kInt32:
      ref::calculate_activation_range_s32(activation, &data->activation_min_s32,
                                          &data->activation_max_s32);
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      MOTE_TRY(prepare_quantized(ctx, activation, &data->quant));
      break;
    default:
      return ctx.unsupported_type(output, "output");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<MulData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::mul(data.geometry, data.activation_min_f32, data.activation_max_f32, ctx.input<float>(0),
               ctx.input<float>(1), ctx.output<float>(0));
      break;
    case TensorType::kInt32:
      ref::mul(data.geometry, data.activation_min_s32, data.activation_max_s32,
               ctx.input<int32_t>(0), ctx.input<int32_t>(1), ctx.output<int32_t>(0));
      break;
    case TensorType::kInt8:
      ref::mul_quantized(data.geometry, data.quant, ctx.input<int8_t>(0), ctx.input<int8_t>(1),
                         ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::mul_quantized(data.geometry, data.quant, ctx.input<int16_t>(0), ctx.input<int16_t>(1),
                         ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kMul = {static_cast<int32_t>(schema::BuiltinOp::kMul), nullptr, 7,
                           static_cast<uint8_t>(schema::Options::kMul),   prepare, eval};
}  // namespace ops
}  // namespace mote
