// RELU: hand-checked cases for each dtype, and Prepare's validation.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_relu(const TensorDef& in_def, const std::vector<T>& input,
                        const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kRelu, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

Status prepare_relu(const TensorDef& in_def, const TensorDef& out_def, std::string* messages) {
  GraphBuilder g;
  const int x = g.input(in_def, {});
  const int y = g.output(out_def);
  g.op(BuiltinOp::kRelu, {x}, {y});
  const Status status = g.prepare();
  *messages = g.messages();
  return status;
}

TEST(Relu, Float32) {
  const auto out =
      run_relu<float>(GraphBuilder::tensor_f32({2, 3}), {-1.5f, 0.0f, 2.5f, -0.001f, 7.0f, 1e30f},
                      GraphBuilder::tensor_f32({2, 3}));
  EXPECT_EQ(out, (std::vector<float>{0.0f, 0.0f, 2.5f, 0.0f, 7.0f, 1e30f}));
}

TEST(Relu, Int8SameQuantizationClampsAtTheZeroPoint) {
  // Equal scales: multiplier 0.5 * 2^1, which maps v to v exactly.
  const auto out =
      run_relu<int8_t>(GraphBuilder::tensor_s8({5}, 0.5f, -10), {-128, -11, -10, 5, 127},
                       GraphBuilder::tensor_s8({5}, 0.5f, -10));
  EXPECT_EQ(out, (std::vector<int8_t>{-10, -10, -10, 5, 127}));
}

TEST(Relu, Int8Requantizes) {
  // Input scale 0.5, output scale 0.25 zero point 5: y = 2x + 5, clamped to [5, 127].
  const auto out = run_relu<int8_t>(GraphBuilder::tensor_s8({5}, 0.5f, 0), {-3, 0, 10, 61, 100},
                                    GraphBuilder::tensor_s8({5}, 0.25f, 5));
  EXPECT_EQ(out, (std::vector<int8_t>{5, 5, 25, 127, 127}));
}

TEST(Relu, Int8RoundsTiesUpwardLikeTflm) {
  // Scale ratio 1.5 (0.75 / 0.5): 1 -> 1.5 -> 2, 3 -> 4.5 -> 5, 5 -> 7.5 -> 8 (the doubling high
  // multiply rounds ties toward +infinity), on top of the output zero point -20; negative inputs
  // clamp to the zero point.
  const auto out = run_relu<int8_t>(GraphBuilder::tensor_s8({5}, 0.75f, 0), {1, 3, 5, -1, -3},
                                    GraphBuilder::tensor_s8({5}, 0.5f, -20));
  EXPECT_EQ(out, (std::vector<int8_t>{-18, -15, -12, -20, -20}));
}

TEST(Relu, Int16) {
  // Scales 1/1024 -> 1/2048: y = 2x, clamped to [0, 32767].
  const auto out =
      run_relu<int16_t>(GraphBuilder::tensor_s16({4}, 1.0f / 1024), {-100, 0, 300, 20000},
                        GraphBuilder::tensor_s16({4}, 1.0f / 2048));
  EXPECT_EQ(out, (std::vector<int16_t>{0, 0, 600, 32767}));
}

TEST(Relu, RejectsBadQuantizationTypesAndShapes) {
  std::string messages;
  EXPECT_EQ(prepare_relu(GraphBuilder::tensor_q(TensorType::kInt16, {4}, 0.1f, 1),
                         GraphBuilder::tensor_s16({4}, 0.1f), &messages),
            Status::kInvalidModel);
  EXPECT_NE(messages.find("zero points"), std::string::npos) << messages;
  EXPECT_EQ(prepare_relu(GraphBuilder::tensor_s8({4}, 0.1f, 0),
                         GraphBuilder::tensor_of(TensorType::kInt8, {4}), &messages),
            Status::kInvalidModel);
  EXPECT_EQ(
      prepare_relu(GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_f32({1, 4}), &messages),
      Status::kInvalidModel);
  EXPECT_NE(messages.find("RELU"), std::string::npos) << messages;
  EXPECT_EQ(
      prepare_relu(GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_s8({4}, 0.1f, 0), &messages),
      Status::kUnsupported);
  EXPECT_EQ(prepare_relu(GraphBuilder::tensor_of(TensorType::kInt32, {4}),
                         GraphBuilder::tensor_of(TensorType::kInt32, {4}), &messages),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
