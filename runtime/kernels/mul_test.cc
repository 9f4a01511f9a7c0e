// MUL: cases computed by hand for each dtype, broadcasting, activations, and Prepare's
// rejections. int32 MUL also runs against TFLM's micro_speech intermediates
// (binary_elementwise_test.cc).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef mul_options(int8_t activation) {
  return {schema::Options::kMul, {OptionField::int8(schema::mul_options::kActivation, activation)}};
}

constexpr int8_t kNone = 0, kRelu = 1, kRelu6 = 3;

TEST(Mul, Float32Broadcast) {
  // [2, 1, 2] * [1, 3, 1]: out[i][j][k] = a[i][0][k] * b[0][j][0].
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 1, 2}), to_bytes<float>({1, 2, 3, 4}));
  const int y = g.input(GraphBuilder::tensor_f32({1, 3, 1}), to_bytes<float>({1, 10, 100}));
  const int z = g.output(GraphBuilder::tensor_f32({2, 3, 2}));
  g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0),
            (std::vector<float>{1, 2, 10, 20, 100, 200, 3, 4, 30, 40, 300, 400}));
}

TEST(Mul, Float32Relu6LetsNanThrough) {
  // TFLite clamps with std::min(std::max(x, lo), hi), which returns a NaN unchanged.
  GraphBuilder g;
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({-2, 1.5f, 4, nan}));
  const int y = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({3, 2, 2, 1}));
  const int z = g.output(GraphBuilder::tensor_f32({4}));
  g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kRelu6));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  const std::vector<float> out = g.output_values<float>(0);
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[1], 3.0f);
  EXPECT_EQ(out[2], 6.0f);
  EXPECT_TRUE(std::isnan(out[3]));
}

TEST(Mul, Int32WithActivationAndWrap) {
  const std::vector<int32_t> a = {65536, -3, 2, 3, 7};
  const std::vector<int32_t> b = {65536, 5, 2, 3, -1};
  struct Case {
    int8_t activation;
    std::vector<int32_t> expected;
  };
  const Case cases[] = {
      {kNone, {0, -15, 4, 9, -7}},  // 2^32 wraps to 0
      {kRelu6, {0, 0, 4, 6, 0}},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {5}), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {5}), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {5}));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), c.expected) << "activation " << int{c.activation};
  }
}

// int8, scales 0.5 x 0.5 into 0.5: the real multiplier is exactly 0.5 = 2^30 * 2^(0 - 31), so
// the only rounding is the doubling high multiply, which rounds halves toward +infinity:
// out = zp_out + floor((q1 - zp1) * (q2 - zp2) / 2 + 1/2).
TEST(Mul, Int8HalvesRoundUp) {
  GraphBuilder g;
  // zp1 = 1: 3, -3, -1, 126;  zp2 = -2: 1, 1, 11, 128 -> products 3, -3, -11, 16128.
  const int x = g.input(GraphBuilder::tensor_s8({4}, 0.5f, 1), to_bytes<int8_t>({4, -2, 0, 127}));
  const int y = g.input(GraphBuilder::tensor_s8({4}, 0.5f, -2), to_bytes<int8_t>({-1, -1, 9, 126}));
  const int z = g.output(GraphBuilder::tensor_s8({4}, 0.5f, -5));
  g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // 1.5 -> 2, -1.5 -> -1, -5.5 -> -5, 8064 (saturates); plus -5.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-3, -6, -10, 127}));
}

TEST(Mul, Int8FiveDimensionalBroadcastWithRelu) {
  // [2,1,1,1,2] * [1,1,1,2,1], scales 1 x 1 into 1 (multiplier 1 = 2^30 * 2^(1 - 31): exact).
  GraphBuilder g;
  const int x =
      g.input(GraphBuilder::tensor_s8({2, 1, 1, 1, 2}, 1.0f, 0), to_bytes<int8_t>({1, -2, 3, 40}));
  const int y =
      g.input(GraphBuilder::tensor_s8({1, 1, 1, 2, 1}, 1.0f, 0), to_bytes<int8_t>({5, -1}));
  const int z = g.output(GraphBuilder::tensor_s8({2, 1, 1, 2, 2}, 1.0f, 0));
  g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kRelu));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // (1, -2) * 5, (1, -2) * -1, (3, 40) * 5, (3, 40) * -1 -> 5, -10, -1, 2, 15, 200, -3, -40.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{5, 0, 0, 2, 15, 127, 0, 0}));
}

TEST(Mul, Int16) {
  // Scales 0.5 x 0.25 into 1/16: multiplier 2 (2^30 with shift 2), exact: out = 2 * a * b.
  const std::vector<int16_t> a = {100, -100, 200, 1};
  const std::vector<int16_t> b = {3, 3, 100, -1};
  struct Case {
    int8_t activation;
    std::vector<int16_t> expected;
  };
  const Case cases[] = {
      {kNone, {600, -600, 32767, -2}},
      {kRelu, {600, 0, 32767, 0}},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({4}, 0.5f), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_s16({4}, 0.25f), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_s16({4}, 0.0625f));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), c.expected) << "activation " << int{c.activation};
  }
}

TEST(Mul, RejectsBadModels) {
  {
    GraphBuilder g;  // int16 with a non-zero zero point
    const int x =
        g.input(GraphBuilder::tensor_q(TensorType::kInt16, {1}, 1.0f, 3), to_bytes<int16_t>({1}));
    const int y = g.input(GraphBuilder::tensor_s16({1}, 1.0f), to_bytes<int16_t>({1}));
    const int z = g.output(GraphBuilder::tensor_s16({1}, 1.0f));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("zero point 0"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // multiplier 2^48
    const int x = g.input(GraphBuilder::tensor_s8({1}, 65536.0f, 0), to_bytes<int8_t>({1}));
    const int y = g.input(GraphBuilder::tensor_s8({1}, 65536.0f, 0), to_bytes<int8_t>({1}));
    const int z = g.output(GraphBuilder::tensor_s8({1}, 1.0f / 65536, 0));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("too large"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // per-channel input
    tools::TensorDef def = GraphBuilder::tensor_s8({2}, 1.0f, 0);
    def.quant.scales = {1.0f, 2.0f};
    def.quant.zero_points = {0, 0};
    const int x = g.input(def, to_bytes<int8_t>({1, 2}));
    const int y = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), to_bytes<int8_t>({1, 2}));
    const int z = g.output(GraphBuilder::tensor_s8({2}, 1.0f, 0));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("per channel"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output type differs from the inputs (TFLM has no int16 -> int8 MUL)
    const int x = g.input(GraphBuilder::tensor_s16({1}, 1.0f), to_bytes<int16_t>({1}));
    const int y = g.input(GraphBuilder::tensor_s16({1}, 1.0f), to_bytes<int16_t>({1}));
    const int z = g.output(GraphBuilder::tensor_s8({1}, 1.0f, 0));
    g.op(BuiltinOp::kMul, {x, y}, {z}, mul_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
