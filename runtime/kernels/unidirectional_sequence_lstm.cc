// UNIDIRECTIONAL_SEQUENCE_LSTM: float32; int8 activations with int8 weights, int32 biases and an
// int16 cell state (8x8->16); int16 activations with int8 weights, int64 biases and an int16 cell
// state (16x8->16). TFLM's current ("general") LSTM: the standard LSTM only (no CIFG, peephole,
// projection or layer norm), so the 24 inputs are
//   0 input [batches, time, input] (or [time, batches, input] when time_major)
//   1-4 input-to-{input, forget, cell, output} weights [state, input]
//   5-8 recurrent-to-{input, forget, cell, output} weights [state, state]
//   9-11 peephole weights (must be omitted)
//   12-15 {input, forget, cell, output} gate biases [state]
//   16-17 projection weights and bias (must be omitted)
//   18 hidden (output) state, 19 cell state: variable tensors [batches, state]
//   20-23 layer norm coefficients (must be omitted)
// and one output [batches, time, state] (time-major like the input). TFLM's current kernel reads
// no operator intermediates: the gate scales are fixed (Q3.12 in, Q0.15 out), so intermediates
// are accepted and ignored.
#include "kernels/kernel_util.h"
#include "kernels/ref/lstm_eval.h"
#include "mote/ops.h"

namespace mote {
namespace {

constexpr int32_t kInput = 0;
constexpr int32_t kInputToInputWeights = 1;
constexpr int32_t kRecurrentToInputWeights = 5;
constexpr int32_t kCellToInputWeights = 9;
constexpr int32_t kInputGateBias = 12;
constexpr int32_t kProjectionWeights = 16;
constexpr int32_t kHiddenState = 18;
constexpr int32_t kCellState = 19;
constexpr int32_t kInputLayerNorm = 20;
constexpr int32_t kInputCount = 24;

// Model input index of each gate's tensors, in ref::LstmGate order (forget, input, cell, output).
constexpr int32_t kGateInputWeights[ref::kLstmGateCount] = {2, 1, 3, 4};
constexpr int32_t kGateRecurrentWeights[ref::kLstmGateCount] = {6, 5, 7, 8};
constexpr int32_t kGateBias[ref::kLstmGateCount] = {13, 12, 14, 15};

// TFLM's fixed gate scales: the FC outputs are Q3.12 and the activations return Q0.15.
constexpr float kGateInputScale = 0.000244140625f;      // 2^-12
constexpr float kGateOutputScale = 0.000030517578125f;  // 2^-15

struct LstmData {
  ref::LstmGeometry geometry;
  ref::LstmQuant quant;
  float cell_clip = 0.0f;
  TensorType input_type = TensorType::kFloat32;
  int32_t scratch_index = -1;
};

Status expect_shape(const PrepareContext& ctx, const TensorDesc& t, const char* role, int32_t rows,
                    int32_t cols) {
  if (t.shape.rank == 2 && t.shape.dims[0] == rows && t.shape.dims[1] == cols) {
    return Status::kOk;
  }
  return ctx.fail(Status::kInvalidModel, "{} tensor {} must have shape [{}, {}]", role, t.index,
                  rows, cols);
}

// One gate FC (CalculateOpDataFullyConnected with a temporary int16 output of scale 2^-12 and
// no bias check): the multiplier is (double)(float)(in_scale * w_scale) / (double)2^-12.
Status prepare_gate_fc(const PrepareContext& ctx, const TensorDesc& in, const TensorDesc& weights,
                       ref::LstmFcQuant* q) {
  double real = 0.0;
  if (!ref::get_quantized_convolution_multiplier(in.quant.scale(), weights.quant.scale(),
                                                 kGateInputScale, &real) ||
      !ref::quantize_multiplier(real, &q->multiplier, &q->shift) || q->shift > 30) {
    return ctx.fail(Status::kUnsupported, "weights tensor {} gives gate multiplier {}",
                    weights.index, real);
  }
  q->input_offset = -in.quant.zero_point();
  q->weights_offset = -weights.quant.zero_point();
  return Status::kOk;
}

// CreateInterGateMulParams: (double)a * (double)b / (double)out, clamp to the output type.
Status prepare_mul(const PrepareContext& ctx, float a, float b, float out, TensorType out_type,
                   int32_t out_zero_point, const char* what, ref::LstmMulQuant* q) {
  const double effective =
      static_cast<double>(a) * static_cast<double>(b) / static_cast<double>(out);
  if (!ref::quantize_multiplier(effective, &q->multiplier, &q->shift) || q->shift > 30) {
    return ctx.fail(Status::kUnsupported, "{} multiplier {} cannot be requantized", what,
                    effective);
  }
  q->output_offset = out_zero_point;
  if (!kernels::integer_type_range(out_type, &q->activation_min, &q->activation_max)) {
    return Status::kInvalidModel;  // callers pass int8 or int16
  }
  return Status::kOk;
}

Status prepare_quantized(PrepareContext& ctx, const TensorDesc& input, const TensorDesc& hidden,
                         const TensorDesc& cell, float cell_clip, LstmData* data) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, hidden, "hidden state"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, cell, "cell state"));
  ref::LstmQuant& q = data->quant;
  for (int32_t gate = 0; gate < ref::kLstmGateCount; ++gate) {
    const TensorDesc w_in = ctx.input(kGateInputWeights[gate]);
    const TensorDesc w_rec = ctx.input(kGateRecurrentWeights[gate]);
    // TFLM's LSTM keeps one multiplier per FC; per-channel weights are not supported there.
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, w_in, "input weights"));
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, w_rec, "recurrent weights"));
    MOTE_TRY(prepare_gate_fc(ctx, input, w_in, &q.gates[gate].input));
    MOTE_TRY(prepare_gate_fc(ctx, hidden, w_rec, &q.gates[gate].recurrent));
  }
  const float cell_scale = cell.quant.scale();
  MOTE_TRY(prepare_mul(ctx, kGateOutputScale, cell_scale, cell_scale, TensorType::kInt16, 0,
                       "forget gate x cell state", &q.forget_cell));
  MOTE_TRY(prepare_mul(ctx, kGateOutputScale, kGateOutputScale, cell_scale, TensorType::kInt16, 0,
                       "input gate x cell gate", &q.input_cell));
  MOTE_TRY(prepare_mul(ctx, kGateOutputScale, kGateOutputScale, hidden.quant.scale(), hidden.type,
                       hidden.quant.zero_point(), "output gate x tanh(cell)", &q.hidden));

  // TFLM takes the rounded log2 of the cell scale without checking that it is a power of two
  // (CreateLstmCellStateInfo ignores CheckedLog2's result), so neither does this.
  int power = 0;
  (void)ref::checked_log2(cell_scale, &power);
  if (!ref::lstm_cell_tanh_params(power, &q.cell_tanh_multiplier, &q.cell_tanh_shift)) {
    return ctx.fail(Status::kUnsupported, "cell state scale {} (2^{}) is not supported", cell_scale,
                    power);
  }
  q.clip_cell = cell_clip > 0.0f;
  // static_cast<int16_t>(min(max(clip / scale, -32768), 32767)) in double, truncating.
  double clip = static_cast<double>(cell_clip) / static_cast<double>(cell_scale);
  clip = clip < -32768.0 ? -32768.0 : clip;
  clip = clip > 32767.0 ? 32767.0 : clip;
  q.cell_clip = static_cast<int16_t>(clip);
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::unidirectional_sequence_lstm_options;
  // Not expect_counts(): it would require all 24 inputs to be present.
  if (ctx.input_count() != kInputCount || ctx.output_count() != 1) {
    return ctx.fail(Status::kInvalidModel, "has {} inputs and {} outputs, expected {} and 1",
                    ctx.input_count(), ctx.output_count(), kInputCount);
  }

  // The variant TFLM runs: every gate present, nothing else.
  constexpr int32_t kInputGateTensors[] = {kInputToInputWeights, kRecurrentToInputWeights,
                                           kInputGateBias};
  for (int32_t i : kInputGateTensors) {
    if (!ctx.has_input(i)) {
      return ctx.fail(Status::kUnsupported,
                      "input {} is omitted: CIFG LSTM (no input gate) is not supported", i);
    }
  }
  for (int32_t i = 0; i < kInputCount; ++i) {
    const bool peephole = i >= kCellToInputWeights && i < kInputGateBias;
    const bool projection = i == kProjectionWeights || i == kProjectionWeights + 1;
    const bool layer_norm = i >= kInputLayerNorm;
    if (peephole || projection || layer_norm) {
      if (ctx.has_input(i)) {
        return ctx.fail(Status::kUnsupported, "{} LSTM is not supported (input {} is present)",
                        peephole     ? "peephole"
                        : projection ? "projection"
                                     : "layer norm",
                        i);
      }
    } else if (!ctx.has_input(i)) {
      return ctx.fail(Status::kInvalidModel, "required input {} is omitted", i);
    }
  }

  if (ctx.option<int8_t>(o::kActivation, 0) != 4) {
    return ctx.fail(Status::kUnsupported, "cell activation {} is not supported (only TANH)",
                    ctx.option<int8_t>(o::kActivation, 0));
  }
  if (ctx.option<uint8_t>(o::kDiagonalRecurrentTensors, 0) != 0) {
    return ctx.fail(Status::kUnsupported, "diagonal recurrent weights are not supported");
  }
  const float cell_clip = ctx.option<float>(o::kCellClip, 0.0f);
  if (!(cell_clip >= 0.0f)) {
    return ctx.fail(Status::kInvalidModel, "cell_clip is {}, expected >= 0", cell_clip);
  }

  const TensorDesc input = ctx.input(kInput);
  const TensorDesc hidden = ctx.input(kHiddenState);
  const TensorDesc cell = ctx.input(kCellState);
  const TensorDesc output = ctx.output(0);

  auto* data = ctx.allocate<LstmData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::LstmGeometry& g = data->geometry;
  g.time_major = ctx.option<uint8_t>(o::kTimeMajor, 0) != 0;
  if (input.shape.rank != 3) {
    return ctx.fail(Status::kInvalidModel, "input tensor {} has rank {}, expected 3", input.index,
                    input.shape.rank);
  }
  g.batches = g.time_major ? input.shape.dims[1] : input.shape.dims[0];
  g.time_steps = g.time_major ? input.shape.dims[0] : input.shape.dims[1];
  g.input_size = input.shape.dims[2];
  if (hidden.shape.rank != 2) {
    return ctx.fail(Status::kInvalidModel, "hidden state tensor {} has rank {}, expected 2",
                    hidden.index, hidden.shape.rank);
  }
  g.state_size = hidden.shape.dims[1];
  if (g.batches < 1 || g.time_steps < 1 || g.input_size < 1 || g.state_size < 1) {
    return ctx.fail(Status::kInvalidModel,
                    "empty LSTM: batches {}, time steps {}, input size {}, state size {}",
                    g.batches, g.time_steps, g.input_size, g.state_size);
  }

  for (int32_t gate = 0; gate < ref::kLstmGateCount; ++gate) {
    MOTE_TRY(expect_shape(ctx, ctx.input(kGateInputWeights[gate]), "input weights", g.state_size,
                          g.input_size));
    MOTE_TRY(expect_shape(ctx, ctx.input(kGateRecurrentWeights[gate]), "recurrent weights",
                          g.state_size, g.state_size));
    const TensorDesc bias = ctx.input(kGateBias[gate]);
    if (bias.shape.rank != 1 || bias.shape.dims[0] != g.state_size) {
      return ctx.fail(Status::kInvalidModel, "bias tensor {} must have shape [{}]", bias.index,
                      g.state_size);
    }
  }
  const int64_t state_elements = static_cast<int64_t>(g.batches) * g.state_size;
  if (hidden.shape.num_elements() != state_elements ||
      cell.shape.num_elements() != state_elements) {
    return ctx.fail(Status::kInvalidModel,
                    "hidden state ({} elements) and cell state ({} elements) must hold {} "
                    "batches x {} units",
                    hidden.shape.num_elements(), cell.shape.num_elements(), g.batches,
                    g.state_size);
  }
  if (!hidden.is_variable || !cell.is_variable) {
    return ctx.fail(Status::kInvalidModel, "{} state tensor {} is not a variable tensor",
                    hidden.is_variable ? "cell" : "hidden",
                    hidden.is_variable ? cell.index : hidden.index);
  }
  if (output.shape.rank != 3 || output.shape.dims[0] != input.shape.dims[0] ||
      output.shape.dims[1] != input.shape.dims[1] || output.shape.dims[2] != g.state_size) {
    return ctx.fail(Status::kInvalidModel, "output tensor {} must have shape [{}, {}, {}]",
                    output.index, input.shape.dims[0], input.shape.dims[1], g.state_size);
  }

  // Types: the hidden state feeds the recurrent FCs, so it has the input's type, and so has the
  // output (a copy of it); weights share one type, biases another.
  MOTE_TRY(ctx.expect_same_type(hidden, input));
  MOTE_TRY(ctx.expect_same_type(output, input));
  TensorType weight_type = TensorType::kFloat32;
  TensorType bias_type = TensorType::kFloat32;
  TensorType cell_type = TensorType::kFloat32;
  size_t cell_bytes = sizeof(float);
  switch (input.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      weight_type = TensorType::kInt8;
      bias_type = TensorType::kInt32;
      cell_type = TensorType::kInt16;
      cell_bytes = sizeof(int16_t);
      break;
    case TensorType::kInt16:
      weight_type = TensorType::kInt8;
      bias_type = TensorType::kInt64;
      cell_type = TensorType::kInt16;
      cell_bytes = sizeof(int16_t);
      break;
    default:
      return ctx.unsupported_type(input, "input");
  }
  for (int32_t gate = 0; gate < ref::kLstmGateCount; ++gate) {
    MOTE_TRY(ctx.expect_type(ctx.input(kGateInputWeights[gate]), "input weights", weight_type));
    MOTE_TRY(
        ctx.expect_type(ctx.input(kGateRecurrentWeights[gate]), "recurrent weights", weight_type));
    MOTE_TRY(ctx.expect_type(ctx.input(kGateBias[gate]), "bias", bias_type));
  }
  MOTE_TRY(ctx.expect_type(cell, "cell state", cell_type));

  data->input_type = input.type;
  data->cell_clip = cell_clip;
  if (input.type != TensorType::kFloat32) {
    MOTE_TRY(prepare_quantized(ctx, input, hidden, cell, cell_clip, data));
  }
  MOTE_TRY(ctx.request_scratch(ref::lstm_scratch_bytes(g, cell_bytes), &data->scratch_index));
  ctx.set_op_data(data);
  return Status::kOk;
}

template <typename Weight, typename Bias>
ref::LstmWeights<Weight, Bias> gather_weights(const EvalContext& ctx) {
  ref::LstmWeights<Weight, Bias> w;
  for (int32_t gate = 0; gate < ref::kLstmGateCount; ++gate) {
    w.input_weights[gate] = ctx.input<Weight>(kGateInputWeights[gate]);
    w.recurrent_weights[gate] = ctx.input<Weight>(kGateRecurrentWeights[gate]);
    w.bias[gate] = ctx.input<Bias>(kGateBias[gate]);
  }
  return w;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<LstmData>();
  void* scratch = ctx.scratch(data.scratch_index).data();
  switch (data.input_type) {
    case TensorType::kFloat32:
      ref::lstm_f32(data.geometry, gather_weights<float, float>(ctx), data.cell_clip,
                    ctx.input<float>(kInput), ctx.mutable_input<float>(kHiddenState),
                    ctx.mutable_input<float>(kCellState), ctx.output<float>(0),
                    static_cast<float*>(scratch));
      break;
    case TensorType::kInt8:
      ref::lstm_s8(data.geometry, data.quant, gather_weights<int8_t, int32_t>(ctx),
                   ctx.input<int8_t>(kInput), ctx.mutable_input<int8_t>(kHiddenState),
                   ctx.mutable_input<int16_t>(kCellState), ctx.output<int8_t>(0),
                   static_cast<int16_t*>(scratch));
      break;
    case TensorType::kInt16:
      ref::lstm_s16(data.geometry, data.quant, gather_weights<int8_t, int64_t>(ctx),
                    ctx.input<int16_t>(kInput), ctx.mutable_input<int16_t>(kHiddenState),
                    ctx.mutable_input<int16_t>(kCellState), ctx.output<int16_t>(0),
                    static_cast<int16_t*>(scratch));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kUnidirectionalSequenceLstm = {
    static_cast<int32_t>(schema::BuiltinOp::kUnidirectionalSequenceLstm), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kUnidirectionalSequenceLstm),   prepare, eval};
}  // namespace ops
}  // namespace mote
