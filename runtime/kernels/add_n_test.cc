// ADD_N: TFLM add_n_test's float vector, the summation order, int8 with exact power-of-two
// rescaling, TFLM's extra zero-point term, and Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_add_n(const TensorDef& in_def, const std::vector<std::vector<T>>& inputs,
                         const TensorDef& out_def) {
  GraphBuilder g;
  std::vector<int32_t> ids;
  for (const auto& values : inputs) ids.push_back(g.input(in_def, to_bytes<T>(values)));
  const int z = g.output(out_def);
  g.op(BuiltinOp::kAddN, ids, {z});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(AddN, Float32) {
  // TFLM FloatAddNOpAddMultipleTensors (~{-1.4, 0.5, 1.1, 1.5}); exactly ((0 + a) + b) + c.
  const std::vector<float> a = {-2.0f, 0.2f, 0.7f, 0.8f};
  const std::vector<float> b = {0.1f, 0.2f, 0.3f, 0.5f};
  const std::vector<float> c = {0.5f, 0.1f, 0.1f, 0.2f};
  std::vector<float> expected;
  for (size_t i = 0; i < a.size(); ++i) expected.push_back(((0.0f + a[i]) + b[i]) + c[i]);
  const TensorDef d = GraphBuilder::tensor_f32({1, 2, 2, 1});
  EXPECT_EQ(run_add_n<float>(d, {a, b, c}, d), expected);
  // The order matters in float: (1e8 + 1) - 1e8 is 0, not 1.
  EXPECT_EQ(run_add_n<float>(GraphBuilder::tensor_f32({1}), {{1e8f}, {1.0f}, {-1e8f}},
                             GraphBuilder::tensor_f32({1})),
            (std::vector<float>{0.0f}));
}

TEST(AddN, Int8) {
  // Scale 0.5 in and out, zero points 0: every rescaling is an exact power of two, so the output
  // is the saturated sum of the raw values.
  const TensorDef d = GraphBuilder::tensor_s8({4}, 0.5f, 0);
  EXPECT_EQ(run_add_n<int8_t>(d, {{1, -2, 100, -100}, {2, -3, 27, -27}, {3, 0, 1, -1}}, d),
            (std::vector<int8_t>{6, -5, 127, -128}));
  // Output scale 0.25: twice the sum.
  EXPECT_EQ(run_add_n<int8_t>(GraphBuilder::tensor_s8({2}, 0.5f, 0), {{1, -2}, {2, 1}},
                              GraphBuilder::tensor_s8({2}, 0.25f, 5)),
            (std::vector<int8_t>{6 + 5, -2 + 5}));
}

TEST(AddN, Int8StartsFromTheInputOffsetAsTflm) {
  // Zero point 2: reals 1.0 + 2.0 should give 6 steps of 0.5, but TFLM's reference starts the
  // sum from the scaled input offset (-2) instead of 0, so it computes (-2) + 2 + 4 = 4. Mote
  // reproduces TFLM.
  EXPECT_EQ(run_add_n<int8_t>(GraphBuilder::tensor_s8({1}, 0.5f, 2), {{4}, {6}},
                              GraphBuilder::tensor_s8({1}, 0.5f, 0)),
            (std::vector<int8_t>{4}));
}

TEST(AddN, RejectsBadModels) {
  {
    GraphBuilder g;  // one input
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int z = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kAddN, {x}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
    EXPECT_NE(g.messages().find("expected 2 to"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // shapes differ (no broadcasting)
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int y = g.input(GraphBuilder::tensor_f32({1}), {});
    const int z = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kAddN, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
  }
  {
    GraphBuilder g;  // output shape differs
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int y = g.input(GraphBuilder::tensor_f32({2}), {});
    const int z = g.output(GraphBuilder::tensor_f32({3}));
    g.op(BuiltinOp::kAddN, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
  }
  {
    GraphBuilder g;  // int8 inputs with different scales
    const int x = g.input(GraphBuilder::tensor_s8({2}, 0.5f, 0), {});
    const int y = g.input(GraphBuilder::tensor_s8({2}, 0.25f, 0), {});
    const int z = g.output(GraphBuilder::tensor_s8({2}, 0.5f, 0));
    g.op(BuiltinOp::kAddN, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
    EXPECT_NE(g.messages().find("input 0 has"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int16
    const int x = g.input(GraphBuilder::tensor_s16({2}, 0.5f), {});
    const int y = g.input(GraphBuilder::tensor_s16({2}, 0.5f), {});
    const int z = g.output(GraphBuilder::tensor_s16({2}, 0.5f));
    g.op(BuiltinOp::kAddN, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
