// SUB: cases computed by hand for each dtype, broadcasting, activations, where TFLM's SUB differs
// from its ADD (float multipliers, int32 activation), and Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "kernels/ref/add_sub.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef sub_options(int8_t activation) {
  return {schema::Options::kSub, {OptionField::int8(schema::sub_options::kActivation, activation)}};
}

constexpr int8_t kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3;

TEST(Sub, Float32BroadcastWithActivations) {
  // [2, 2] - [2] (exact binary values).
  const std::vector<float> a = {1.0f, 0.5f, 10.0f, -3.0f};
  const std::vector<float> b = {0.25f, 1.5f};
  struct Case {
    int8_t activation;
    std::vector<float> expected;
  };
  const Case cases[] = {
      {kNone, {0.75f, -1.0f, 9.75f, -4.5f}},
      {kRelu, {0.75f, 0.0f, 9.75f, 0.0f}},
      {kReluN1To1, {0.75f, -1.0f, 1.0f, -1.0f}},
      {kRelu6, {0.75f, 0.0f, 6.0f, 0.0f}},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_f32({2}), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), c.expected) << "activation " << int{c.activation};
  }
}

TEST(Sub, Int32AppliesFusedActivationAndWraps) {
  // Unlike ADD, TFLM's int32 SUB clamps with CalculateActivationRange<int32_t>.
  const int32_t max = std::numeric_limits<int32_t>::max();
  const int32_t min = std::numeric_limits<int32_t>::min();
  const std::vector<int32_t> a = {5, -5, 100, min};
  const std::vector<int32_t> b = {2, 3, 1, 1};
  struct Case {
    int8_t activation;
    std::vector<int32_t> expected;
  };
  const Case cases[] = {
      {kNone, {3, -8, 99, max}},  // min - 1 wraps to max
      {kRelu, {3, 0, 99, max}},
      {kRelu6, {3, 0, 6, 6}},
      {kReluN1To1, {1, -1, 1, 1}},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {4}), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {4}), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {4}));
    g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), c.expected) << "activation " << int{c.activation};
  }
}

// int8, scales 0.5/0.5 -> 1 (exact fixed-point path, see add_test.cc):
// out = zp_out + round((q1 - zp1 - (q2 - zp2)) / 2), halves away from zero.
TEST(Sub, Int8RoundsHalvesAwayFromZero) {
  GraphBuilder g;
  // zp1 = 1: 4, -4, 126, -1;  zp2 = -3: 1, 1, -125, 2 -> differences 3, -5, 251, -3.
  const int x = g.input(GraphBuilder::tensor_s8({4}, 0.5f, 1), to_bytes<int8_t>({5, -3, 127, 0}));
  const int y =
      g.input(GraphBuilder::tensor_s8({4}, 0.5f, -3), to_bytes<int8_t>({-2, -2, -128, -1}));
  const int z = g.output(GraphBuilder::tensor_s8({4}, 1.0f, -10));
  g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // 1.5 -> 2, -2.5 -> -3, 125.5 -> 126, -1.5 -> -2; plus -10.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-8, -13, 116, -12}));
}

TEST(Sub, Int8ScalarBroadcastWithRelu) {
  GraphBuilder g;  // [3] - scalar, scales 0.5/0.5 -> 1, zero points 0, RELU
  const int x = g.input(GraphBuilder::tensor_s8({3}, 0.5f, 0), to_bytes<int8_t>({10, 3, -20}));
  const int y = g.input(GraphBuilder::tensor_s8({}, 0.5f, 0), to_bytes<int8_t>({4}));
  const int z = g.output(GraphBuilder::tensor_s8({3}, 1.0f, 0));
  g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(kRelu));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // 3, -0.5 -> -1 -> 0, -12 -> 0.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{3, 0, 0}));
}

TEST(Sub, Int16) {
  // Scales 1 and 0.5 into 1: out = round(a - b / 2), halves away from zero, saturated.
  GraphBuilder g;
  const int x =
      g.input(GraphBuilder::tensor_s16({5}, 1.0f), to_bytes<int16_t>({1, -1, 100, 32767, -32768}));
  const int y = g.input(GraphBuilder::tensor_s16({5}, 0.5f), to_bytes<int16_t>({1, -1, 3, -2, 1}));
  const int z = g.output(GraphBuilder::tensor_s16({5}, 1.0f));
  g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // 0.5 -> 1, -0.5 -> -1, 98.5 -> 99, 32768 -> 32767, -32768.5 -> -32768.
  EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{1, -1, 99, 32767, -32768}));
}

// TFLM's SUB forms 2 * max(scale) and each quotient in float before QuantizeMultiplier, unlike
// ADD (add_test.cc, MultipliersAreComputedInDouble, same scales). Expected values: TFLM's
// formulas evaluated independently (Python, float32 quotients rounded from exact doubles).
TEST(Sub, MultipliersAreComputedInFloat) {
  ref::AddSubQuant q;
  ASSERT_TRUE(ref::prepare_add_sub_quant(ref::AddSubKind::kSub, false, 0.039393551647663116f, -128,
                                         0.10419496148824692f, 4, 0.050945673137903214f, -128, &q));
  EXPECT_EQ(q.input1_multiplier, 1623821440);
  EXPECT_EQ(q.input1_shift, -2);
  EXPECT_EQ(q.input2_multiplier, 1073741824);
  EXPECT_EQ(q.input2_shift, 0);
  EXPECT_EQ(q.output_multiplier, 1098017536);
  EXPECT_EQ(q.output_shift, -17);
  ASSERT_TRUE(
      ref::prepare_add_sub_quant(ref::AddSubKind::kSub, true, 0.5f, 0, 0.25f, 0, 1.0f, 0, &q));
  EXPECT_EQ(q.left_shift, 15);
  EXPECT_EQ(q.input1_multiplier, 1 << 30);  // 0.5
  EXPECT_EQ(q.input1_shift, 0);
  EXPECT_EQ(q.input2_multiplier, 1 << 30);  // 0.25
  EXPECT_EQ(q.input2_shift, -1);
  EXPECT_EQ(q.output_multiplier, 1 << 30);  // 1 / 2^15
  EXPECT_EQ(q.output_shift, -14);
}

TEST(Sub, RejectsBadModels) {
  {
    GraphBuilder g;  // quantized int32 output (TFLM's SUB checks the output too)
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
    const int z = g.output(GraphBuilder::tensor_q(TensorType::kInt32, {1}, 1.0f, 0));
    g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("output tensor 2 is quantized"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // incompatible broadcast
    const int x = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int y = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int z = g.output(GraphBuilder::tensor_f32({3}));
    g.op(BuiltinOp::kSub, {x, y}, {z}, sub_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("do not broadcast"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // three inputs
    const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int z = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kSub, {x, x, x}, {z}, sub_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("has 3 inputs, expected 2"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
