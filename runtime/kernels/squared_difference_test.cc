// SQUARED_DIFFERENCE: TFLM squared_difference_test's float vectors, int32 (with wrap-around),
// broadcasting, and int8 / int16 cases with power-of-two scales where every rescaling step is
// exact, so the expected integers are the real results.
#include <gtest/gtest.h>

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
std::vector<T> run_sd(const TensorDef& a_def, const std::vector<T>& a, const TensorDef& b_def,
                      const std::vector<T>& b, const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(a_def, to_bytes<T>(a));
  const int y = g.input(b_def, to_bytes<T>(b));
  const int z = g.output(out_def);
  g.op(BuiltinOp::kSquaredDifference, {x, y}, {z});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(SquaredDifference, Float32) {
  // TFLM FloatSquaredDifferenceSameShape: {-0.2, 0.2, -1.2, 0.8} vs {0.5, 0.2, -1.5, 0.5}
  // ~ {0.49, 0.0, 0.09, 0.09}; here the exact float (a - b) * (a - b).
  const std::vector<float> a = {-0.2f, 0.2f, -1.2f, 0.8f};
  const std::vector<float> b = {0.5f, 0.2f, -1.5f, 0.5f};
  std::vector<float> expected;
  for (size_t i = 0; i < a.size(); ++i) expected.push_back((a[i] - b[i]) * (a[i] - b[i]));
  const TensorDef d = GraphBuilder::tensor_f32({1, 2, 2, 1});
  EXPECT_EQ(run_sd<float>(d, a, d, b, d), expected);
  // Broadcast of a scalar (TFLM FloatSquaredDifferenceVariousInputShapes-style).
  EXPECT_EQ(run_sd<float>(GraphBuilder::tensor_f32({2, 2}), {1.0f, 2.0f, -3.0f, 0.5f},
                          GraphBuilder::tensor_f32({}), {1.0f}, GraphBuilder::tensor_f32({2, 2})),
            (std::vector<float>{0.0f, 1.0f, 16.0f, 0.25f}));
}

TEST(SquaredDifference, Int32) {
  // TFLM IntegerSquaredDifferenceSameShape: {-2, 2, -15, 8} vs {5, -2, -3, 5}.
  const TensorDef d = GraphBuilder::tensor_of(TensorType::kInt32, {1, 2, 2, 1});
  EXPECT_EQ(run_sd<int32_t>(d, {-2, 2, -15, 8}, d, {5, -2, -3, 5}, d),
            (std::vector<int32_t>{49, 16, 144, 9}));
  // INT32_MIN - 1 wraps to INT32_MAX, whose square wraps to 1.
  const TensorDef one = GraphBuilder::tensor_of(TensorType::kInt32, {1});
  EXPECT_EQ(run_sd<int32_t>(one, {std::numeric_limits<int32_t>::min()}, one, {1}, one),
            (std::vector<int32_t>{1}));
}

TEST(SquaredDifference, Int8) {
  // Scales 0.5 and 0.5, output 0.25: (x << 7) * 0.5 and the output multiplier 2^-12 are exact.
  // Reals: (2 - -1)^2 = 9 -> 36 steps; 0.25 -> 1; (63.5 + 64)^2 saturates; (1.5 - 1)^2 -> 1.
  EXPECT_EQ(run_sd<int8_t>(GraphBuilder::tensor_s8({4}, 0.5f, 0), {4, 1, 127, 3},
                           GraphBuilder::tensor_s8({4}, 0.5f, 0), {-2, 0, -128, 2},
                           GraphBuilder::tensor_s8({4}, 0.25f, 0)),
            (std::vector<int8_t>{36, 1, 127, 1}));
  // Different input scales (0.5 and 0.25) and zero points (10, -4, output -100): reals 1.0 vs
  // 2.0 -> 1 -> 4 steps; 0 vs -1 -> 1 -> 4; -2 vs 0.5 -> 6.25 -> 25.
  EXPECT_EQ(run_sd<int8_t>(GraphBuilder::tensor_s8({3}, 0.5f, 10), {12, 10, 6},
                           GraphBuilder::tensor_s8({3}, 0.25f, -4), {4, -8, -2},
                           GraphBuilder::tensor_s8({3}, 0.25f, -100)),
            (std::vector<int8_t>{-96, -96, -75}));
  // Broadcast.
  EXPECT_EQ(run_sd<int8_t>(GraphBuilder::tensor_s8({2, 2}, 0.5f, 0), {0, 2, 4, 6},
                           GraphBuilder::tensor_s8({2}, 0.5f, 0), {2, 0},
                           GraphBuilder::tensor_s8({2, 2}, 0.25f, 0)),
            (std::vector<int8_t>{4, 4, 4, 36}));
}

TEST(SquaredDifference, Int16) {
  // Scales 2^-8 in, 2^-6 out, zero points 0: (1 - -1)^2 = 4 -> 256 steps; the extremes saturate.
  EXPECT_EQ(run_sd<int16_t>(GraphBuilder::tensor_s16({3}, 1.0f / 256), {256, 32767, 128},
                            GraphBuilder::tensor_s16({3}, 1.0f / 256), {-256, -32768, 128},
                            GraphBuilder::tensor_s16({3}, 1.0f / 64)),
            (std::vector<int16_t>{256, 32767, 0}));
}

TEST(SquaredDifference, RejectsBadModels) {
  struct Case {
    TensorDef a, b, out;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {GraphBuilder::tensor_q(TensorType::kInt16, {2}, 1.0f, 1),
       GraphBuilder::tensor_s16({2}, 1.0f), GraphBuilder::tensor_s16({2}, 1.0f),
       Status::kInvalidModel, "expected 0"},
      {GraphBuilder::tensor_of(TensorType::kInt64, {2}),
       GraphBuilder::tensor_of(TensorType::kInt64, {2}),
       GraphBuilder::tensor_of(TensorType::kInt64, {2}), Status::kUnsupported, "int64"},
      {GraphBuilder::tensor_s8({2}, 1.0f, 0), GraphBuilder::tensor_s8({2}, 1.0f, 0),
       GraphBuilder::tensor_of(TensorType::kInt8, {2}), Status::kInvalidModel,
       "no quantization parameters"},
      {GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_s8({2}, 1.0f, 0), Status::kUnsupported, "type"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.a, {});
    const int y = g.input(c.b, {});
    const int z = g.output(c.out);
    g.op(BuiltinOp::kSquaredDifference, {x, y}, {z});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
