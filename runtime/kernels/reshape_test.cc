// RESHAPE: data is copied unchanged; Prepare checks the shape data against the tensors.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef new_shape(std::vector<int32_t> dims) {
  return {schema::Options::kReshape,
          {OptionField::ints(schema::reshape_options::kNewShape, std::move(dims))}};
}

TEST(Reshape, Float32WithShapeTensorInfersMinusOne) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  const int s =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({-1, 2}));
  const int y = g.output(GraphBuilder::tensor_f32({3, 2}));
  g.op(BuiltinOp::kReshape, {x, s}, {y});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(Reshape, Int8FromOptionsKeepsBytes) {
  GraphBuilder g;
  const int x =
      g.input(GraphBuilder::tensor_s8({1, 4}, 0.5f, -3), to_bytes<int8_t>({-128, -1, 0, 127}));
  const int y = g.output(GraphBuilder::tensor_s8({2, 2}, 0.5f, -3));
  g.op(BuiltinOp::kReshape, {x}, {y}, new_shape({2, 2}));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-128, -1, 0, 127}));
}

TEST(Reshape, AnyElementTypeIsCopied) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {2, 1}),
                        to_bytes<int64_t>({-5, int64_t{1} << 40}));
  const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {2}));
  g.op(BuiltinOp::kReshape, {x}, {y}, new_shape({2}));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int64_t>(0), (std::vector<int64_t>{-5, int64_t{1} << 40}));

  GraphBuilder b;
  const int bx = b.input(GraphBuilder::tensor_of(TensorType::kBool, {3}), {1, 0, 1});
  const int by = b.output(GraphBuilder::tensor_of(TensorType::kBool, {1, 3, 1}));
  b.op(BuiltinOp::kReshape, {bx}, {by}, new_shape({1, -1, 1}));
  ASSERT_EQ(b.run(), Status::kOk) << b.messages();
  EXPECT_EQ(b.output_bytes(0), (std::vector<uint8_t>{1, 0, 1}));
}

TEST(Reshape, ShapeComputedAtRunTimeIsNotChecked) {
  // TFLM never reads the shape input; the output tensor's shape is what counts.
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
  const int s =
      g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({0, 0}));
  const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
  g.op(BuiltinOp::kReshape, {x, s}, {y});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2, 3, 4}));
}

TEST(Reshape, LegacyZeroNewShapeMeansScalar) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 1}), to_bytes<float>({7.5f}));
  const int y = g.output(GraphBuilder::tensor_f32({}));
  g.op(BuiltinOp::kReshape, {x}, {y}, new_shape({0}));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{7.5f}));
}

TEST(Reshape, RejectsInconsistentModels) {
  {
    GraphBuilder g;  // element counts differ
    const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
    const int y = g.output(GraphBuilder::tensor_f32({5}));
    g.op(BuiltinOp::kReshape, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("6 elements"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // new_shape contradicts the output tensor
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kReshape, {x}, {y}, new_shape({4, 1}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("RESHAPE"), std::string::npos) << g.messages();
    EXPECT_NE(g.messages().find("new_shape"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // two -1 in the shape tensor
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int s =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({-1, -1}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kReshape, {x, s}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("more than one -1"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // -1 that cannot divide the element count
    const int x = g.input(GraphBuilder::tensor_f32({6}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
    const int y = g.output(GraphBuilder::tensor_f32({6}));
    g.op(BuiltinOp::kReshape, {x}, {y}, new_shape({-1, 4}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // output type differs
    const int x = g.input(GraphBuilder::tensor_s8({4}, 1.0f, 0), to_bytes<int8_t>({1, 2, 3, 4}));
    const int y = g.output(GraphBuilder::tensor_f32({4}));
    g.op(BuiltinOp::kReshape, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
