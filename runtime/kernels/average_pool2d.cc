// AVERAGE_POOL_2D: float32, int8, int16 (NHWC). Options: Pool2DOptions (padding, strides, filter
// size, fused activation). Input and output share scale and zero point, as TFLM requires.
// ops::kAveragePool2DInt8 is the same kernel with the int8 path only.
#include "kernels/kernel_util.h"
#include "kernels/pool2d.h"
#include "mote/ops.h"

namespace mote {
namespace {

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, ctx.input(0), "input"));
  }
  return kernels::prepare_pool2d(ctx, kernels::PoolKind::kAverage);
}

Status eval_s8(EvalContext& ctx, const kernels::Pool2DData& data) {
  opt::average_pool_s8(data.s8_variant, data.geometry, data.activation_min, data.activation_max,
                       ctx.input<int8_t>(0), ctx.output<int8_t>(0));
  return Status::kOk;
}

Status eval_other_types(EvalContext& ctx, const kernels::Pool2DData& data) {
  if (data.type == TensorType::kFloat32) {
    ref::average_pool_f32(data.geometry, data.activation_min_f32, data.activation_max_f32,
                          ctx.input<float>(0), ctx.output<float>(0));
  } else {
    ref::average_pool_s16(data.geometry, data.activation_min, data.activation_max,
                          ctx.input<int16_t>(0), ctx.output<int16_t>(0));
  }
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<kernels::Pool2DData>();
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    return eval_s8(ctx, data);
  } else {
    return data.type == TensorType::kInt8 ? eval_s8(ctx, data) : eval_other_types(ctx, data);
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kAveragePool2D = {static_cast<int32_t>(schema::BuiltinOp::kAveragePool2D),
                                     nullptr,
                                     3,
                                     static_cast<uint8_t>(schema::Options::kPool2D),
                                     prepare<kernels::Dtypes::kAll>,
                                     eval<kernels::Dtypes::kAll>};
constexpr OpKernel kAveragePool2DInt8 = {static_cast<int32_t>(schema::BuiltinOp::kAveragePool2D),
                                         nullptr,
                                         3,
                                         static_cast<uint8_t>(schema::Options::kPool2D),
                                         prepare<kernels::Dtypes::kInt8>,
                                         eval<kernels::Dtypes::kInt8>};
}  // namespace ops
}  // namespace mote
