// AVERAGE_POOL_2D: float32, int8, int16 (NHWC). Options: Pool2DOptions (padding, strides, filter
// size, fused activation). Input and output share scale and zero point, as TFLM requires.
#include "kernels/pool2d.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_pool2d(ctx, kernels::PoolKind::kAverage);
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<kernels::Pool2DData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::average_pool_f32(data.geometry, data.activation_min_f32, data.activation_max_f32,
                            ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      opt::average_pool_s8(data.s8_variant, data.geometry, data.activation_min, data.activation_max,
                           ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::average_pool_s16(data.geometry, data.activation_min, data.activation_max,
                            ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kAveragePool2D = {
    static_cast<int32_t>(schema::BuiltinOp::kAveragePool2D), nullptr, 3,
    static_cast<uint8_t>(schema::Options::kPool2D),          prepare, eval};
}  // namespace ops
}  // namespace mote
