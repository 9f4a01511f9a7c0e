// SPLIT: equal parts along a constant axis (input 0 is the axis).
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef split_options(int32_t num_splits) {
  return {schema::Options::kSplit,
          {OptionField::int32(schema::split_options::kNumSplits, num_splits)}};
}

int axis_constant(GraphBuilder& g, int32_t axis) {
  return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
}

TEST(Split, Float32AlongEachAxis) {
  // Input [2, 4] = {1..8}.
  const std::vector<float> data = {1, 2, 3, 4, 5, 6, 7, 8};
  for (int32_t axis : {1, -1}) {
    GraphBuilder g;
    const int a = axis_constant(g, axis);
    const int x = g.input(GraphBuilder::tensor_f32({2, 4}), to_bytes<float>(data));
    const int y0 = g.output(GraphBuilder::tensor_f32({2, 2}));
    const int y1 = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2, 5, 6})) << axis;
    EXPECT_EQ(g.output_values<float>(1), (std::vector<float>{3, 4, 7, 8})) << axis;
  }
  GraphBuilder g;
  const int a = axis_constant(g, 0);
  const int x = g.input(GraphBuilder::tensor_f32({2, 4}), to_bytes<float>(data));
  const int y0 = g.output(GraphBuilder::tensor_f32({1, 4}));
  const int y1 = g.output(GraphBuilder::tensor_f32({1, 4}));
  g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(g.output_values<float>(1), (std::vector<float>{5, 6, 7, 8}));
}

TEST(Split, IntegerTypesThreeWays) {
  {
    GraphBuilder g;  // int8 [1, 3, 2] into three along axis 1
    const int a = axis_constant(g, 1);
    const int x =
        g.input(GraphBuilder::tensor_s8({1, 3, 2}, 0.1f, -2), to_bytes<int8_t>({1, 2, 3, 4, 5, 6}));
    const int y0 = g.output(GraphBuilder::tensor_s8({1, 1, 2}, 0.1f, -2));
    const int y1 = g.output(GraphBuilder::tensor_s8({1, 1, 2}, 0.1f, -2));
    const int y2 = g.output(GraphBuilder::tensor_s8({1, 1, 2}, 0.1f, -2));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1, y2}, split_options(3));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 2}));
    EXPECT_EQ(g.output_values<int8_t>(1), (std::vector<int8_t>{3, 4}));
    EXPECT_EQ(g.output_values<int8_t>(2), (std::vector<int8_t>{5, 6}));
  }
  {
    GraphBuilder g;  // int16 along the last axis
    const int a = axis_constant(g, 1);
    const int x = g.input(GraphBuilder::tensor_s16({2, 2}, 1.0f), to_bytes<int16_t>({1, 2, 3, 4}));
    const int y0 = g.output(GraphBuilder::tensor_s16({2, 1}, 1.0f));
    const int y1 = g.output(GraphBuilder::tensor_s16({2, 1}, 1.0f));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{1, 3}));
    EXPECT_EQ(g.output_values<int16_t>(1), (std::vector<int16_t>{2, 4}));
  }
  {
    GraphBuilder g;  // int32, a single output is a copy
    const int a = axis_constant(g, 0);
    const int x =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {3}), to_bytes<int32_t>({7, 8, 9}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {3}));
    g.op(BuiltinOp::kSplit, {a, x}, {y}, split_options(1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{7, 8, 9}));
  }
}

TEST(Split, Rejections) {
  {
    GraphBuilder g;  // axis size 3 does not split in two
    const int a = axis_constant(g, 0);
    const int x = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int y0 = g.output(GraphBuilder::tensor_f32({1}));
    const int y1 = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("equal parts"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // num_splits disagrees with the outputs
    const int a = axis_constant(g, 0);
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int y0 = g.output(GraphBuilder::tensor_f32({2}));
    const int y1 = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(4));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("num_splits"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range
    const int a = axis_constant(g, 2);
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
    const int y0 = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0}, split_options(1));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis computed at run time
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y0 = g.output(GraphBuilder::tensor_f32({1}));
    const int y1 = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // an output with the wrong shape
    const int a = axis_constant(g, 0);
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int y0 = g.output(GraphBuilder::tensor_f32({2}));
    const int y1 = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kSplit, {a, x}, {y0, y1}, split_options(2));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
}

}  // namespace
}  // namespace mote::testing
