// CONCATENATION: byte copies along one axis, for every type TFLM supports.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef concat_options(int32_t axis, int8_t activation = 0) {
  namespace o = schema::concatenation_options;
  return {schema::Options::kConcatenation,
          {OptionField::int32(o::kAxis, axis), OptionField::int8(o::kActivation, activation)}};
}

// Two float [2, 3] inputs, {1..6} and {7..12}, concatenated along `axis` into `out_shape`.
std::vector<float> concat_two_float(int32_t axis, std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int a = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  const int b = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({7, 8, 9, 10, 11, 12}));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(axis));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<float>(0);
}

TEST(Concatenation, Float32EveryAxisIncludingNegative) {
  const std::vector<float> rows = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::vector<float> cols = {1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12};
  EXPECT_EQ(concat_two_float(0, {4, 3}), rows);
  EXPECT_EQ(concat_two_float(-2, {4, 3}), rows);
  EXPECT_EQ(concat_two_float(1, {2, 6}), cols);
  EXPECT_EQ(concat_two_float(-1, {2, 6}), cols);
}

TEST(Concatenation, ThreeInputsOfDifferentWidthsInt16) {
  GraphBuilder g;
  const int a = g.input(GraphBuilder::tensor_s16({2, 1}, 1.0f), to_bytes<int16_t>({1, 2}));
  const int b = g.input(GraphBuilder::tensor_s16({2, 2}, 1.0f), to_bytes<int16_t>({3, 4, 5, 6}));
  const int c = g.input(GraphBuilder::tensor_s16({2, 3}, 1.0f),
                        to_bytes<int16_t>({-7, -8, -9, -10, -11, -12}));
  const int y = g.output(GraphBuilder::tensor_s16({2, 6}, 1.0f));
  g.op(BuiltinOp::kConcatenation, {a, b, c}, {y}, concat_options(1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int16_t>(0),
            (std::vector<int16_t>{1, 3, 4, -7, -8, -9, 2, 5, 6, -10, -11, -12}));
}

TEST(Concatenation, Int8WithDifferentScalesIsNotRequantized) {
  // TFLM copies int8 bytes as they are; real values change when the scales differ.
  GraphBuilder g;
  const int a = g.input(GraphBuilder::tensor_s8({1, 2}, 0.5f, 0), to_bytes<int8_t>({10, -10}));
  const int b = g.input(GraphBuilder::tensor_s8({1, 2}, 2.0f, 5), to_bytes<int8_t>({127, -128}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 4}, 1.0f, 0));
  g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{10, -10, 127, -128}));
}

TEST(Concatenation, Int32Int64AndBool) {
  {
    GraphBuilder g;  // 3D, middle axis
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2, 1, 2}),
                          to_bytes<int32_t>({1, 2, 3, 4}));
    const int b = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2, 1, 2}),
                          to_bytes<int32_t>({5, 6, 7, 8}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2, 2, 2}));
    g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{1, 2, 5, 6, 3, 4, 7, 8}));
  }
  {
    GraphBuilder g;
    const int a =
        g.input(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({-1}));
    const int b = g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {2}),
                             to_bytes<int64_t>({int64_t{1} << 50, 3}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {3}));
    g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int64_t>(0), (std::vector<int64_t>{-1, int64_t{1} << 50, 3}));
  }
  {
    GraphBuilder g;
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kBool, {2, 1}), {1, 0});
    const int b = g.input(GraphBuilder::tensor_of(TensorType::kBool, {2, 1}), {0, 1});
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kBool, {2, 2}));
    g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(-1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_bytes(0), (std::vector<uint8_t>{1, 0, 0, 1}));
  }
}

TEST(Concatenation, EmptyInputContributesNothing) {
  // The empty [0, 2] input comes from a STRIDED_SLICE that selects no rows.
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
  const auto vec = [&g](std::vector<int32_t> v) {
    return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>(v));
  };
  const int a = g.intermediate(GraphBuilder::tensor_f32({0, 2}));
  g.op(BuiltinOp::kStridedSlice, {x, vec({0, 0}), vec({0, 2}), vec({1, 1})}, {a},
       {schema::Options::kStridedSlice, {}});
  const int b = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({3, 4}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
  g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{3, 4}));
}

TEST(Concatenation, Rejections) {
  {
    GraphBuilder g;  // fused RELU: TFLM requires NONE
    const int a = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kConcatenation, {a, a}, {y}, concat_options(0, 1));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("RELU"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // sizes along the axis do not add up
    const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({5}));
    g.op(BuiltinOp::kConcatenation, {a, a}, {y}, concat_options(0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("add up to 4"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // other dimension differs
    const int a = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int b = g.input(GraphBuilder::tensor_f32({1, 3}), to_bytes<float>({1, 2, 3}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kConcatenation, {a, b}, {y}, concat_options(0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("input 1 has dimension 1"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range
    const int a = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kConcatenation, {a, a}, {y}, concat_options(-3));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // uint8 is not among TFLM's types
    const int a = g.input(GraphBuilder::tensor_q(TensorType::kUInt8, {1}, 1.0f, 0), {1});
    const int y = g.output(GraphBuilder::tensor_q(TensorType::kUInt8, {2}, 1.0f, 0));
    g.op(BuiltinOp::kConcatenation, {a, a}, {y}, concat_options(0));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
