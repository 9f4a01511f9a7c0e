// FULLY_CONNECTED: small cases computed by hand, plus Prepare's validation.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef fc_options(int8_t activation) {
  return {schema::Options::kFullyConnected,
          {OptionField::int8(schema::fully_connected_options::kActivation, activation)}};
}

TEST(FullyConnected, Float32WithBiasAndRelu) {
  for (int8_t act : {0, 1}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({1, 3}), to_bytes<float>({1, 2, 3}));
    const int w =
        g.constant(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 0, -1, 2, 2, 2}));
    const int b = g.constant(GraphBuilder::tensor_f32({2}), to_bytes<float>({0.5f, -1.0f}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kFullyConnected, {x, w, b}, {y}, fc_options(act));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    // 1 - 3 + 0.5 = -1.5; 2 + 4 + 6 - 1 = 11.
    const std::vector<float> expected =
        act == 1 ? std::vector<float>{0.0f, 11.0f} : std::vector<float>{-1.5f, 11.0f};
    EXPECT_EQ(g.output_values<float>(0), expected);
  }
}

TEST(FullyConnected, Int8PerTensorRoundsHalfAwayFromZero) {
  GraphBuilder g;
  // Real input {1, 2, 3} = 0.5 * (q + 1); weights {1, 0, -1; 2, 2, 2} = 0.25 * q.
  const int x = g.input(GraphBuilder::tensor_s8({1, 3}, 0.5f, -1), to_bytes<int8_t>({1, 3, 5}));
  const int w =
      g.constant(GraphBuilder::tensor_s8({2, 3}, 0.25f, 0), to_bytes<int8_t>({4, 0, -4, 8, 8, 8}));
  const int b = g.constant(GraphBuilder::tensor_q(TensorType::kInt32, {2}, 0.125f, 0),
                           to_bytes<int32_t>({4, -8}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 2}, 1.0f, 3));
  g.op(BuiltinOp::kFullyConnected, {x, w, b}, {y}, fc_options(0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // Real outputs -1.5 and 11: -1.5 rounds to -2 (away from zero), plus zero point 3.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 14}));
}

TEST(FullyConnected, Int8PerChannelWeights) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), to_bytes<int8_t>({1, 2, -3, 4}));
  tools::TensorDef wdef = GraphBuilder::tensor_s8({2, 2}, 1.0f, 0);
  wdef.quant.scales = {1.0f, 0.5f};
  wdef.quant.zero_points = {0, 0};
  const int w = g.constant(wdef, to_bytes<int8_t>({1, 1, 2, 2}));
  const int y = g.output(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0));
  g.op(BuiltinOp::kFullyConnected, {x, w, -1}, {y}, fc_options(0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // Row 0: (1 + 2) * 1 = 3, (2 + 4) * 0.5 = 3. Row 1: (-3 + 4) = 1, (-6 + 8) * 0.5 = 1.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{3, 3, 1, 1}));
}

TEST(FullyConnected, Int16x8WithInt64Bias) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s16({1, 2}, 1.0f), to_bytes<int16_t>({1000, -2000}));
  const int w = g.constant(GraphBuilder::tensor_s8({1, 2}, 1.0f, 0), to_bytes<int8_t>({3, 1}));
  const int b = g.constant(GraphBuilder::tensor_q(TensorType::kInt64, {1}, 1.0f, 0),
                           to_bytes<int64_t>({500}));
  const int y = g.output(GraphBuilder::tensor_s16({1, 1}, 2.0f));
  g.op(BuiltinOp::kFullyConnected, {x, w, b}, {y}, fc_options(0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // 3000 - 2000 + 500 = 1500, at output scale 2: 750.
  EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{750}));
}

TEST(FullyConnected, RejectsBadShapesTypesAndActivations) {
  {
    GraphBuilder g;  // weights of rank 3
    const int x = g.input(GraphBuilder::tensor_f32({1, 3}), to_bytes<float>({1, 2, 3}));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 1, 3}), to_bytes<float>({1, 1, 1}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 1}));
    g.op(BuiltinOp::kFullyConnected, {x, w}, {y}, fc_options(0));
    EXPECT_EQ(g.run(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("FULLY_CONNECTED"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int8 input with float weights
    const int x = g.input(GraphBuilder::tensor_s8({1, 2}, 1.0f, 0), to_bytes<int8_t>({1, 2}));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 1}));
    const int y = g.output(GraphBuilder::tensor_s8({1, 1}, 1.0f, 0));
    g.op(BuiltinOp::kFullyConnected, {x, w}, {y}, fc_options(0));
    EXPECT_EQ(g.run(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("filter"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // fused TANH is not a clamp
    const int x = g.input(GraphBuilder::tensor_f32({1, 1}), to_bytes<float>({1}));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 1}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 1}));
    g.op(BuiltinOp::kFullyConnected, {x, w}, {y}, fc_options(4));
    EXPECT_EQ(g.run(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("TANH"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output shape does not hold batches x units
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
    const int w = g.constant(GraphBuilder::tensor_f32({3, 2}), to_bytes<float>({1, 1, 1, 1, 1, 1}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kFullyConnected, {x, w}, {y}, fc_options(0));
    EXPECT_EQ(g.run(), Status::kInvalidModel);
  }
}

}  // namespace
}  // namespace mote::testing
