// FULLY_CONNECTED: float32; int8 (per-tensor or per-channel weights, int32 bias); int16x8
// (int64 or int32 bias). Inputs: input, weights [units, depth], optional bias [units].
// ops::kFullyConnectedInt8 is the same kernel with the int8 path only.
#include "kernels/ref/fully_connected.h"
#include "kernels/kernel_util.h"
#include "kernels/opt/fully_connected_opt.h"
#include "kernels/opt/requant.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct FullyConnectedData {
  ref::FullyConnectedGeometry geometry;
  ref::FullyConnectedQuant quant;
  float activation_min = 0.0f;
  float activation_max = 0.0f;
  TensorType input_type = TensorType::kFloat32;
  TensorType bias_type = TensorType::kInt32;
  opt::FullyConnectedS8Variant s8_variant = opt::FullyConnectedS8Variant::kReference;
  int32_t scratch_index = -1;  // scratch of s8_variant, when it needs any
};

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                         const TensorDesc& bias, const TensorDesc& output,
                         kernels::FusedActivation activation, FullyConnectedData* data) {
  ref::FullyConnectedQuant& q = data->quant;
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  MOTE_TRY(ctx.expect_quantized(filter, "filter"));
  const int32_t units = data->geometry.output_depth;
  q.per_channel = filter.quant.per_channel();
  if (q.per_channel) {
    if (filter.quant.quantized_dimension != 0 ||
        filter.quant.size() != static_cast<uint32_t>(units)) {
      return ctx.fail(Status::kInvalidModel,
                      "filter tensor {} is quantized along dimension {} with {} scales; expected "
                      "{} scales along dimension 0",
                      filter.index, filter.quant.quantized_dimension, filter.quant.size(), units);
    }
    kernels::ChannelMultipliers m;
    MOTE_TRY(kernels::prepare_channel_multipliers(ctx, input, filter, output, units, &m));
    opt::canonicalize_zero_multipliers(m.multipliers, m.shifts, units);
    q.multipliers = m.multipliers;
    q.shifts = m.shifts;
  } else {
    // TFLM's per-tensor path (GetQuantizedConvolutionMultipler) multiplies the two scales in
    // float and checks that the bias scale agrees with them.
    double real_multiplier = 0.0;
    const float bias_scale = bias.quant.present() ? bias.quant.scale() : 0.0f;
    if (ctx.has_input(2) &&
        !ref::is_bias_scale_consistent(input.quant.scale(), filter.quant.scale(), bias_scale,
                                       output.quant.scale())) {
      return ctx.fail(Status::kInvalidModel,
                      "bias scale {} does not match input scale x filter scale", bias_scale);
    }
    if (!ref::get_quantized_convolution_multiplier(input.quant.scale(), filter.quant.scale(),
                                                   output.quant.scale(), &real_multiplier)) {
      return ctx.fail(Status::kInvalidModel, "invalid input/filter/output scales");
    }
    auto* multiplier = ctx.allocate<int32_t>(2);
    if (multiplier == nullptr) return Status::kArenaTooSmall;
    int shift = 0;
    if (!ref::quantize_multiplier(real_multiplier, &multiplier[0], &shift)) {
      return ctx.fail(Status::kInvalidModel, "output multiplier {} is not finite", real_multiplier);
    }
    multiplier[1] = shift;
    opt::canonicalize_zero_multipliers(&multiplier[0], &multiplier[1], 1);
    q.multipliers = &multiplier[0];
    q.shifts = &multiplier[1];
    q.filter_offset = -filter.quant.zero_point();
  }
  q.input_offset = -input.quant.zero_point();
  q.output_offset = output.quant.zero_point();
  return kernels::quantized_activation_range(ctx, activation, output, &q.activation_min,
                                             &q.activation_max);
}

// The int8 path: weights int8, bias int32, and the optimized kernel variant with its scratch.
Status prepare_s8(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                  const TensorDesc& bias, const TensorDesc& output,
                  kernels::FusedActivation activation, FullyConnectedData* data) {
  MOTE_TRY(ctx.expect_type(filter, "filter", TensorType::kInt8));
  if (ctx.has_input(2)) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt32));
  MOTE_TRY(prepare_quantized(ctx, input, filter, bias, output, activation, data));
  const ref::FullyConnectedGeometry& g = data->geometry;
  data->s8_variant = opt::select_fully_connected_s8(
      g, data->quant,
      opt::max_abs_bias(bias, ctx.has_input(2), data->quant.multipliers, data->quant.per_channel));
  if (const size_t bytes = opt::fully_connected_s8_scratch_bytes(data->s8_variant, g); bytes > 0) {
    MOTE_TRY(ctx.request_scratch(bytes, &data->scratch_index));
  }
  return Status::kOk;
}

// The float32 and int16x8 paths, which only the general kernel carries.
Status prepare_other_types(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& filter,
                           const TensorDesc& bias, const TensorDesc& output,
                           kernels::FusedActivation activation, FullyConnectedData* data) {
  if (!filter.is_constant() && filter.type != TensorType::kFloat32) {
    // Non-constant quantized weights are fine for the math, but their scales must be known (the
    // int8 path checks this in prepare_quantized).
    MOTE_TRY(ctx.expect_quantized(filter, "filter"));
  }
  switch (input.type) {
    case TensorType::kFloat32:
      MOTE_TRY(ctx.expect_type(filter, "filter", TensorType::kFloat32));
      if (ctx.has_input(2)) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kFloat32));
      ref::calculate_activation_range_f32(activation, &data->activation_min, &data->activation_max);
      return Status::kOk;
    case TensorType::kInt16:
      MOTE_TRY(ctx.expect_type(filter, "filter", TensorType::kInt8));
      if (ctx.has_input(2)) {
        if (bias.type != TensorType::kInt64 && bias.type != TensorType::kInt32) {
          return ctx.unsupported_type(bias, "bias");
        }
        data->bias_type = bias.type;
      }
      if (input.quant.zero_point() != 0 || output.quant.zero_point() != 0) {
        return ctx.fail(Status::kInvalidModel, "int16 input and output must have zero point 0");
      }
      return prepare_quantized(ctx, input, filter, bias, output, activation, data);
    default:
      return ctx.unsupported_type(input, "input");
  }
}

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  namespace f = schema::fully_connected_options;
  MOTE_TRY(ctx.expect_counts(2, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc filter = ctx.input(1);
  const TensorDesc bias = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, input, "input"));
  }
  if (ctx.option<int8_t>(f::kWeightsFormat, 0) != 0) {
    return ctx.fail(Status::kUnsupported, "shuffled weights format is not supported");
  }
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, f::kActivation, &activation));

  if (filter.shape.rank != 2) {
    return ctx.fail(Status::kInvalidModel, "filter has rank {}, expected 2", filter.shape.rank);
  }
  auto* data = ctx.allocate<FullyConnectedData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::FullyConnectedGeometry& g = data->geometry;
  g.output_depth = filter.shape.dims[0];
  g.accum_depth = filter.shape.dims[1];
  const int64_t input_elements = input.shape.num_elements();
  if (g.accum_depth <= 0 || input_elements % g.accum_depth != 0) {
    return ctx.fail(Status::kInvalidModel, "input has {} elements, not a multiple of depth {}",
                    input_elements, g.accum_depth);
  }
  g.batches = static_cast<int32_t>(input_elements / g.accum_depth);
  const int32_t out_last = output.shape.rank > 0 ? output.shape.dims[output.shape.rank - 1] : 1;
  if (out_last != g.output_depth ||
      output.shape.num_elements() != static_cast<int64_t>(g.batches) * g.output_depth) {
    return ctx.fail(Status::kInvalidModel, "output shape does not hold {} batches of {} units",
                    g.batches, g.output_depth);
  }
  if (ctx.has_input(2) && bias.shape.num_elements() != g.output_depth) {
    return ctx.fail(Status::kInvalidModel, "bias has {} elements, expected {}",
                    bias.shape.num_elements(), g.output_depth);
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  data->input_type = input.type;
  if (input.type == TensorType::kInt8) {
    MOTE_TRY(prepare_s8(ctx, input, filter, bias, output, activation, data));
  } else if constexpr (kDtypes == kernels::Dtypes::kAll) {
    MOTE_TRY(prepare_other_types(ctx, input, filter, bias, output, activation, data));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_s8(EvalContext& ctx, const FullyConnectedData& data) {
  opt::fully_connected_s8(
      data.s8_variant, data.geometry, data.quant, ctx.input<int8_t>(0), ctx.input<int8_t>(1),
      ctx.input<int32_t>(2), ctx.output<int8_t>(0),
      data.scratch_index >= 0 ? ctx.scratch(data.scratch_index) : Span<uint8_t>());
  return Status::kOk;
}

Status eval_other_types(EvalContext& ctx, const FullyConnectedData& data) {
  if (data.input_type == TensorType::kFloat32) {
    ref::fully_connected_f32(data.geometry, data.activation_min, data.activation_max,
                             ctx.input<float>(0), ctx.input<float>(1), ctx.input<float>(2),
                             ctx.output<float>(0));
    return Status::kOk;
  }
  const bool wide = data.bias_type == TensorType::kInt64;
  ref::fully_connected_s16(data.geometry, data.quant, ctx.input<int16_t>(0), ctx.input<int8_t>(1),
                           wide ? ctx.input<int64_t>(2) : nullptr,
                           wide ? nullptr : ctx.input<int32_t>(2), ctx.output<int16_t>(0));
  return Status::kOk;
}

template <kernels::Dtypes kDtypes>
Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<FullyConnectedData>();
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    return eval_s8(ctx, data);
  } else {
    return data.input_type == TensorType::kInt8 ? eval_s8(ctx, data) : eval_other_types(ctx, data);
  }
}

}  // namespace

namespace ops {
constexpr OpKernel kFullyConnected = {static_cast<int32_t>(schema::BuiltinOp::kFullyConnected),
                                      nullptr,
                                      13,
                                      static_cast<uint8_t>(schema::Options::kFullyConnected),
                                      prepare<kernels::Dtypes::kAll>,
                                      eval<kernels::Dtypes::kAll>};
constexpr OpKernel kFullyConnectedInt8 = {static_cast<int32_t>(schema::BuiltinOp::kFullyConnected),
                                          nullptr,
                                          13,
                                          static_cast<uint8_t>(schema::Options::kFullyConnected),
                                          prepare<kernels::Dtypes::kInt8>,
                                          eval<kernels::Dtypes::kInt8>};
}  // namespace ops
}  // namespace mote
