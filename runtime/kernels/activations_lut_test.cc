// ELU and GELU: float values against the formulas TFLM/TFLite evaluate (and TFLite's gelu_test
// vectors), and the int8 / uint8 lookup tables on values whose exact real results are far from a
// rounding boundary, plus Prepare's rejections.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
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

// GeluOptions.approximate.
constexpr uint16_t kApproximateField = 0;

template <typename T>
std::vector<T> run_op(BuiltinOp op, const TensorDef& in_def, const std::vector<T>& input,
                      const TensorDef& out_def, OptionsDef options = {}) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(op, {x}, {y}, std::move(options));
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

OptionsDef gelu_options(bool approximate) {
  return OptionsDef{schema::Options::kGelu, {OptionField::boolean(kApproximateField, approximate)}};
}

TEST(Elu, Float32) {
  // TFLM elu_test's input; below zero the result is expm1(x) (TFLite's TfLiteExpm1).
  const std::vector<float> in = {0.0f, -6.0f, 2.0f, -4.0f, 3.0f, -2.0f, 10.0f, -0.1f};
  std::vector<float> expected;
  for (float x : in) expected.push_back(x < 0.0f ? std::expm1(x) : x);
  EXPECT_EQ(run_op<float>(BuiltinOp::kElu, GraphBuilder::tensor_f32({1, 2, 4, 1}), in,
                          GraphBuilder::tensor_f32({1, 2, 4, 1})),
            expected);
}

TEST(Elu, Int8) {
  // Input scale 1/16, output scale 1/128, zero points 0. Reals: 0 -> 0; 1 -> 1 (128 steps,
  // saturates); 0.5 -> 64; -0.5 -> exp(-0.5) - 1 = -0.3935 -> -50.4 -> -50; -1 -> -0.632 ->
  // -80.9 -> -81; -8 -> -0.99966 -> -127.96 -> -128.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kElu, GraphBuilder::tensor_s8({6}, 1.0f / 16, 0),
                           {0, 16, 8, -8, -16, -128}, GraphBuilder::tensor_s8({6}, 1.0f / 128, 0)),
            (std::vector<int8_t>{0, 127, 64, -50, -81, -128}));
  // Zero points 16 (input) and -10 (output) shift the table.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kElu, GraphBuilder::tensor_s8({3}, 1.0f / 16, 16),
                           {16, 24, 8}, GraphBuilder::tensor_s8({3}, 1.0f / 128, -10)),
            (std::vector<int8_t>{-10, 54, -60}));
}

TEST(Gelu, Float32) {
  // TFLite gelu_test FloatActivationsOpTest Gelu / GeluApproximate.
  const std::vector<float> in = {0.0f, 1.0f, 3.0f, 1.0f, -1.0f, -2.0f};
  const std::vector<float> exact = {0.0f, 0.841345f, 2.99595f, 0.841345f, -0.158655f, -0.0455003f};
  const std::vector<float> approx = {0.0f, 0.841192f, 2.99636f, 0.841192f, -0.158808f, -0.0454023f};
  const TensorDef d = GraphBuilder::tensor_f32({2, 3});
  const auto out = run_op<float>(BuiltinOp::kGelu, d, in, d, gelu_options(false));
  const auto out_approx = run_op<float>(BuiltinOp::kGelu, d, in, d, gelu_options(true));
  ASSERT_EQ(out.size(), in.size());
  ASSERT_EQ(out_approx.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_NEAR(out[i], exact[i], 1e-5f) << i;
    EXPECT_NEAR(out_approx[i], approx[i], 1e-5f) << i;
  }
  EXPECT_EQ(out[0], 0.0f);
  // The erfc form does not cancel for large negative inputs: tiny, not 0 or NaN.
  const auto tail = run_op<float>(BuiltinOp::kGelu, GraphBuilder::tensor_f32({1}), {-10.0f},
                                  GraphBuilder::tensor_f32({1}), gelu_options(false));
  ASSERT_EQ(tail.size(), 1u);
  EXPECT_LT(tail[0], 0.0f);
  EXPECT_GT(tail[0], -1e-20f);
}

TEST(Gelu, Int8AndUInt8) {
  // Scales 0.1 in and out. Reals: 1 -> 0.8413 (8.4 steps), -1 -> -0.1587 (-1.6), 3 -> 2.996
  // (29.96), -3 -> -0.004 (-0.04), 12.7 -> 12.7 (127). The tanh form gives the same integers.
  for (const bool approximate : {false, true}) {
    EXPECT_EQ(run_op<int8_t>(BuiltinOp::kGelu, GraphBuilder::tensor_s8({6}, 0.1f, 0),
                             {10, -10, 30, -30, 127, 0}, GraphBuilder::tensor_s8({6}, 0.1f, 0),
                             gelu_options(approximate)),
              (std::vector<int8_t>{8, -2, 30, 0, 127, 0}))
        << approximate;
    EXPECT_EQ(run_op<uint8_t>(
                  BuiltinOp::kGelu, GraphBuilder::tensor_q(TensorType::kUInt8, {4}, 0.1f, 128),
                  {138, 118, 158, 128}, GraphBuilder::tensor_q(TensorType::kUInt8, {4}, 0.1f, 128),
                  gelu_options(approximate)),
              (std::vector<uint8_t>{136, 126, 158, 128}))
        << approximate;
  }
}

TEST(ActivationsLut, RejectsBadModels) {
  struct Case {
    BuiltinOp op;
    TensorDef input, output;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {BuiltinOp::kElu, GraphBuilder::tensor_s16({2}, 1.0f), GraphBuilder::tensor_s16({2}, 1.0f),
       Status::kUnsupported, "int16"},
      {BuiltinOp::kElu, GraphBuilder::tensor_q(TensorType::kUInt8, {2}, 1.0f, 0),
       GraphBuilder::tensor_q(TensorType::kUInt8, {2}, 1.0f, 0), Status::kUnsupported, "uint8"},
      {BuiltinOp::kElu, GraphBuilder::tensor_of(TensorType::kInt8, {2}),
       GraphBuilder::tensor_s8({2}, 1.0f, 0), Status::kInvalidModel, "no quantization"},
      {BuiltinOp::kGelu, GraphBuilder::tensor_s16({2}, 1.0f), GraphBuilder::tensor_s16({2}, 1.0f),
       Status::kUnsupported, "int16"},
      {BuiltinOp::kGelu, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({3}),
       Status::kInvalidModel, "expected 2"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.input, {});
    const int y = g.output(c.output);
    g.op(c.op, {x}, {y}, c.op == BuiltinOp::kGelu ? gelu_options(false) : OptionsDef{});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
