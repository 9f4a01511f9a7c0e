// GELU: float32, int8 and uint8 (lookup table built in Prepare), option `approximate` (tanh form).
// TFLM has no GELU; this follows TFLite's kernel (see ref/gelu.h for the float caveat).
#include "kernels/ref/gelu.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/lut8.h"
#include "kernels/ref/quantization.h"
#include "mote/ops.h"

namespace mote {
namespace {

// GeluOptions { approximate: bool } (schema.fbs); not in tflite_schema.h yet.
constexpr uint16_t kGeluApproximateField = 0;

struct GeluData {
  int8_t lut_s8[ref::kLutSizeS8] = {};
  uint8_t lut_u8[ref::kLutSizeS8] = {};
  int64_t count = 0;
  bool approximate = false;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  TensorDesc input, output;
  MOTE_TRY(kernels::expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<GeluData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = input.type;
  data->count = kernels::elements(input);
  data->approximate = ctx.option<uint8_t>(kGeluApproximateField, 0) != 0;
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
    case TensorType::kUInt8:
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
      if (input.type == TensorType::kInt8) {
        ref::gelu_populate_lut_s8(data->approximate, input.quant.scale(), input.quant.zero_point(),
                                  output.quant.scale(), output.quant.zero_point(), data->lut_s8);
      } else {
        ref::gelu_populate_lut_u8(data->approximate, input.quant.scale(), input.quant.zero_point(),
                                  output.quant.scale(), output.quant.zero_point(), data->lut_u8);
      }
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<GeluData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::gelu_f32(data.approximate, data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::lookup_s8(data.lut_s8, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kUInt8:
      ref::lookup_u8(data.lut_u8, data.count, ctx.input<uint8_t>(0), ctx.output<uint8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kGelu = {static_cast<int32_t>(schema::BuiltinOp::kGelu), nullptr, 2,
                            static_cast<uint8_t>(schema::Options::kGelu),   prepare, eval};
}  // namespace ops
}  // namespace mote
