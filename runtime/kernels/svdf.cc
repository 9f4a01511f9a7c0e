// SVDF: float32; int8 input/output with int16 state and time weights, or int8 state and time
// weights (TFLM's EvalInt16SvdfReference / EvalInt8SvdfReference).
// Inputs: input [batches, input_size], weights_feature [filters, input_size], weights_time
// [filters, memory_size], optional bias [units], activation state (variable)
// [batches, memory_size * filters]. Output [batches, units]; filters = units * rank.
#include "kernels/ref/svdf.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

constexpr int32_t kInput = 0;
constexpr int32_t kWeightsFeature = 1;
constexpr int32_t kWeightsTime = 2;
constexpr int32_t kBias = 3;
constexpr int32_t kState = 4;

struct SvdfData {
  ref::SvdfGeometry geometry;
  ref::SvdfQuant quant;
  ref::FusedActivation activation = ref::FusedActivation::kNone;  // float path only
  TensorType state_type = TensorType::kFloat32;
  int32_t scratch_index = -1;
};

Status expect_rank(const PrepareContext& ctx, const TensorDesc& t, const char* role, int32_t rank) {
  if (t.shape.rank == rank) return Status::kOk;
  return ctx.fail(Status::kInvalidModel, "{} tensor {} has rank {}, expected {}", role, t.index,
                  t.shape.rank, rank);
}

Status expect_dim(const PrepareContext& ctx, const TensorDesc& t, const char* role, int32_t dim,
                  int32_t expected, const char* what) {
  if (t.shape.dims[dim] == expected) return Status::kOk;
  return ctx.fail(Status::kInvalidModel, "{} tensor {} has dimension {} = {}, expected {} ({})",
                  role, t.index, dim, t.shape.dims[dim], expected, what);
}

// effective = (float)(a * b / c) as TFLM computes it (in float, widened to double afterwards),
// decomposed with QuantizeMultiplier. Shifts above 30 would make TFLM shift by 31 or more (UB);
// no real model has such scales, so they are rejected.
Status prepare_multiplier(const PrepareContext& ctx, float a, float b, float c, const char* what,
                          int32_t* multiplier, int* shift) {
  const float product = a * b;
  const float quotient = product / c;
  const double effective = static_cast<double>(quotient);
  if (!ref::quantize_multiplier(effective, multiplier, shift) || *shift > 30) {
    return ctx.fail(Status::kUnsupported, "{} scale ratio {} cannot be requantized", what,
                    effective);
  }
  return Status::kOk;
}

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& feature,
                         const TensorDesc& time, const TensorDesc& bias, const TensorDesc& state,
                         const TensorDesc& output, SvdfData* data) {
  MOTE_TRY(ctx.expect_type(feature, "weights_feature", TensorType::kInt8));
  if (time.type != TensorType::kInt16 && time.type != TensorType::kInt8) {
    return ctx.unsupported_type(time, "weights_time");
  }
  // TFLM reads the state with the time weights' type, so the two must agree.
  if (state.type != time.type) {
    return ctx.fail(Status::kUnsupported,
                    "activation state tensor {} has type {} but weights_time has type {}",
                    state.index, type_name(state.type), type_name(time.type));
  }
  if (ctx.has_input(kBias)) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kInt32));
  MOTE_TRY(ctx.expect_type(output, "output", TensorType::kInt8));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, feature, "weights_feature"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, time, "weights_time"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, state, "activation state"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));

  ref::SvdfQuant& q = data->quant;
  MOTE_TRY(prepare_multiplier(ctx, input.quant.scale(), feature.quant.scale(), state.quant.scale(),
                              "input x weights_feature / state", &q.feature_multiplier,
                              &q.feature_shift));
  MOTE_TRY(prepare_multiplier(ctx, state.quant.scale(), time.quant.scale(), output.quant.scale(),
                              "state x weights_time / output", &q.time_multiplier, &q.time_shift));
  if (ctx.has_input(kBias)) {
    // TFLM: |bias_scale - state_scale * time_scale| < 1e-5, the product taken in float. A bias
    // without quantization parameters has scale 0 there (and passes when the product is tiny).
    const float bias_scale = bias.quant.present() ? bias.quant.scale() : 0.0f;
    const float product = state.quant.scale() * time.quant.scale();
    const double diff = static_cast<double>(bias_scale) - static_cast<double>(product);
    if (!((diff < 0 ? -diff : diff) < 1e-5)) {
      return ctx.fail(Status::kInvalidModel,
                      "bias scale {} does not match state scale x weights_time scale {}",
                      bias_scale, product);
    }
  }
  q.input_zero_point = input.quant.zero_point();
  q.state_zero_point = state.quant.zero_point();
  q.output_zero_point = output.quant.zero_point();
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::svdf_options;
  // TFLM requires all five input slots; only the bias may be omitted (-1).
  if (ctx.input_count() != 5 || ctx.output_count() != 1) {
    return ctx.fail(Status::kInvalidModel, "has {} inputs and {} outputs, expected 5 and 1",
                    ctx.input_count(), ctx.output_count());
  }
  constexpr int32_t kRequired[] = {kInput, kWeightsFeature, kWeightsTime, kState};
  for (int32_t i : kRequired) {
    if (!ctx.has_input(i))
      return ctx.fail(Status::kInvalidModel, "required input {} is omitted", i);
  }
  const TensorDesc input = ctx.input(kInput);
  const TensorDesc feature = ctx.input(kWeightsFeature);
  const TensorDesc time = ctx.input(kWeightsTime);
  const TensorDesc bias = ctx.input(kBias);
  const TensorDesc state = ctx.input(kState);
  const TensorDesc output = ctx.output(0);

  const int32_t rank = ctx.option<int32_t>(o::kRank, 0);
  if (rank <= 0) return ctx.fail(Status::kInvalidModel, "rank option is {}, expected >= 1", rank);

  MOTE_TRY(expect_rank(ctx, input, "input", 2));
  MOTE_TRY(expect_rank(ctx, feature, "weights_feature", 2));
  MOTE_TRY(expect_rank(ctx, time, "weights_time", 2));
  MOTE_TRY(expect_rank(ctx, state, "activation state", 2));
  MOTE_TRY(expect_rank(ctx, output, "output", 2));

  auto* data = ctx.allocate<SvdfData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::SvdfGeometry& g = data->geometry;
  g.batches = input.shape.dims[0];
  g.input_size = input.shape.dims[1];
  g.num_filters = feature.shape.dims[0];
  g.rank = rank;
  g.memory_size = time.shape.dims[1];
  if (g.batches < 1 || g.input_size < 1 || g.num_filters < 1 || g.memory_size < 1) {
    return ctx.fail(Status::kInvalidModel,
                    "empty SVDF: batches {}, input size {}, filters {}, memory size {}", g.batches,
                    g.input_size, g.num_filters, g.memory_size);
  }
  if (g.num_filters % rank != 0) {
    return ctx.fail(Status::kInvalidModel, "{} filters is not a multiple of rank {}", g.num_filters,
                    rank);
  }
  g.num_units = g.num_filters / rank;

  MOTE_TRY(expect_dim(ctx, feature, "weights_feature", 1, g.input_size, "input size"));
  MOTE_TRY(expect_dim(ctx, time, "weights_time", 0, g.num_filters, "filters"));
  MOTE_TRY(expect_dim(ctx, output, "output", 0, g.batches, "batches"));
  MOTE_TRY(expect_dim(ctx, output, "output", 1, g.num_units, "units"));
  MOTE_TRY(expect_dim(ctx, state, "activation state", 0, g.batches, "batches"));
  const int64_t state_width = static_cast<int64_t>(g.memory_size) * g.num_filters;
  if (state.shape.dims[1] != state_width) {
    return ctx.fail(Status::kInvalidModel,
                    "activation state tensor {} has dimension 1 = {}, expected memory size x "
                    "filters = {}",
                    state.index, state.shape.dims[1], state_width);
  }
  if (!state.is_variable) {
    return ctx.fail(Status::kInvalidModel, "activation state tensor {} is not a variable tensor",
                    state.index);
  }
  if (ctx.has_input(kBias) && (bias.shape.rank < 1 || bias.shape.dims[0] != g.num_units ||
                               bias.shape.num_elements() != g.num_units)) {
    return ctx.fail(Status::kInvalidModel, "bias tensor {} has {} elements, expected {} units",
                    bias.index, bias.shape.num_elements(), g.num_units);
  }

  size_t scratch_bytes = 0;
  switch (input.type) {
    case TensorType::kFloat32: {
      MOTE_TRY(ctx.expect_type(feature, "weights_feature", TensorType::kFloat32));
      MOTE_TRY(ctx.expect_type(time, "weights_time", TensorType::kFloat32));
      MOTE_TRY(ctx.expect_type(state, "activation state", TensorType::kFloat32));
      if (ctx.has_input(kBias)) MOTE_TRY(ctx.expect_type(bias, "bias", TensorType::kFloat32));
      MOTE_TRY(ctx.expect_type(output, "output", TensorType::kFloat32));
      // TFLM applies every activation here, TANH and SIGN_BIT included (ActivationValFloat).
      const int8_t activation = ctx.option<int8_t>(o::kActivation, 0);
      if (activation < 0 || activation > 5) {
        return ctx.fail(Status::kInvalidModel, "invalid fused activation {}", activation);
      }
      data->activation = static_cast<ref::FusedActivation>(activation);
      scratch_bytes = ref::svdf_scratch_bytes_f32(g);
      break;
    }
    case TensorType::kInt8:
      // TFLM's integer path ignores the fused activation: the int8 output clamp is all it does.
      MOTE_TRY(prepare_quantized(ctx, input, feature, time, bias, state, output, data));
      scratch_bytes = ref::svdf_scratch_bytes_s8(g);
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  data->state_type = state.type;
  MOTE_TRY(ctx.request_scratch(scratch_bytes, &data->scratch_index));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SvdfData>();
  const ref::SvdfGeometry& g = data.geometry;
  void* scratch = ctx.scratch(data.scratch_index).data();
  switch (data.state_type) {
    case TensorType::kFloat32:
      ref::svdf_f32(g, data.activation, ctx.input<float>(kInput), ctx.input<float>(kWeightsFeature),
                    ctx.input<float>(kWeightsTime), ctx.input<float>(kBias),
                    ctx.mutable_input<float>(kState), static_cast<float*>(scratch),
                    ctx.output<float>(0));
      break;
    case TensorType::kInt16:
      ref::svdf_s8(g, data.quant, ctx.input<int8_t>(kInput), ctx.input<int8_t>(kWeightsFeature),
                   ctx.input<int16_t>(kWeightsTime), ctx.input<int32_t>(kBias),
                   ctx.mutable_input<int16_t>(kState), static_cast<int32_t*>(scratch),
                   ctx.output<int8_t>(0));
      break;
    case TensorType::kInt8:
      ref::svdf_s8(g, data.quant, ctx.input<int8_t>(kInput), ctx.input<int8_t>(kWeightsFeature),
                   ctx.input<int8_t>(kWeightsTime), ctx.input<int32_t>(kBias),
                   ctx.mutable_input<int8_t>(kState), static_cast<int32_t*>(scratch),
                   ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSvdf = {static_cast<int32_t>(schema::BuiltinOp::kSvdf), nullptr, 4,
                            static_cast<uint8_t>(schema::Options::kSvdf),   prepare, eval};
}  // namespace ops
}  // namespace mote
