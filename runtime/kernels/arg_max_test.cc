// ARG_MAX: hand-checked cases for every input and output type, ties and NaN, constant and
// computed axes, and Prepare's and Eval's rejections.
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef output_type(TensorType type) {
  return {schema::Options::kArgMax,
          {OptionField::int8(schema::arg_max_options::kOutputType, static_cast<int8_t>(type))}};
}

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

// Runs ARG_MAX with a constant int32 axis and returns the int32 or int64 indices as int64.
template <typename T>
std::vector<int64_t> run_arg_max(std::vector<int32_t> in_shape, const std::vector<T>& input,
                                 int32_t axis, std::vector<int32_t> out_shape,
                                 TensorType index_type = TensorType::kInt32) {
  GraphBuilder g;
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  const int y = g.output(GraphBuilder::tensor_of(index_type, std::move(out_shape)));
  g.op(BuiltinOp::kArgMax, {x, a}, {y}, output_type(index_type));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<int64_t> out;
  if (index_type == TensorType::kInt64) return g.output_values<int64_t>(0);
  for (int32_t v : g.output_values<int32_t>(0)) out.push_back(v);
  return out;
}

TEST(ArgMax, LastAxis) {
  // Like TFLM's arg_min_max_test.cc GetMaxArgFloat: [1, 1, 1, 4] -> [1, 1, 1].
  EXPECT_EQ(run_arg_max<float>({1, 1, 1, 4}, {0.1f, 0.9f, 0.7f, 0.3f}, 3, {1, 1, 1}),
            (std::vector<int64_t>{1}));
  EXPECT_EQ(run_arg_max<int8_t>({1, 1, 2, 4}, {1, 9, 7, 3, 1, 2, 3, 4}, 3, {1, 1, 2}),
            (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(run_arg_max<int16_t>({2, 3}, {-300, -200, -100, 5, 500, 50}, -1, {2}),
            (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(run_arg_max<int32_t>({3}, {-7, 1 << 30, -(1 << 30)}, 0, {}), (std::vector<int64_t>{1}));
}

TEST(ArgMax, OuterAndMiddleAxes) {
  // [2, 3, 2]: axis 1 picks, for each (i, k), the j with the largest x[i][j][k].
  const std::vector<float> in = {1, 6, 5, 2, 3, 4,   // i = 0: k=0 -> {1, 5, 3}, k=1 -> {6, 2, 4}
                                 9, 0, 8, 7, 9, 7};  // i = 1: k=0 -> {9, 8, 9}, k=1 -> {0, 7, 7}
  EXPECT_EQ(run_arg_max<float>({2, 3, 2}, in, 1, {2, 2}), (std::vector<int64_t>{1, 0, 0, 1}));
  EXPECT_EQ(run_arg_max<float>({2, 3, 2}, in, 0, {3, 2}), (std::vector<int64_t>{1, 0, 1, 1, 1, 1}));
  EXPECT_EQ(run_arg_max<float>({2, 3, 2}, in, -3, {3, 2}, TensorType::kInt64),
            (std::vector<int64_t>{1, 0, 1, 1, 1, 1}));
}

TEST(ArgMax, TiesAndNanKeepTheFirst) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Equal values: the first index. NaN never replaces a value; a leading NaN is never replaced
  // (TFLM compares with a plain `>`).
  EXPECT_EQ(run_arg_max<float>({4, 3}, {2, 5, 5, nan, 1, 3, 1, nan, 0, nan, nan, nan}, 1, {4}),
            (std::vector<int64_t>{1, 0, 0, 0}));
  EXPECT_EQ(run_arg_max<int8_t>({1, 4}, {-128, -128, -128, -128}, 1, {1}),
            (std::vector<int64_t>{0}));
}

TEST(ArgMax, ComputedAxisIsCheckedInEval) {
  for (int32_t axis : {1, -1}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 4, 3}));
    const int a =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kArgMax, {x, a}, {y}, output_type(TensorType::kInt32));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{1, 0}));
  }
  {
    GraphBuilder g;  // out of range at run time
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 4, 3}));
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({2}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kArgMax, {x, a}, {y}, output_type(TensorType::kInt32));
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis 0 of [2, 3] needs output [3], not [2]
    const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kArgMax, {x, a}, {y}, output_type(TensorType::kInt32));
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find("output shape"), std::string::npos) << g.messages();
  }
}

Status prepare_arg_max(tools::TensorDef in, int32_t axis, tools::TensorDef out,
                       std::string* messages) {
  GraphBuilder g;
  size_t bytes = type_size(in.type);
  for (int32_t d : in.shape) bytes *= static_cast<size_t>(d);
  const int x = g.input(std::move(in), std::vector<uint8_t>(bytes));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kArgMax, {x, a}, {y}, output_type(TensorType::kInt32));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(ArgMax, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_f32({2, 3}), 2,
                            GraphBuilder::tensor_of(TensorType::kInt32, {2}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("out of range"), std::string::npos) << m;
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_f32({2, 3}), 1,
                            GraphBuilder::tensor_of(TensorType::kInt32, {3}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("without axis 1"), std::string::npos) << m;
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_f32({2, 3}), 1,
                            GraphBuilder::tensor_of(TensorType::kInt32, {2, 1}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("rank"), std::string::npos) << m;
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_f32({2, 3}), 1,
                            GraphBuilder::tensor_of(TensorType::kInt16, {2}), &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_q(TensorType::kUInt8, {2, 3}, 1.0f, 0), 1,
                            GraphBuilder::tensor_of(TensorType::kInt32, {2}), &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_arg_max(GraphBuilder::tensor_f32({}), 0,
                            GraphBuilder::tensor_of(TensorType::kInt32, {}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("ARG_MAX"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
