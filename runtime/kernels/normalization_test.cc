// LOG_SOFTMAX and L2_NORMALIZATION: TFLM's float vectors, int8 rows whose exact real results are
// far from rounding boundaries (so any correct fixed-point evaluation gives the integers below),
// the special rows (all zero, a lone value, differences past diff_min) and Prepare's rejections.
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

// LOG_SOFTMAX int8 output quantization, fixed by TFLM.
TensorDef log_softmax_output(std::vector<int32_t> shape) {
  return GraphBuilder::tensor_s8(std::move(shape), 16.0f / 256, 127);
}

TEST(LogSoftmax, Float32) {
  // TFLM log_softmax_test FloatActivationsOpTestLogSoftmax.
  const std::vector<float> in = {0, -6, 2, 4, 3, -2, 10, 1};
  const std::vector<float> expected = {-4.14297f, -10.14297f, -2.14297f,    -0.142971f,
                                       -7.00104f, -12.00104f, -0.00104087f, -9.00104f};
  const auto out = run_op<float>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_f32({2, 4}), in,
                                 GraphBuilder::tensor_f32({2, 4}));
  ASSERT_EQ(out.size(), expected.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], expected[i], 1e-5f) << i;
  // Exact cases: a lone value gives 0; two equal values give 0 - log(2) exactly as computed in
  // float.
  EXPECT_EQ(run_op<float>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_f32({1}), {3.5f},
                          GraphBuilder::tensor_f32({1})),
            (std::vector<float>{0.0f}));
  EXPECT_EQ(run_op<float>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_f32({2}), {7.0f, 7.0f},
                          GraphBuilder::tensor_f32({2})),
            (std::vector<float>{-std::log(2.0f), -std::log(2.0f)}));
}

TEST(LogSoftmax, Int8) {
  // Rows (depth 2, input scale 0.25): equal values -> -ln 2 = -11.09 steps of 1/16 -> 116;
  // reals {1, 0} -> {-0.3133, -1.3133} -> {-5.01, -21.01} -> {122, 106}.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_s8({2, 2}, 0.25f, 0),
                           {20, 20, 4, 0}, log_softmax_output({2, 2})),
            (std::vector<int8_t>{116, 116, 122, 106}));
  // Depth 4, equal values: -ln 4 = -22.18 steps -> 105. Depth 1: 0 -> 127.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_s8({4}, 0.25f, 0),
                           {-3, -3, -3, -3}, log_softmax_output({4})),
            (std::vector<int8_t>{105, 105, 105, 105}));
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_s8({3, 1}, 0.25f, 0),
                           {-128, 0, 127}, log_softmax_output({3, 1})),
            (std::vector<int8_t>{127, 127, 127}));
  // Input scale 1: a difference of 100 is past diff_min (-15 for this scale), contributes nothing
  // to the sum and gives the lowest output; the maximum gets log(1) = 0 -> 127.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kLogSoftmax, GraphBuilder::tensor_s8({2}, 1.0f, 0), {100, 0},
                           log_softmax_output({2})),
            (std::vector<int8_t>{127, -128}));
}

TEST(LogSoftmax, RejectsBadModels) {
  struct Case {
    TensorDef input, output;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {GraphBuilder::tensor_s8({2}, 0.25f, 0), GraphBuilder::tensor_s8({2}, 1.0f / 256, -128),
       Status::kInvalidModel, "expected 16/256 and 127"},
      {GraphBuilder::tensor_s8({2}, 0.25f, 0), GraphBuilder::tensor_s8({2}, 16.0f / 256, 0),
       Status::kInvalidModel, "expected 16/256 and 127"},
      {GraphBuilder::tensor_s16({2}, 0.25f), GraphBuilder::tensor_s16({2}, 0.25f),
       Status::kUnsupported, "int16"},
      {GraphBuilder::tensor_f32({}), GraphBuilder::tensor_f32({}), Status::kInvalidModel,
       "rank >= 1"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({1, 2}), Status::kInvalidModel,
       "rank"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.input, {});
    const int y = g.output(c.output);
    g.op(BuiltinOp::kLogSoftmax, {x}, {y});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

// L2NormOptions.fused_activation_function.
constexpr uint16_t kActivationField = 0;

OptionsDef l2_options(int8_t activation = 0) {
  return OptionsDef{schema::Options::kL2Norm, {OptionField::int8(kActivationField, activation)}};
}

TEST(L2Normalization, Float32) {
  // TFLM l2norm_test SimpleFloatTest: the norm is 2, ~{-0.55, 0.3, 0.35, 0.6, -0.35, 0.05}.
  const std::vector<float> in = {-1.1f, 0.6f, 0.7f, 1.2f, -0.7f, 0.1f};
  const std::vector<float> expected = {-0.55f, 0.3f, 0.35f, 0.6f, -0.35f, 0.05f};
  const auto out =
      run_op<float>(BuiltinOp::kL2Normalization, GraphBuilder::tensor_f32({1, 1, 1, 6}), in,
                    GraphBuilder::tensor_f32({1, 1, 1, 6}), l2_options());
  ASSERT_EQ(out.size(), expected.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], expected[i], 1e-6f) << i;
  // Exact: {3, 4} over 5; a zero row stays zero (the norm is raised to 1e-6).
  EXPECT_EQ(run_op<float>(BuiltinOp::kL2Normalization, GraphBuilder::tensor_f32({2, 2}),
                          {3.0f, 4.0f, 0.0f, 0.0f}, GraphBuilder::tensor_f32({2, 2}), l2_options()),
            (std::vector<float>{3.0f / 5.0f, 4.0f / 5.0f, 0.0f, 0.0f}));
}

TEST(L2Normalization, Int8) {
  // Output steps of 1/128: {3, 4} -> {76.8, 102.4} -> {77, 102}; {60, 80} the same; a lone
  // -128 -> -1 -> -128 and a lone 127 -> 1 -> 128, saturated; an all-zero row stays 0.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kL2Normalization, GraphBuilder::tensor_s8({3, 2}, 0.1f, 0),
                           {3, 4, -60, 80, 0, 0}, GraphBuilder::tensor_s8({3, 2}, 1.0f / 128, 0),
                           l2_options()),
            (std::vector<int8_t>{77, 102, -77, 102, 0, 0}));
  EXPECT_EQ(
      run_op<int8_t>(BuiltinOp::kL2Normalization, GraphBuilder::tensor_s8({2, 1}, 0.1f, 0),
                     {-128, 127}, GraphBuilder::tensor_s8({2, 1}, 1.0f / 128, 0), l2_options()),
      (std::vector<int8_t>{-128, 127}));
  // The input zero point is subtracted first: zp 10 makes {13, 14} the vector {3, 4}.
  EXPECT_EQ(run_op<int8_t>(BuiltinOp::kL2Normalization, GraphBuilder::tensor_s8({2}, 0.1f, 10),
                           {13, 14}, GraphBuilder::tensor_s8({2}, 1.0f / 128, 0), l2_options()),
            (std::vector<int8_t>{77, 102}));
}

TEST(L2Normalization, RejectsBadModels) {
  struct Case {
    TensorDef input, output;
    int8_t activation;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {GraphBuilder::tensor_f32({1, 1, 1, 1, 2}), GraphBuilder::tensor_f32({1, 1, 1, 1, 2}), 0,
       Status::kUnsupported, "expected 1 to 4"},
      {GraphBuilder::tensor_f32({}), GraphBuilder::tensor_f32({}), 0, Status::kUnsupported,
       "rank 0"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}), 1, Status::kUnsupported,
       "fused activation"},
      {GraphBuilder::tensor_s16({2}, 1.0f), GraphBuilder::tensor_s16({2}, 1.0f), 0,
       Status::kUnsupported, "int16"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.input, {});
    const int y = g.output(c.output);
    g.op(BuiltinOp::kL2Normalization, {x}, {y}, l2_options(c.activation));
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
