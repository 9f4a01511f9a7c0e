// TRANSPOSE_CONV: float32; int8 (int8 weights quantized per channel or per tensor, int32 bias);
// 16x8 (int16 activations, int8 weights, int64 bias or the legacy int16 bias). Inputs:
// output_shape (int32 [4]), filter [OC, KH, KW, C], input [N, H, W, C], optional bias [OC].
// Quantized kernels accumulate in a scratch buffer of one int32 (int8) or int64 (16x8) per
// output element, as TFLM does.
#include <cstring>

#include "kernels/conv2d_prepare.h"
#include "kernels/padding.h"
#include "kernels/ref/transpose_conv.h"
#include "mote/ops.h"

namespace mote {
namespace {

constexpr int32_t kOutputShapeInput = 0;
constexpr int32_t kFilterInput = 1;
constexpr int32_t kDataInput = 2;
constexpr int32_t kBiasInput = 3;

struct TransposeConvData {
  ref::ConvGeometry geometry;
  ref::ConvQuant quant;
  float activation_min = 0.0f;
  float activation_max = 0.0f;
  kernels::ConvDtype dtype = kernels::ConvDtype::kFloat32;
  bool bias_is_int16 = false;
  int32_t scratch_index = -1;
};

// TFLM ignores the output_shape tensor and uses the output tensor's shape; a constant
// output_shape that disagrees with it is a broken model.
Status check_output_shape_tensor(const PrepareContext& ctx, const TensorDesc& output) {
  const TensorDesc shape = ctx.input(kOutputShapeInput);
  if (shape.type != TensorType::kInt32 || shape.shape.num_elements() != 4) {
    return ctx.fail(Status::kInvalidModel,
                    "output_shape tensor {} must hold 4 int32 values (it is {} with {} elements)",
                    shape.index, type_name(shape.type), shape.shape.num_elements());
  }
  if (!shape.is_constant()) return Status::kOk;
  for (int32_t i = 0; i < 4; ++i) {
    int32_t value = 0;
    std::memcpy(&value, shape.data + i * sizeof(int32_t), sizeof(value));
    if (value != output.shape.dims[i]) {
      return ctx.fail(Status::kInvalidModel,
                      "output_shape tensor {} gives dimension {} = {} but the output has {}",
                      shape.index, i, value, output.shape.dims[i]);
    }
  }
  return Status::kOk;
}

// Shapes: input [N, H, W, C], filter [OC, KH, KW, C], output [N, OH, OW, OC]. The padding is
// TFLite's: computed as for a convolution from the output back to the input.
Status prepare_geometry(const PrepareContext& ctx, const TensorDesc& input,
                        const TensorDesc& filter, const TensorDesc& output, schema::Padding padding,
                        ref::ConvGeometry* g) {
  MOTE_TRY(kernels::expect_rank4(ctx, input, "input"));
  MOTE_TRY(kernels::expect_rank4(ctx, filter, "filter"));
  MOTE_TRY(kernels::expect_rank4(ctx, output, "output"));
  MOTE_TRY(check_output_shape_tensor(ctx, output));
  const int32_t* in = input.shape.dims;
  const int32_t* w = filter.shape.dims;
  const int32_t* out = output.shape.dims;
  if (out[0] != in[0]) {
    return ctx.fail(Status::kInvalidModel, "output has {} batches, input has {}", out[0], in[0]);
  }
  if (w[3] != in[3]) {
    return ctx.fail(Status::kInvalidModel, "filter depth {} does not match input depth {}", w[3],
                    in[3]);
  }
  if (out[3] != w[0]) {
    return ctx.fail(Status::kInvalidModel, "output has {} channels but the filter has {}", out[3],
                    w[0]);
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
  int32_t unused_height = 0, unused_width = 0;
  const kernels::PaddingValues p = kernels::compute_padding_height_width(
      g->stride_height, g->stride_width, 1, 1, g->output_height, g->output_width, g->filter_height,
      g->filter_width, padding, &unused_height, &unused_width);
  g->pad_height = p.height;
  g->pad_width = p.width;
  // The scatter loop forms in * stride - pad + tap for every input pixel and tap.
  const auto span = [](int32_t in_size, int32_t stride, int32_t taps, int32_t pad) {
    return (static_cast<int64_t>(in_size) - 1) * stride + taps + pad;
  };
  if (span(g->input_height, g->stride_height, g->filter_height, g->pad_height) > INT32_MAX ||
      span(g->input_width, g->stride_width, g->filter_width, g->pad_width) > INT32_MAX) {
    return ctx.fail(Status::kUnsupported, "strides are too large");
  }
  return Status::kOk;
}

Status request_accumulators(PrepareContext& ctx, uint64_t bytes, int32_t* index) {
  if (bytes > 0x7FFFFFFFu) {
    return ctx.fail(Status::kUnsupported, "the {}-byte accumulator buffer is too large", bytes);
  }
  return ctx.request_scratch(static_cast<size_t>(bytes), index);
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::transpose_conv_options;
  MOTE_TRY(ctx.expect_counts(3, 4, 1));
  const TensorDesc filter = ctx.input(kFilterInput);
  const TensorDesc input = ctx.input(kDataInput);
  const TensorDesc bias = ctx.input(kBiasInput);
  const TensorDesc output = ctx.output(0);
  const bool has_bias = ctx.has_input(kBiasInput);

  auto* data = ctx.allocate<TransposeConvData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  MOTE_TRY(kernels::conv_dtype(ctx, input, filter, output, &data->dtype));
  const int8_t padding = ctx.option<int8_t>(o::kPadding, 0);
  ref::ConvGeometry& g = data->geometry;
  g.stride_height = ctx.option<int32_t>(o::kStrideH, 0);
  g.stride_width = ctx.option<int32_t>(o::kStrideW, 0);
  MOTE_TRY(kernels::check_window_options(ctx, padding, g.stride_height, g.stride_width, 1, 1));
  // Current TFLM applies the fused activation to every dtype (older versions ignored it for
  // the quantized kernels).
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, o::kActivation, &activation));
  MOTE_TRY(prepare_geometry(ctx, input, filter, output, static_cast<schema::Padding>(padding), &g));
  if (has_bias) MOTE_TRY(kernels::expect_bias_size(ctx, bias, g.output_depth));

  switch (data->dtype) {
    case kernels::ConvDtype::kFloat32:
      if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kFloat32));
      ref::calculate_activation_range_f32(activation, &data->activation_min, &data->activation_max);
      break;
    case kernels::ConvDtype::kInt8:
      if (has_bias) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt32));
      MOTE_TRY(
          kernels::prepare_conv_quant(ctx, input, filter, output, 0, activation, &data->quant));
      MOTE_TRY(
          request_accumulators(ctx, ref::transpose_conv_s8_scratch_bytes(g), &data->scratch_index));
      break;
    case kernels::ConvDtype::kInt16:
      // TFLM reads a 16x8 bias as int64, or widens an int16 one; an int32 bias would be misread.
      if (has_bias && bias.type != TensorType::kInt64 && bias.type != TensorType::kInt16) {
        return ctx.unsupported_type(bias, "bias");
      }
      data->bias_is_int16 = has_bias && bias.type == TensorType::kInt16;
      MOTE_TRY(
          kernels::prepare_conv_quant(ctx, input, filter, output, 0, activation, &data->quant));
      MOTE_TRY(request_accumulators(ctx, ref::transpose_conv_s16_scratch_bytes(g),
                                    &data->scratch_index));
      break;
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<TransposeConvData>();
  const ref::ConvGeometry& g = data.geometry;
  switch (data.dtype) {
    case kernels::ConvDtype::kFloat32:
      ref::transpose_conv_f32(g, data.activation_min, data.activation_max,
                              ctx.input<float>(kDataInput), ctx.input<float>(kFilterInput),
                              ctx.input<float>(kBiasInput), ctx.output<float>(0));
      break;
    case kernels::ConvDtype::kInt8: {
      // The planner aligns scratch buffers to 16 bytes.
      auto* scratch = reinterpret_cast<int32_t*>(ctx.scratch(data.scratch_index).data());
      ref::transpose_conv_s8(g, data.quant, ctx.input<int8_t>(kDataInput),
                             ctx.input<int8_t>(kFilterInput), ctx.input<int32_t>(kBiasInput),
                             scratch, ctx.output<int8_t>(0));
      break;
    }
    case kernels::ConvDtype::kInt16: {
      auto* scratch = reinterpret_cast<int64_t*>(ctx.scratch(data.scratch_index).data());
      const bool b16 = data.bias_is_int16;
      ref::transpose_conv_s16(
          g, data.quant, ctx.input<int16_t>(kDataInput), ctx.input<int8_t>(kFilterInput),
          b16 ? nullptr : ctx.input<int64_t>(kBiasInput),
          b16 ? ctx.input<int16_t>(kBiasInput) : nullptr, scratch, ctx.output<int16_t>(0));
      break;
    }
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kTransposeConv = {
    static_cast<int32_t>(schema::BuiltinOp::kTransposeConv), nullptr, 5,
    static_cast<uint8_t>(schema::Options::kTransposeConv),   prepare, eval};
}  // namespace ops
}  // namespace mote
