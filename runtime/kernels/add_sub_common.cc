#include "kernels/add_sub_common.h"

#include <limits>

#include "kernels/binary_elementwise.h"
#include "kernels/kernel_util.h"
#include "kernels/opt/add_sub_opt.h"
#include "kernels/ref/elementwise_math.h"

namespace mote {
namespace kernels {
namespace {

// ADD and SUB options have the same layout, so one field id reads both.
static_assert(schema::add_options::kActivation == schema::sub_options::kActivation,
              "ADD and SUB options differ");

struct AddSubData {
  ref::BroadcastGeometry geometry;
  ref::AddSubQuant quant;
  float activation_min_f32 = 0.0f;
  float activation_max_f32 = 0.0f;
  int32_t activation_min_s32 = 0;
  int32_t activation_max_s32 = 0;
  TensorType type = TensorType::kFloat32;
  ref::AddSubKind kind = ref::AddSubKind::kAdd;
  opt::AddSubS8Variant s8_variant = opt::AddSubS8Variant::kReference;
};

// TFLM runs int32 ADD/SUB only on unquantized tensors (SUB checks the output too).
Status expect_unquantized(const PrepareContext& ctx, const TensorDesc& tensor, const char* role) {
  if (!tensor.quant.present()) return Status::kOk;
  return ctx.fail(Status::kUnsupported,
                  "int32 {} tensor {} is quantized; only plain int32 is "
                  "supported",
                  role, tensor.index);
}

Status prepare_quantized(const PrepareContext& ctx, FusedActivation activation, AddSubData* data) {
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(expect_per_tensor_scale(ctx, input1, "input1"));
  MOTE_TRY(expect_per_tensor_scale(ctx, input2, "input2"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  // TFLM ignores pot_scale_int16: int16 always takes the general rescaling path.
  if (!ref::prepare_add_sub_quant(data->kind, output.type == TensorType::kInt16,
                                  input1.quant.scale(), input1.quant.zero_point(),
                                  input2.quant.scale(), input2.quant.zero_point(),
                                  output.quant.scale(), output.quant.zero_point(), &data->quant)) {
    return ctx.fail(Status::kUnsupported,
                    "input scales {} and {} with output scale {} give a rescaling multiplier "
                    "outside (0, 1)",
                    input1.quant.scale(), input2.quant.scale(), output.quant.scale());
  }
  return quantized_activation_range(ctx, activation, output, &data->quant.activation_min,
                                    &data->quant.activation_max);
}

}  // namespace

Status prepare_add_sub(PrepareContext& ctx, ref::AddSubKind kind) {
  auto* data = ctx.allocate<AddSubData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->kind = kind;
  MOTE_TRY(prepare_broadcast_binary(ctx, ref::kMaxBroadcastRank, &data->geometry));
  FusedActivation activation;
  MOTE_TRY(read_fused_activation(ctx, schema::add_options::kActivation, &activation));
  const TensorDesc output = ctx.output(0);
  data->type = output.type;
  switch (output.type) {
    case TensorType::kFloat32:
      ref::calculate_activation_range_f32(activation, &data->activation_min_f32,
                                          &data->activation_max_f32);
      break;
    case TensorType::kInt32:
      MOTE_TRY(expect_unquantized(ctx, ctx.input(0), "input1"));
      MOTE_TRY(expect_unquantized(ctx, ctx.input(1), "input2"));
      if (kind == ref::AddSubKind::kSub) {
        MOTE_TRY(expect_unquantized(ctx, output, "output"));
        ref::calculate_activation_range_s32(activation, &data->activation_min_s32,
                                            &data->activation_max_s32);
      } else {
        // TFLM's int32 ADD clamps to the whole int32 range: the fused activation is ignored.
        data->activation_min_s32 = std::numeric_limits<int32_t>::lowest();
        data->activation_max_s32 = std::numeric_limits<int32_t>::max();
      }
      break;
    case TensorType::kInt8:
      MOTE_TRY(prepare_quantized(ctx, activation, data));
      data->s8_variant = opt::select_add_sub_s8(data->geometry, data->quant);
      break;
    case TensorType::kInt16:
      MOTE_TRY(prepare_quantized(ctx, activation, data));
      break;
    default:
      return ctx.unsupported_type(output, "output");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_add_sub_s8(EvalContext& ctx) {
  const auto& data = ctx.op_data<AddSubData>();
  opt::add_sub_s8(data.s8_variant, data.kind, data.geometry, data.quant, ctx.input<int8_t>(0),
                  ctx.input<int8_t>(1), ctx.output<int8_t>(0));
  return Status::kOk;
}

Status eval_add_sub(EvalContext& ctx) {
  const auto& data = ctx.op_data<AddSubData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::add_sub(data.kind, data.geometry, data.activation_min_f32, data.activation_max_f32,
                   ctx.input<float>(0), ctx.input<float>(1), ctx.output<float>(0));
      break;
    case TensorType::kInt32:
      ref::add_sub(data.kind, data.geometry, data.activation_min_s32, data.activation_max_s32,
                   ctx.input<int32_t>(0), ctx.input<int32_t>(1), ctx.output<int32_t>(0));
      break;
    case TensorType::kInt8:
      return eval_add_sub_s8(ctx);
    case TensorType::kInt16:
      ref::add_sub_quantized(data.kind, data.geometry, data.quant, ctx.input<int16_t>(0),
                             ctx.input<int16_t>(1), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
