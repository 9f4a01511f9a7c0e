// ADD: cases computed by hand for each dtype, broadcasting, activations, and Prepare's
// rejections. int8 ADD also runs inside pretrainedResnet_quant in the golden tests.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "kernels/ref/add_sub.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef add_options(int8_t activation, bool pot_scale_int16 = false) {
  return {schema::Options::kAdd,
          {OptionField::int8(schema::add_options::kActivation, activation),
           OptionField::boolean(schema::add_options::kPotScaleInt16, pot_scale_int16)}};
}

constexpr int8_t kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3, kTanh = 4;

TEST(Add, Float32WithActivations) {
  // Values that are exact in binary, so every sum is exact.
  const std::vector<float> a = {-2.0f, 0.25f, 0.75f, 3.5f, 7.0f};
  const std::vector<float> b = {0.5f, 0.25f, 0.5f, 3.0f, -0.5f};
  struct Case {
    int8_t activation;
    std::vector<float> expected;
  };
  const Case cases[] = {
      {kNone, {-1.5f, 0.5f, 1.25f, 6.5f, 6.5f}},
      {kRelu, {0.0f, 0.5f, 1.25f, 6.5f, 6.5f}},
      {kReluN1To1, {-1.0f, 0.5f, 1.0f, 1.0f, 1.0f}},
      {kRelu6, {0.0f, 0.5f, 1.25f, 6.0f, 6.0f}},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({5}), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_f32({5}), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_f32({5}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), c.expected) << "activation " << int{c.activation};
  }
}

TEST(Add, Float32Broadcast) {
  // [2, 1, 3] + [2, 1]: out[i][j][k] = a[i][0][k] + b[j][0].
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 1, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  const int y = g.input(GraphBuilder::tensor_f32({2, 1}), to_bytes<float>({10, 20}));
  const int z = g.output(GraphBuilder::tensor_f32({2, 2, 3}));
  g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0),
            (std::vector<float>{11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26}));
}

TEST(Add, Float32SixDimensionalBroadcast) {
  // [2,1,2,1,2,1] + [1,2,1,2,1,2]: each output coordinate picks one bit from each input.
  std::vector<float> a(8), b(8);
  for (int i = 0; i < 8; ++i) {
    a[i] = static_cast<float>(100 * i);
    b[i] = static_cast<float>(i);
  }
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 1, 2, 1, 2, 1}), to_bytes(a));
  const int y = g.input(GraphBuilder::tensor_f32({1, 2, 1, 2, 1, 2}), to_bytes(b));
  const int z = g.output(GraphBuilder::tensor_f32({2, 2, 2, 2, 2, 2}));
  g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  const std::vector<float> out = g.output_values<float>(0);
  ASSERT_EQ(out.size(), 64u);
  for (int o = 0; o < 64; ++o) {
    // Output bits (d0..d5) = (o >> 5 .. o >> 0); a uses d0, d2, d4 and b uses d1, d3, d5.
    const int ia = ((o >> 5) & 1) * 4 + ((o >> 3) & 1) * 2 + ((o >> 1) & 1);
    const int ib = ((o >> 4) & 1) * 4 + ((o >> 2) & 1) * 2 + (o & 1);
    EXPECT_EQ(out[o], static_cast<float>(100 * ia + ib)) << o;
  }
}

TEST(Add, Int32IgnoresFusedActivationAndWraps) {
  // TFLM's int32 ADD clamps to the full int32 range whatever the fused activation says.
  const int32_t max = std::numeric_limits<int32_t>::max();
  const int32_t min = std::numeric_limits<int32_t>::min();
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {4}),
                        to_bytes<int32_t>({-5, 7, max, min}));
  const int y =
      g.input(GraphBuilder::tensor_of(TensorType::kInt32, {4}), to_bytes<int32_t>({2, 3, 1, -1}));
  const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {4}));
  g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kRelu6));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{-3, 10, min, max}));
}

// int8 with input scales 0.5 and output scale 1: out = zp_out + round((q1 - zp1 + q2 - zp2) / 2)
// with halves rounded away from zero. Every step of the fixed-point path is exact here except
// the final rounding shift, so the result can be worked out by hand.
TEST(Add, Int8RoundsHalvesAwayFromZero) {
  const std::vector<int8_t> a = {2, -4, 10, 127, 0};  // zp -1: 3, -3, 11, 128, 1
  const std::vector<int8_t> b = {4, 0, -7, 127, 0};   // zp 2: 2, -2, -9, 125, -2
  // Sums 5, -5, 2, 253, -1 -> halves 2.5, -2.5, 1, 126.5, -0.5 -> 3, -3, 1, 127, -1, plus zp 3.
  struct Case {
    int8_t activation;
    std::vector<int8_t> expected;
  };
  const Case cases[] = {
      {kNone, {6, 0, 4, 127, 2}}, {kRelu, {6, 3, 4, 127, 3}},  // real 0 is q = 3
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s8({5}, 0.5f, -1), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_s8({5}, 0.5f, 2), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_s8({5}, 1.0f, 3));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), c.expected) << "activation " << int{c.activation};
  }
}

TEST(Add, Int8BroadcastWithRelu6) {
  // [2, 2] + [2], scales 0.5/0.5 -> 1 as above, zero points 0: out = min(round((a + b) / 2), 6).
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({2, 2}, 0.5f, 0), to_bytes<int8_t>({1, 9, -8, 20}));
  const int y = g.input(GraphBuilder::tensor_s8({2}, 0.5f, 0), to_bytes<int8_t>({2, 3}));
  const int z = g.output(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0));
  g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kRelu6));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // (1 + 2) / 2 = 1.5 -> 2; (9 + 3) / 2 = 6; (-8 + 2) / 2 = -3 -> 0; (20 + 3) / 2 = 11.5 -> 6.
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{2, 6, 0, 6}));
}

// int16, scales 1 and 0.5 into 1: out = round(a + b / 2), halves away from zero, saturated.
// TFLM's int16 ADD always takes this general path; pot_scale_int16 changes nothing.
TEST(Add, Int16GeneralPathWhateverPotScaleSays) {
  const std::vector<int16_t> a = {1, -1, 100, 32767, -32768};
  const std::vector<int16_t> b = {1, -1, -3, 2, -1};
  // 1.5 -> 2, -1.5 -> -2, 98.5 -> 99, 32768 -> 32767, -32768.5 -> -32768.
  const std::vector<int16_t> expected = {2, -2, 99, 32767, -32768};
  for (bool pot : {false, true}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({5}, 1.0f), to_bytes(a));
    const int y = g.input(GraphBuilder::tensor_s16({5}, 0.5f), to_bytes(b));
    const int z = g.output(GraphBuilder::tensor_s16({5}, 1.0f));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone, pot));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), expected) << "pot_scale_int16 " << pot;
  }
}

// TFLM's ADD computes its multipliers from the scales in double. Expected values: TFLM's
// formulas evaluated independently (Python, IEEE double; frexp + round to 31 bits) for the
// scales of pretrainedResnet_quant's first ADD (tensors 22, 24 -> 25).
TEST(Add, MultipliersAreComputedInDouble) {
  ref::AddSubQuant q;
  ASSERT_TRUE(ref::prepare_add_sub_quant(ref::AddSubKind::kAdd, false, 0.039393551647663116f, -128,
                                         0.10419496148824692f, 4, 0.050945673137903214f, -128, &q));
  EXPECT_EQ(q.left_shift, 20);
  EXPECT_EQ(q.input1_multiplier, 1623821475);
  EXPECT_EQ(q.input1_shift, -2);
  EXPECT_EQ(q.input2_multiplier, 1073741824);
  EXPECT_EQ(q.input2_shift, 0);
  EXPECT_EQ(q.output_multiplier, 1098017566);
  EXPECT_EQ(q.output_shift, -17);
  EXPECT_EQ(q.input1_offset, 128);
  EXPECT_EQ(q.input2_offset, -4);
  EXPECT_EQ(q.output_offset, -128);
}

TEST(Add, RejectsBadModels) {
  {
    GraphBuilder g;  // shapes that do not broadcast
    const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
    const int y = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int z = g.output(GraphBuilder::tensor_f32({2, 3}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("[2, 3] and [2] do not broadcast"), std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // output smaller than the broadcast shape
    const int x = g.input(GraphBuilder::tensor_f32({2, 1}), to_bytes<float>({1, 2}));
    const int y = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int z = g.output(GraphBuilder::tensor_f32({3}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("output shape [3] is not the broadcast shape [2, 3]"),
              std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // mixed types
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), to_bytes<int8_t>({1, 2}));
    const int z = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("has type int8"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // quantized int32 inputs (TFLM only adds plain int32)
    const int x =
        g.input(GraphBuilder::tensor_q(TensorType::kInt32, {1}, 1.0f, 0), to_bytes<int32_t>({1}));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {1}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("input1 tensor 0 is quantized"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // fused TANH is not a clamp
    const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int y = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int z = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kTanh));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("TANH"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output scale 2^-20 of the input scale: output multiplier >= 1
    const int x = g.input(GraphBuilder::tensor_s8({1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int y = g.input(GraphBuilder::tensor_s8({1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int z = g.output(GraphBuilder::tensor_s8({1}, 1.0f / (1 << 20), 0));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("outside (0, 1)"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int8 without quantization parameters
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {1}), to_bytes<int8_t>({1}));
    const int y = g.input(GraphBuilder::tensor_s8({1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int z = g.output(GraphBuilder::tensor_s8({1}, 1.0f, 0));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("no quantization parameters"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // unsupported dtype
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({1}));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({1}));
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {1}));
    g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("int64"), std::string::npos) << g.messages();
  }
}

TEST(Add, EmptyBroadcastRuns) {
  GraphBuilder g;  // [0, 2] + [2] writes nothing and reads nothing
  std::vector<uint8_t> no_values;
  no_values.reserve(1);  // a non-null data() for the harness's memcpy of 0 bytes
  const int x = g.input(GraphBuilder::tensor_f32({0, 2}), std::move(no_values));
  const int y = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
  const int z = g.output(GraphBuilder::tensor_f32({0, 2}));
  g.op(BuiltinOp::kAdd, {x, y}, {z}, add_options(kNone));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_TRUE(g.output_values<float>(0).empty());
}

}  // namespace
}  // namespace mote::testing
