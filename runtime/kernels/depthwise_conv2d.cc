// DEPTHWISE_CONV_2D: float32; int8 (int8 weights quantized per channel along dimension 3 or per
// tensor, int32 bias); 16x8 (int16 activations, int8 weights, int64 bias). Inputs: input
// [N, H, W, C], filter [1, KH, KW, C * depth_multiplier], optional bias [C * depth_multiplier].
// ops::kDepthwiseConv2DInt8 is the same kernel with the int8 path only.
#include "kernels/ref/depthwise_conv2d.h"
#include "kernels/conv2d_prepare.h"
#include "kernels/opt/depthwise_conv2d_opt.h"
#include "kernels/opt/requant.h"
#include "mote/ops.h"

namespace mote {
namespace {

// Depthwise filters are quantized along their last (output channel) dimension.
constexpr int32_t kChannelDim = 3;

struct DepthwiseConv2DData {
  ref::ConvGeometry geometry;
  ref::ConvQuant quant;
  float activation_min = 0.0f;
  float activation_max = 0.0f;
  kernels::ConvDtype dtype = kernels::ConvDtype::kFloat32;
  opt::DepthwiseS8Variant s8_variant = opt::DepthwiseS8Variant::kReference;
};

// Shapes: input [N, H, W, C], filter [1, KH, KW, OC], output [N, OH, OW, OC] with OC a multiple of
// C and OH x OW what TFLite computes.
Status prepare_geometry(const PrepareContext& ctx, const TensorDesc& input,
                        const TensorDesc& filter, const TensorDesc& output, schema::Padding padding,
                        int32_t depth_multiplier_option, ref::ConvGeometry* g) {
  MOTE_TRY(kernels::expect_rank4(ctx, input, "input"));
  MOTE_TRY(kernels::expect_rank4(ctx, filter, "filter"));
  MOTE_TRY(kernels::expect_rank4(ctx, output, "output"));
  const int32_t* in = input.shape.dims;
  const int32_t* w = filter.shape.dims;
  const int32_t* out = output.shape.dims;
  if (out[0] != in[0]) {
    return ctx.fail(Status::kInvalidModel, "output has {} batches, input has {}", out[0], in[0]);
  }
  if (w[0] != 1) {
    return ctx.fail(Status::kInvalidModel, "filter dimension 0 is {}, expected 1", w[0]);
  }
  if (out[3] != w[3]) {
    return ctx.fail(Status::kInvalidModel, "output has {} channels but the filter has {}", out[3],
                    w[3]);
  }
  if (w[3] % in[3] != 0) {
    return ctx.fail(Status::kInvalidModel,
                    "filter has {} channels, not a multiple of the input depth {}", w[3], in[3]);
  }
  // TFLM loops over the depth_multiplier option; TFLite derives it from the shapes, and old
  // converters leave the option 0. Use the shapes, and refuse an option that contradicts them.
  const int32_t depth_multiplier = w[3] / in[3];
  if (depth_multiplier_option != 0 && depth_multiplier_option != depth_multiplier) {
    return ctx.fail(Status::kInvalidModel,
                    "depth_multiplier {} does not match {} input and {} output channels",
                    depth_multiplier_option, in[3], w[3]);
  }
  g->batches = in[0];
  g->input_height = in[1];
  g->input_width = in[2];
  g->input_depth = in[3];
  g->filter_height = w[1];
  g->filter_width = w[2];
  g->output_height = out[1];
  g->output_width = out[2];
  g->output_depth = w[3];
  g->depth_multiplier = depth_multiplier;
  return kernels::prepare_conv_window(ctx, padding, g);
}

// The float32 and 16x8 paths, which only the general kernel carries.
Status prepare_other_types(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                           const TensorDesc& bias, const TensorDesc& output,
                           kernels::FusedActivation activation, DepthwiseConv2DData* data) {
  const bool has_bias = ctx.has_input(2);
  if (data->dtype == kernels::ConvDtype::kFloat32) {
    if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kFloat32));
    ref::calculate_activation_range_f32(activation, &data->activation_min, &data->activation_max);
    return Status::kOk;
  }
  // TFLM's 16x8 depthwise kernel reads the bias as int64 only.
  if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt64));
  return kernels::prepare_conv_quant(ctx, input, filter, output, kChannelDim, activation,
                                     &data->quant);
}

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  namespace o = schema::depthwise_conv2d_options;
  MOTE_TRY(ctx.expect_counts(2, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc filter = ctx.input(1);
  const TensorDesc bias = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  const bool has_bias = ctx.has_input(2);
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, input, "input"));
  }

  auto* data = ctx.allocate<DepthwiseConv2DData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  MOTE_TRY(kernels::conv_dtype(ctx, input, filter, output, &data->dtype));
  const int8_t padding = ctx.option<int8_t>(o::kPadding, 0);
  ref::ConvGeometry& g = data->geometry;
  g.stride_height = ctx.option<int32_t>(o::kStrideH, 0);
  g.stride_width = ctx.option<int32_t>(o::kStrideW, 0);
  g.dilation_height = ctx.option<int32_t>(o::kDilationH, 1);
  g.dilation_width = ctx.option<int32_t>(o::kDilationW, 1);
  MOTE_TRY(kernels::check_window_options(ctx, padding, g.stride_height, g.stride_width,
                                         g.dilation_height, g.dilation_width));
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, o::kActivation, &activation));
  MOTE_TRY(prepare_geometry(ctx, input, filter, output, static_cast<schema::Padding>(padding),
                            ctx.option<int32_t>(o::kDepthMultiplier, 0), &g));
  if (has_bias) MOTE_TRY(kernels::expect_bias_size(ctx, bias, g.output_depth));

  if (data->dtype == kernels::ConvDtype::kInt8) {
    if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt32));
    MOTE_TRY(kernels::prepare_conv_quant(ctx, input, filter, output, kChannelDim, activation,
                                         &data->quant));
    data->s8_variant = opt::select_depthwise_conv2d_s8(
        g, data->quant, opt::max_abs_bias(bias, has_bias, data->quant.multipliers, true));
  } else if constexpr (kDtypes == kernels::Dtypes::kAll) {
    MOTE_TRY(prepare_other_types(ctx, input, filter, bias, output, activation, data));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_s8(EvalContext& ctx, const DepthwiseConv2DData& data) {
  opt::depthwise_conv2d_s8(data.s8_variant, data.geometry, data.quant, ctx.input<int8_t>(0),
                           ctx.input<int8_t>(1), ctx.input<int32_t>(2), ctx.output<int8_t>(0));
  return Status::kOk;
}

Status eval_other_types(EvalContext& ctx, const DepthwiseConv2DData& data) {
  const ref::ConvGeometry& g = data.geometry;
  if (data.dtype == kernels::ConvDtype::kFloat32) {
    ref::depthwise_conv2d_f32(g, data.activation_min, data.activation_max, ctx.input<float>(0),
                              ctx.input<float>(1), ctx.input<float>(2), ctx.output<float>(0));
  } else {
    ref::depthwise_conv2d_s16(g, data.quant, ctx.input<int16_t>(0), ctx.input<int8_t>(1),
                              ctx.input<int64_t>(2), ctx.output<int16_t>(0));
  }
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<DepthwiseConv2DData>();
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    return eval_s8(ctx, data);
  } else {
    return data.dtype == kernels::ConvDtype::kInt8 ? eval_s8(ctx, data)
                                                   : eval_other_types(ctx, data);
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kDepthwiseConv2D = {static_cast<int32_t>(schema::BuiltinOp::kDepthwiseConv2D),
                                       nullptr,
                                       7,
                                       static_cast<uint8_t>(schema::Options::kDepthwiseConv2D),
                                       prepare<kernels::Dtypes::kAll>,
                                       eval<kernels::Dtypes::kAll>};
constexpr OpKernel kDepthwiseConv2DInt8 = {
    static_cast<int32_t>(schema::BuiltinOp::kDepthwiseConv2D),
    nullptr,
    7,
    static_cast<uint8_t>(schema::Options::kDepthwiseConv2D),
    prepare<kernels::Dtypes::kInt8>,
    eval<kernels::Dtypes::kInt8>};
}  // namespace ops
}  // namespace mote
