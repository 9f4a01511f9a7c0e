// SELECT and SELECT_V2: every element type, SELECT's scalar and rank-one conditions, SELECT_V2's
// three-way broadcasting, one-element tensors of mixed ranks, and Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

using Bools = std::vector<uint8_t>;

template <typename T>
std::vector<T> run_select(BuiltinOp op, TensorType type, std::vector<int32_t> c_shape,
                          const Bools& c, std::vector<int32_t> x_shape, const std::vector<T>& x,
                          std::vector<int32_t> y_shape, const std::vector<T>& y,
                          std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int ci = g.input(GraphBuilder::tensor_of(TensorType::kBool, std::move(c_shape)), c);
  const int xi = g.input(GraphBuilder::tensor_of(type, std::move(x_shape)), to_bytes<T>(x));
  const int yi = g.input(GraphBuilder::tensor_of(type, std::move(y_shape)), to_bytes<T>(y));
  const int o = g.output(GraphBuilder::tensor_of(type, std::move(out_shape)));
  g.op(op, {ci, xi, yi}, {o});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(Select, EveryType) {
  // TFLite select_test SelectFloat / SelectInt32 etc.: condition {T, F, T, F}.
  const Bools c = {1, 0, 1, 0};
  const auto run = [&](auto tag, TensorType type, auto x, auto y) {
    using T = decltype(tag);
    return run_select<T>(BuiltinOp::kSelect, type, {1, 1, 1, 4}, c, {1, 1, 1, 4}, x, {1, 1, 1, 4},
                         y, {1, 1, 1, 4});
  };
  EXPECT_EQ(run(float{}, TensorType::kFloat32, std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f},
                std::vector<float>{0.5f, 0.6f, 0.7f, 0.8f}),
            (std::vector<float>{0.1f, 0.6f, 0.3f, 0.8f}));
  EXPECT_EQ(run(uint8_t{}, TensorType::kBool, Bools{0, 1, 0, 1}, Bools{1, 1, 0, 0}),
            (Bools{0, 1, 0, 0}));
  EXPECT_EQ(run(uint8_t{}, TensorType::kUInt8, Bools{1, 2, 3, 4}, Bools{5, 6, 7, 8}),
            (Bools{1, 6, 3, 8}));
  EXPECT_EQ(run(int8_t{}, TensorType::kInt8, std::vector<int8_t>{-1, 2, -3, 4},
                std::vector<int8_t>{5, -6, 7, -8}),
            (std::vector<int8_t>{-1, -6, -3, -8}));
  EXPECT_EQ(run(int16_t{}, TensorType::kInt16, std::vector<int16_t>{-300, 2, 3, 4},
                std::vector<int16_t>{5, 6, 7, 32767}),
            (std::vector<int16_t>{-300, 6, 3, 32767}));
  EXPECT_EQ(run(int32_t{}, TensorType::kInt32, std::vector<int32_t>{1, 2, 3, 4},
                std::vector<int32_t>{5, 6, 7, 8}),
            (std::vector<int32_t>{1, 6, 3, 8}));
  const int64_t big = int64_t{1} << 50;
  EXPECT_EQ(run(int64_t{}, TensorType::kInt64, std::vector<int64_t>{big, 2, 3, 4},
                std::vector<int64_t>{5, -big, 7, 8}),
            (std::vector<int64_t>{big, -big, 3, 8}));
}

TEST(Select, ScalarAndRankOneConditions) {
  // TFLite select_test RankOneSelectInt32: condition [2] along x's first dimension [2, 1, 2, 1].
  EXPECT_EQ(run_select<int32_t>(BuiltinOp::kSelect, TensorType::kInt32, {2}, {0, 1}, {2, 1, 2, 1},
                                {1, 2, 3, 4}, {2, 1, 2, 1}, {5, 6, 7, 8}, {2, 1, 2, 1}),
            (std::vector<int32_t>{5, 6, 3, 4}));
  // TFLite RankZeroSelectInt32: a scalar condition picks the whole of x or y.
  EXPECT_EQ(run_select<int32_t>(BuiltinOp::kSelect, TensorType::kInt32, {}, {1}, {1, 2}, {1, 2},
                                {1, 2}, {3, 4}, {1, 2}),
            (std::vector<int32_t>{1, 2}));
  EXPECT_EQ(run_select<int32_t>(BuiltinOp::kSelect, TensorType::kInt32, {}, {0}, {1, 2}, {1, 2},
                                {1, 2}, {3, 4}, {1, 2}),
            (std::vector<int32_t>{3, 4}));
  // One-element tensors of mixed ranks keep the output's own shape.
  EXPECT_EQ(run_select<float>(BuiltinOp::kSelect, TensorType::kFloat32, {1}, {0}, {}, {1.5f},
                              {1, 1}, {2.5f}, {1, 1, 1}),
            (std::vector<float>{2.5f}));
}

TEST(SelectV2, Broadcast) {
  // TFLite select_test BroadcastSelectInt32OneDimensionConditionWithSingleValue and
  // BroadcastSelectInt32LesserThan4D-style cases.
  EXPECT_EQ(run_select<int32_t>(BuiltinOp::kSelectV2, TensorType::kInt32, {1}, {0}, {1, 2, 2, 1},
                                {1, 2, 3, 4}, {1, 2, 2, 1}, {5, 6, 7, 8}, {1, 2, 2, 1}),
            (std::vector<int32_t>{5, 6, 7, 8}));
  // Condition [1, 2], x [2, 1], y scalar: out[i][j] = c[j] ? x[i] : y.
  EXPECT_EQ(run_select<float>(BuiltinOp::kSelectV2, TensorType::kFloat32, {1, 2}, {1, 0}, {2, 1},
                              {1.0f, 2.0f}, {}, {9.0f}, {2, 2}),
            (std::vector<float>{1.0f, 9.0f, 2.0f, 9.0f}));
  // Rank 6 with all three broadcasting.
  EXPECT_EQ(run_select<int8_t>(BuiltinOp::kSelectV2, TensorType::kInt8, {2, 1, 1, 1, 1, 1}, {1, 0},
                               {1, 1, 1, 1, 1, 2}, {1, 2}, {2, 1, 1, 1, 1, 2}, {5, 6, 7, 8},
                               {2, 1, 1, 1, 1, 2}),
            (std::vector<int8_t>{1, 2, 7, 8}));
  // Same shapes: elementwise.
  EXPECT_EQ(run_select<int16_t>(BuiltinOp::kSelectV2, TensorType::kInt16, {3}, {0, 1, 0}, {3},
                                {1, 2, 3}, {3}, {4, 5, 6}, {3}),
            (std::vector<int16_t>{4, 2, 6}));
  // An empty broadcast output.
  EXPECT_TRUE(run_select<float>(BuiltinOp::kSelectV2, TensorType::kFloat32, {0, 1}, {}, {1, 3},
                                {1, 2, 3}, {}, {0.0f}, {0, 3})
                  .empty());
}

TEST(Select, RejectsBadModels) {
  struct Case {
    BuiltinOp op;
    TensorType c_type;
    std::vector<int32_t> c, x, y, out;
    TensorType type;
    Status status;
    const char* message;
  };
  const std::vector<Case> cases = {
      {BuiltinOp::kSelect,
       TensorType::kInt8,
       {2},
       {2},
       {2},
       {2},
       TensorType::kFloat32,
       Status::kUnsupported,
       "expected bool"},
      // SELECT does not broadcast: a vector condition must run along x's first dimension.
      {BuiltinOp::kSelect,
       TensorType::kBool,
       {2},
       {3, 2},
       {3, 2},
       {3, 2},
       TensorType::kFloat32,
       Status::kInvalidModel,
       "first dimension"},
      {BuiltinOp::kSelect,
       TensorType::kBool,
       {},
       {2},
       {3},
       {2},
       TensorType::kFloat32,
       Status::kInvalidModel,
       "differs from y shape"},
      {BuiltinOp::kSelect,
       TensorType::kBool,
       {2},
       {2},
       {2},
       {3},
       TensorType::kFloat32,
       Status::kInvalidModel,
       "output shape"},
      {BuiltinOp::kSelectV2,
       TensorType::kBool,
       {2},
       {3},
       {3},
       {3},
       TensorType::kFloat32,
       Status::kInvalidModel,
       "do not broadcast"},
      {BuiltinOp::kSelectV2,
       TensorType::kBool,
       {2, 1},
       {3},
       {3},
       {3},
       TensorType::kFloat32,
       Status::kInvalidModel,
       "output shape"},
      {BuiltinOp::kSelectV2,
       TensorType::kBool,
       {2},
       {2},
       {2},
       {2},
       TensorType::kFloat16,
       Status::kUnsupported,
       "float16"},
  };
  for (const Case& c : cases) {
    GraphBuilder g;
    const int ci = g.input(GraphBuilder::tensor_of(c.c_type, c.c), {});
    const int xi = g.input(GraphBuilder::tensor_of(c.type, c.x), {});
    const int yi = g.input(GraphBuilder::tensor_of(c.type, c.y), {});
    const int o = g.output(GraphBuilder::tensor_of(c.type, c.out));
    g.op(c.op, {ci, xi, yi}, {o});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // x and y of different types
    const int ci = g.input(GraphBuilder::tensor_of(TensorType::kBool, {2}), {});
    const int xi = g.input(GraphBuilder::tensor_f32({2}), {});
    const int yi = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), {});
    const int o = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kSelectV2, {ci, xi, yi}, {o});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
