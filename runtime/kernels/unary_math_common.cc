#include "kernels/unary_math_common.h"

#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {
namespace {

enum class UnaryVariant : uint8_t { kFloat32, kAbsS8, kAbsS16, kAbsS16Unquantized, kRsqrtS8 };

struct UnaryMathData {
  ref::AbsQuantParams abs;
  ref::RsqrtQuantParams rsqrt;
  int64_t count = 0;
  ref::UnaryMath op = ref::UnaryMath::kAbs;
  UnaryVariant variant = UnaryVariant::kFloat32;
};

Status expect_quantized_pair(const PrepareContext& ctx, const TensorDesc& input,
                             const TensorDesc& output) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  return expect_per_tensor_scale(ctx, output, "output");
}

Status prepare_abs(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                   UnaryMathData* data) {
  if (input.type == TensorType::kInt16) {
    // TFLM runs int16 ABS unquantized when the input has no quantization parameters.
    if (!input.quant.present()) {
      data->variant = UnaryVariant::kAbsS16Unquantized;
      return Status::kOk;
    }
    MOTE_TRY(expect_quantized_pair(ctx, input, output));
    if (input.quant.zero_point() != 0 || output.quant.zero_point() != 0) {
      return ctx.fail(Status::kInvalidModel,
                      "int16 input and output have zero points {} and {}, expected 0",
                      input.quant.zero_point(), output.quant.zero_point());
    }
    data->variant = UnaryVariant::kAbsS16;
  } else {
    MOTE_TRY(expect_quantized_pair(ctx, input, output));
    data->variant = UnaryVariant::kAbsS8;
  }
  if (!ref::prepare_abs_quantized(input.quant.scale(), input.quant.zero_point(),
                                  output.quant.scale(), output.quant.zero_point(), &data->abs)) {
    return ctx.fail(Status::kInvalidModel, "input scale {} over output scale {} is not finite",
                    input.quant.scale(), output.quant.scale());
  }
  return Status::kOk;
}

Status prepare_rsqrt(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                     UnaryMathData* data) {
  MOTE_TRY(expect_quantized_pair(ctx, input, output));
  if (!ref::prepare_rsqrt_quantized(input.quant.scale(), input.quant.zero_point(),
                                    output.quant.scale(), output.quant.zero_point(),
                                    &data->rsqrt)) {
    return ctx.fail(Status::kInvalidModel, "input scale {} and output scale {} give no multiplier",
                    input.quant.scale(), output.quant.scale());
  }
  data->variant = UnaryVariant::kRsqrtS8;
  return Status::kOk;
}

}  // namespace

Status prepare_unary_math(PrepareContext& ctx, ref::UnaryMath op) {
  TensorDesc input, output;
  MOTE_TRY(expect_unary(ctx, &input, &output));
  auto* data = ctx.allocate<UnaryMathData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->op = op;
  data->count = elements(input);
  const bool is_abs = op == ref::UnaryMath::kAbs;
  const bool is_rsqrt = op == ref::UnaryMath::kRsqrt;
  if (input.type == TensorType::kFloat32) {
    data->variant = UnaryVariant::kFloat32;
  } else if (is_abs && is_one_of(input.type, TensorType::kInt8, TensorType::kInt16)) {
    MOTE_TRY(prepare_abs(ctx, input, output, data));
  } else if (is_rsqrt && input.type == TensorType::kInt8) {
    MOTE_TRY(prepare_rsqrt(ctx, input, output, data));
  } else {
    return ctx.unsupported_type(input, "input");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_unary_math(EvalContext& ctx) {
  const auto& data = ctx.op_data<UnaryMathData>();
  switch (data.variant) {
    case UnaryVariant::kFloat32:
      ref::unary_math_f32(data.op, data.count, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case UnaryVariant::kAbsS8:
      ref::abs_s8(data.abs, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case UnaryVariant::kAbsS16:
      ref::abs_s16(data.abs, data.count, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    case UnaryVariant::kAbsS16Unquantized:
      ref::abs_s16_unquantized(data.count, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    case UnaryVariant::kRsqrtS8: {
      const int64_t done =
          ref::rsqrt_s8(data.rsqrt, data.count, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      if (done != data.count) {
        return ctx.fail(
            "element {} is below the input zero point {}: RSQRT is only defined for "
            "positive values",
            done, data.rsqrt.input_offset);
      }
      break;
    }
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
