// LOGICAL_AND, LOGICAL_OR (with broadcasting) and LOGICAL_NOT: truth tables, broadcasting, bytes
// other than 0/1 read as true, and Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

using Bools = std::vector<uint8_t>;

constexpr TensorType kBool = TensorType::kBool;

Bools run_binary(BuiltinOp op, std::vector<int32_t> a_shape, const Bools& a,
                 std::vector<int32_t> b_shape, const Bools& b, std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(kBool, std::move(a_shape)), a);
  const int y = g.input(GraphBuilder::tensor_of(kBool, std::move(b_shape)), b);
  const int z = g.output(GraphBuilder::tensor_of(kBool, std::move(out_shape)));
  g.op(op, {x, y}, {z});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<uint8_t>(0);
}

TEST(LogicalAnd, TruthTableAndBroadcast) {
  // TFLM logical_test LogicalAnd: {T, F, F, T} and {T, F, T, F}.
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalAnd, {1, 1, 1, 4}, {1, 0, 0, 1}, {1, 1, 1, 4},
                       {1, 0, 1, 0}, {1, 1, 1, 4}),
            (Bools{1, 0, 0, 0}));
  // TFLM BroadcastLogicalAnd: a scalar true.
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalAnd, {1, 1, 1, 4}, {1, 0, 0, 1}, {1, 1, 1, 1}, {1},
                       {1, 1, 1, 4}),
            (Bools{1, 0, 0, 1}));
  // Any non-zero byte is true.
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalAnd, {2}, {2, 255}, {2}, {1, 0}, {2}), (Bools{1, 0}));
}

TEST(LogicalOr, TruthTableAndBroadcast) {
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalOr, {4}, {1, 0, 0, 1}, {4}, {1, 0, 1, 0}, {4}),
            (Bools{1, 0, 1, 1}));
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalOr, {2, 1}, {0, 1}, {3}, {0, 1, 0}, {2, 3}),
            (Bools{0, 1, 0, 1, 1, 1}));
  EXPECT_EQ(run_binary(BuiltinOp::kLogicalOr, {1}, {7}, {2}, {0, 0}, {2}), (Bools{1, 1}));
}

TEST(LogicalNot, Elementwise) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(kBool, {1, 5}), Bools{1, 0, 0, 1, 3});
  const int y = g.output(GraphBuilder::tensor_of(kBool, {1, 5}));
  g.op(BuiltinOp::kLogicalNot, {x}, {y});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<uint8_t>(0), (Bools{0, 1, 1, 0, 0}));
}

TEST(Logical, RejectsBadModels) {
  {
    GraphBuilder g;  // LOGICAL_AND on float
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int y = g.input(GraphBuilder::tensor_f32({2}), {});
    const int z = g.output(GraphBuilder::tensor_of(kBool, {2}));
    g.op(BuiltinOp::kLogicalAnd, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("expected bool"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output not the broadcast shape
    const int x = g.input(GraphBuilder::tensor_of(kBool, {2}), {});
    const int y = g.input(GraphBuilder::tensor_of(kBool, {1}), {});
    const int z = g.output(GraphBuilder::tensor_of(kBool, {3}));
    g.op(BuiltinOp::kLogicalOr, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("not the broadcast shape"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // LOGICAL_NOT on int8
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {2}), {});
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt8, {2}));
    g.op(BuiltinOp::kLogicalNot, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("LOGICAL_NOT"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // LOGICAL_NOT shape mismatch
    const int x = g.input(GraphBuilder::tensor_of(kBool, {2}), {});
    const int y = g.output(GraphBuilder::tensor_of(kBool, {2, 2}));
    g.op(BuiltinOp::kLogicalNot, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
