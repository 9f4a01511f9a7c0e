// SVDF: TFLM's own kernel test vectors, small cases computed by hand, and Prepare's validation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;
using tools::to_bytes;

OptionsDef svdf_options(int32_t rank, int8_t activation) {
  return {schema::Options::kSvdf,
          {OptionField::int32(schema::svdf_options::kRank, rank),
           OptionField::int8(schema::svdf_options::kActivation, activation)}};
}

TensorDef state_def(TensorType type, std::vector<int32_t> shape, float scale, int64_t zero_point) {
  return type == TensorType::kFloat32
             ? GraphBuilder::tensor_f32(std::move(shape))
             : GraphBuilder::tensor_q(type, std::move(shape), scale, zero_point);
}

// Writes one frame into graph input 0 and invokes.
template <typename T>
Status invoke_with(GraphBuilder& g, const T* frame) {
  const TensorHandle in = g.interpreter().input(0);
  std::memcpy(in.data, frame, in.bytes);
  return g.invoke_again();
}

// ---------------------------------------------------------------------------
// Test vectors from TFLM tensorflow/lite/micro/kernels/svdf_test.cc ("2x2x10": batch 2,
// input size 2, 4 units, rank 2, memory 10; 10 frames). The float goldens were produced for TFLM's
// float kernel; TFLM checks them within 1e-5 (float) and within one quantum after quantizing them
// (int8 kernels), and so do these tests.
// ---------------------------------------------------------------------------
const float kInput2x2x10[] = {
    0.12609188,  -0.46347019, 0.35867718,  0.36897406,  0.14278367,  -1.64410412, -0.57290924,
    0.12729003,  0.49837467,  0.19278903,  0.17660543,  0.52949083,  -0.11186574, 0.13164264,
    -0.72674477, -0.5683046,  -0.68892461, 0.37783599,  -0.63690937, 0.44483393,  -0.81299269,
    -0.86831826, -0.95760226, 1.82078898,  -1.45006323, -0.82251364, -1.65087092, -1.89238167,
    0.03966608,  -0.24936394, 2.06740379,  -1.51439476, 0.11771342,  -0.23761693, 0.31088525,
    -1.55601168, -0.89477462, 1.67204106,  -0.6230064,  0.29819036,
};
const float kFeatureWeights2x2x10[] = {-0.31930989, 0.0079667,   0.39296314,  0.37613347,
                                       0.12416199,  0.15785322,  0.27901134,  0.3905206,
                                       0.21931258,  -0.36137494, -0.10640851, 0.31053296,
                                       -0.36118156, -0.0976817,  -0.36916667, 0.22197971};
const float kTimeWeights2x2x10[] = {
    -0.31930989, 0.37613347,  0.27901134,  -0.36137494, -0.36118156, 0.22197971,  0.27557442,
    -0.06634006, 0.0079667,   0.12416199,  0.3905206,   -0.10640851, -0.0976817,  0.15294972,
    0.39635518,  -0.02702999, 0.39296314,  0.15785322,  0.21931258,  0.31053296,  -0.36916667,
    0.38031587,  -0.21580373, 0.27072677,  0.23622236,  0.34936687,  0.18174365,  0.35907319,
    -0.17493086, 0.324846,    -0.10781813, 0.27201805,  0.14324132,  -0.23681851, -0.27115166,
    -0.01580888, -0.14943552, 0.15465137,  0.09784451,  -0.0337657,  -0.14884081, 0.19931212,
    -0.36002168, 0.34663299,  -0.11405486, 0.12672701,  0.39463779,  -0.07886535, -0.06384811,
    0.08249187,  -0.26816407, -0.19905911, 0.29211238,  0.31264046,  -0.28664589, 0.05698794,
    0.11613581,  0.14078894,  0.02187902,  -0.21781836, -0.15567942, 0.08693647,  -0.38256618,
    0.36580828,  -0.22922277, -0.0226903,  0.12878349,  -0.28122205, -0.10850525, -0.11955214,
    0.27179423,  -0.04710215, 0.31069002,  0.22672787,  0.09580326,  0.08682203,  0.1258215,
    0.1851041,   0.29228821,  0.12366763};
const float kBias2x2x10[] = {0, 0, 0, 0};  // TFLM declares 8 zeros; only num_units are used
const float kGolden2x2x10[] = {
    -0.044205, -0.013757, 0.050369,  -0.018447, 0.073010,  0.025142,  -0.021154, 0.013551,
    -0.209613, -0.062421, 0.150209,  -0.108334, 0.028256,  -0.006950, -0.030885, 0.009603,
    -0.076800, -0.037075, -0.087198, -0.155183, 0.091069,  0.098446,  -0.016083, 0.106475,
    -0.082123, -0.162238, -0.084434, -0.141074, -0.029340, -0.090685, 0.053302,  -0.030604,
    -0.201440, 0.088424,  0.139877,  0.012416,  -0.113212, 0.103893,  -0.100842, 0.122780,
    -0.166632, -0.116705, 0.175298,  -0.047163, 0.313077,  -0.166485, -0.285860, 0.129069,
    -0.625911, 0.046134,  0.138081,  -0.129581, -0.521455, -0.061579, 0.230289,  0.114963,
    -0.216693, -0.161643, -0.179177, -0.052599, -0.213239, 0.029502,  0.260858,  0.275045,
    -0.213689, -0.323608, -0.285635, -0.317687, -0.324092, -0.317972, -0.208450, -0.462504,
    -0.255126, -0.218576, -0.041528, 0.179421,  -0.440583, 0.072127,  -0.284136, 0.241570};
constexpr int kBatches = 2, kInputSize = 2, kUnits = 4, kRank = 2, kMemory = 10, kFrames = 10;
constexpr int kFilters = kUnits * kRank;

TEST(Svdf, Float32MatchesTflmGolden2x2x10) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({kBatches, kInputSize}),
                        to_bytes(std::vector<float>(kInput2x2x10, kInput2x2x10 + 4)));
  const int wf = g.constant(GraphBuilder::tensor_f32({kFilters, kInputSize}),
                            to_bytes(std::vector<float>(std::begin(kFeatureWeights2x2x10),
                                                        std::end(kFeatureWeights2x2x10))));
  const int wt = g.constant(
      GraphBuilder::tensor_f32({kFilters, kMemory}),
      to_bytes(std::vector<float>(std::begin(kTimeWeights2x2x10), std::end(kTimeWeights2x2x10))));
  const int b =
      g.constant(GraphBuilder::tensor_f32({kUnits}),
                 to_bytes(std::vector<float>(std::begin(kBias2x2x10), std::end(kBias2x2x10))));
  const int s = g.variable(GraphBuilder::tensor_f32({kBatches, kMemory * kFilters}));
  const int y = g.output(GraphBuilder::tensor_f32({kBatches, kUnits}));
  g.op(BuiltinOp::kSvdf, {x, wf, wt, b, s}, {y}, svdf_options(kRank, 0));
  ASSERT_EQ(g.prepare(), Status::kOk) << g.messages();
  for (int frame = 0; frame < kFrames; ++frame) {
    ASSERT_EQ(invoke_with(g, kInput2x2x10 + frame * kBatches * kInputSize), Status::kOk)
        << g.messages();
    const std::vector<float> out = g.output_values<float>(0);
    for (int i = 0; i < kBatches * kUnits; ++i) {
      EXPECT_NEAR(out[i], kGolden2x2x10[frame * kBatches * kUnits + i], 1e-5f)
          << "frame " << frame << " element " << i;
    }
  }
}

// TFLM test_helpers' FloatToQuantizedType: round(value / scale) + zero_point, clamped.
template <typename T>
std::vector<T> quantize(const float* values, size_t n, float scale, int zero_point) {
  std::vector<T> out(n);
  for (size_t i = 0; i < n; ++i) {
    int64_t q = static_cast<int64_t>(std::round(values[i] / scale)) + zero_point;
    q = std::max<int64_t>(q, std::numeric_limits<T>::min());
    q = std::min<int64_t>(q, std::numeric_limits<T>::max());
    out[i] = static_cast<T>(q);
  }
  return out;
}

// SvdfQuantized2x2Input2x4OutputShouldMatchGolden<T> of TFLM's svdf_test.cc: T is the type of
// the state and the time weights. TFLM runs it with RELU, which its integer kernel ignores.
template <typename T>
void run_quantized_2x2x10() {
  const float input_scale = static_cast<float>(2.5 / std::numeric_limits<int8_t>::max());
  const float feature_scale = static_cast<float>(1.0 / std::numeric_limits<int8_t>::max());
  const float time_scale = static_cast<float>(1.0 / std::numeric_limits<T>::max());
  const float state_scale = static_cast<float>(1.49 / std::numeric_limits<T>::max());
  const float output_scale = static_cast<float>(1.0 / std::numeric_limits<int8_t>::max());
  const TensorType state_type = sizeof(T) == 1 ? TensorType::kInt8 : TensorType::kInt16;

  const std::vector<int8_t> input_q = quantize<int8_t>(kInput2x2x10, 40, input_scale, 0);
  const std::vector<int8_t> golden_q = quantize<int8_t>(kGolden2x2x10, 80, output_scale, 0);

  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({kBatches, kInputSize}, input_scale, 0),
                        to_bytes(std::vector<int8_t>(input_q.begin(), input_q.begin() + 4)));
  const int wf =
      g.constant(GraphBuilder::tensor_s8({kFilters, kInputSize}, feature_scale, 0),
                 to_bytes(quantize<int8_t>(kFeatureWeights2x2x10, 16, feature_scale, 0)));
  const int wt = g.constant(GraphBuilder::tensor_q(state_type, {kFilters, kMemory}, time_scale, 0),
                            to_bytes(quantize<T>(kTimeWeights2x2x10, 80, time_scale, 0)));
  const float bias_scale = time_scale * state_scale;  // CreateQuantizedBiasTensor
  const int b = g.constant(GraphBuilder::tensor_q(TensorType::kInt32, {kUnits}, bias_scale, 0),
                           to_bytes(quantize<int32_t>(kBias2x2x10, 4, bias_scale, 0)));
  const int s = g.variable(state_def(state_type, {kBatches, kMemory * kFilters}, state_scale, 0));
  const int y = g.output(GraphBuilder::tensor_s8({kBatches, kUnits}, output_scale, 0));
  g.op(BuiltinOp::kSvdf, {x, wf, wt, b, s}, {y}, svdf_options(kRank, /*RELU*/ 1));
  ASSERT_EQ(g.prepare(), Status::kOk) << g.messages();
  for (int frame = 0; frame < kFrames; ++frame) {
    ASSERT_EQ(invoke_with(g, input_q.data() + frame * kBatches * kInputSize), Status::kOk)
        << g.messages();
    const std::vector<int8_t> out = g.output_values<int8_t>(0);
    for (int i = 0; i < kBatches * kUnits; ++i) {
      EXPECT_NEAR(out[i], golden_q[frame * kBatches * kUnits + i], 1)
          << "frame " << frame << " element " << i;
    }
  }
}

TEST(Svdf, Int8WithInt16StateMatchesTflmGolden2x2x10) { run_quantized_2x2x10<int16_t>(); }
TEST(Svdf, Int8WithInt8StateMatchesTflmGolden2x2x10) { run_quantized_2x2x10<int8_t>(); }

// ---------------------------------------------------------------------------
// Hand-checkable cases.
// ---------------------------------------------------------------------------

// One unit, rank 1, memory 2: state holds the last two feature values (oldest first).
// feature = 1*x0 + 2*x1; output = 3*older + 4*newer + 0.5.
TEST(Svdf, Float32ShiftsStateByOneFrame) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 1}));
  const int wf = g.constant(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
  const int wt = g.constant(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({3, 4}));
  const int b = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({0.5f}));
  const int s = g.variable(GraphBuilder::tensor_f32({1, 2}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 1}));
  g.op(BuiltinOp::kSvdf, {x, wf, wt, b, s}, {y}, svdf_options(1, 0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), std::vector<float>{12.5f});  // state {0, 3}
  const float frame2[] = {2, 0};
  ASSERT_EQ(invoke_with(g, frame2), Status::kOk);
  EXPECT_EQ(g.output_values<float>(0), std::vector<float>{17.5f});  // state {3, 2}
  const float frame3[] = {0, 0};
  ASSERT_EQ(invoke_with(g, frame3), Status::kOk);
  EXPECT_EQ(g.output_values<float>(0), std::vector<float>{6.5f});  // state {2, 0}
  // reset_variables() starts the memory over.
  ASSERT_EQ(g.interpreter().reset_variables(), Status::kOk);
  const float frame1[] = {1, 1};
  ASSERT_EQ(invoke_with(g, frame1), Status::kOk);
  EXPECT_EQ(g.output_values<float>(0), std::vector<float>{12.5f});
}

// Rank 2 sums two filters per unit; two batches keep separate state; no bias; RELU and
// SIGN_BIT are applied on the float path.
TEST(Svdf, Float32RankTwoTwoBatchesActivations) {
  for (int8_t activation : {0, 1, 5}) {
    GraphBuilder g;
    // Batch 0 input {1, 0}, batch 1 input {0, 1}.
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 0, 0, 1}));
    // Filters: f0 = x0, f1 = -3 * x1 (unit 0).
    const int wf = g.constant(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 0, 0, -3}));
    // Memory 1: time weight 2 for f0, 1 for f1.
    const int wt = g.constant(GraphBuilder::tensor_f32({2, 1}), to_bytes<float>({2, 1}));
    const int s = g.variable(GraphBuilder::tensor_f32({2, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 1}));
    g.op(BuiltinOp::kSvdf, {x, wf, wt, -1, s}, {y}, svdf_options(2, activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    // Batch 0: 2*1 + 0 = 2; batch 1: 0 + 1*(-3) = -3.
    const std::vector<float> expected = activation == 0   ? std::vector<float>{2, -3}
                                        : activation == 1 ? std::vector<float>{2, 0}
                                                          : std::vector<float>{0, 1};
    EXPECT_EQ(g.output_values<float>(0), expected) << "activation " << int{activation};
  }
}

// Scales of 1 make both multipliers exactly 1, so every value can be followed by hand.
// int16 state: feature = (x - zp_in) . w, stored in the state; output = sum_m wt * state + bias.
TEST(Svdf, Int8WithInt16StateExactArithmetic) {
  GraphBuilder g;
  // input zero point 1: real input {2, -3}.
  const int x = g.input(GraphBuilder::tensor_s8({1, 2}, 1.0f, 1), to_bytes<int8_t>({3, -2}));
  const int wf = g.constant(GraphBuilder::tensor_s8({1, 2}, 1.0f, 0), to_bytes<int8_t>({10, 1}));
  const int wt = g.constant(GraphBuilder::tensor_s16({1, 3}, 1.0f), to_bytes<int16_t>({1, 2, 3}));
  const int b =
      g.constant(GraphBuilder::tensor_q(TensorType::kInt32, {1}, 1.0f, 0), to_bytes<int32_t>({-5}));
  const int s = g.variable(GraphBuilder::tensor_s16({1, 3}, 1.0f));
  const int y = g.output(GraphBuilder::tensor_s8({1, 1}, 1.0f, 4));
  g.op(BuiltinOp::kSvdf, {x, wf, wt, b, s}, {y}, svdf_options(1, 0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // feature = 20 - 3 = 17; state {0, 0, 17}; 3*17 - 5 = 46; + output zero point 4 = 50.
  EXPECT_EQ(g.output_values<int8_t>(0), std::vector<int8_t>{50});
  // Second frame: feature = (100-1)*10 + (100-1) = 1089; state {0, 17, 1089};
  // 2*17 + 3*1089 - 5 = 3296 -> clamped to 127.
  const int8_t frame2[] = {100, 100};
  ASSERT_EQ(invoke_with(g, frame2), Status::kOk);
  EXPECT_EQ(g.output_values<int8_t>(0), std::vector<int8_t>{127});
  const TensorHandle state = g.interpreter().tensor(static_cast<uint32_t>(s));
  const auto* st = static_cast<const int16_t*>(state.data);
  EXPECT_EQ(st[0], 0);
  EXPECT_EQ(st[1], 17);
  EXPECT_EQ(st[2], 1089);
}

// int8 state with a zero point: TFLM (at the pinned commit) clamps the requantized feature to
// int8 and only then adds the state zero point, narrowing the sum into int8, so a value near the
// top of the range wraps around. Here 125 + 10 = 135 is stored as -121.
TEST(Svdf, Int8StateAddsZeroPointAfterTheClampLikeTflm) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 1}, 1.0f, 0), to_bytes<int8_t>({125}));
  const int wf = g.constant(GraphBuilder::tensor_s8({1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
  const int wt = g.constant(GraphBuilder::tensor_s8({1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
  const int s = g.variable(GraphBuilder::tensor_s8({1, 1}, 1.0f, 10));
  const int y = g.output(GraphBuilder::tensor_s8({1, 1}, 1.0f, 0));
  g.op(BuiltinOp::kSvdf, {x, wf, wt, -1, s}, {y}, svdf_options(1, 0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  const auto* st =
      static_cast<const int8_t*>(g.interpreter().tensor(static_cast<uint32_t>(s)).data);
  EXPECT_EQ(st[0], -121);
  // Output: (-121 - 10) * 1 = -131, clamped to -128.
  EXPECT_EQ(g.output_values<int8_t>(0), std::vector<int8_t>{-128});
  // A small feature stays exact: 5 + 10 = 15 in the state, output (15 - 10) = 5.
  const int8_t frame2[] = {5};
  ASSERT_EQ(invoke_with(g, frame2), Status::kOk);
  EXPECT_EQ(g.output_values<int8_t>(0), std::vector<int8_t>{5});
}

// ---------------------------------------------------------------------------
// Prepare's validation.
// ---------------------------------------------------------------------------

struct SvdfGraph {
  TensorDef input = GraphBuilder::tensor_f32({1, 2});
  TensorDef feature = GraphBuilder::tensor_f32({2, 2});
  TensorDef time = GraphBuilder::tensor_f32({2, 3});
  TensorDef bias = GraphBuilder::tensor_f32({2});
  TensorDef state = GraphBuilder::tensor_f32({1, 6});
  TensorDef output = GraphBuilder::tensor_f32({1, 2});
  bool state_variable = true;
  bool with_bias = true;
  int32_t rank = 1;
  int8_t activation = 0;

  Status prepare(GraphBuilder& g) const {
    auto zeros = [](const TensorDef& d) {
      int64_t n = 1;
      for (int32_t v : d.shape) n *= v;
      const size_t size = d.type == TensorType::kFloat32 || d.type == TensorType::kInt32 ? 4
                          : d.type == TensorType::kInt16                                 ? 2
                                                                                         : 1;
      return std::vector<uint8_t>(static_cast<size_t>(n) * size, 0);
    };
    const int x = g.input(input, zeros(input));
    const int wf = g.constant(feature, zeros(feature));
    const int wt = g.constant(time, zeros(time));
    const int b = with_bias ? g.constant(bias, zeros(bias)) : -1;
    const int s = state_variable ? g.variable(state) : g.input(state, zeros(state));
    const int y = g.output(output);
    g.op(BuiltinOp::kSvdf, {x, wf, wt, b, s}, {y}, svdf_options(rank, activation));
    return g.prepare();
  }
};

void expect_rejected(const SvdfGraph& graph, Status status, const char* text) {
  GraphBuilder g;
  EXPECT_EQ(graph.prepare(g), status) << g.messages();
  EXPECT_NE(g.messages().find(text), std::string::npos) << g.messages();
}

TEST(Svdf, AcceptsTheBaseGraph) {
  GraphBuilder g;
  EXPECT_EQ(SvdfGraph().prepare(g), Status::kOk) << g.messages();
}

TEST(Svdf, RejectsBadShapes) {
  SvdfGraph graph;
  graph.rank = 0;
  expect_rejected(graph, Status::kInvalidModel, "rank");
  graph = SvdfGraph();
  graph.rank = 3;  // 2 filters
  expect_rejected(graph, Status::kInvalidModel, "multiple of rank");
  graph = SvdfGraph();
  graph.state = GraphBuilder::tensor_f32({1, 5});
  expect_rejected(graph, Status::kInvalidModel, "memory size x filters");
  graph = SvdfGraph();
  graph.feature = GraphBuilder::tensor_f32({2, 3});
  expect_rejected(graph, Status::kInvalidModel, "weights_feature");
  graph = SvdfGraph();
  graph.time = GraphBuilder::tensor_f32({3, 2});
  expect_rejected(graph, Status::kInvalidModel, "weights_time");
  graph = SvdfGraph();
  graph.output = GraphBuilder::tensor_f32({1, 3});
  expect_rejected(graph, Status::kInvalidModel, "output");
  graph = SvdfGraph();
  graph.bias = GraphBuilder::tensor_f32({3});
  expect_rejected(graph, Status::kInvalidModel, "bias");
  graph = SvdfGraph();
  graph.input = GraphBuilder::tensor_f32({1, 1, 2});
  expect_rejected(graph, Status::kInvalidModel, "rank 3");
  graph = SvdfGraph();
  graph.state_variable = false;
  expect_rejected(graph, Status::kInvalidModel, "variable");
}

SvdfGraph quantized_graph() {
  SvdfGraph graph;
  graph.input = GraphBuilder::tensor_s8({1, 2}, 0.5f, 0);
  graph.feature = GraphBuilder::tensor_s8({2, 2}, 0.25f, 0);
  graph.time = GraphBuilder::tensor_s16({2, 3}, 0.125f);
  graph.bias = GraphBuilder::tensor_q(TensorType::kInt32, {2}, 0.125f * 2.0f, 0);
  graph.state = GraphBuilder::tensor_s16({1, 6}, 2.0f);
  graph.output = GraphBuilder::tensor_s8({1, 2}, 1.0f, 0);
  return graph;
}

TEST(Svdf, RejectsBadTypesAndQuantization) {
  {
    GraphBuilder g;
    EXPECT_EQ(quantized_graph().prepare(g), Status::kOk) << g.messages();
  }
  SvdfGraph graph = quantized_graph();
  graph.state = GraphBuilder::tensor_s8({1, 6}, 2.0f, 0);  // int16 time weights, int8 state
  expect_rejected(graph, Status::kUnsupported, "weights_time");
  graph = quantized_graph();
  graph.bias = GraphBuilder::tensor_q(TensorType::kInt32, {2}, 0.5f, 0);
  expect_rejected(graph, Status::kInvalidModel, "bias scale");
  graph = quantized_graph();
  graph.time = GraphBuilder::tensor_of(TensorType::kInt16, {2, 3});  // no scale
  expect_rejected(graph, Status::kInvalidModel, "quantization");
  graph = quantized_graph();
  graph.output = GraphBuilder::tensor_s16({1, 2}, 1.0f);
  expect_rejected(graph, Status::kUnsupported, "output");
  graph = SvdfGraph();  // hybrid: float input, int8 weights (TFLM has no such kernel)
  graph.feature = GraphBuilder::tensor_s8({2, 2}, 0.25f, 0);
  expect_rejected(graph, Status::kUnsupported, "weights_feature");
  graph = SvdfGraph();
  graph.input = GraphBuilder::tensor_of(TensorType::kInt32, {1, 2});
  expect_rejected(graph, Status::kUnsupported, "input");
  graph = SvdfGraph();
  graph.activation = 9;
  expect_rejected(graph, Status::kInvalidModel, "activation");
}

}  // namespace
}  // namespace mote::testing
