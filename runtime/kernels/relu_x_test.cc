// RELU_N1_TO_1 and RELU_0_TO_1: TFLite activations_test's float vector, NaN, and int8 / uint8
// with power-of-two scales (exact requantization), zero points and saturation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_op(BuiltinOp op, const TensorDef& in_def, const std::vector<T>& input,
                      const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(op, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(ReluN1To1, Float32) {
  // TFLite activations_test FloatActivationsOpTest Relu1.
  EXPECT_EQ(run_op<float>(BuiltinOp::kReluN1To1, GraphBuilder::tensor_f32({1, 2, 4, 1}),
                          {0.0f, -0.6f, 0.2f, -0.4f, 0.3f, -2.0f, 1.1f, -0.1f},
                          GraphBuilder::tensor_f32({1, 2, 4, 1})),
            (std::vector<float>{0.0f, -0.6f, 0.2f, -0.4f, 0.3f, -1.0f, 1.0f, -0.1f}));
  const auto out =
      run_op<float>(BuiltinOp::kReluN1To1, GraphBuilder::tensor_f32({1}),
                    {std::numeric_limits<float>::quiet_NaN()}, GraphBuilder::tensor_f32({1}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::isnan(out[0]));  // neither comparison holds: NaN passes through
}

TEST(Relu0To1, Float32) {
  // TFLite activations_test FloatActivationsOpTest Relu0To1.
  EXPECT_EQ(run_op<float>(BuiltinOp::kRelu0To1, GraphBuilder::tensor_f32({1, 2, 4, 1}),
                          {0.0f, -0.6f, 0.2f, -0.4f, 0.3f, -2.0f, 1.1f, -0.1f},
                          GraphBuilder::tensor_f32({1, 2, 4, 1})),
            (std::vector<float>{0.0f, 0.0f, 0.2f, 0.0f, 0.3f, 0.0f, 1.0f, 0.0f}));
}

TEST(ReluN1To1, Int8AndUInt8) {
  // Scale 1/64 in and out: the bounds are -64 and 64 steps.
  EXPECT_EQ(
      run_op<int8_t>(BuiltinOp::kReluN1To1, GraphBuilder::tensor_s8({7}, 1.0f / 64, 0),
                     {-128, -64, -10, 0, 10, 64, 127}, GraphBuilder::tensor_s8({7}, 1.0f / 64, 0)),
      (std::vector<int8_t>{-64, -64, -10, 0, 10, 64, 64}));
  // Input scale 1/32 (multiplier 2), output zero point -10: bounds [-74, 54].
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kReluN1To1, GraphBuilder::tensor_s8({3}, 1.0f / 32, 0),
                           {10, -50, 40}, GraphBuilder::tensor_s8({3}, 1.0f / 64, -10)),
            (std::vector<int8_t>{10, -74, 54}));
  // uint8, zero points 128: bounds [64, 192].
  EXPECT_EQ(run_op<uint8_t>(BuiltinOp::kReluN1To1,
                            GraphBuilder::tensor_q(TensorType::kUInt8, {5}, 1.0f / 64, 128),
                            {0, 100, 128, 150, 255},
                            GraphBuilder::tensor_q(TensorType::kUInt8, {5}, 1.0f / 64, 128)),
            (std::vector<uint8_t>{64, 100, 128, 150, 192}));
}

TEST(Relu0To1, Int8AndUInt8) {
  EXPECT_EQ(
      run_op<int8_t>(BuiltinOp::kRelu0To1, GraphBuilder::tensor_s8({7}, 1.0f / 64, 0),
                     {-128, -64, -10, 0, 10, 64, 127}, GraphBuilder::tensor_s8({7}, 1.0f / 64, 0)),
      (std::vector<int8_t>{0, 0, 0, 0, 10, 64, 64}));
  EXPECT_EQ(run_op<uint8_t>(BuiltinOp::kRelu0To1,
                            GraphBuilder::tensor_q(TensorType::kUInt8, {5}, 1.0f / 64, 128),
                            {0, 100, 128, 150, 255},
                            GraphBuilder::tensor_q(TensorType::kUInt8, {5}, 1.0f / 64, 128)),
            (std::vector<uint8_t>{128, 128, 128, 150, 192}));
  // A tiny output scale puts the upper bound past the type: it saturates at 127.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kRelu0To1, GraphBuilder::tensor_s8({2}, 1.0f / 1024, 0),
                           {127, -1}, GraphBuilder::tensor_s8({2}, 1.0f / 1024, 0)),
            (std::vector<int8_t>{127, 0}));
}

TEST(ReluX, RejectsBadModels) {
  for (const BuiltinOp op : {BuiltinOp::kReluN1To1, BuiltinOp::kRelu0To1}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({2}, 1.0f), {});
    const int y = g.output(GraphBuilder::tensor_s16({2}, 1.0f));
    g.op(op, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
    EXPECT_NE(g.messages().find("int16"), std::string::npos) << g.messages();
  }
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), {});
  const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt8, {2}));
  g.op(BuiltinOp::kReluN1To1, {x}, {y});
  EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
}

}  // namespace
}  // namespace mote::testing
