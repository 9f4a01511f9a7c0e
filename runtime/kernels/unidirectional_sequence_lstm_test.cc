// UNIDIRECTIONAL_SEQUENCE_LSTM: TFLM's own kernel test vectors (float, 8x8->16, 16x8->16), small
// integer cases computed by hand, layout cases, and Prepare's validation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <vector>

#include "kernels/ref/quantization.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;
using tools::to_bytes;

// Gates in the model's input order: input, forget, cell, output (inputs 1-4, 5-8, 12-15).
constexpr int kGates = 4;

struct LstmSpec {
  int batches = 1, time_steps = 1, input_size = 1, state_size = 1;
  bool time_major = false;
  TensorType act_type = TensorType::kFloat32;
  float input_scale = 1.0f, hidden_scale = 1.0f, cell_scale = 1.0f, output_scale = 1.0f;
  int input_zp = 0, hidden_zp = 0, output_zp = 0;
  float weight_scale[2][kGates] = {{1, 1, 1, 1}, {1, 1, 1, 1}};  // [input/recurrent][gate]
  float bias_scale[kGates] = {1, 1, 1, 1};
  std::vector<uint8_t> weights[2][kGates];  // raw bytes, [input/recurrent][gate]
  std::vector<uint8_t> bias[kGates];
  std::vector<uint8_t> input;
  float cell_clip = 0.0f;
  int8_t activation = 4;  // TANH
  // Optional hooks for the validation tests: edit the tensor descriptions or the input list.
  std::function<void(std::vector<TensorDef>&)> edit_tensors;
  std::function<void(GraphBuilder&, std::vector<int32_t>&)> edit_inputs;
  bool states_variable = true;
};

struct LstmGraph {
  int32_t hidden = -1;
  int32_t cell = -1;
};

TensorType bias_type_for(TensorType act) {
  return act == TensorType::kFloat32 ? TensorType::kFloat32
         : act == TensorType::kInt8  ? TensorType::kInt32
                                     : TensorType::kInt64;
}

TensorDef typed(TensorType type, std::vector<int32_t> shape, float scale, int zp) {
  return type == TensorType::kFloat32 ? GraphBuilder::tensor_f32(std::move(shape))
                                      : GraphBuilder::tensor_q(type, std::move(shape), scale, zp);
}

LstmGraph build_lstm(GraphBuilder& g, const LstmSpec& s) {
  const bool is_float = s.act_type == TensorType::kFloat32;
  const TensorType weight_type = is_float ? TensorType::kFloat32 : TensorType::kInt8;
  const TensorType cell_type = is_float ? TensorType::kFloat32 : TensorType::kInt16;
  const std::vector<int32_t> in_shape =
      s.time_major ? std::vector<int32_t>{s.time_steps, s.batches, s.input_size}
                   : std::vector<int32_t>{s.batches, s.time_steps, s.input_size};
  const std::vector<int32_t> out_shape =
      s.time_major ? std::vector<int32_t>{s.time_steps, s.batches, s.state_size}
                   : std::vector<int32_t>{s.batches, s.time_steps, s.state_size};
  // Tensor descriptions, in the order they become inputs 0..23 (-1 entries stay omitted).
  std::vector<TensorDef> defs(24);
  defs[0] = typed(s.act_type, in_shape, s.input_scale, s.input_zp);
  for (int k = 0; k < kGates; ++k) {
    defs[1 + k] = typed(weight_type, {s.state_size, s.input_size}, s.weight_scale[0][k], 0);
    defs[1 + k].data = s.weights[0][k];
    defs[5 + k] = typed(weight_type, {s.state_size, s.state_size}, s.weight_scale[1][k], 0);
    defs[5 + k].data = s.weights[1][k];
    defs[12 + k] = typed(bias_type_for(s.act_type), {s.state_size}, s.bias_scale[k], 0);
    defs[12 + k].data = s.bias[k];
  }
  defs[18] = typed(s.act_type, {s.batches, s.state_size}, s.hidden_scale, s.hidden_zp);
  defs[19] = typed(cell_type, {s.batches, s.state_size}, s.cell_scale, 0);
  if (s.edit_tensors) s.edit_tensors(defs);

  std::vector<int32_t> inputs(24, -1);
  inputs[0] = g.input(defs[0], s.input);
  for (int i = 1; i < 24; ++i) {
    if (i == 18 || i == 19 || defs[i].shape.empty()) continue;
    std::vector<uint8_t> data = defs[i].data;
    inputs[i] = g.constant(defs[i], std::move(data));
  }
  LstmGraph graph;
  for (int i : {18, 19}) {
    if (s.states_variable) {
      inputs[i] = g.variable(defs[i]);
    } else {
      int64_t n = 1;
      for (int32_t d : defs[i].shape) n *= d;
      const size_t bytes = i == 18 ? (is_float                          ? 4
                                      : s.act_type == TensorType::kInt8 ? 1
                                                                        : 2)
                                   : (is_float ? 4 : 2);
      inputs[i] = g.input(defs[i], std::vector<uint8_t>(static_cast<size_t>(n) * bytes, 0));
    }
  }
  graph.hidden = inputs[18];
  graph.cell = inputs[19];
  if (s.edit_inputs) s.edit_inputs(g, inputs);
  const int32_t y = g.output(typed(s.act_type, out_shape, s.output_scale, s.output_zp));
  OptionsDef options{
      schema::Options::kUnidirectionalSequenceLstm,
      {OptionField::int8(schema::unidirectional_sequence_lstm_options::kActivation, s.activation),
       OptionField::real(schema::unidirectional_sequence_lstm_options::kCellClip, s.cell_clip),
       OptionField::boolean(schema::unidirectional_sequence_lstm_options::kTimeMajor,
                            s.time_major)}};
  g.op(BuiltinOp::kUnidirectionalSequenceLstm, inputs, {y}, options);
  return graph;
}

template <typename T>
std::vector<T> tensor_values(GraphBuilder& g, int32_t index) {
  const TensorHandle t = g.interpreter().tensor(static_cast<uint32_t>(index));
  std::vector<T> values(t.bytes / sizeof(T));
  std::memcpy(values.data(), t.data, t.bytes);
  return values;
}

// ---------------------------------------------------------------------------
// Test vectors from TFLM tensorflow/lite/micro/kernels/testdata/lstm_test_data.{h,cc}
// (Get2X2LstmEvalCheckData, Create2x3x2X2FloatNodeContents and the Int8/Int16 quantization
// settings), as used by tensorflow/lite/micro/kernels/unidirectional_sequence_lstm_test.cc:
// batch 2, 3 time steps, input 2, state 2, batch-major, cell clip 6, TANH.
// ---------------------------------------------------------------------------
const float kTflmInput[12] = {0.2,   0.3,  0.2,  0.3,  0.2,  0.3,     // batch 1
                              -0.98, 0.62, 0.01, 0.99, 0.49, -0.32};  // batch 2
const float kTflmExpectedOutput[12] = {0.26455893, 0.26870455, 0.47935803,      0.47937014,
                                       0.58013272, 0.58013278, -1.41184672e-3f, -1.43329117e-5f,
                                       0.46887168, 0.46891281, 0.50054074,      0.50054148};
const float kTflmExpectedHidden[4] = {0.58013272, 0.58013278, 0.50054074, 0.50054148};
const float kTflmExpectedCell[4] = {0.89740515, 0.8974053, 0.80327607, 0.80327785};
// Per gate (model order: input, forget, cell, output): input weights, recurrent weights
// (both [2, 2]) and bias.
const float kTflmWeights[kGates][4] = {
    {10, 10, 20, 20}, {-10, -10, -20, -20}, {1, 1, 1, 1}, {1, 1, 1, 1}};
const float kTflmBias[kGates][2] = {{-1, -2}, {1, 2}, {0, 0}, {0, 0}};

LstmSpec tflm_spec(TensorType act_type) {
  LstmSpec s;
  s.batches = 2;
  s.time_steps = 3;
  s.input_size = 2;
  s.state_size = 2;
  s.act_type = act_type;
  s.cell_clip = 6.0f;
  return s;
}

TEST(UnidirectionalSequenceLstm, Float32MatchesTflmGolden2x3x2x2) {
  LstmSpec s = tflm_spec(TensorType::kFloat32);
  for (int k = 0; k < kGates; ++k) {
    const std::vector<float> w(kTflmWeights[k], kTflmWeights[k] + 4);
    s.weights[0][k] = to_bytes(w);
    s.weights[1][k] = to_bytes(w);
    s.bias[k] = to_bytes(std::vector<float>(kTflmBias[k], kTflmBias[k] + 2));
  }
  s.input = to_bytes(std::vector<float>(kTflmInput, kTflmInput + 12));
  GraphBuilder g;
  const LstmGraph graph = build_lstm(g, s);
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // TFLM's test uses 1e-6 (and compares only the first four outputs; all twelve agree here).
  const std::vector<float> out = g.output_values<float>(0);
  for (int i = 0; i < 12; ++i) EXPECT_NEAR(out[i], kTflmExpectedOutput[i], 1e-6f) << i;
  const std::vector<float> hidden = tensor_values<float>(g, graph.hidden);
  const std::vector<float> cell = tensor_values<float>(g, graph.cell);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(hidden[i], kTflmExpectedHidden[i], 1e-6f) << i;
    EXPECT_NEAR(cell[i], kTflmExpectedCell[i], 1e-6f) << i;
  }
}

// The same sequence laid out time-major gives the same values (transposed output).
TEST(UnidirectionalSequenceLstm, Float32TimeMajorMatchesBatchMajor) {
  LstmSpec s = tflm_spec(TensorType::kFloat32);
  s.time_major = true;
  for (int k = 0; k < kGates; ++k) {
    const std::vector<float> w(kTflmWeights[k], kTflmWeights[k] + 4);
    s.weights[0][k] = to_bytes(w);
    s.weights[1][k] = to_bytes(w);
    s.bias[k] = to_bytes(std::vector<float>(kTflmBias[k], kTflmBias[k] + 2));
  }
  std::vector<float> input(12);
  for (int b = 0; b < 2; ++b) {
    for (int t = 0; t < 3; ++t) {
      for (int i = 0; i < 2; ++i) input[(t * 2 + b) * 2 + i] = kTflmInput[(b * 3 + t) * 2 + i];
    }
  }
  s.input = to_bytes(input);
  GraphBuilder g;
  const LstmGraph graph = build_lstm(g, s);
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  const std::vector<float> out = g.output_values<float>(0);
  for (int b = 0; b < 2; ++b) {
    for (int t = 0; t < 3; ++t) {
      for (int i = 0; i < 2; ++i) {
        EXPECT_NEAR(out[(t * 2 + b) * 2 + i], kTflmExpectedOutput[(b * 3 + t) * 2 + i], 1e-6f);
      }
    }
  }
  const std::vector<float> cell = tensor_values<float>(g, graph.cell);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(cell[i], kTflmExpectedCell[i], 1e-6f) << i;
}

// TFLM test_helpers: Quantize (round(v / scale) + zp, clamped) and SymmetricQuantize
// (round(v / scale), clamped to [min + 1, max]).
template <typename T>
std::vector<T> quantize(const float* v, int n, float scale, int zp) {
  std::vector<T> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    int64_t q = static_cast<int64_t>(std::round(v[i] / scale)) + zp;
    q = std::max<int64_t>(q, std::numeric_limits<T>::min());
    q = std::min<int64_t>(q, std::numeric_limits<T>::max());
    out[static_cast<size_t>(i)] = static_cast<T>(q);
  }
  return out;
}
template <typename T>
std::vector<T> symmetric_quantize(const float* v, int n, float scale) {
  std::vector<T> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    int64_t q = static_cast<int64_t>(std::round(v[i] / scale));
    q = std::max<int64_t>(q, static_cast<int64_t>(std::numeric_limits<T>::min()) + 1);
    q = std::min<int64_t>(q, std::numeric_limits<T>::max());
    out[static_cast<size_t>(i)] = static_cast<T>(q);
  }
  return out;
}

struct TflmQuantSettings {
  float input_scale;
  int input_zp;
  float state_scale;  // hidden and output
  int state_zp;
  float cell_scale;
  float weight_scale[kGates];  // input and recurrent weights share it (model gate order)
  float bias_scale[kGates];
};

template <typename Act, typename Bias>
void run_tflm_integer(const TflmQuantSettings& qs, float hidden_tolerance, float cell_tolerance) {
  LstmSpec s = tflm_spec(sizeof(Act) == 1 ? TensorType::kInt8 : TensorType::kInt16);
  s.input_scale = qs.input_scale;
  s.input_zp = qs.input_zp;
  s.hidden_scale = s.output_scale = qs.state_scale;
  s.hidden_zp = s.output_zp = qs.state_zp;
  s.cell_scale = qs.cell_scale;
  for (int k = 0; k < kGates; ++k) {
    s.weight_scale[0][k] = s.weight_scale[1][k] = qs.weight_scale[k];
    s.bias_scale[k] = qs.bias_scale[k];
    const std::vector<int8_t> w =
        symmetric_quantize<int8_t>(kTflmWeights[k], 4, qs.weight_scale[k]);
    s.weights[0][k] = to_bytes(w);
    s.weights[1][k] = to_bytes(w);
    s.bias[k] = to_bytes(symmetric_quantize<Bias>(kTflmBias[k], 2, qs.bias_scale[k]));
  }
  s.input = to_bytes(quantize<Act>(kTflmInput, 12, qs.input_scale, qs.input_zp));
  GraphBuilder g;
  const LstmGraph graph = build_lstm(g, s);
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  const std::vector<Act> out = g.output_values<Act>(0);
  const std::vector<Act> hidden = tensor_values<Act>(g, graph.hidden);
  const std::vector<int16_t> cell = tensor_values<int16_t>(g, graph.cell);
  // TFLM's check: dequantized values within the tolerances of its test (it compares only the
  // first four outputs; all twelve are within the tolerance here).
  for (int i = 0; i < 12; ++i) {
    EXPECT_NEAR((out[i] - qs.state_zp) * qs.state_scale, kTflmExpectedOutput[i], hidden_tolerance)
        << "output " << i;
  }
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR((hidden[i] - qs.state_zp) * qs.state_scale, kTflmExpectedHidden[i],
                hidden_tolerance)
        << "hidden " << i;
    EXPECT_NEAR(cell[i] * qs.cell_scale, kTflmExpectedCell[i], cell_tolerance) << "cell " << i;
  }
}

TEST(UnidirectionalSequenceLstm, Int8MatchesTflmGolden2x3x2x2) {
  // Get2X2Int8LstmQuantizationSettings (gate order input, forget, cell, output).
  const TflmQuantSettings qs = {
      0.00784313725490196f,
      0,
      0.004705882165580988f,
      -21,
      0.00024414062f,
      {0.15748031496062992f, 0.15748031496062992f, 0.007874015748031496f, 0.007874015748031496f},
      {0.0012351397251814111f, 0.0012351397251814111f, 6.175698625907056e-5f,
       6.175698625907056e-5f}};
  run_tflm_integer<int8_t, int32_t>(qs, 1e-2f, 1e-2f);
}

TEST(UnidirectionalSequenceLstm, Int16MatchesTflmGolden2x3x2x2) {
  // Get2X2Int16LstmQuantizationSettings.
  const TflmQuantSettings qs = {
      3.0518044e-5f,
      0,
      2.1362956633198035e-05f,
      0,
      0.00024414062f,
      {0.15748031496062992f, 0.15748031496062992f, 0.007874015748031496f, 0.007874015748031496f},
      {4.8059911474468205e-06f, 4.8059911474468205e-06f, 2.40299557372341e-07f,
       2.40299557372341e-07f}};
  run_tflm_integer<int16_t, int64_t>(qs, 1e-3f, 1e-2f);
}

// ---------------------------------------------------------------------------
// A one-unit integer LSTM followed by hand. Input scale 2^-4 and weight scale 2^-8 make every gate
// FC multiplier exactly 1 (FC output = bias, in Q3.12); all weights are 0. Cell scale 2^-11, hidden
// scale 2^-7.
//   forget = input = output gate = sigmoid(0) = 16384 (0.5 in Q0.15)
//   cell gate = tanh(1.0): table input 4096 * 3 = 12288 -> entry 48 (57724), no fraction:
//               (57724 << 8) - 2^23 + 128 >> 8 = 24956
//   step 1: cell = 0.5 * 0 + (16384 * 24956) * 2^-19 -> round(779.875) = 780
//           tanh(cell): scale 2^-11 gives multiplier 6: 4680 -> entry 18 (44511), next 45102,
//           fraction 72: (44511 << 8) + 72 * 591 = 11437368; - 2^23 + 128 >> 8 = 11909
//           hidden = 11909 * 16384 * 2^-23 = round(23.26) = 23
//   step 2: cell = (16384 * 780) * 2^-15 + 780 = 390 + 780 = 1170
//           tanh: 7020 -> entry 27 (49475), next 49975, fraction 108:
//           12665600 + 54000 = 12719600; - 2^23 + 128 >> 8 = 16918
//           hidden = round(16918 / 512 = 33.04) = 33
// ---------------------------------------------------------------------------
template <typename Act, typename Bias>
void run_hand_checked(TensorType act_type) {
  LstmSpec s;
  s.time_steps = 2;
  s.act_type = act_type;
  s.input_scale = 0.0625f;
  s.hidden_scale = s.output_scale = 0.0078125f;
  s.cell_scale = 0.00048828125f;
  for (int k = 0; k < kGates; ++k) {
    s.weight_scale[0][k] = s.weight_scale[1][k] = 0.00390625f;
    s.bias_scale[k] = s.input_scale * s.weight_scale[0][k];
    s.weights[0][k] = to_bytes<int8_t>({0});
    s.weights[1][k] = to_bytes<int8_t>({0});
    s.bias[k] = to_bytes<Bias>({k == 2 ? Bias{4096} : Bias{0}});  // cell gate: 1.0 in Q3.12
  }
  s.input = to_bytes<Act>({16, 16});
  GraphBuilder g;
  const LstmGraph graph = build_lstm(g, s);
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<Act>(0), (std::vector<Act>{23, 33}));
  EXPECT_EQ(tensor_values<Act>(g, graph.hidden), std::vector<Act>{33});
  EXPECT_EQ(tensor_values<int16_t>(g, graph.cell), std::vector<int16_t>{1170});
  // The state persists across invocations and reset_variables() clears it.
  ASSERT_EQ(g.interpreter().reset_variables(), Status::kOk);
  ASSERT_EQ(g.invoke_again(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<Act>(0), (std::vector<Act>{23, 33}));
}

TEST(UnidirectionalSequenceLstm, Int8HandChecked) {
  run_hand_checked<int8_t, int32_t>(TensorType::kInt8);
}
TEST(UnidirectionalSequenceLstm, Int16HandChecked) {
  run_hand_checked<int16_t, int64_t>(TensorType::kInt16);
}

// Cell clip: with a clip of 0.25 (512 in Q.11) the step-1 cell of 780 is clipped to 512.
TEST(UnidirectionalSequenceLstm, Int8CellClip) {
  LstmSpec s;
  s.act_type = TensorType::kInt8;
  s.input_scale = 0.0625f;
  s.hidden_scale = s.output_scale = 0.0078125f;
  s.cell_scale = 0.00048828125f;
  s.cell_clip = 0.25f;
  for (int k = 0; k < kGates; ++k) {
    s.weight_scale[0][k] = s.weight_scale[1][k] = 0.00390625f;
    s.weights[0][k] = to_bytes<int8_t>({0});
    s.weights[1][k] = to_bytes<int8_t>({0});
    s.bias[k] = to_bytes<int32_t>({k == 2 ? 4096 : 0});
  }
  s.input = to_bytes<int8_t>({16});
  GraphBuilder g;
  const LstmGraph graph = build_lstm(g, s);
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(tensor_values<int16_t>(g, graph.cell), std::vector<int16_t>{512});
}

// Batch-major and time-major layouts of the same random int8 sequence (3 batches, 4 steps) give
// the same bits: TFLM computes each batch row with the same arithmetic either way.
TEST(UnidirectionalSequenceLstm, Int8LayoutsAgreeOnRandomData) {
  constexpr int kB = 3, kT = 4, kI = 5, kS = 3;
  uint32_t seed = 12345;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<int8_t>(seed >> 24);
  };
  LstmSpec s;
  s.batches = kB;
  s.time_steps = kT;
  s.input_size = kI;
  s.state_size = kS;
  s.act_type = TensorType::kInt8;
  s.input_scale = 0.03f;
  s.input_zp = 5;
  s.hidden_scale = s.output_scale = 0.008f;
  s.hidden_zp = s.output_zp = -7;
  s.cell_scale = 0.00048828125f;
  s.cell_clip = 3.0f;
  for (int k = 0; k < kGates; ++k) {
    s.weight_scale[0][k] = 0.01f + 0.002f * k;
    s.weight_scale[1][k] = 0.012f + 0.001f * k;
    std::vector<int8_t> w_in(kS * kI), w_rec(kS * kS);
    std::vector<int32_t> bias(kS);
    for (auto& v : w_in) v = next();
    for (auto& v : w_rec) v = next();
    for (auto& v : bias) v = next() * 40;
    s.weights[0][k] = to_bytes(w_in);
    s.weights[1][k] = to_bytes(w_rec);
    s.bias[k] = to_bytes(bias);
  }
  std::vector<int8_t> batch_major(kB * kT * kI), time_major(kB * kT * kI);
  for (auto& v : batch_major) v = next();
  for (int b = 0; b < kB; ++b) {
    for (int t = 0; t < kT; ++t) {
      for (int i = 0; i < kI; ++i) {
        time_major[(t * kB + b) * kI + i] = batch_major[(b * kT + t) * kI + i];
      }
    }
  }
  s.input = to_bytes(batch_major);
  GraphBuilder g1;
  const LstmGraph graph1 = build_lstm(g1, s);
  ASSERT_EQ(g1.run(), Status::kOk) << g1.messages();
  s.time_major = true;
  s.input = to_bytes(time_major);
  GraphBuilder g2;
  const LstmGraph graph2 = build_lstm(g2, s);
  ASSERT_EQ(g2.run(), Status::kOk) << g2.messages();
  const std::vector<int8_t> out1 = g1.output_values<int8_t>(0);
  const std::vector<int8_t> out2 = g2.output_values<int8_t>(0);
  bool varied = false;
  for (int b = 0; b < kB; ++b) {
    for (int t = 0; t < kT; ++t) {
      for (int i = 0; i < kS; ++i) {
        EXPECT_EQ(out1[(b * kT + t) * kS + i], out2[(t * kB + b) * kS + i]);
        varied = varied || out1[(b * kT + t) * kS + i] != out1[0];
      }
    }
  }
  EXPECT_TRUE(varied) << "the random case should not be degenerate";
  EXPECT_EQ(tensor_values<int16_t>(g1, graph1.cell), tensor_values<int16_t>(g2, graph2.cell));
  EXPECT_EQ(tensor_values<int8_t>(g1, graph1.hidden), tensor_values<int8_t>(g2, graph2.hidden));
}

// ---------------------------------------------------------------------------
// Prepare's validation.
// ---------------------------------------------------------------------------

LstmSpec valid_int8_spec() {
  LstmSpec s;
  s.batches = 1;
  s.time_steps = 2;
  s.input_size = 3;
  s.state_size = 2;
  s.act_type = TensorType::kInt8;
  s.input_scale = 0.05f;
  s.hidden_scale = s.output_scale = 0.01f;
  s.cell_scale = 0.00048828125f;
  for (int k = 0; k < kGates; ++k) {
    s.weight_scale[0][k] = s.weight_scale[1][k] = 0.02f;
    s.weights[0][k] = std::vector<uint8_t>(6, 0);
    s.weights[1][k] = std::vector<uint8_t>(4, 0);
    s.bias[k] = std::vector<uint8_t>(8, 0);
  }
  s.input = std::vector<uint8_t>(6, 0);
  return s;
}

void expect_rejected(const LstmSpec& s, Status status, const char* text) {
  GraphBuilder g;
  build_lstm(g, s);
  EXPECT_EQ(g.prepare(), status) << g.messages();
  EXPECT_NE(g.messages().find(text), std::string::npos) << g.messages();
}

TEST(UnidirectionalSequenceLstm, AcceptsTheBaseGraph) {
  GraphBuilder g;
  build_lstm(g, valid_int8_spec());
  EXPECT_EQ(g.prepare(), Status::kOk) << g.messages();
}

TEST(UnidirectionalSequenceLstm, RejectsLstmVariantsTflmDoesNotRun) {
  LstmSpec s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder&, std::vector<int32_t>& inputs) { inputs[1] = -1; };
  expect_rejected(s, Status::kUnsupported, "CIFG");
  s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder& g, std::vector<int32_t>& inputs) {
    inputs[10] = g.constant(GraphBuilder::tensor_q(TensorType::kInt16, {2}, 1.0f, 0),
                            std::vector<uint8_t>(4, 0));
  };
  expect_rejected(s, Status::kUnsupported, "peephole");
  s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder& g, std::vector<int32_t>& inputs) {
    inputs[16] = g.constant(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), std::vector<uint8_t>(4, 0));
  };
  expect_rejected(s, Status::kUnsupported, "projection");
  s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder& g, std::vector<int32_t>& inputs) {
    inputs[21] = g.constant(GraphBuilder::tensor_q(TensorType::kInt16, {2}, 1.0f, 0),
                            std::vector<uint8_t>(4, 0));
  };
  expect_rejected(s, Status::kUnsupported, "layer norm");
  s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder&, std::vector<int32_t>& inputs) { inputs.resize(20); };
  expect_rejected(s, Status::kInvalidModel, "inputs");
  s = valid_int8_spec();
  s.edit_inputs = [](GraphBuilder&, std::vector<int32_t>& inputs) { inputs[13] = -1; };
  expect_rejected(s, Status::kInvalidModel, "required input 13");
}

TEST(UnidirectionalSequenceLstm, RejectsBadOptions) {
  LstmSpec s = valid_int8_spec();
  s.activation = 1;  // RELU
  expect_rejected(s, Status::kUnsupported, "TANH");
  s = valid_int8_spec();
  s.cell_clip = -1.0f;
  expect_rejected(s, Status::kInvalidModel, "cell_clip");
}

TEST(UnidirectionalSequenceLstm, RejectsBadShapes) {
  LstmSpec s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[7].shape = {2, 3}; };  // recurrent [S, I]
  s.weights[1][2] = std::vector<uint8_t>(6, 0);
  expect_rejected(s, Status::kInvalidModel, "recurrent weights");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[2].shape = {3, 3}; };
  s.weights[0][1] = std::vector<uint8_t>(9, 0);
  expect_rejected(s, Status::kInvalidModel, "input weights");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[14].shape = {3}; };
  s.bias[2] = std::vector<uint8_t>(12, 0);
  expect_rejected(s, Status::kInvalidModel, "bias");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[19].shape = {1, 3}; };
  expect_rejected(s, Status::kInvalidModel, "cell state");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[18].shape = {2}; };
  expect_rejected(s, Status::kInvalidModel, "rank 1");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[0].shape = {1, 6}; };
  expect_rejected(s, Status::kInvalidModel, "rank 2, expected 3");
  s = valid_int8_spec();
  s.states_variable = false;
  expect_rejected(s, Status::kInvalidModel, "variable");
}

TEST(UnidirectionalSequenceLstm, RejectsBadTypesAndQuantization) {
  LstmSpec s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[13].type = TensorType::kInt64; };
  s.bias[1] = std::vector<uint8_t>(16, 0);
  expect_rejected(s, Status::kUnsupported, "bias");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) {
    d[19] = GraphBuilder::tensor_f32({1, 2});  // float cell state with int8 activations
  };
  expect_rejected(s, Status::kUnsupported, "cell state");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) {
    d[3].quant.scales = {0.1f, 0.2f};  // per-channel input-to-cell weights
    d[3].quant.zero_points = {0, 0};
  };
  expect_rejected(s, Status::kUnsupported, "per channel");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) { d[18].quant = {}; };
  expect_rejected(s, Status::kInvalidModel, "hidden state");
  s = valid_int8_spec();
  s.edit_tensors = [](std::vector<TensorDef>& d) {
    d[0] = GraphBuilder::tensor_f32({1, 2, 3});  // float input, int8 weights (hybrid)
  };
  s.input = std::vector<uint8_t>(24, 0);
  expect_rejected(s, Status::kUnsupported, "type");
}

}  // namespace
}  // namespace mote::testing
