// BROADCAST_TO: hand-checked broadcasts of every type up to 6D (scalars, stretched rows and
// columns, leading axes), int64 shapes, and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T, typename ShapeT = int32_t>
std::vector<T> run(std::vector<int32_t> in_shape, const std::vector<T>& input,
                   const std::vector<ShapeT>& target, TensorType type = TypeOf<T>::value) {
  GraphBuilder g;
  std::vector<int32_t> out_shape(target.begin(), target.end());
  const int x = g.input(tensor(type, std::move(in_shape)), to_bytes<T>(input));
  const int s = g.constant(
      GraphBuilder::tensor_of(TypeOf<ShapeT>::value, {static_cast<int32_t>(target.size())}),
      to_bytes<ShapeT>(target));
  const int y = g.output(tensor(type, out_shape));
  g.op(BuiltinOp::kBroadcastTo, {x, s}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(BroadcastTo, Simple) {
  EXPECT_EQ(run<float>({1}, {1.5f}, {3}), (std::vector<float>{1.5f, 1.5f, 1.5f}));
  EXPECT_EQ(run<float>({}, {2.0f}, {2, 2}), std::vector<float>(4, 2.0f));
  EXPECT_EQ(run<float>({2}, {1, 2}, {2}), (std::vector<float>{1, 2}));
  EXPECT_EQ(run<int32_t>({1, 2}, {7, 8}, {3, 2}), (std::vector<int32_t>{7, 8, 7, 8, 7, 8}));
}

TEST(BroadcastTo, InnerOuterAndHighRank) {
  // A column [3, 1] stretched along columns, and a row [1, 3] along rows.
  EXPECT_EQ(run<int8_t>({3, 1}, {1, 2, 3}, {3, 2}), (std::vector<int8_t>{1, 1, 2, 2, 3, 3}));
  EXPECT_EQ(run<int16_t>({1, 3}, {1, 2, 3}, {2, 3}), (std::vector<int16_t>{1, 2, 3, 1, 2, 3}));
  // [2, 1, 2] -> [2, 2, 2] with int64 shape values.
  EXPECT_EQ((run<int64_t, int64_t>({2, 1, 2}, {1, 2, 3, 4}, {2, 2, 2})),
            (std::vector<int64_t>{1, 2, 1, 2, 3, 4, 3, 4}));
  // 6D: [2, 1] -> [1, 1, 1, 2, 2, 2] (TFLM stops at 5D).
  EXPECT_EQ(run<float>({2, 1}, {5, 6}, {1, 1, 1, 2, 2, 2}),
            (std::vector<float>{5, 5, 6, 6, 5, 5, 6, 6}));
  EXPECT_EQ(run<uint8_t>({1}, {1}, {2}, TensorType::kBool), (std::vector<uint8_t>{1, 1}));
  EXPECT_TRUE(run<float>({1, 2}, {1, 2}, {0, 2}).empty());
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> target,
               std::vector<int32_t> out_shape, std::string* messages, bool constant = true) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  const tools::TensorDef shape_def =
      GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(target.size())});
  const int s = constant ? g.constant(shape_def, to_bytes<int32_t>(target))
                         : g.input(shape_def, to_bytes<int32_t>(target));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kBroadcastTo, {x, s}, {y});
  const Status st = g.prepare();
  *messages = g.messages();
  return st;
}

TEST(BroadcastTo, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({2}, {3}, {3}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("does not broadcast"), std::string::npos) << m;
  EXPECT_EQ(prepare({2, 2}, {2}, {2}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("rank 2 cannot broadcast to rank 1"), std::string::npos) << m;
  EXPECT_EQ(prepare({1}, {3}, {4}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("shape[0] is 3 but output dimension 0 is 4"), std::string::npos) << m;
  EXPECT_EQ(prepare({1}, {3, 1}, {3}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({1}, {3}, {3}, &m, false), Status::kUnsupported);
  EXPECT_NE(m.find("not constant"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
