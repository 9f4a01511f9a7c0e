// SOFTMAX over the last dimension (any rank >= 1): float32 -> float32, int8 -> int8,
// int8 -> int16 and int16 -> int16, as TFLM's reference kernel. Option: beta.
//
// Quantized outputs have the fixed quantization TFLM requires: int8 scale exactly 1/256 and zero
// point -128; int16 from int8 scale 1/65536 (+-0.1%) and zero point -32768; int16 from int16 scale
// 1/32768 (+-0.1%) and zero point 0 (with input zero point 0). The int16 kernel's two lookup
// tables are built here in Prepare, in the persistent arena, as TFLM does. ops::kSoftmaxInt8 is the
// same kernel with the int8 -> int8 path only.
#include <cmath>

#include "kernels/kernel_util.h"
#include "kernels/ref/softmax.h"
#include "mote/ops.h"

namespace mote {
namespace {

enum class SoftmaxVariant : uint8_t { kFloat32, kInt8ToInt8, kInt8ToInt16, kInt16ToInt16 };

struct SoftmaxData {
  ref::SoftmaxQuantParams quant;
  int64_t rows = 0;
  int32_t depth = 0;
  float beta = 0.0f;
  SoftmaxVariant variant = SoftmaxVariant::kFloat32;
};

// TF_LITE_ENSURE_NEAR(scale, expected, 0.1% of expected), evaluated in float as TFLM does.
bool scale_is_near(float scale, float expected) {
  const float delta = scale > expected ? scale - expected : expected - scale;
  return !(delta > 0.001f * expected);
}

Status expect_output_quantization(PrepareContext& ctx, const TensorDesc& output, int32_t zero_point,
                                  float scale, bool exact) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  const bool scale_ok =
      exact ? output.quant.scale() == scale : scale_is_near(output.quant.scale(), scale);
  if (output.quant.zero_point() != zero_point || !scale_ok) {
    return ctx.fail(Status::kInvalidModel,
                    "{} output has scale {} and zero point {}; softmax requires scale {} and zero "
                    "point {}",
                    type_name(output.type), output.quant.scale(), output.quant.zero_point(), scale,
                    zero_point);
  }
  return Status::kOk;
}

Status prepare_int8_input(PrepareContext& ctx, const TensorDesc& input, float beta,
                          SoftmaxData* data) {
  // Differences are rescaled to Q5.26 for exp_on_negative_values.
  constexpr int kScaledDiffIntegerBits = 5;
  int left_shift = 0;
  if (!ref::preprocess_softmax_scaling(beta, input.quant.scale(), kScaledDiffIntegerBits,
                                       &data->quant.input_multiplier, &left_shift)) {
    // TFLM CHECK-fails here (beta * input_scale * 2^26 must exceed 1).
    return ctx.fail(Status::kUnsupported,
                    "beta {} times input scale {} is too small for the int8 softmax (needs "
                    "beta * scale > 2^-26)",
                    beta, input.quant.scale());
  }
  data->quant.input_left_shift = left_shift;
  data->quant.diff_min = -ref::calculate_input_radius(kScaledDiffIntegerBits, left_shift);
  return Status::kOk;
}

Status prepare_int16_input(PrepareContext& ctx, const TensorDesc& input, float beta,
                           SoftmaxData* data) {
  if (input.quant.zero_point() != 0) {
    return ctx.fail(Status::kInvalidModel, "int16 input has zero point {}, expected 0",
                    input.quant.zero_point());
  }
  if (data->depth > ref::kSoftmaxMaxDepthS16) {
    return ctx.fail(Status::kUnsupported,
                    "int16 softmax over {} values; at most {} keep the int32 sum of exps exact",
                    data->depth, ref::kSoftmaxMaxDepthS16);
  }
  // Scale differences so that [-65535, 0] covers the exp table's [-10, 0].
  const double rescale =
      static_cast<double>(input.quant.scale()) * static_cast<double>(beta) / (10.0 / 65535.0);
  int shift = 0;
  if (!ref::quantize_multiplier(rescale, &data->quant.input_multiplier, &shift) || shift > 30) {
    return ctx.fail(Status::kUnsupported, "beta {} times input scale {} is out of range", beta,
                    input.quant.scale());
  }
  data->quant.input_left_shift = shift;
  auto* exp_lut = ctx.allocate<int16_t>(ref::kLutSizeS16);
  auto* reciprocal_lut = ctx.allocate<int16_t>(ref::kLutSizeS16);
  if (exp_lut == nullptr || reciprocal_lut == nullptr) return Status::kArenaTooSmall;
  ref::softmax_populate_luts_s16(exp_lut, reciprocal_lut);
  data->quant.exp_lut = exp_lut;
  data->quant.one_over_one_plus_x_lut = reciprocal_lut;
  return Status::kOk;
}

// Every path but int8 -> int8, which only the general kernel carries.
Status prepare_other_types(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& output,
                           SoftmaxData* data) {
  switch (input.type) {
    case TensorType::kFloat32:
      MOTE_TRY(ctx.expect_type(output, "output", TensorType::kFloat32));
      data->variant = SoftmaxVariant::kFloat32;
      return Status::kOk;
    case TensorType::kInt8:
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      if (output.type != TensorType::kInt16) return ctx.unsupported_type(output, "output");
      MOTE_TRY(expect_output_quantization(ctx, output, -32768, 1.0f / 65536, /*exact=*/false));
      data->variant = SoftmaxVariant::kInt8ToInt16;
      return prepare_int8_input(ctx, input, data->beta, data);
    case TensorType::kInt16:
      MOTE_TRY(ctx.expect_type(output, "output", TensorType::kInt16));
      MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
      MOTE_TRY(expect_output_quantization(ctx, output, 0, 1.0f / 32768, /*exact=*/false));
      data->variant = SoftmaxVariant::kInt16ToInt16;
      return prepare_int16_input(ctx, input, data->beta, data);
    default:
      return ctx.unsupported_type(input, "input");
  }
}

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, input, "input"));
    MOTE_TRY(kernels::expect_int8_kernel(ctx, output, "output"));
  }
  if (input.shape.rank < 1) {
    return ctx.fail(Status::kInvalidModel, "input is a scalar; softmax needs rank >= 1");
  }
  if (output.shape != input.shape) {
    return ctx.fail(Status::kInvalidModel, "output shape differs from input shape");
  }
  const float beta = ctx.option<float>(schema::softmax_options::kBeta, 0.0f);
  if (!std::isfinite(beta)) {
    return ctx.fail(Status::kInvalidModel, "beta is {}", beta);
  }
  auto* data = ctx.allocate<SoftmaxData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->beta = beta;
  data->depth = input.shape.dims[input.shape.rank - 1];
  data->rows = input.shape.num_elements(0, input.shape.rank - 1);

  if (input.type == TensorType::kInt8 && output.type == TensorType::kInt8) {
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
    MOTE_TRY(expect_output_quantization(ctx, output, -128, 1.0f / 256, /*exact=*/true));
    data->variant = SoftmaxVariant::kInt8ToInt8;
    MOTE_TRY(prepare_int8_input(ctx, input, beta, data));
  } else if constexpr (kDtypes == kernels::Dtypes::kAll) {
    MOTE_TRY(prepare_other_types(ctx, input, output, data));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_s8(EvalContext& ctx, const SoftmaxData& data) {
  ref::softmax_s8_s8(data.quant, data.rows, data.depth, ctx.input<int8_t>(0),
                     ctx.output<int8_t>(0));
  return Status::kOk;
}

Status eval_other_types(EvalContext& ctx, const SoftmaxData& data) {
  switch (data.variant) {
    case SoftmaxVariant::kFloat32:
      ref::softmax_f32(data.rows, data.depth, data.beta, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case SoftmaxVariant::kInt8ToInt8:
      return eval_s8(ctx, data);
    case SoftmaxVariant::kInt8ToInt16:
      ref::softmax_s8_s16(data.quant, data.rows, data.depth, ctx.input<int8_t>(0),
                          ctx.output<int16_t>(0));
      break;
    case SoftmaxVariant::kInt16ToInt16:
      ref::softmax_s16(data.quant, data.rows, data.depth, ctx.input<int16_t>(0),
                       ctx.output<int16_t>(0));
      break;
  }
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SoftmaxData>();
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    return eval_s8(ctx, data);
  } else {
    return eval_other_types(ctx, data);
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kSoftmax = {static_cast<int32_t>(schema::BuiltinOp::kSoftmax),
                               nullptr,
                               3,
                               static_cast<uint8_t>(schema::Options::kSoftmax),
                               prepare<kernels::Dtypes::kAll>,
                               eval<kernels::Dtypes::kAll>};
constexpr OpKernel kSoftmaxInt8 = {static_cast<int32_t>(schema::BuiltinOp::kSoftmax),
                                   nullptr,
                                   3,
                                   static_cast<uint8_t>(schema::Options::kSoftmax),
                                   prepare<kernels::Dtypes::kInt8>,
                                   eval<kernels::Dtypes::kInt8>};
}  // namespace ops
}  // namespace mote
