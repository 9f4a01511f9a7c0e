// EXPAND_DIMS: inserts an axis of size 1; data is copied unchanged.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::OptionsDef no_options() { return {schema::Options::kExpandDims, {}}; }

// Runs EXPAND_DIMS of a float [2, 3] input at `axis` into `out_shape`.
Status run_float(int32_t axis, std::vector<int32_t> out_shape, GraphBuilder& g) {
  const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kExpandDims, {x, a}, {y}, no_options());
  return g.run();
}

TEST(ExpandDims, Float32AtEveryPosition) {
  const std::vector<float> data = {1, 2, 3, 4, 5, 6};
  const std::vector<std::pair<int32_t, std::vector<int32_t>>> cases = {
      {0, {1, 2, 3}}, {1, {2, 1, 3}}, {2, {2, 3, 1}}, {-1, {2, 3, 1}}, {-3, {1, 2, 3}}};
  for (const auto& [axis, shape] : cases) {
    GraphBuilder g;
    ASSERT_EQ(run_float(axis, shape, g), Status::kOk) << "axis " << axis << ": " << g.messages();
    EXPECT_EQ(g.output_values<float>(0), data) << "axis " << axis;
  }
}

TEST(ExpandDims, Int8WithScalarAxis) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({3}, 0.5f, 1), to_bytes<int8_t>({-1, 0, 1}));
  const int a = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {}), to_bytes<int32_t>({0}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 3}, 0.5f, 1));
  g.op(BuiltinOp::kExpandDims, {x, a}, {y}, no_options());
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-1, 0, 1}));
}

TEST(ExpandDims, Rejections) {
  {
    GraphBuilder g;  // axis beyond rank + 1 positions
    EXPECT_EQ(run_float(3, {2, 3, 1}, g), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output does not have the unit axis where the axis says
    EXPECT_EQ(run_float(0, {2, 1, 3}, g), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("dimension 0 of size 2, expected 1"), std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // axis computed at run time
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kExpandDims, {x, a}, {y}, no_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // strings have no fixed element size
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kString, {2}), {});
    const int a =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kString, {1, 2}));
    g.op(BuiltinOp::kExpandDims, {x, a}, {y}, no_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("string"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int64 axis
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int a =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({0}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kExpandDims, {x, a}, {y}, no_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("axis"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing

namespace mote::testing {
namespace {

TEST(ExpandDims, AnyFixedSizeTypeIsCopied) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt16, {2}),
                        tools::to_bytes<int16_t>({-300, 7}));
  const int axis =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), tools::to_bytes<int32_t>({0}));
  const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt16, {1, 2}));
  g.op(schema::BuiltinOp::kExpandDims, {x, axis}, {y});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{-300, 7}));
}

}  // namespace
}  // namespace mote::testing
