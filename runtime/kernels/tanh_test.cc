// TANH: hand-checked values, TFLM's test vectors (with TFLM's tolerances, goldens from
// std::tanh), and Prepare's validation.
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
std::vector<T> run_tanh(const TensorDef& in_def, const std::vector<T>& input,
                        const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kTanh, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

Status prepare_tanh(const TensorDef& in_def, const TensorDef& out_def, std::string* messages) {
  GraphBuilder g;
  const int x = g.input(in_def, {});
  const int y = g.output(out_def);
  g.op(BuiltinOp::kTanh, {x}, {y});
  const Status status = g.prepare();
  *messages = g.messages();
  return status;
}

int16_t clamp_s16(double v) {
  return static_cast<int16_t>(std::max(-32768.0, std::min(32767.0, std::round(v))));
}

TEST(Tanh, Float32IsStdTanh) {
  const std::vector<float> input = {0.0f, 0.5f, -1.25f, 4.0f, -8.0f, 30.0f};
  const auto out =
      run_tanh<float>(GraphBuilder::tensor_f32({2, 3}), input, GraphBuilder::tensor_f32({2, 3}));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) EXPECT_EQ(out[i], std::tanh(input[i])) << i;
}

TEST(Tanh, Int8HandCheckedValues) {
  // Input scale 1/16: 2^-4 * 2^27 = 0.5 * 2^24, so left shift 24 and radius
  // floor(15 * 2^27 / 2^24) = 120. tanh(0) = 0 and the output zero point is 0.
  const auto out =
      run_tanh<int8_t>(GraphBuilder::tensor_s8({5}, 1.0f / 16, -2), {-2, 118, 127, -122, -128},
                       GraphBuilder::tensor_s8({5}, 1.0f / 128, 0));
  EXPECT_EQ(out, (std::vector<int8_t>{0, 127, 127, -128, -128}));
}

TEST(Tanh, Int8MatchesTflmGoldens) {
  // TFLM SimpleTestTanhInt8: the points -8 + 2k/11 on [-8, 8], input scale 16/256, output
  // scale 1.99999955/256 (the kernel assumes 1/128), tolerance 2.
  constexpr int kPoints = 89;
  std::vector<int8_t> input;
  for (int k = 0; k < kPoints; ++k) {
    const double x = -8.0 + 2.0 * k / 11;
    input.push_back(static_cast<int8_t>(std::max(-128.0, std::min(127.0, std::round(x * 16)))));
  }
  const float output_scale = 1.99999955f / 256;
  const auto out = run_tanh<int8_t>(GraphBuilder::tensor_s8({1, kPoints}, 16 / 256.0f, 0), input,
                                    GraphBuilder::tensor_s8({1, kPoints}, output_scale, 0));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    const double x = -8.0 + 2.0 * static_cast<double>(i) / 11;
    const double golden =
        std::max(-128.0, std::min(127.0, std::round(std::tanh(x) / output_scale)));
    EXPECT_NEAR(out[i], golden, 2.0) << i;
  }
}

TEST(Tanh, Int8SweepIsWithinOneUnitOfExact) {
  // Every int8 input for a few input quantizations, against round(128 * tanh(x)).
  std::vector<int8_t> input;
  for (int v = -128; v <= 127; ++v) input.push_back(static_cast<int8_t>(v));
  for (const auto& [scale, zero_point] :
       std::vector<std::pair<float, int>>{{0.01f, 0}, {0.0625f, 12}, {0.2f, -90}}) {
    const auto out = run_tanh<int8_t>(GraphBuilder::tensor_s8({256}, scale, zero_point), input,
                                      GraphBuilder::tensor_s8({256}, 1.0f / 128, 0));
    ASSERT_EQ(out.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      const double real = std::tanh((input[i] - zero_point) * static_cast<double>(scale));
      EXPECT_NEAR(out[i], std::max(-128.0, std::min(127.0, std::round(real * 128))), 1.0)
          << scale << " " << static_cast<int>(input[i]);
    }
  }
}

TEST(Tanh, Int8IgnoresTheOutputQuantizationAsTflm) {
  // TFLM's int8 kernel writes tanh * 128 without looking at the output tensor.
  const std::vector<int8_t> input = {-90, -16, 0, 7, 33};
  const auto a = run_tanh<int8_t>(GraphBuilder::tensor_s8({5}, 1.0f / 16, 0), input,
                                  GraphBuilder::tensor_s8({5}, 1.0f / 128, 0));
  const auto b = run_tanh<int8_t>(GraphBuilder::tensor_s8({5}, 1.0f / 16, 0), input,
                                  GraphBuilder::tensor_s8({5}, 0.5f, 9));
  EXPECT_EQ(a, b);
}

TEST(Tanh, Int16RescalesExactly) {
  // Scales 2^-12 and 2^-11 are TANH's exact power-of-two cases (multipliers 3 and 6, no shift).
  // 2^-13 is not: 1.5 doubled 14 times is 24576, shift 14, so the table input is
  // (x * 24576 + 2^13) >> 14 = floor(1.5x + 0.5).
  const std::vector<int16_t> input = {0, 1, -1, 3, -3, 1001, -1001, 10922, -10923, 32767, -32768};
  for (const auto& [scale, factor] : std::vector<std::pair<float, double>>{
           {1.0f / 4096, 3.0}, {1.0f / 2048, 6.0}, {1.0f / 8192, 1.5}}) {
    const auto out = run_tanh<int16_t>(GraphBuilder::tensor_s16({11}, scale), input,
                                       GraphBuilder::tensor_s16({11}, 1.0f / 32768));
    ASSERT_EQ(out.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      const auto table_input = static_cast<int32_t>(std::floor(factor * input[i] + 0.5));
      EXPECT_EQ(out[i], ref::tanh_s16_from_table(table_input)) << scale << " " << input[i];
    }
    EXPECT_EQ(out[0], 0);
  }
}

TEST(Tanh, Int16MatchesTflmGoldens) {
  // TFLM TestTanhInt16WideRange: 177 points on [-20, 20], input scale 32/65536, output scale
  // 2/65536, tolerance 16.
  std::vector<int16_t> input;
  for (int i = 0; i < 177; ++i) input.push_back(clamp_s16((-20.0 + 40.0 * i / 176) * 2048));
  const auto out = run_tanh<int16_t>(GraphBuilder::tensor_s16({1, 177}, 32.0f / 65536), input,
                                     GraphBuilder::tensor_s16({1, 177}, 2.0f / 65536));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    const double x = -20.0 + 40.0 * static_cast<double>(i) / 176;
    EXPECT_NEAR(out[i], clamp_s16(std::tanh(x) * 32768), 16.0) << i;
  }
}

TEST(Tanh, RejectsBadQuantizationTypesAndShapes) {
  std::string messages;
  EXPECT_EQ(
      prepare_tanh(GraphBuilder::tensor_s16({4}, 1.0f / 4096),
                   GraphBuilder::tensor_q(TensorType::kInt16, {4}, 1.0f / 32768, 2), &messages),
      Status::kInvalidModel);
  EXPECT_NE(messages.find("zero points"), std::string::npos) << messages;
  EXPECT_EQ(prepare_tanh(GraphBuilder::tensor_s16({4}, 1.0f / 4096),
                         GraphBuilder::tensor_s16({4}, 1.0f / 30000), &messages),
            Status::kInvalidModel);
  EXPECT_EQ(prepare_tanh(GraphBuilder::tensor_s16({4}, 3.0f),
                         GraphBuilder::tensor_s16({4}, 1.0f / 32768), &messages),
            Status::kUnsupported);
  EXPECT_EQ(prepare_tanh(GraphBuilder::tensor_of(TensorType::kInt8, {4}),
                         GraphBuilder::tensor_s8({4}, 1.0f / 128, 0), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("quantization"), std::string::npos) << messages;
  EXPECT_EQ(prepare_tanh(GraphBuilder::tensor_s8({4}, 0.1f, 0),
                         GraphBuilder::tensor_s8({5}, 0.1f, 0), &messages),
            Status::kInvalidModel);
  EXPECT_EQ(prepare_tanh(GraphBuilder::tensor_s8({4}, 0.1f, 0), GraphBuilder::tensor_s16({4}, 0.1f),
                         &messages),
            Status::kUnsupported);
  EXPECT_NE(messages.find("TANH"), std::string::npos) << messages;
}

}  // namespace
}  // namespace mote::testing
