// SUM: TFLM's reduce_test.cc float vectors, hand-checked int8/int16 requantization, and Prepare's
// rejections (the validation is shared with MEAN, tested there in full).
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef keep_dims(bool keep) {
  return {schema::Options::kReducer,
          {OptionField::boolean(schema::reducer_options::kKeepDims, keep)}};
}

tools::TensorDef q(TensorType type, std::vector<int32_t> shape, float scale, int64_t zero_point) {
  return GraphBuilder::tensor_q(type, std::move(shape), scale, zero_point);
}

template <typename T>
std::vector<T> run_sum(tools::TensorDef in, const std::vector<T>& input,
                       const std::vector<int32_t>& axes, tools::TensorDef out, bool keep) {
  GraphBuilder g;
  const int x = g.input(std::move(in), to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(axes.size())}),
                 to_bytes<int32_t>(axes));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kSum, {x, a}, {y}, keep_dims(keep));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

// Float vectors from TFLM tensorflow/lite/micro/kernels/reduce_test.cc (kGoldenDataSum*).
TEST(Sum, TflmFloatVectors) {
  const std::vector<float> in8 = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(run_sum<float>(GraphBuilder::tensor_f32({2, 4}), in8, {1},
                           GraphBuilder::tensor_f32({2, 1}), true),
            (std::vector<float>{10, 26}));
  EXPECT_EQ(run_sum<float>(GraphBuilder::tensor_f32({2, 2, 2}), in8, {1, 2},
                           GraphBuilder::tensor_f32({2}), false),
            (std::vector<float>{10, 26}));
  std::vector<float> in24(24);
  for (int i = 0; i < 24; ++i) in24[i] = static_cast<float>(i + 1);
  EXPECT_EQ(run_sum<float>(GraphBuilder::tensor_f32({2, 2, 3, 2}), in24, {1, 2},
                           GraphBuilder::tensor_f32({2, 1, 1, 2}), true),
            (std::vector<float>{36, 42, 108, 114}));
}

TEST(Sum, FloatOverAxisZero) {
  // [3, 2] over axis 0: column sums.
  EXPECT_EQ(run_sum<float>(GraphBuilder::tensor_f32({3, 2}), {1, 10, 2, 20, 3, 30}, {0},
                           GraphBuilder::tensor_f32({2}), false),
            (std::vector<float>{6, 60}));
}

TEST(Sum, Int8Requantizes) {
  // input scale 0.5 / output scale 1: multiplier 0.5 = (2^30, shift 0); no count folding for SUM.
  // q {3, 4, 5, 7} with zero point 2: 19 - 2 * 4 = 11, (11 * 2^30 + 2^30) / 2^31 = 6, plus the
  // output zero point -3 = 3.
  EXPECT_EQ(run_sum<int8_t>(q(TensorType::kInt8, {1, 4}, 0.5f, 2), {3, 4, 5, 7}, {1},
                            q(TensorType::kInt8, {1}, 1.0f, -3), false),
            (std::vector<int8_t>{3}));
  // Same scale and zero point still requantizes (TFLM has no shortcut for SUM), and saturates.
  EXPECT_EQ(run_sum<int8_t>(q(TensorType::kInt8, {2, 3}, 1.0f, 0), {100, 20, 30, -100, -20, -30},
                            {1}, q(TensorType::kInt8, {2, 1}, 1.0f, 0), true),
            (std::vector<int8_t>{127, -128}));
}

TEST(Sum, Int16Requantizes) {
  // input scale 1 / output scale 4: multiplier 0.25 = (2^30, shift -1). Sum 1002:
  // (1002 * 2^30 + 2^30) / 2^31 = 501, then rounding_divide_by_pot(501, 1) = 251 (ties away).
  EXPECT_EQ(run_sum<int16_t>(q(TensorType::kInt16, {2, 2}, 1.0f, 0), {1000, 2, -1000, -2}, {1},
                             q(TensorType::kInt16, {2}, 4.0f, 0), false),
            (std::vector<int16_t>{251, -251}));
}

TEST(Sum, RejectsInvalidNodes) {
  GraphBuilder g;  // input and output types differ
  const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
  const int y = g.output(q(TensorType::kInt8, {2}, 1.0f, 0));
  g.op(BuiltinOp::kSum, {x, a}, {y}, keep_dims(false));
  EXPECT_EQ(g.prepare(), Status::kUnsupported);
  EXPECT_NE(g.messages().find("SUM"), std::string::npos) << g.messages();
}

}  // namespace
}  // namespace mote::testing
