// SOFTMAX: hand-checked cases, TFLM's own test vectors (with TFLM's tolerances), randomized
// comparisons against a double-precision softmax, and Prepare's validation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;
using tools::to_bytes;

OptionsDef softmax_options(float beta) {
  return {schema::Options::kSoftmax, {OptionField::real(schema::softmax_options::kBeta, beta)}};
}

// Runs one SOFTMAX node and returns its output; fails the test on a non-OK status.
template <typename In, typename Out>
std::vector<Out> run_softmax(const TensorDef& in_def, const std::vector<In>& input,
                             const TensorDef& out_def, float beta = 1.0f) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<In>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kSoftmax, {x}, {y}, softmax_options(beta));
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<Out>(0);
}

Status prepare_softmax(const TensorDef& in_def, const TensorDef& out_def, std::string* messages,
                       OptionsDef options = softmax_options(1.0f)) {
  GraphBuilder g;
  const int x = g.input(in_def, {});
  const int y = g.output(out_def);
  g.op(BuiltinOp::kSoftmax, {x}, {y}, std::move(options));
  const Status status = g.prepare();
  *messages = g.messages();
  return status;
}

// tflite::Quantize from TFLM's test helpers: round(x / scale) + zero point, clamped.
template <typename T>
std::vector<T> quantize(const std::vector<float>& values, float scale, int32_t zero_point) {
  std::vector<T> out;
  for (float v : values) {
    const int32_t q = static_cast<int32_t>(std::round(v / scale)) + zero_point;
    out.push_back(static_cast<T>(std::min<int32_t>(
        std::max<int32_t>(q, std::numeric_limits<T>::min()), std::numeric_limits<T>::max())));
  }
  return out;
}

// Double-precision softmax of each row of `depth` values.
std::vector<double> softmax_double(const std::vector<double>& x, size_t depth) {
  std::vector<double> out(x.size());
  for (size_t row = 0; row < x.size() / depth; ++row) {
    double max = x[row * depth];
    for (size_t c = 0; c < depth; ++c) max = std::max(max, x[row * depth + c]);
    double sum = 0;
    for (size_t c = 0; c < depth; ++c) sum += std::exp(x[row * depth + c] - max);
    for (size_t c = 0; c < depth; ++c)
      out[row * depth + c] = std::exp(x[row * depth + c] - max) / sum;
  }
  return out;
}

// From TFLM tensorflow/lite/micro/kernels/softmax_test.cc (1-d and 2-d vectors, beta 1).
const std::vector<float> kTflmInput2d = {1.0, 2.0, 3.0, 4.0, 5.0, -1.0, -2.0, -3.0, -4.0, -5.0};
const std::vector<float> kTflmGolden2d = {0.011656231, 0.031684921, 0.086128544, 0.234121657,
                                          0.636408647, 0.636408647, 0.234121657, 0.086128544,
                                          0.031684921, 0.011656231};

TEST(Softmax, Float32MatchesTflmGoldens) {
  const auto out = run_softmax<float, float>(GraphBuilder::tensor_f32({2, 5}), kTflmInput2d,
                                             GraphBuilder::tensor_f32({2, 5}));
  ASSERT_EQ(out.size(), kTflmGolden2d.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], kTflmGolden2d[i], 1e-5) << i;
}

TEST(Softmax, Float32NormalisesEachRowOfTheLastDimension) {
  // Shape [2, 2, 2]: four rows of two. exp(0) / (exp(0) + exp(ln 3)) = 1/4.
  const float ln3 = std::log(3.0f);
  const auto out = run_softmax<float, float>(GraphBuilder::tensor_f32({2, 2, 2}),
                                             {0, 0, 5, 5, 0, ln3, -7, -7 + ln3},
                                             GraphBuilder::tensor_f32({2, 2, 2}));
  const std::vector<float> expected = {0.5f, 0.5f, 0.5f, 0.5f, 0.25f, 0.75f, 0.25f, 0.75f};
  ASSERT_EQ(out.size(), expected.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], expected[i], 1e-6) << i;
}

TEST(Softmax, Float32AppliesBeta) {
  // beta 2: exp(2 * 0) : exp(2 * ln(2) / 2) = 1 : 2.
  const auto out =
      run_softmax<float, float>(GraphBuilder::tensor_f32({1, 2}), {0.0f, std::log(2.0f) / 2},
                                GraphBuilder::tensor_f32({1, 2}), 2.0f);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_NEAR(out[0], 1.0f / 3, 1e-6);
  EXPECT_NEAR(out[1], 2.0f / 3, 1e-6);
}

TEST(Softmax, Int8UniformRowsAreExact) {
  // Rows of 1, 2, 3 and 4 equal values: 1, 1/2, 1/3 and 1/4 at scale 1/256, zero point -128
  // (1.0 saturates to 127; 256 / 3 = 85.3 rounds to 85).
  for (const auto& [depth, expected] :
       std::vector<std::pair<int32_t, int8_t>>{{1, 127}, {2, 0}, {3, -43}, {4, -64}}) {
    const std::vector<int8_t> input(static_cast<size_t>(depth), 17);
    const auto out =
        run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({1, depth}, 0.1f, 3), input,
                                    GraphBuilder::tensor_s8({1, depth}, 1.0f / 256, -128));
    EXPECT_EQ(out, std::vector<int8_t>(static_cast<size_t>(depth), expected)) << depth;
  }
}

TEST(Softmax, Int8DifferencesBelowDiffMinContributeNothing) {
  // Scale 0.1, beta 1: the Q31 multiplier is 0.1 * 2^26 = 0.8 * 2^23, so left shift 23 and
  // diff_min = -floor(31 * 2^26 / 2^23) = -248. A difference of -255 is dropped: the maximum
  // gets the whole mass (127) and the other element the minimum (-128).
  const auto out =
      run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({1, 2}, 0.1f, 0), {127, -128},
                                  GraphBuilder::tensor_s8({1, 2}, 1.0f / 256, -128));
  EXPECT_EQ(out, (std::vector<int8_t>{127, -128}));
}

TEST(Softmax, Int8MatchesTflmGoldens) {
  // TFLM's Softmax2DQuantizedInt8ShouldMatchGolden: input scale 0.1, tolerance 1.
  const auto input = quantize<int8_t>(kTflmInput2d, 0.1f, 0);
  const auto golden = quantize<int8_t>(kTflmGolden2d, 1.0f / 256, -128);
  const auto out = run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({2, 5}, 0.1f, 0), input,
                                               GraphBuilder::tensor_s8({2, 5}, 1.0f / 256, -128));
  ASSERT_EQ(out.size(), golden.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], golden[i], 1) << i;
}

TEST(Softmax, Int8BetaScalesTheInput) {
  // beta * input_scale is all that matters: beta 0.5 with scale 0.2f is bit-identical to beta 1
  // with scale 0.1f (0.2f is exactly 2 * 0.1f).
  const std::vector<int8_t> input = {-100, -20, 0, 3, 50, 51, 127, -128};
  const auto a =
      run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({2, 4}, 0.1f, 0), input,
                                  GraphBuilder::tensor_s8({2, 4}, 1.0f / 256, -128), 1.0f);
  const auto b =
      run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({2, 4}, 0.2f, 0), input,
                                  GraphBuilder::tensor_s8({2, 4}, 1.0f / 256, -128), 0.5f);
  EXPECT_EQ(a, b);
}

TEST(Softmax, Int8RandomRowsAreWithinOneUnitOfExact) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> value(-128, 127);
  for (const float scale : {0.02f, 0.1f, 0.37f}) {
    const int32_t depth = 10;
    std::vector<int8_t> input(60);
    for (auto& v : input) v = static_cast<int8_t>(value(rng));
    std::vector<double> real;
    for (int8_t v : input) real.push_back((v + 5) * static_cast<double>(scale));
    const auto expected = softmax_double(real, static_cast<size_t>(depth));
    const auto out8 =
        run_softmax<int8_t, int8_t>(GraphBuilder::tensor_s8({6, depth}, scale, -5), input,
                                    GraphBuilder::tensor_s8({6, depth}, 1.0f / 256, -128));
    const auto out16 = run_softmax<int8_t, int16_t>(
        GraphBuilder::tensor_s8({6, depth}, scale, -5), input,
        GraphBuilder::tensor_q(TensorType::kInt16, {6, depth}, 1.0f / 65536, -32768));
    ASSERT_EQ(out8.size(), input.size());
    ASSERT_EQ(out16.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      EXPECT_NEAR(out8[i], std::min(expected[i] * 256 - 128, 127.0), 1.0) << scale << " " << i;
      EXPECT_NEAR(out16[i], std::min(expected[i] * 65536 - 32768, 32767.0), 1.0)
          << scale << " " << i;
    }
  }
}

TEST(Softmax, Int8ToInt16UniformRowsAreExact) {
  // 1/2 and 1/4 at scale 1/65536, zero point -32768; 1.0 saturates to 32767.
  for (const auto& [depth, expected] :
       std::vector<std::pair<int32_t, int16_t>>{{1, 32767}, {2, 0}, {4, -16384}}) {
    const std::vector<int8_t> input(static_cast<size_t>(depth), -7);
    const auto out = run_softmax<int8_t, int16_t>(
        GraphBuilder::tensor_s8({depth}, 0.05f, 0), input,
        GraphBuilder::tensor_q(TensorType::kInt16, {depth}, 1.0f / 65536, -32768));
    EXPECT_EQ(out, std::vector<int16_t>(static_cast<size_t>(depth), expected)) << depth;
  }
}

TEST(Softmax, Int8ToInt16MatchesTflmGoldens) {
  // TFLM's Softmax2DQuantizedInt8InputInt16OutputShouldMatchGolden: tolerance 1.
  const auto input = quantize<int8_t>(kTflmInput2d, 0.1f, 0);
  const auto golden = quantize<int16_t>(kTflmGolden2d, 1.0f / 65536, -32768);
  const auto out = run_softmax<int8_t, int16_t>(
      GraphBuilder::tensor_s8({2, 5}, 0.1f, 0), input,
      GraphBuilder::tensor_q(TensorType::kInt16, {2, 5}, 1.0f / 65536, -32768));
  ASSERT_EQ(out.size(), golden.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], golden[i], 1) << i;
}

TEST(Softmax, Int16MatchesTflmGoldens) {
  // TFLM's Softmax2DQuantizedInt16ShouldMatchGolden: input scale 0.1, output 1/32768, tolerance 1.
  const auto input = quantize<int16_t>(kTflmInput2d, 0.1f, 0);
  const auto golden = quantize<int16_t>(kTflmGolden2d, 1.0f / 32768, 0);
  const auto out = run_softmax<int16_t, int16_t>(GraphBuilder::tensor_s16({2, 5}, 0.1f), input,
                                                 GraphBuilder::tensor_s16({2, 5}, 1.0f / 32768));
  ASSERT_EQ(out.size(), golden.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], golden[i], 1) << i;
}

TEST(Softmax, Int16MatchesTflm3dGoldens) {
  // TFLM's Softmax3DQuantizedInt16ShouldMatchGolden (shape [3, 4, 5], input scale 0.1): TFLM
  // allows 7 units here, since the exp table covers [-10, 0] only and both tables interpolate.
  const std::vector<float> input_3d = {
      3, 6, -5,  4,  -9, -10, -10, -8, 2,  2,  8,  -5, -8, 5,  -6, -8,  6,  1, -10, -8,
      7, 6, -10, -4, -5, 2,   7,   9,  -9, 7,  -4, -2, 8,  2,  2,  3,   6,  6, 2,   4,
      9, 7, -7,  0,  4,  -3,  8,   8,  -3, -4, -9, -9, 4,  -8, -1, -10, -2, 6, -7,  0};
  const std::vector<float> golden_3d = {
      0.042009463, 0.843782625, 0.000014093, 0.114193561, 0.000000258, 0.000003072, 0.000003072,
      0.000022699, 0.499985578, 0.499985578, 0.952571219, 0.000002153, 0.000000107, 0.047425728,
      0.000000792, 0.000000826, 0.993305397, 0.006692839, 0.000000112, 0.000000826, 0.731046347,
      0.268936922, 0.000000030, 0.000012210, 0.000004492, 0.000717124, 0.106430599, 0.786421666,
      0.000000012, 0.106430599, 0.000006114, 0.000045174, 0.995015917, 0.002466398, 0.002466398,
      0.022595176, 0.453836234, 0.453836234, 0.008312301, 0.061420055, 0.875505904, 0.118486839,
      0.000000099, 0.000108046, 0.005899112, 0.000008351, 0.499990113, 0.499990113, 0.000008351,
      0.000003072, 0.000002245, 0.000002245, 0.993296627, 0.000006103, 0.006692780, 0.000000112,
      0.000334520, 0.997191323, 0.000002254, 0.002471790};
  const auto input = quantize<int16_t>(input_3d, 0.1f, 0);
  const auto golden = quantize<int16_t>(golden_3d, 1.0f / 32768, 0);
  const auto out = run_softmax<int16_t, int16_t>(GraphBuilder::tensor_s16({3, 4, 5}, 0.1f), input,
                                                 GraphBuilder::tensor_s16({3, 4, 5}, 1.0f / 32768));
  ASSERT_EQ(out.size(), golden.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], golden[i], 7) << i;
}

TEST(Softmax, Int16TablesLiveInThePersistentArena) {
  // Two 513-entry int16 tables: the int16 graph needs at least 2 KB more persistent memory than
  // the same graph in int8.
  GraphBuilder g8;
  const int x8 = g8.input(GraphBuilder::tensor_s8({1, 4}, 0.1f, 0), to_bytes<int8_t>({1, 2, 3, 4}));
  const int y8 = g8.output(GraphBuilder::tensor_s8({1, 4}, 1.0f / 256, -128));
  g8.op(BuiltinOp::kSoftmax, {x8}, {y8}, softmax_options(1.0f));
  ASSERT_EQ(g8.prepare(), Status::kOk) << g8.messages();
  GraphBuilder g16;
  const int x16 =
      g16.input(GraphBuilder::tensor_s16({1, 4}, 0.1f), to_bytes<int16_t>({1, 2, 3, 4}));
  const int y16 = g16.output(GraphBuilder::tensor_s16({1, 4}, 1.0f / 32768));
  g16.op(BuiltinOp::kSoftmax, {x16}, {y16}, softmax_options(1.0f));
  ASSERT_EQ(g16.prepare(), Status::kOk) << g16.messages();
  EXPECT_GE(g16.usage().persistent, g8.usage().persistent + 2 * 513 * 2);
}

TEST(Softmax, RejectsWrongOutputQuantization) {
  std::string messages;
  // int8 output must be exactly scale 1/256, zero point -128.
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_s8({1, 4}, 0.1f, 0),
                            GraphBuilder::tensor_s8({1, 4}, 1.0f / 255, -128), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("softmax requires scale"), std::string::npos) << messages;
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_s8({1, 4}, 0.1f, 0),
                            GraphBuilder::tensor_s8({1, 4}, 1.0f / 256, 0), &messages),
            Status::kInvalidModel);
  // int8 -> int16 needs zero point -32768.
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_s8({1, 4}, 0.1f, 0),
                            GraphBuilder::tensor_q(TensorType::kInt16, {1, 4}, 1.0f / 65536, 0),
                            &messages),
            Status::kInvalidModel);
  // int16 needs 1/32768 (within 0.1%) and zero points 0.
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_s16({1, 4}, 0.1f),
                            GraphBuilder::tensor_s16({1, 4}, 1.0f / 32000), &messages),
            Status::kInvalidModel);
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_q(TensorType::kInt16, {1, 4}, 0.1f, 3),
                            GraphBuilder::tensor_s16({1, 4}, 1.0f / 32768), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("zero point"), std::string::npos) << messages;
}

TEST(Softmax, RejectsBadShapesTypesAndBeta) {
  std::string messages;
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_f32({}), GraphBuilder::tensor_f32({}), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("rank"), std::string::npos) << messages;
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_f32({2, 3}), GraphBuilder::tensor_f32({3, 2}),
                            &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("SOFTMAX"), std::string::npos) << messages;
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_f32({4}),
                            GraphBuilder::tensor_s8({4}, 1.0f / 256, -128), &messages),
            Status::kUnsupported);
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_s16({4}, 0.1f),
                            GraphBuilder::tensor_s8({4}, 1.0f / 256, -128), &messages),
            Status::kUnsupported);
  EXPECT_EQ(prepare_softmax(GraphBuilder::tensor_of(TensorType::kInt32, {4}),
                            GraphBuilder::tensor_of(TensorType::kInt32, {4}), &messages),
            Status::kUnsupported);
  // Without options beta is 0, which the int8 kernel cannot rescale (TFLM aborts there).
  EXPECT_EQ(
      prepare_softmax(GraphBuilder::tensor_s8({4}, 0.1f, 0),
                      GraphBuilder::tensor_s8({4}, 1.0f / 256, -128), &messages, OptionsDef{}),
      Status::kUnsupported);
  EXPECT_NE(messages.find("beta"), std::string::npos) << messages;
}

}  // namespace
}  // namespace mote::testing
