// ARG_MIN: hand-checked cases for every input and output type (the shapes of TFLM's
// arg_min_max_test.cc GetMinArg* tests), ties and NaN, a computed axis, and rejections. ARG_MIN
// shares Prepare and Eval with ARG_MAX (kernels/arg_min_max.h), whose tests cover the rest.
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
  return {schema::Options::kArgMin, {OptionField::int8(0, static_cast<int8_t>(type))}};
}

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T>
std::vector<int64_t> run_arg_min(std::vector<int32_t> in_shape, const std::vector<T>& input,
                                 int32_t axis, std::vector<int32_t> out_shape,
                                 TensorType index_type = TensorType::kInt32) {
  GraphBuilder g;
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({axis}));
  const int y = g.output(GraphBuilder::tensor_of(index_type, std::move(out_shape)));
  g.op(BuiltinOp::kArgMin, {x, a}, {y}, output_type(index_type));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  if (index_type == TensorType::kInt64) return g.output_values<int64_t>(0);
  std::vector<int64_t> out;
  for (int32_t v : g.output_values<int32_t>(0)) out.push_back(v);
  return out;
}

TEST(ArgMin, EveryType) {
  EXPECT_EQ(run_arg_min<float>({1, 1, 1, 4}, {0.1f, 0.9f, 0.7f, 0.3f}, 3, {1, 1, 1}),
            (std::vector<int64_t>{0}));
  EXPECT_EQ(run_arg_min<int8_t>({1, 1, 2, 4}, {1, 9, 7, 3, 1, 2, -3, 4}, 3, {1, 1, 2}),
            (std::vector<int64_t>{0, 2}));
  EXPECT_EQ(run_arg_min<int16_t>({2, 3}, {-300, -200, -100, 5, 500, 50}, -1, {2}),
            (std::vector<int64_t>{0, 0}));
  EXPECT_EQ(run_arg_min<int32_t>({3}, {7, -(1 << 30), 1 << 30}, 0, {}, TensorType::kInt64),
            (std::vector<int64_t>{1}));
  // Axis 0 of [2, 3]: per column, the row with the smaller value.
  EXPECT_EQ(run_arg_min<float>({2, 3}, {1, 5, 3, 4, 2, 3}, 0, {3}),
            (std::vector<int64_t>{0, 1, 0}));
}

TEST(ArgMin, TiesAndNanKeepTheFirst) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // `<` never takes a NaN and never replaces a leading one.
  EXPECT_EQ(run_arg_min<float>({3, 3}, {2, 1, 1, nan, 0, -1, 5, nan, 4}, 1, {3}),
            (std::vector<int64_t>{1, 0, 2}));
}

TEST(ArgMin, ComputedAxisAndRejections) {
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 4, 3}));
    const int a =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({-1}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kArgMin, {x, a}, {y}, output_type(TensorType::kInt32));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{0, 1}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 4, 3}));
    const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({2}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kArgMin, {x, a}, {y}, output_type(TensorType::kInt32));
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2, 3}), std::vector<uint8_t>(24));
    const int a =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {3}));
    g.op(BuiltinOp::kArgMin, {x, a}, {y}, output_type(TensorType::kInt32));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("ARG_MIN"), std::string::npos) << g.messages();
    EXPECT_NE(g.messages().find("without axis 1"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
