#include "kernels/conv2d_prepare.h"

#include "kernels/opt/requant.h"
#include "kernels/padding.h"

namespace mote {
namespace kernels {

Status conv_dtype(const PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                  const TensorDesc& output, ConvDtype* out) {
  switch (input.type) {
    case TensorType::kFloat32:
      if (filter.type == TensorType::kInt8 || filter.type == TensorType::kInt4 ||
          filter.type == TensorType::kUInt8) {
        return ctx.fail(Status::kUnsupported,
                        "hybrid model: float32 activations with {} weights (filter tensor {}) are "
                        "not supported, as in TFLM; quantize the model with `mote quantize`",
                        type_name(filter.type), filter.index);
      }
      MOTE_TRY(ctx.expect_type(filter, "filter", TensorType::kFloat32));
      *out = ConvDtype::kFloat32;
      break;
    case TensorType::kInt8:
    case TensorType::kInt16:
      if (filter.type == TensorType::kInt4) {
        return ctx.fail(Status::kUnsupported,
                        "filter tensor {} holds packed int4 weights, which are not supported; "
                        "store them as int8",
                        filter.index);
      }
      MOTE_TRY(ctx.expect_type(filter, "filter", TensorType::kInt8));
      *out = input.type == TensorType::kInt8 ? ConvDtype::kInt8 : ConvDtype::kInt16;
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  return ctx.expect_same_type(input, output);
}

Status expect_rank4(const PrepareContext& ctx, const TensorDesc& tensor, const char* role) {
  if (tensor.shape.rank != 4) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} has rank {}, expected 4", role,
                    tensor.index, tensor.shape.rank);
  }
  for (int32_t i = 0; i < 4; ++i) {
    if (tensor.shape.dims[i] < 1) {
      return ctx.fail(Status::kInvalidModel, "{} tensor {} has dimension {} of size {}", role,
                      tensor.index, i, tensor.shape.dims[i]);
    }
  }
  return Status::kOk;
}

Status check_window_options(const PrepareContext& ctx, int8_t padding, int32_t stride_height,
                            int32_t stride_width, int32_t dilation_height, int32_t dilation_width) {
  if (padding != static_cast<int8_t>(schema::Padding::kSame) &&
      padding != static_cast<int8_t>(schema::Padding::kValid)) {
    return ctx.fail(Status::kInvalidModel, "invalid padding {}", padding);
  }
  if (stride_height < 1 || stride_width < 1) {
    return ctx.fail(Status::kInvalidModel, "stride {}x{} (height x width) must be at least 1",
                    stride_height, stride_width);
  }
  if (dilation_height < 1 || dilation_width < 1) {
    return ctx.fail(Status::kInvalidModel, "dilation {}x{} (height x width) must be at least 1",
                    dilation_height, dilation_width);
  }
  return Status::kOk;
}

namespace {

// (out - 1) * stride + (filter - 1) * dilation + in bounds every coordinate the reference loops
// form (window origins and taps, padding included); it must fit in int32.
bool window_fits_int32(int32_t out, int32_t stride, int32_t filter, int32_t dilation, int32_t in) {
  const int64_t span =
      (static_cast<int64_t>(out) - 1) * stride + (static_cast<int64_t>(filter) - 1) * dilation + in;
  return span <= INT32_MAX;
}

const char* padding_name(schema::Padding padding) {
  return padding == schema::Padding::kSame ? "SAME" : "VALID";
}

}  // namespace

Status prepare_conv_window(const PrepareContext& ctx, schema::Padding padding,
                           ref::ConvGeometry* g) {
  if (!window_fits_int32(g->output_height, g->stride_height, g->filter_height, g->dilation_height,
                         g->input_height) ||
      !window_fits_int32(g->output_width, g->stride_width, g->filter_width, g->dilation_width,
                         g->input_width)) {
    return ctx.fail(Status::kUnsupported, "strides or dilations are too large");
  }
  int32_t out_height = 0, out_width = 0;
  const PaddingValues p = compute_padding_height_width(
      g->stride_height, g->stride_width, g->dilation_height, g->dilation_width, g->input_height,
      g->input_width, g->filter_height, g->filter_width, padding, &out_height, &out_width);
  if (out_height != g->output_height || out_width != g->output_width) {
    return ctx.fail(Status::kInvalidModel,
                    "output is {}x{} but a {}x{} input, {}x{} filter, stride {}x{}, dilation "
                    "{}x{} and {} padding give {}x{}",
                    g->output_height, g->output_width, g->input_height, g->input_width,
                    g->filter_height, g->filter_width, g->stride_height, g->stride_width,
                    g->dilation_height, g->dilation_width, padding_name(padding), out_height,
                    out_width);
  }
  g->pad_height = p.height;
  g->pad_width = p.width;
  return Status::kOk;
}

Status prepare_conv_quant(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                          const TensorDesc& output, int32_t channel_dim, FusedActivation activation,
                          ref::ConvQuant* q) {
  MOTE_TRY(ctx.expect_quantized(filter, "filter"));
  const int32_t channels = filter.shape.dims[channel_dim];
  if (filter.quant.per_channel() && filter.quant.quantized_dimension != channel_dim) {
    return ctx.fail(Status::kInvalidModel,
                    "filter tensor {} is quantized along dimension {}, expected {}", filter.index,
                    filter.quant.quantized_dimension, channel_dim);
  }
  for (uint32_t i = 0; i < filter.quant.size(); ++i) {
    if (filter.quant.zero_point(i) != 0) {
      return ctx.fail(Status::kUnsupported,
                      "filter tensor {} has zero point {}; convolution filters must be "
                      "symmetric (zero point 0)",
                      filter.index, filter.quant.zero_point(i));
    }
  }
  ChannelMultipliers m;
  MOTE_TRY(prepare_channel_multipliers(ctx, input, filter, output, channels, &m));
  opt::canonicalize_zero_multipliers(m.multipliers, m.shifts, channels);
  if (input.type == TensorType::kInt16 &&
      (input.quant.zero_point() != 0 || output.quant.zero_point() != 0)) {
    return ctx.fail(Status::kInvalidModel, "int16 input and output must have zero point 0");
  }
  q->multipliers = m.multipliers;
  q->shifts = m.shifts;
  q->input_offset = -input.quant.zero_point();
  q->output_offset = output.quant.zero_point();
  return quantized_activation_range(ctx, activation, output, &q->activation_min,
                                    &q->activation_max);
}

Status expect_bias_size(const PrepareContext& ctx, const TensorDesc& bias, int32_t channels) {
  if (bias.shape.num_elements() != channels) {
    return ctx.fail(Status::kInvalidModel, "bias tensor {} has {} elements, expected {}",
                    bias.index, bias.shape.num_elements(), channels);
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
