// UNPACK: slices a tensor along one axis into rank - 1 outputs.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef unpack_options(int32_t num, int32_t axis) {
  namespace o = schema::unpack_options;
  return {schema::Options::kUnpack,
          {OptionField::int32(o::kNum, num), OptionField::int32(o::kAxis, axis)}};
}

TEST(Unpack, Float32AlongEachAxis) {
  const std::vector<float> data = {1, 2, 3, 4, 5, 6};  // [3, 2]
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({3, 2}), to_bytes<float>(data));
    const int y0 = g.output(GraphBuilder::tensor_f32({2}));
    const int y1 = g.output(GraphBuilder::tensor_f32({2}));
    const int y2 = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1, y2}, unpack_options(3, 0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2}));
    EXPECT_EQ(g.output_values<float>(1), (std::vector<float>{3, 4}));
    EXPECT_EQ(g.output_values<float>(2), (std::vector<float>{5, 6}));
  }
  for (int32_t axis : {1, -1}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({3, 2}), to_bytes<float>(data));
    const int y0 = g.output(GraphBuilder::tensor_f32({3}));
    const int y1 = g.output(GraphBuilder::tensor_f32({3}));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(2, axis));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 3, 5})) << axis;
    EXPECT_EQ(g.output_values<float>(1), (std::vector<float>{2, 4, 6})) << axis;
  }
}

TEST(Unpack, IntegerTypes) {
  {
    GraphBuilder g;  // int8 [2, 2, 2] along the middle axis
    const int x = g.input(GraphBuilder::tensor_s8({2, 2, 2}, 1.0f, 3),
                          to_bytes<int8_t>({1, 2, 3, 4, 5, 6, 7, 8}));
    const int y0 = g.output(GraphBuilder::tensor_s8({2, 2}, 1.0f, 3));
    const int y1 = g.output(GraphBuilder::tensor_s8({2, 2}, 1.0f, 3));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(2, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 2, 5, 6}));
    EXPECT_EQ(g.output_values<int8_t>(1), (std::vector<int8_t>{3, 4, 7, 8}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({2}, 1.0f), to_bytes<int16_t>({-5, 5}));
    const int y0 = g.output(GraphBuilder::tensor_s16({}, 1.0f));
    const int y1 = g.output(GraphBuilder::tensor_s16({}, 1.0f));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(2, 0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{-5}));
    EXPECT_EQ(g.output_values<int16_t>(1), (std::vector<int16_t>{5}));
  }
  {
    GraphBuilder g;
    const int x =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1, 2}), to_bytes<int32_t>({4, 2}));
    const int y0 = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kUnpack, {x}, {y0}, unpack_options(1, 0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{4, 2}));
  }
}

TEST(Unpack, Rejections) {
  {
    GraphBuilder g;  // num disagrees with the outputs
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y0 = g.output(GraphBuilder::tensor_f32({}));
    const int y1 = g.output(GraphBuilder::tensor_f32({}));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(3, 0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("num is 3"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // the axis has size 3 but there are 2 outputs
    const int x = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int y0 = g.output(GraphBuilder::tensor_f32({}));
    const int y1 = g.output(GraphBuilder::tensor_f32({}));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(2, 0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("size 3"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y0 = g.output(GraphBuilder::tensor_f32({}));
    const int y1 = g.output(GraphBuilder::tensor_f32({}));
    g.op(BuiltinOp::kUnpack, {x}, {y0, y1}, unpack_options(2, 1));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int64 is not among TFLM's UNPACK types
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({1}));
    const int y0 = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {}));
    g.op(BuiltinOp::kUnpack, {x}, {y0}, unpack_options(1, 0));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
