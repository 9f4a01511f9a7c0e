#include "kernels/pool2d.h"

#include <cmath>

#include "kernels/kernel_util.h"
#include "kernels/padding.h"

namespace mote {
namespace kernels {
namespace {

// Output size and leading padding along one axis, with the reason when the window cannot be
// placed. An empty input gives an empty output (no windows at all); otherwise every window the
// computed output size implies overlaps the input, which Eval relies on: SAME padding puts each
// window start below the input size and pads less than half a filter, VALID never pads.
Status pool_axis(const PrepareContext& ctx, const char* axis, schema::Padding padding,
                 int32_t input_size, int32_t filter, int32_t stride, int32_t* out_size,
                 int32_t* pad) {
  *out_size = compute_out_size(padding, input_size, filter, stride);
  if (*out_size < 0 || (*out_size == 0 && input_size > 0)) {
    return ctx.fail(Status::kInvalidModel,
                    "filter {} of {} does not fit the input {} of {} with VALID padding", axis,
                    filter, axis, input_size);
  }
  int32_t offset = 0;
  *pad = compute_padding_with_offset(stride, 1, input_size, filter, *out_size, &offset);
  return Status::kOk;
}

Status prepare_quantized(const PrepareContext& ctx, const TensorDesc& input,
                         const TensorDesc& output, FusedActivation activation, Pool2DData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  // TFLM's PoolingPrepare: pooling does not requantize, so input and output must agree.
  const double scale_diff = std::fabs(static_cast<double>(input.quant.scale()) -
                                      static_cast<double>(output.quant.scale()));
  if (!(scale_diff <= 1.0e-6)) {
    return ctx.fail(Status::kInvalidModel, "input scale {} and output scale {} differ",
                    input.quant.scale(), output.quant.scale());
  }
  if (input.quant.zero_point() != output.quant.zero_point()) {
    return ctx.fail(Status::kInvalidModel, "input zero point {} and output zero point {} differ",
                    input.quant.zero_point(), output.quant.zero_point());
  }
  return quantized_activation_range(ctx, activation, output, &data->activation_min,
                                    &data->activation_max);
}

}  // namespace

Status prepare_pool2d(PrepareContext& ctx, PoolKind kind) {
  namespace p = schema::pool2d_options;
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (input.type != TensorType::kFloat32 && input.type != TensorType::kInt8 &&
      input.type != TensorType::kInt16) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (input.shape.rank != 4) {
    return ctx.fail(Status::kInvalidModel, "input has rank {}, expected 4 (NHWC)",
                    input.shape.rank);
  }

  const int8_t padding = ctx.option<int8_t>(p::kPadding, 0);
  if (padding != static_cast<int8_t>(schema::Padding::kSame) &&
      padding != static_cast<int8_t>(schema::Padding::kValid)) {
    return ctx.fail(Status::kInvalidModel, "invalid padding {}", padding);
  }
  FusedActivation activation;
  MOTE_TRY(read_fused_activation(ctx, p::kActivation, &activation));

  auto* data = ctx.allocate<Pool2DData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::PoolGeometry& g = data->geometry;
  g.stride_width = ctx.option<int32_t>(p::kStrideW, 0);
  g.stride_height = ctx.option<int32_t>(p::kStrideH, 0);
  g.filter_width = ctx.option<int32_t>(p::kFilterWidth, 0);
  g.filter_height = ctx.option<int32_t>(p::kFilterHeight, 0);
  if (g.stride_width < 1 || g.stride_height < 1) {
    return ctx.fail(Status::kInvalidModel, "strides {}x{} (h x w) must be at least 1",
                    g.stride_height, g.stride_width);
  }
  if (g.filter_width < 1 || g.filter_height < 1) {
    return ctx.fail(Status::kInvalidModel, "filter {}x{} (h x w) must be at least 1x1",
                    g.filter_height, g.filter_width);
  }
  g.batches = input.shape.dims[0];
  g.input_height = input.shape.dims[1];
  g.input_width = input.shape.dims[2];
  g.depth = input.shape.dims[3];
  const auto pad_mode = static_cast<schema::Padding>(padding);
  MOTE_TRY(pool_axis(ctx, "height", pad_mode, g.input_height, g.filter_height, g.stride_height,
                     &g.output_height, &g.padding_height));
  MOTE_TRY(pool_axis(ctx, "width", pad_mode, g.input_width, g.filter_width, g.stride_width,
                     &g.output_width, &g.padding_width));

  const Shape& out = output.shape;
  if (out.rank != 4 || out.dims[0] != g.batches || out.dims[1] != g.output_height ||
      out.dims[2] != g.output_width || out.dims[3] != g.depth) {
    return ctx.fail(Status::kInvalidModel,
                    "output tensor {} has rank {} and {} elements; expected shape [{}, {}, {}, {}]",
                    output.index, out.rank, out.num_elements(), g.batches, g.output_height,
                    g.output_width, g.depth);
  }

  data->type = input.type;
  if (input.type == TensorType::kFloat32) {
    ref::calculate_activation_range_f32(activation, &data->activation_min_f32,
                                        &data->activation_max_f32);
  } else {
    MOTE_TRY(prepare_quantized(ctx, input, output, activation, data));
  }
  if (input.type == TensorType::kInt8) {
    data->s8_variant =
        kind == PoolKind::kAverage ? opt::select_average_pool_s8(g) : opt::select_max_pool_s8(g);
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
