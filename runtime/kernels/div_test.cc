// DIV: TFLM div_test's float and int32 vectors, division by zero (float: the activation clamp
// replaces infinities, as TFLite documents; int32: Eval fails), broadcasting, and int8 cases with
// power-of-two scales whose exact quotients sit far from rounding boundaries.
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
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;
using tools::to_bytes;

// DivOptions.fused_activation_function.
constexpr uint16_t kActivationField = 0;
constexpr int8_t kNone = 0, kRelu = 1, kReluN1To1 = 2;

template <typename T>
std::vector<T> run_div(const TensorDef& a_def, const std::vector<T>& a, const TensorDef& b_def,
                       const std::vector<T>& b, const TensorDef& out_def, int8_t activation,
                       Status expected = Status::kOk, std::string* messages = nullptr) {
  GraphBuilder g;
  const int x = g.input(a_def, to_bytes<T>(a));
  const int y = g.input(b_def, to_bytes<T>(b));
  const int z = g.output(out_def);
  g.op(BuiltinOp::kDiv, {x, y}, {z},
       OptionsDef{schema::Options::kDiv, {OptionField::int8(kActivationField, activation)}});
  const Status status = g.run();
  EXPECT_EQ(status, expected) << g.messages();
  if (messages != nullptr) *messages = g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

std::vector<float> quotients(const std::vector<float>& a, const std::vector<float>& b) {
  std::vector<float> out;
  for (size_t i = 0; i < a.size(); ++i) out.push_back(a[i] / b[i]);
  return out;
}

TEST(Div, Float32) {
  const TensorDef d = GraphBuilder::tensor_f32({1, 2, 2, 1});
  // TFLM FloatDivOpTestActNone: ~{-0.4, 1.0, 0.8, 1.6}.
  const std::vector<float> a = {-0.2f, 0.2f, -1.2f, 0.8f};
  const std::vector<float> b = {0.5f, 0.2f, -1.5f, 0.5f};
  EXPECT_EQ(run_div<float>(d, a, d, b, d, kNone), quotients(a, b));
  // TFLM FloatDivOpTestActReluN1To1: {-1.0, 1.0, 0.8, 1.0}.
  const std::vector<float> b2 = {0.1f, 0.2f, -1.5f, 0.5f};
  EXPECT_EQ(run_div<float>(d, a, d, b2, d, kReluN1To1),
            (std::vector<float>{-1.0f, 1.0f, -1.2f / -1.5f, 1.0f}));
}

TEST(Div, Float32Broadcast5D) {
  // TFLM FloatDivOpTestBroadcast5D: a [1, 2, 1, 2, 2] tensor over the scalar-like [1] 0.1.
  const std::vector<float> a = {-0.2f, 0.2f, 0.07f, 0.08f, 0.11f, -0.123f, -0.32f, 0.54f};
  std::vector<float> expected;
  for (float x : a) expected.push_back(x / 0.1f);
  EXPECT_EQ(
      run_div<float>(GraphBuilder::tensor_f32({1, 2, 1, 2, 2}), a, GraphBuilder::tensor_f32({1}),
                     {0.1f}, GraphBuilder::tensor_f32({1, 2, 1, 2, 2}), kNone),
      expected);
}

TEST(Div, Float32ByZero) {
  // x / 0 is +-inf, which the (NONE) activation clamp turns into +-FLT_MAX; 0 / 0 is NaN, which
  // passes the clamp; RELU clamps -inf to 0.
  const TensorDef d = GraphBuilder::tensor_f32({3});
  const auto out = run_div<float>(d, {1.0f, -1.0f, 0.0f}, d, {0.0f, 0.0f, 0.0f}, d, kNone);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], std::numeric_limits<float>::max());
  EXPECT_EQ(out[1], std::numeric_limits<float>::lowest());
  EXPECT_TRUE(std::isnan(out[2]));
  EXPECT_EQ(run_div<float>(d, {1.0f, -1.0f, 6.0f}, d, {0.0f, 0.0f, 2.0f}, d, kRelu),
            (std::vector<float>{std::numeric_limits<float>::max(), 0.0f, 3.0f}));
}

TEST(Div, Int32) {
  const TensorDef d = GraphBuilder::tensor_of(TensorType::kInt32, {1, 2, 2, 1});
  // TFLM IntegerDivOpTestNoActivation and IntegerDivOpTestActivationRELU_N1_TO_1 (truncation).
  EXPECT_EQ(run_div<int32_t>(d, {-2, 2, -15, 8}, d, {5, -2, -3, 5}, d, kNone),
            (std::vector<int32_t>{0, -1, 5, 1}));
  EXPECT_EQ(run_div<int32_t>(d, {-2, 2, -12, 8}, d, {1, 2, -15, 5}, d, kReluN1To1),
            (std::vector<int32_t>{-1, 1, 0, 1}));
  // The overflowing quotient wraps instead of trapping; broadcasting a scalar divisor.
  const int32_t min = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(run_div<int32_t>(GraphBuilder::tensor_of(TensorType::kInt32, {3}), {min, 7, -7},
                             GraphBuilder::tensor_of(TensorType::kInt32, {}), {-1},
                             GraphBuilder::tensor_of(TensorType::kInt32, {3}), kNone),
            (std::vector<int32_t>{min, -7, 7}));
}

TEST(Div, Int32ByZeroFailsEval) {
  std::string messages;
  const TensorDef d = GraphBuilder::tensor_of(TensorType::kInt32, {2});
  run_div<int32_t>(d, {1, 2}, d, {3, 0}, d, kNone, Status::kEvalFailed, &messages);
  EXPECT_NE(messages.find("division by zero"), std::string::npos) << messages;
}

TEST(Div, Int8) {
  // Scales 0.5, 0.5 -> 0.25 (multiplier 4 = 2^30 << 3): reals 2/1, -3/2, 1.5/-2, 0/1, 1/3 give
  // 8, -6, -3, 0 and 1.33 -> 1 in output steps. Zero points 1, -1 and 3 shift the raw values.
  const std::vector<int8_t> a = {4 + 1, -6 + 1, 3 + 1, 0 + 1, 2 + 1};
  const std::vector<int8_t> b = {2 - 1, 4 - 1, -4 - 1, 2 - 1, 6 - 1};
  EXPECT_EQ(run_div<int8_t>(GraphBuilder::tensor_s8({5}, 0.5f, 1), a,
                            GraphBuilder::tensor_s8({5}, 0.5f, -1), b,
                            GraphBuilder::tensor_s8({5}, 0.25f, 3), kNone),
            (std::vector<int8_t>{8 + 3, -6 + 3, -3 + 3, 0 + 3, 1 + 3}));
  // RELU_N1_TO_1 in the output's domain: [-1, 1] is [-4, 4] steps (plus the zero point 3).
  EXPECT_EQ(run_div<int8_t>(GraphBuilder::tensor_s8({5}, 0.5f, 1), a,
                            GraphBuilder::tensor_s8({5}, 0.5f, -1), b,
                            GraphBuilder::tensor_s8({5}, 0.25f, 3), kReluN1To1),
            (std::vector<int8_t>{4 + 3, -4 + 3, -3 + 3, 0 + 3, 1 + 3}));
  // Saturation: 63.5 / 0.5 = 127 -> 508 steps.
  EXPECT_EQ(run_div<int8_t>(GraphBuilder::tensor_s8({1}, 0.5f, 0), {127},
                            GraphBuilder::tensor_s8({1}, 0.5f, 0), {1},
                            GraphBuilder::tensor_s8({1}, 0.25f, 0), kNone),
            (std::vector<int8_t>{127}));
}

TEST(Div, Int8SmallQuotientsUnderUnitScales) {
  // All scales 1: 60/100, -60/100, 1/100, -1/100, 2/100 are 0.6, -0.6, 0.01, -0.01, 0.02. For
  // the last three the final right shift exceeds 31 bits, where TFLM's int32 shift is undefined;
  // the exactly rounded quotient is 0.
  EXPECT_EQ(run_div<int8_t>(GraphBuilder::tensor_s8({5}, 1.0f, 0), {60, -60, 1, -1, 2},
                            GraphBuilder::tensor_s8({5}, 1.0f, 0), {100, 100, 100, 100, 100},
                            GraphBuilder::tensor_s8({5}, 1.0f, 0), kNone),
            (std::vector<int8_t>{1, -1, 0, 0, 0}));
  // Broadcast, with a negative divisor (its sign moves to the dividend): 10 / -4 = -2.5 is a
  // tie, so only the other two are checked exactly.
  const auto out = run_div<int8_t>(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), {9, -9, 40, 10},
                                   GraphBuilder::tensor_s8({2}, 1.0f, 0), {-4, 5},
                                   GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), kNone);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], -2);  // -2.25
  EXPECT_EQ(out[1], -2);  // -1.8
  EXPECT_EQ(out[2], -10);
  EXPECT_EQ(out[3], 2);
}

TEST(Div, RejectsBadModels) {
  struct Case {
    TensorDef a, b, out;
    int8_t activation;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {GraphBuilder::tensor_of(TensorType::kUInt8, {2}),
       GraphBuilder::tensor_of(TensorType::kUInt8, {2}),
       GraphBuilder::tensor_of(TensorType::kUInt8, {2}), kNone, Status::kUnsupported, "uint8"},
      {GraphBuilder::tensor_q(TensorType::kInt32, {2}, 0.5f, 0),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}), kNone, Status::kUnsupported,
       "only plain int32"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}),
       4, Status::kUnsupported, "TANH"},
      {GraphBuilder::tensor_of(TensorType::kInt8, {2}), GraphBuilder::tensor_s8({2}, 1.0f, 0),
       GraphBuilder::tensor_s8({2}, 1.0f, 0), kNone, Status::kInvalidModel,
       "no quantization parameters"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({3}), GraphBuilder::tensor_f32({2}),
       kNone, Status::kInvalidModel, "do not broadcast"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({1}),
       kNone, Status::kInvalidModel, "not the broadcast shape"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.a, {});
    const int y = g.input(c.b, {});
    const int z = g.output(c.out);
    g.op(BuiltinOp::kDiv, {x, y}, {z},
         OptionsDef{schema::Options::kDiv, {OptionField::int8(kActivationField, c.activation)}});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
