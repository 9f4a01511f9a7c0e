// PACK: stacks equal-shaped inputs along a new axis.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef pack_options(int32_t values_count, int32_t axis) {
  namespace o = schema::pack_options;
  return {schema::Options::kPack,
          {OptionField::int32(o::kValuesCount, values_count), OptionField::int32(o::kAxis, axis)}};
}

// Three float [2] inputs {1, 4}, {2, 5}, {3, 6} packed along `axis` (the inputs of TFLM's
// pack_test.cc PackFloatThreeInputs / PackFloatThreeInputsDifferentAxis).
std::vector<float> pack_three_float(int32_t axis, std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 4}));
  const int b = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({2, 5}));
  const int c = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({3, 6}));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kPack, {a, b, c}, {y}, pack_options(3, axis));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<float>(0);
}

TEST(Pack, Float32ThreeInputsEachAxis) {
  // Axis 0 stacks the inputs as rows; axis 1 (and -1) interleaves them.
  EXPECT_EQ(pack_three_float(0, {3, 2}), (std::vector<float>{1, 4, 2, 5, 3, 6}));
  EXPECT_EQ(pack_three_float(-2, {3, 2}), (std::vector<float>{1, 4, 2, 5, 3, 6}));
  EXPECT_EQ(pack_three_float(1, {2, 3}), (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(pack_three_float(-1, {2, 3}), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(Pack, IntegerTypesMiddleAxis) {
  {
    GraphBuilder g;  // int8 [2, 2] x 2 along axis 1 -> [2, 2, 2]
    const int a = g.input(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), to_bytes<int8_t>({1, 2, 3, 4}));
    const int b =
        g.input(GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), to_bytes<int8_t>({-1, -2, -3, -4}));
    const int y = g.output(GraphBuilder::tensor_s8({2, 2, 2}, 1.0f, 0));
    g.op(BuiltinOp::kPack, {a, b}, {y}, pack_options(2, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 2, -1, -2, 3, 4, -3, -4}));
  }
  {
    GraphBuilder g;
    const int a = g.input(GraphBuilder::tensor_s16({2}, 1.0f), to_bytes<int16_t>({1000, -1000}));
    const int b = g.constant(GraphBuilder::tensor_s16({2}, 1.0f), to_bytes<int16_t>({7, 8}));
    const int y = g.output(GraphBuilder::tensor_s16({2, 2}, 1.0f));
    g.op(BuiltinOp::kPack, {a, b}, {y}, pack_options(2, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{1000, 7, -1000, 8}));
  }
  {
    GraphBuilder g;
    const int a =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({-9}));
    const int b = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({9}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2, 1}));
    g.op(BuiltinOp::kPack, {a, b}, {y}, pack_options(2, 0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{-9, 9}));
  }
  {
    GraphBuilder g;  // scalars into a vector
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {}), to_bytes<int64_t>({-3}));
    const int b = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {}),
                          to_bytes<int64_t>({int64_t{1} << 45}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {2}));
    g.op(BuiltinOp::kPack, {a, b}, {y}, pack_options(2, 0));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int64_t>(0), (std::vector<int64_t>{-3, int64_t{1} << 45}));
  }
}

TEST(Pack, Rejections) {
  {
    GraphBuilder g;  // values_count disagrees with the inputs
    const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kPack, {a, a}, {y}, pack_options(3, 0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("values_count"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // inputs of different shapes
    const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int b = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kPack, {a, b}, {y}, pack_options(2, 0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("shape of input 0"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range for the output rank
    const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kPack, {a, a}, {y}, pack_options(2, 2));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output shape wrong
    const int a = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kPack, {a, a, a}, {y}, pack_options(3, 0));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("expected 3"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // bool is not among TFLM's PACK types
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kBool, {1}), {1});
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kBool, {2, 1}));
    g.op(BuiltinOp::kPack, {a, a}, {y}, pack_options(2, 0));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
