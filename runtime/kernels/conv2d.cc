// CONV_2D: float32; int8 (int8 weights quantized per channel or per tensor, int32 bias); 16x8
// (int16 activations, int8 weights, int64 or int32 bias). Inputs: input [N, H, W, C], filter
// [OC, KH, KW, C / groups], optional bias [OC]; grouped when C is a multiple of the filter depth.
// ops::kConv2DInt8 is the same kernel with the int8 path only.
#include "kernels/ref/conv2d.h"
#include "kernels/conv2d_prepare.h"
#include "kernels/opt/conv2d_opt.h"
#include "kernels/opt/requant.h"
#include "mote/ops.h"

namespace mote {
namespace {

enum class Variant : uint8_t {
  kF32,
  kS8,
  kS16,       // int64 bias: int64 accumulator
  kS16Acc32,  // int32 bias or none: TFLM's int32-accumulator instantiation
};

struct Conv2DData {
  ref::ConvGeometry geometry;
  ref::ConvQuant quant;
  float activation_min = 0.0f;
  float activation_max = 0.0f;
  Variant variant = Variant::kF32;
  opt::Conv2DS8Variant s8_variant = opt::Conv2DS8Variant::kReference;
  int32_t scratch_index = -1;  // scratch of s8_variant, when it needs any
};

// Shapes: input [N, H, W, C], filter [OC, KH, KW, FC] with C = groups * FC and OC a multiple of
// groups, output [N, OH, OW, OC] with OH x OW what TFLite computes.
Status prepare_geometry(const PrepareContext& ctx, const TensorDesc& input,
                        const TensorDesc& filter, const TensorDesc& output, schema::Padding padding,
                        ref::ConvGeometry* g) {
  MOTE_TRY(kernels::expect_rank4(ctx, input, "input"));
  MOTE_TRY(kernels::expect_rank4(ctx, filter, "filter"));
  MOTE_TRY(kernels::expect_rank4(ctx, output, "output"));
  const int32_t* in = input.shape.dims;
  const int32_t* w = filter.shape.dims;
  const int32_t* out = output.shape.dims;
  if (out[0] != in[0]) {
    return ctx.fail(Status::kInvalidModel, "output has {} batches, input has {}", out[0], in[0]);
  }
  if (out[3] != w[0]) {
    return ctx.fail(Status::kInvalidModel, "output has {} channels but the filter has {}", out[3],
                    w[0]);
  }
  if (in[3] % w[3] != 0) {
    return ctx.fail(Status::kInvalidModel,
                    "input depth {} is not a multiple of the filter depth {}", in[3], w[3]);
  }
  const int32_t groups = in[3] / w[3];
  if (w[0] % groups != 0) {
    return ctx.fail(Status::kInvalidModel, "{} output channels do not split into {} groups", w[0],
                    groups);
  }
  g->batches = in[0];
  g->input_height = in[1];
  g->input_width = in[2];
  g->input_depth = in[3];
  g->output_depth = w[0];
  g->filter_height = w[1];
  g->filter_width = w[2];
  g->filter_depth = w[3];
  g->output_height = out[1];
  g->output_width = out[2];
  return kernels::prepare_conv_window(ctx, padding, g);
}

// The int8 path: int32 bias, and the optimized kernel variant with its scratch.
Status prepare_s8(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                  const TensorDesc& bias, const TensorDesc& output,
                  kernels::FusedActivation activation, Conv2DData* data) {
  const bool has_bias = ctx.has_input(2);
  if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt32));
  MOTE_TRY(kernels::prepare_conv_quant(ctx, input, filter, output, 0, activation, &data->quant));
  data->variant = Variant::kS8;
  data->s8_variant =
      opt::select_conv2d_s8(data->geometry, data->quant,
                            opt::max_abs_bias(bias, has_bias, data->quant.multipliers, true));
  if (const size_t bytes = opt::conv2d_s8_scratch_bytes(data->s8_variant, data->geometry);
      bytes > 0) {
    MOTE_TRY(ctx.request_scratch(bytes, &data->scratch_index));
  }
  return Status::kOk;
}

// The float32 and 16x8 paths, which only the general kernel carries.
Status prepare_other_types(PrepareContext& ctx, kernels::ConvDtype dtype, const TensorDesc& input,
                           const TensorDesc& filter, const TensorDesc& bias,
                           const TensorDesc& output, kernels::FusedActivation activation,
                           Conv2DData* data) {
  const bool has_bias = ctx.has_input(2);
  if (dtype == kernels::ConvDtype::kFloat32) {
    if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kFloat32));
    ref::calculate_activation_range_f32(activation, &data->activation_min, &data->activation_max);
    data->variant = Variant::kF32;
    return Status::kOk;
  }
  if (has_bias && bias.type != TensorType::kInt64 && bias.type != TensorType::kInt32) {
    return ctx.unsupported_type(bias, "bias");
  }
  MOTE_TRY(kernels::prepare_conv_quant(ctx, input, filter, output, 0, activation, &data->quant));
  data->variant = has_bias && bias.type == TensorType::kInt64 ? Variant::kS16 : Variant::kS16Acc32;
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  namespace o = schema::conv2d_options;
  MOTE_TRY(ctx.expect_counts(2, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc filter = ctx.input(1);
  const TensorDesc bias = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  const bool has_bias = ctx.has_input(2);
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, input, "input"));
  }

  kernels::ConvDtype dtype;
  MOTE_TRY(kernels::conv_dtype(ctx, input, filter, output, &dtype));
  const int8_t padding = ctx.option<int8_t>(o::kPadding, 0);
  auto* data = ctx.allocate<Conv2DData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::ConvGeometry& g = data->geometry;
  g.stride_height = ctx.option<int32_t>(o::kStrideH, 0);
  g.stride_width = ctx.option<int32_t>(o::kStrideW, 0);
  g.dilation_height = ctx.option<int32_t>(o::kDilationH, 1);
  g.dilation_width = ctx.option<int32_t>(o::kDilationW, 1);
  MOTE_TRY(kernels::check_window_options(ctx, padding, g.stride_height, g.stride_width,
                                         g.dilation_height, g.dilation_width));
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, o::kActivation, &activation));
  MOTE_TRY(prepare_geometry(ctx, input, filter, output, static_cast<schema::Padding>(padding), &g));
  if (has_bias) MOTE_TRY(kernels::expect_bias_size(ctx, bias, g.output_depth));

  if (dtype == kernels::ConvDtype::kInt8) {
    MOTE_TRY(prepare_s8(ctx, input, filter, bias, output, activation, data));
  } else if constexpr (kDtypes == kernels::Dtypes::kAll) {
    MOTE_TRY(prepare_other_types(ctx, dtype, input, filter, bias, output, activation, data));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_s8(EvalContext& ctx, const Conv2DData& data) {
  opt::conv2d_s8(data.s8_variant, data.geometry, data.quant, ctx.input<int8_t>(0),
                 ctx.input<int8_t>(1), ctx.input<int32_t>(2), ctx.output<int8_t>(0),
                 data.scratch_index >= 0 ? ctx.scratch(data.scratch_index) : Span<uint8_t>());
  return Status::kOk;
}

Status eval_other_types(EvalContext& ctx, const Conv2DData& data) {
  const ref::ConvGeometry& g = data.geometry;
  switch (data.variant) {
    case Variant::kF32:
      ref::conv2d_f32(g, data.activation_min, data.activation_max, ctx.input<float>(0),
                      ctx.input<float>(1), ctx.input<float>(2), ctx.output<float>(0));
      break;
    case Variant::kS8:
      return eval_s8(ctx, data);
    case Variant::kS16:
      ref::conv2d_s16(g, data.quant, ctx.input<int16_t>(0), ctx.input<int8_t>(1),
                      ctx.input<int64_t>(2), ctx.output<int16_t>(0));
      break;
    case Variant::kS16Acc32:
      ref::conv2d_s16_acc32(g, data.quant, ctx.input<int16_t>(0), ctx.input<int8_t>(1),
                            ctx.input<int32_t>(2), ctx.output<int16_t>(0));
      break;
  }
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<Conv2DData>();
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    return eval_s8(ctx, data);
  } else {
    return eval_other_types(ctx, data);
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kConv2D = {static_cast<int32_t>(schema::BuiltinOp::kConv2D),
                              nullptr,
                              8,
                              static_cast<uint8_t>(schema::Options::kConv2D),
                              prepare<kernels::Dtypes::kAll>,
                              eval<kernels::Dtypes::kAll>};
constexpr OpKernel kConv2DInt8 = {static_cast<int32_t>(schema::BuiltinOp::kConv2D),
                                  nullptr,
                                  8,
                                  static_cast<uint8_t>(schema::Options::kConv2D),
                                  prepare<kernels::Dtypes::kInt8>,
                                  eval<kernels::Dtypes::kInt8>};
}  // namespace ops
}  // namespace mote
