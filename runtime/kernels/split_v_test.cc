// SPLIT_V: hand-checked splits along outer, inner and negative axes, -1 sizes, empty parts,
// every type, and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef num_splits(int32_t n) { return {schema::Options::kSplitV, {OptionField::int32(0, n)}}; }

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

// Splits with constant sizes and axis; returns each output's values.
template <typename T>
std::vector<std::vector<T>> run(std::vector<int32_t> in_shape, const std::vector<T>& input,
                                const std::vector<int32_t>& sizes, int32_t axis,
                                const std::vector<std::vector<int32_t>>& out_shapes) {
  GraphBuilder g;
  const auto count = static_cast<int32_t>(out_shapes.size());
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int s =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(sizes.size())}),
                 to_bytes<int32_t>(sizes));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  std::vector<int32_t> outputs;
  for (const auto& shape : out_shapes) outputs.push_back(g.output(tensor(TypeOf<T>::value, shape)));
  g.op(BuiltinOp::kSplitV, {x, s, a}, outputs, num_splits(count));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<std::vector<T>> values;
  for (int32_t i = 0; i < count; ++i) values.push_back(g.output_values<T>(static_cast<size_t>(i)));
  return values;
}

TEST(SplitV, OuterAndInnerAxes) {
  // [3, 3] split [1, 1, 1] along axis 0: one row each.
  EXPECT_EQ(run<float>({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 1, 1}, 0, {{1, 3}, {1, 3}, {1, 3}}),
            (std::vector<std::vector<float>>{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}));
  // [2, 2, 2, 2] split [1, 1] along axis 0: the two halves.
  std::vector<float> in16(16);
  for (int i = 0; i < 16; ++i) in16[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  EXPECT_EQ(
      run<float>({2, 2, 2, 2}, in16, {1, 1}, 0, {{1, 2, 2, 2}, {1, 2, 2, 2}}),
      (std::vector<std::vector<float>>{{1, 2, 3, 4, 5, 6, 7, 8}, {9, 10, 11, 12, 13, 14, 15, 16}}));
  // ... axis 3 (the innermost).
  EXPECT_EQ(
      run<float>({2, 2, 2, 2}, in16, {1, 1}, 3, {{2, 2, 2, 1}, {2, 2, 2, 1}}),
      (std::vector<std::vector<float>>{{1, 3, 5, 7, 9, 11, 13, 15}, {2, 4, 6, 8, 10, 12, 14, 16}}));
  // Uneven sizes.
  EXPECT_EQ(run<float>({8}, {1, 2, 3, 4, 5, 6, 7, 8}, {1, 3, 4}, 0, {{1}, {3}, {4}}),
            (std::vector<std::vector<float>>{{1}, {2, 3, 4}, {5, 6, 7, 8}}));
}

TEST(SplitV, MinusOneNegativeAxisAndTypes) {
  // -1 takes what the others leave; axis -1 is the last axis.
  EXPECT_EQ(run<int8_t>({2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {2, -1}, -1, {{2, 2}, {2, 3}}),
            (std::vector<std::vector<int8_t>>{{1, 2, 6, 7}, {3, 4, 5, 8, 9, 10}}));
  EXPECT_EQ(run<int16_t>({3, 1}, {-1, 2, -3}, {0, 3}, 0, {{0, 1}, {3, 1}}),
            (std::vector<std::vector<int16_t>>{{}, {-1, 2, -3}}));
  EXPECT_EQ(run<int32_t>({4}, {1, 2, 3, 4}, {4}, 0, {{4}}),
            (std::vector<std::vector<int32_t>>{{1, 2, 3, 4}}));
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> sizes, int32_t axis,
               std::vector<std::vector<int32_t>> out_shapes, int32_t splits,
               std::string* messages) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  const int s =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(sizes.size())}),
                 to_bytes<int32_t>(sizes));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  std::vector<int32_t> outputs;
  for (auto& shape : out_shapes) outputs.push_back(g.output(GraphBuilder::tensor_f32(shape)));
  g.op(BuiltinOp::kSplitV, {x, s, a}, outputs, num_splits(splits));
  const Status st = g.prepare();
  *messages = g.messages();
  return st;
}

TEST(SplitV, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({4}, {2, 2}, 0, {{2}, {2}}, 3, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("num_splits is 3 but the op has 2 outputs"), std::string::npos) << m;
  EXPECT_EQ(prepare({4}, {2, 2}, 1, {{2}, {2}}, 2, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("axis 1 is out of range"), std::string::npos) << m;
  EXPECT_EQ(prepare({4}, {2, 1}, 0, {{2}, {1}}, 2, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("3 elements along axis 0 in total, the input 4"), std::string::npos) << m;
  EXPECT_EQ(prepare({4}, {1, 3}, 0, {{2}, {2}}, 2, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("size_splits[0] is 1 but output 0 has 2"), std::string::npos) << m;
  EXPECT_EQ(prepare({4}, {-1, -1}, 0, {{2}, {2}}, 2, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({2, 4}, {2, 2}, 1, {{2, 2}, {1, 2}}, 2, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
