// FILL: hand-checked fills of every type (TFLM's float32, int32, int8 and TFLite's int16,
// int64, bool) with int32 and int64 dims, scalar and empty outputs, and Prepare's rejections.
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

template <typename T, typename Dims = int32_t>
std::vector<T> run_fill(const std::vector<Dims>& dims, T value,
                        TensorType type = TypeOf<T>::value) {
  GraphBuilder g;
  std::vector<int32_t> shape(dims.begin(), dims.end());
  const int d =
      g.constant(GraphBuilder::tensor_of(TypeOf<Dims>::value, {static_cast<int32_t>(dims.size())}),
                 to_bytes<Dims>(dims));
  const int v = g.input(tensor(type, {}), to_bytes<T>({value}));
  const int y = g.output(tensor(type, shape));
  g.op(BuiltinOp::kFill, {d, v}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(Fill, EveryType) {
  EXPECT_EQ(run_fill<float>({2, 2, 2}, 4.0f), std::vector<float>(8, 4.0f));
  EXPECT_EQ((run_fill<int32_t, int64_t>({2, 3}, -7)), std::vector<int32_t>(6, -7));
  EXPECT_EQ(run_fill<int8_t>({3}, -128), std::vector<int8_t>(3, -128));
  EXPECT_EQ(run_fill<int16_t>({1, 2}, 12345), std::vector<int16_t>(2, 12345));
  EXPECT_EQ(run_fill<int64_t>({2}, int64_t{1} << 50), std::vector<int64_t>(2, int64_t{1} << 50));
  EXPECT_EQ(run_fill<uint8_t>({2}, 1, TensorType::kBool), std::vector<uint8_t>(2, 1));
  EXPECT_EQ(run_fill<float>({}, 2.5f), std::vector<float>(1, 2.5f));  // a scalar output
  EXPECT_TRUE(run_fill<float>({2, 0}, 1.0f).empty());
}

TEST(Fill, RejectsInvalidNodes) {
  {
    GraphBuilder g;  // dims disagree with the output shape
    const int d =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({2, 3}));
    const int v = g.input(GraphBuilder::tensor_f32({}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({3, 2}));
    g.op(BuiltinOp::kFill, {d, v}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("dims[0] is 2 but output dimension 0 is 3"), std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // computed dims (TFLM requires them constant too)
    const int d = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({2}));
    const int v = g.input(GraphBuilder::tensor_f32({}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kFill, {d, v}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // value is not a scalar
    const int d =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({2}));
    const int v = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kFill, {d, v}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("scalar"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // value of another type than the output
    const int d =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({2}));
    const int v = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {}), to_bytes<int32_t>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kFill, {d, v}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
