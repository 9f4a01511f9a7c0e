// PRELU: TFLite prelu_test's float vector, int8 and int16 data with int8 alpha (power-of-two
// scales so the requantization is exact), zero points, broadcasting, and Prepare's rejections.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T, typename A>
std::vector<T> run_prelu(const TensorDef& in_def, const std::vector<T>& input,
                         const TensorDef& alpha_def, const std::vector<A>& alpha,
                         const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int a = g.constant(alpha_def, to_bytes<A>(alpha));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kPrelu, {x, a}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(Prelu, Float32) {
  // TFLite prelu_test FloatPreluActivationsOpTest: alpha [1, 1, 3] broadcast over [1, 2, 2, 3].
  EXPECT_EQ((run_prelu<float, float>(GraphBuilder::tensor_f32({1, 2, 2, 3}),
                                     {0, 0, 0, 1, 1, 1, -1, -1, -1, -2, -2, -2},
                                     GraphBuilder::tensor_f32({1, 1, 3}), {0.0f, 1.0f, 2.0f},
                                     GraphBuilder::tensor_f32({1, 2, 2, 3}))),
            (std::vector<float>{0, 0, 0, 1, 1, 1, 0, -1, -2, 0, -2, -4}));
  // -0.0 is not below zero and passes through.
  const auto out =
      run_prelu<float, float>(GraphBuilder::tensor_f32({1}), {-0.0f}, GraphBuilder::tensor_f32({1}),
                              {3.0f}, GraphBuilder::tensor_f32({1}));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::signbit(out[0]));
}

TEST(Prelu, Int8) {
  // Input and output scale 0.5, alpha scale 0.25 (alphas 0.5, 1, 2): the identity multiplier is
  // 1 and the alpha one 0.25, both exact. Reals: row 0 {-2, -2, -2} -> {-1, -2, -4};
  // row 1 {2, -1, 0} -> {2, -1, 0}. Zero points 1 (input), -2 (alpha), 3 (output).
  const std::vector<int8_t> input = {-4 + 1, -4 + 1, -4 + 1, 4 + 1, -2 + 1, 0 + 1};
  const std::vector<int8_t> alpha = {2 - 2, 4 - 2, 8 - 2};
  EXPECT_EQ((run_prelu<int8_t, int8_t>(GraphBuilder::tensor_s8({2, 3}, 0.5f, 1), input,
                                       GraphBuilder::tensor_s8({3}, 0.25f, -2), alpha,
                                       GraphBuilder::tensor_s8({2, 3}, 0.5f, 3))),
            (std::vector<int8_t>{-2 + 3, -4 + 3, -8 + 3, 4 + 3, -2 + 3, 0 + 3}));
  // Saturation: -64 * 2 = -128 real -> -256 steps.
  EXPECT_EQ((run_prelu<int8_t, int8_t>(GraphBuilder::tensor_s8({2}, 0.5f, 0), {-128, 127},
                                       GraphBuilder::tensor_s8({1}, 0.25f, 0), {8},
                                       GraphBuilder::tensor_s8({2}, 0.5f, 0))),
            (std::vector<int8_t>{-128, 127}));
}

TEST(Prelu, Int16WithInt8Alpha) {
  // Scales 2^-8 (data) and 0.5 (alpha = 0.5): the alpha multiplier is 0.5, so -1000 -> -500 and
  // -3 -> -1.5, a tie, which the doubling high multiply rounds up to -1.
  EXPECT_EQ(
      (run_prelu<int16_t, int8_t>(
          GraphBuilder::tensor_s16({5}, 1.0f / 256), {-1000, 1000, -32768, 32767, -3},
          GraphBuilder::tensor_s8({1}, 0.5f, 0), {1}, GraphBuilder::tensor_s16({5}, 1.0f / 256))),
      (std::vector<int16_t>{-500, 1000, -16384, 32767, -1}));
}

TEST(Prelu, RejectsBadModels) {
  struct Case {
    TensorDef input, alpha, output;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {GraphBuilder::tensor_s8({2}, 0.5f, 0), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_s8({2}, 0.5f, 0), Status::kUnsupported, "expected int8"},
      {GraphBuilder::tensor_s16({2}, 0.5f), GraphBuilder::tensor_s16({2}, 0.5f),
       GraphBuilder::tensor_s16({2}, 0.5f), Status::kUnsupported, "expected int8"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_s8({2}, 0.5f, 0),
       GraphBuilder::tensor_f32({2}), Status::kUnsupported, "expected float32"},
      {GraphBuilder::tensor_f32({1, 1, 1, 1, 2}), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_f32({1, 1, 1, 1, 2}), Status::kUnsupported, "ranks <= 4"},
      {GraphBuilder::tensor_f32({2, 3}), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_f32({2, 3}), Status::kInvalidModel, "do not broadcast"},
      {GraphBuilder::tensor_f32({2, 3}), GraphBuilder::tensor_f32({3}),
       GraphBuilder::tensor_f32({3}), Status::kInvalidModel, "not the broadcast shape"},
      {GraphBuilder::tensor_of(TensorType::kInt32, {2}),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}), Status::kUnsupported, "int32"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.input, {});
    const int a = g.input(c.alpha, {});
    const int y = g.output(c.output);
    g.op(BuiltinOp::kPrelu, {x, a}, {y});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
