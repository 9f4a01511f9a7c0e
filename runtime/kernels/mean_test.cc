// MEAN: TFLM's reduce_test.cc float vectors, hand-checked int8/int16 cases for both of TFLM's
// integer paths, axis handling, and Prepare's rejections.
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

// Runs MEAN with a constant axis tensor; the input/output TensorDefs carry type and quantization.
template <typename T>
std::vector<T> run_mean(tools::TensorDef in, const std::vector<T>& input,
                        const std::vector<int32_t>& axes, tools::TensorDef out, bool keep) {
  GraphBuilder g;
  const int x = g.input(std::move(in), to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(axes.size())}),
                 to_bytes<int32_t>(axes));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kMean, {x, a}, {y}, keep_dims(keep));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

// Float vectors from TFLM tensorflow/lite/micro/kernels/reduce_test.cc (Mean*). TFLM's own test
// writes [1, 2] for the [2, 1] output of the 2D case; Mote accepts that (size-1 dimensions are
// not compared), and the exact shape too.
TEST(Mean, TflmFloatVectors) {
  const std::vector<float> in8 = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 4}), in8, {1},
                            GraphBuilder::tensor_f32({1, 2}), true),
            (std::vector<float>{2.5f, 6.5f}));
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 4}), in8, {1},
                            GraphBuilder::tensor_f32({2, 1}), true),
            (std::vector<float>{2.5f, 6.5f}));
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 2, 2}), in8, {1, 2},
                            GraphBuilder::tensor_f32({2}), false),
            (std::vector<float>{2.5f, 6.5f}));
  std::vector<float> in24(24);
  for (int i = 0; i < 24; ++i) in24[i] = static_cast<float>(i + 1);
  // TFLM's special 4D path (axes {1, 2}, keep_dims) and its general path give the same values.
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 2, 3, 2}), in24, {1, 2},
                            GraphBuilder::tensor_f32({2, 1, 1, 2}), true),
            (std::vector<float>{6, 7, 18, 19}));
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 2, 3, 2}), in24, {2, 1},
                            GraphBuilder::tensor_f32({2, 2}), false),
            (std::vector<float>{6, 7, 18, 19}));
  // MeanFloat4DWithoutKeepDimsWithPrecision: sums 67 and 119 over 6 values.
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 2, 3, 1}),
                            {1, 24, 13, 3, 9, 17, 11, 36, 14, 19, 17, 22}, {1, 2},
                            GraphBuilder::tensor_f32({2, 1}), false),
            (std::vector<float>{67.0f / 6.0f, 119.0f / 6.0f}));
}

TEST(Mean, FloatSumsInInputOrder) {
  // Sequentially 1e8 + 1 == 1e8 in float, minus 1e8 is 0, plus 1 is 1; mean 0.25.
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({1, 4}), {1e8f, 1, -1e8f, 1}, {1},
                            GraphBuilder::tensor_f32({1}), false),
            (std::vector<float>{0.25f}));
}

TEST(Mean, AxesNegativeRepeatedAndNonAdjacent) {
  // [2, 3, 2] over axes {0, 2} (given as {-1, 0, 2}): out[j] = mean of x[i][j][k].
  std::vector<float> in(12);
  for (int i = 0; i < 12; ++i) in[i] = static_cast<float>(i);
  // j = 0: {0, 1, 6, 7} -> 3.5; j = 1: {2, 3, 8, 9} -> 5.5; j = 2: {4, 5, 10, 11} -> 7.5.
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 3, 2}), in, {-1, 0, 2},
                            GraphBuilder::tensor_f32({1, 3, 1}), true),
            (std::vector<float>{3.5f, 5.5f, 7.5f}));
  // Every axis, no keep_dims: a scalar.
  EXPECT_EQ(run_mean<float>(GraphBuilder::tensor_f32({2, 3, 2}), in, {0, 1, 2},
                            GraphBuilder::tensor_f32({}), false),
            (std::vector<float>{5.5f}));
}

TEST(Mean, Int8SameQuantizationTruncates) {
  // Same scale and zero point: TFLM divides the integer sum, truncating toward zero.
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {2, 4}, 0.5f, 0), {1, 2, 3, 5, -1, -2, -3, -5},
                             {1}, q(TensorType::kInt8, {2}, 0.5f, 0), false),
            (std::vector<int8_t>{2, -2}));  // 11 / 4 and -11 / 4 (rounding would give 3, -3)
  // Zero point 3 on both sides: q {4, 5, 6, 8} sums to 23, 23 / 4 = 5.
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {1, 4}, 0.5f, 3), {4, 5, 6, 8}, {1},
                             q(TensorType::kInt8, {1, 1}, 0.5f, 3), true),
            (std::vector<int8_t>{5}));
  EXPECT_EQ(run_mean<int16_t>(q(TensorType::kInt16, {1, 3}, 1.0f, 0), {-1000, -1000, -1001}, {1},
                              q(TensorType::kInt16, {1}, 1.0f, 0), false),
            (std::vector<int16_t>{-1000}));  // -3001 / 3 truncates to -1000
}

TEST(Mean, Int8RequantizesWithFoldedCount) {
  // input scale 0.5 / output scale 0.25: multiplier 2 = (2^30, shift 2). For 4 elements
  // fold_mean_count gives s = 2: (2^30 * 4) / 4 = 2^30 and shift 0, i.e. x * 0.5 with the
  // rounding doubling high multiply (ties toward +infinity).
  //   sum 11:  (11 * 2^30 + 2^30) / 2^31 = 6, plus zero point 1 = 7
  //   sum -11: (-11 * 2^30 + 1 - 2^30) / 2^31 truncates to -5, plus 1 = -4
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {2, 4}, 0.5f, 0), {1, 2, 3, 5, -1, -2, -3, -5},
                             {1}, q(TensorType::kInt8, {2}, 0.25f, 1), false),
            (std::vector<int8_t>{7, -4}));
  // The same over axes {1, 2} of a 4D input with keep_dims: TFLM takes the same path (its
  // integer 4D special case is gone), so the result is the same 7.
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {1, 2, 2, 1}, 0.5f, 0), {1, 2, 3, 5}, {1, 2},
                             q(TensorType::kInt8, {1, 1, 1, 1}, 0.25f, 1), true),
            (std::vector<int8_t>{7}));
  // 3 elements: s = 1, multiplier (2^30 * 2) / 3 = 715827882, shift 1. Sum 4: x << 1 = 8,
  // (8 * 715827882 + 2^30) / 2^31 = 3.
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {1, 3}, 0.5f, 0), {1, 1, 2}, {1},
                             q(TensorType::kInt8, {1}, 0.25f, 0), false),
            (std::vector<int8_t>{3}));
  // Input zero point -2 (q {0, 1, 2, 4} are real {1, 1.5, 2, 3} at scale 0.5): sum 7 minus
  // -2 * 4 = 15, 15 * 0.5 -> (15 * 2^30 + 2^30) / 2^31 = 8. Saturates at the int8 range.
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {1, 4}, 0.5f, -2), {0, 1, 2, 4}, {1},
                             q(TensorType::kInt8, {1}, 0.25f, 0), false),
            (std::vector<int8_t>{8}));
  EXPECT_EQ(run_mean<int8_t>(q(TensorType::kInt8, {1, 2}, 1.0f, 0), {100, 120}, {1},
                             q(TensorType::kInt8, {1}, 0.5f, 0), false),
            (std::vector<int8_t>{127}));  // 110 real is 220 at scale 0.5
}

TEST(Mean, Int16Requantizes) {
  // Same multiplier as above: sum 1100 -> (1100 * 2^30 + 2^30) / 2^31 = 550.
  EXPECT_EQ(run_mean<int16_t>(q(TensorType::kInt16, {1, 4}, 0.5f, 0), {100, 200, 300, 500}, {1},
                              q(TensorType::kInt16, {1}, 0.25f, 0), false),
            (std::vector<int16_t>{550}));
}

Status prepare_mean(tools::TensorDef in, tools::TensorDef axis, std::vector<uint8_t> axis_data,
                    bool axis_constant, tools::TensorDef out, std::string* messages) {
  GraphBuilder g;
  size_t bytes = type_size(in.type);
  for (int32_t d : in.shape) bytes *= static_cast<size_t>(d);
  const int x = g.input(std::move(in), std::vector<uint8_t>(bytes));
  const int a = axis_constant ? g.constant(std::move(axis), std::move(axis_data))
                              : g.input(std::move(axis), std::move(axis_data));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kMean, {x, a}, {y}, keep_dims(false));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(Mean, RejectsInvalidNodes) {
  std::string m;
  const auto axis1 = [] { return GraphBuilder::tensor_of(TensorType::kInt32, {1}); };
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_f32({2, 4}), axis1(), to_bytes<int32_t>({1}), false,
                         GraphBuilder::tensor_f32({2}), &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("not constant"), std::string::npos) << m;
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_f32({2, 4}), axis1(), to_bytes<int32_t>({2}), true,
                         GraphBuilder::tensor_f32({2}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("out of range"), std::string::npos) << m;
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_f32({2, 4}), axis1(), to_bytes<int32_t>({-3}), true,
                         GraphBuilder::tensor_f32({2}), &m),
            Status::kInvalidModel);
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_f32({2, 4}), axis1(), to_bytes<int32_t>({1}), true,
                         GraphBuilder::tensor_f32({4}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("does not hold"), std::string::npos) << m;
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_f32({2, 4}),
                         GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({1}),
                         true, GraphBuilder::tensor_f32({2}), &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("axis"), std::string::npos) << m;
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_of(TensorType::kInt32, {2, 4}), axis1(),
                         to_bytes<int32_t>({1}), true,
                         GraphBuilder::tensor_of(TensorType::kInt32, {2}), &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_mean(q(TensorType::kInt8, {2, 4}, 0.5f, 0), axis1(), to_bytes<int32_t>({1}),
                         true, GraphBuilder::tensor_f32({2}), &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_mean(GraphBuilder::tensor_of(TensorType::kInt8, {2, 4}), axis1(),
                         to_bytes<int32_t>({1}), true, q(TensorType::kInt8, {2}, 0.5f, 0), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("MEAN"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
