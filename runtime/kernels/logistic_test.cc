// LOGISTIC: hand-checked values, TFLM's test vectors (with TFLM's tolerances, goldens from the
// formula 1 / (1 + exp(-x))), and Prepare's validation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "kernels/ref/quantization.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_logistic(const TensorDef& in_def, const std::vector<T>& input,
                            const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kLogistic, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

Status prepare_logistic(const TensorDef& in_def, const TensorDef& out_def, std::string* messages) {
  GraphBuilder g;
  const int x = g.input(in_def, {});
  const int y = g.output(out_def);
  g.op(BuiltinOp::kLogistic, {x}, {y});
  const Status status = g.prepare();
  *messages = g.messages();
  return status;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// TFLM logistic_test.cc "wide range" inputs; the int16 test uses 177 points on [-20, 20].
const std::vector<float> kTflmInput = {1.0, 2.0, 3.0, 4.0, 93.0, -1.0, -2.0, -3.0, -4.0, -93.0};

TEST(Logistic, Float32FollowsTflmCutoffs) {
  // Above 16.619047 the result is exactly 1; below -9 it is exp(x); 0 gives exactly 0.5.
  const std::vector<float> input = {0.0f, 1.0f, -2.5f, 16.7f, 93.0f, -9.5f, -93.0f};
  const auto out =
      run_logistic<float>(GraphBuilder::tensor_f32({7}), input, GraphBuilder::tensor_f32({7}));
  ASSERT_EQ(out.size(), input.size());
  EXPECT_EQ(out[0], 0.5f);
  EXPECT_NEAR(out[1], sigmoid(1.0), 1e-6);
  EXPECT_NEAR(out[2], sigmoid(-2.5), 1e-6);
  EXPECT_EQ(out[3], 1.0f);
  EXPECT_EQ(out[4], 1.0f);
  EXPECT_EQ(out[5], std::exp(-9.5f));
  EXPECT_EQ(out[6], std::exp(-93.0f));
}

TEST(Logistic, Int8HandCheckedValues) {
  // Input scale 1: 2^27 = 0.5 * 2^28, so multiplier 2^30, left shift 28 and radius
  // floor(15 * 2^27 / 2^28) = 7: |x - zp| >= 7 saturates. logistic(0) is exactly 0.5 = 128/256,
  // i.e. 0 after the -128 zero point.
  const auto out =
      run_logistic<int8_t>(GraphBuilder::tensor_s8({6}, 1.0f, 3), {3, 10, 127, -4, -128, 9},
                           GraphBuilder::tensor_s8({6}, 1.0f / 256, -128));
  // x - zp = 6: 256 * sigmoid(6) = 255.4 -> 255 - 128 = 127.
  EXPECT_EQ(out, (std::vector<int8_t>{0, 127, 127, -128, -128, 127}));
}

TEST(Logistic, Int8MatchesTflmGoldens) {
  // TFLM LogisticQuantizedInt8{Basic,WideRange}ShouldMatchGolden: tolerance 1 (TFLM quantizes its
  // goldens with scale 1/255; the kernel's output scale is 1/256, which is used here).
  for (const float scale : {0.1f, 1.0f}) {
    std::vector<int8_t> input;
    for (float v : kTflmInput) {
      input.push_back(
          static_cast<int8_t>(std::max(-128.0f, std::min(127.0f, std::round(v / scale)))));
    }
    const auto out = run_logistic<int8_t>(GraphBuilder::tensor_s8({2, 5}, scale, 0), input,
                                          GraphBuilder::tensor_s8({2, 5}, 1.0f / 256, -128));
    ASSERT_EQ(out.size(), input.size());
    for (size_t i = 0; i < out.size(); ++i) {
      const double golden = std::min(127.0, std::round(sigmoid(input[i] * scale) * 256) - 128);
      EXPECT_NEAR(out[i], golden, 1.0) << scale << " " << i;
    }
  }
}

TEST(Logistic, Int8SweepIsWithinOneUnitOfExact) {
  // Every int8 input for a few input quantizations; gemmlowp's logistic is accurate to a small
  // fraction of the 1/256 output step.
  std::vector<int8_t> input;
  for (int v = -128; v <= 127; ++v) input.push_back(static_cast<int8_t>(v));
  for (const auto& [scale, zero_point] :
       std::vector<std::pair<float, int>>{{0.02f, 0}, {0.0625f, -30}, {0.3f, 100}}) {
    const auto out = run_logistic<int8_t>(GraphBuilder::tensor_s8({256}, scale, zero_point), input,
                                          GraphBuilder::tensor_s8({256}, 1.0f / 256, -128));
    ASSERT_EQ(out.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      const double real = sigmoid((input[i] - zero_point) * static_cast<double>(scale));
      EXPECT_NEAR(out[i], std::min(127.0, std::round(real * 256) - 128), 1.0)
          << scale << " " << static_cast<int>(input[i]);
    }
  }
}

TEST(Logistic, Int8OutputScaleIsImpliedAsInTflm) {
  // TFLM checks only the zero point: its own test declares scale 1/255 and gets the same integers.
  const std::vector<int8_t> input = {-100, -3, 0, 5, 60};
  const auto a = run_logistic<int8_t>(GraphBuilder::tensor_s8({5}, 0.1f, 0), input,
                                      GraphBuilder::tensor_s8({5}, 1.0f / 256, -128));
  const auto b = run_logistic<int8_t>(GraphBuilder::tensor_s8({5}, 0.1f, 0), input,
                                      GraphBuilder::tensor_s8({5}, 1.0f / 255, -128));
  EXPECT_EQ(a, b);
}

TEST(Logistic, Int16PowerOfTwoScaleUsesTheTableDirectly) {
  // Input scale 2^-12: the table input is exactly 3x (units of 1 / (3 * 4096)).
  const std::vector<int16_t> input = {0, 4096, -4096, 1000, -32768, 32767};
  const auto out = run_logistic<int16_t>(GraphBuilder::tensor_s16({6}, 1.0f / 4096), input,
                                         GraphBuilder::tensor_s16({6}, 1.0f / 32768));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    EXPECT_EQ(out[i], ref::logistic_s16_from_table(3 * input[i])) << i;
  }
  EXPECT_EQ(out[0], 16384);  // 0.5
}

TEST(Logistic, Int16GeneralScaleRescalesExactly) {
  // Input scale 2^-11 is a power of two but not 2^-12, so TFLM takes the general path:
  // 2^-11 * 12288 = 6, doubled 12 times to 24576 (> 16383.5), shift 12. (x * 24576 + 2^11) >> 12
  // is exactly 6x.
  const std::vector<int16_t> input = {0, 1, -1, 700, -700, 5461, -5462};
  const auto out = run_logistic<int16_t>(GraphBuilder::tensor_s16({7}, 1.0f / 2048), input,
                                         GraphBuilder::tensor_s16({7}, 1.0f / 32768));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    EXPECT_EQ(out[i], ref::logistic_s16_from_table(6 * input[i])) << i;
  }
}

TEST(Logistic, Int16MatchesTflmGoldens) {
  // TFLM LogisticQuantizedInt16ShouldMatchGolden: 177 points on [-20, 20], input scale
  // 32/65536, output scale 2/65536, tolerance 16.
  std::vector<int16_t> input;
  for (int i = 0; i < 177; ++i) {
    const double x = -20.0 + 40.0 * i / 176;
    input.push_back(
        static_cast<int16_t>(std::max(-32768.0, std::min(32767.0, std::round(x * 2048)))));
  }
  const auto out = run_logistic<int16_t>(GraphBuilder::tensor_s16({1, 177}, 32.0f / 65536), input,
                                         GraphBuilder::tensor_s16({1, 177}, 2.0f / 65536));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    const double x = -20.0 + 40.0 * static_cast<double>(i) / 176;
    EXPECT_NEAR(out[i], std::min(32767.0, std::round(sigmoid(x) * 32768)), 16.0) << i;
  }
}

TEST(Logistic, RejectsBadQuantizationTypesAndShapes) {
  std::string messages;
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_s8({4}, 0.1f, 0),
                             GraphBuilder::tensor_s8({4}, 1.0f / 256, 0), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("-128"), std::string::npos) << messages;
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_q(TensorType::kInt16, {4}, 1.0f / 4096, 1),
                             GraphBuilder::tensor_s16({4}, 1.0f / 32768), &messages),
            Status::kInvalidModel);
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_s16({4}, 1.0f / 4096),
                             GraphBuilder::tensor_s16({4}, 1.0f / 16384), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("2^-15"), std::string::npos) << messages;
  // An input scale above 8/3 would need a multiplier above 32767.
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_s16({4}, 4.0f),
                             GraphBuilder::tensor_s16({4}, 1.0f / 32768), &messages),
            Status::kUnsupported);
  EXPECT_EQ(
      prepare_logistic(GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_f32({2, 2}), &messages),
      Status::kInvalidModel);
  EXPECT_NE(messages.find("LOGISTIC"), std::string::npos) << messages;
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_f32({4}),
                             GraphBuilder::tensor_s8({4}, 1.0f / 256, -128), &messages),
            Status::kUnsupported);
  EXPECT_EQ(prepare_logistic(GraphBuilder::tensor_of(TensorType::kInt32, {4}),
                             GraphBuilder::tensor_of(TensorType::kInt32, {4}), &messages),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
