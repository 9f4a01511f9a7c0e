// CUMSUM: TFLM kernel test vectors (tensorflow/lite/micro/kernels/cumsum_test.cc) for float and
// int8, exact int8 values worked out by hand with TFLM's integer arithmetic (its 2^20 left shift,
// halving input multiplier and initial accumulator of -input_zero_point), computed axes, and
// Prepare's and Eval's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef cumsum_options(bool exclusive, bool reverse) {
  return {schema::Options::kCumsum,
          {OptionField::boolean(0, exclusive), OptionField::boolean(1, reverse)}};
}

template <typename T>
std::vector<T> run_cumsum(tools::TensorDef in_def, const std::vector<T>& input,
                          tools::TensorDef out_def, int32_t axis, bool exclusive = false,
                          bool reverse = false, bool constant_axis = true) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const tools::TensorDef axis_def = GraphBuilder::tensor_of(TensorType::kInt32, {1});
  const int a = constant_axis ? g.constant(axis_def, to_bytes<int32_t>({axis}))
                              : g.input(axis_def, to_bytes<int32_t>({axis}));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kCumsum, {x, a}, {y}, cumsum_options(exclusive, reverse));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

std::vector<float> run_f32(std::vector<int32_t> shape, const std::vector<float>& input,
                           int32_t axis, bool exclusive = false, bool reverse = false) {
  return run_cumsum<float>(GraphBuilder::tensor_f32(shape), input, GraphBuilder::tensor_f32(shape),
                           axis, exclusive, reverse);
}

std::vector<int8_t> run_s8(std::vector<int32_t> shape, const std::vector<int8_t>& input,
                           float in_scale, int32_t in_zp, float out_scale, int32_t out_zp,
                           int32_t axis, bool exclusive = false, bool reverse = false) {
  return run_cumsum<int8_t>(GraphBuilder::tensor_s8(shape, in_scale, in_zp), input,
                            GraphBuilder::tensor_s8(shape, out_scale, out_zp), axis, exclusive,
                            reverse);
}

const std::vector<float> kIn = {1, 2, 3, 4, 5, 6, 7, 8};

TEST(Cumsum, TflmFloatVectors) {
  // SimpleTest, SimpleAxis0Test, Simple1DTest, SimpleReverseTest, SimpleExclusiveTest,
  // SimpleReverseExclusiveTest (axis -1).
  EXPECT_EQ(run_f32({2, 4}, kIn, 1), (std::vector<float>{1, 3, 6, 10, 5, 11, 18, 26}));
  EXPECT_EQ(run_f32({2, 4}, kIn, 0), (std::vector<float>{1, 2, 3, 4, 6, 8, 10, 12}));
  EXPECT_EQ(run_f32({8}, kIn, 0), (std::vector<float>{1, 3, 6, 10, 15, 21, 28, 36}));
  EXPECT_EQ(run_f32({2, 4}, kIn, 1, false, true), (std::vector<float>{10, 9, 7, 4, 26, 21, 15, 8}));
  EXPECT_EQ(run_f32({2, 4}, kIn, 1, true), (std::vector<float>{0, 1, 3, 6, 0, 5, 11, 18}));
  EXPECT_EQ(run_f32({2, 4}, kIn, -1, true, true), (std::vector<float>{9, 7, 4, 0, 21, 15, 8, 0}));
}

TEST(Cumsum, FloatSumsInOrder) {
  // 1e8 + 1 + 1 ... in float: each +1 is lost (spacing 8), so the order of the sum matters.
  EXPECT_EQ(run_f32({3}, {1e8f, 1, 1}, 0), (std::vector<float>{1e8f, 1e8f, 1e8f}));
  EXPECT_EQ(run_f32({3}, {1e8f, 1, 1}, 0, false, true), (std::vector<float>{1e8f, 2, 1}));
}

TEST(Cumsum, Int8) {
  // TFLM's int8 tests, with input and output scale 0.5 and zero point 0: the sums exactly.
  const std::vector<int8_t> in = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(run_s8({2, 4}, in, 0.5f, 0, 0.5f, 0, 1),
            (std::vector<int8_t>{1, 3, 6, 10, 5, 11, 18, 26}));
  EXPECT_EQ(run_s8({2, 4}, in, 0.5f, 0, 0.5f, 0, 0),
            (std::vector<int8_t>{1, 2, 3, 4, 6, 8, 10, 12}));
  EXPECT_EQ(run_s8({2, 4}, in, 0.5f, 0, 0.5f, 0, -1, true, true),
            (std::vector<int8_t>{9, 7, 4, 0, 21, 15, 8, 0}));
  // Output scale twice the input's: halves, rounded half away from zero (2.5 -> 3).
  EXPECT_EQ(run_s8({2, 4}, in, 0.5f, 0, 1.0f, 0, 1),
            (std::vector<int8_t>{1, 2, 3, 5, 3, 6, 9, 13}));
  // Saturation at 127.
  EXPECT_EQ(run_s8({3}, {100, 100, 100}, 0.5f, 0, 0.5f, 0, 0),
            (std::vector<int8_t>{100, 127, 127}));
  // Scales 0.25 -> 0.1, output zero point 5: row 0 sums 0.25, 0.75, 1.5 -> 2.5, 7.5, 15 steps.
  EXPECT_EQ(run_s8({2, 3}, {1, 2, 3, 4, 5, 6}, 0.25f, 0, 0.1f, 5, 1),
            (std::vector<int8_t>{8, 13, 20, 15, 28, 43}));
  // Input zero point 2: TFLM starts the sum at -2 (its scaled input offset), so every output
  // holds one extra -2: inputs {4, 6, 8} (real 1, 2, 3) give 2 - 2, 6 - 2, 12 - 2, plus the
  // output zero point -1.
  EXPECT_EQ(run_s8({3}, {4, 6, 8}, 0.5f, 2, 0.5f, -1, 0), (std::vector<int8_t>{-1, 3, 9}));
  EXPECT_EQ(run_s8({3}, {4, 6, 8}, 0.5f, 2, 0.5f, -1, 0, true), (std::vector<int8_t>{-3, -1, 3}));
}

TEST(Cumsum, ComputedAxisIsCheckedInEval) {
  const std::vector<float> in = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(run_cumsum<float>(GraphBuilder::tensor_f32({2, 3}), in,
                              GraphBuilder::tensor_f32({2, 3}), 0, false, false, false),
            (std::vector<float>{1, 2, 3, 5, 7, 9}));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>(in));
  const int a = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({2}));
  const int y = g.output(GraphBuilder::tensor_f32({2, 3}));
  g.op(BuiltinOp::kCumsum, {x, a}, {y}, cumsum_options(false, false));
  EXPECT_EQ(g.run(), Status::kEvalFailed);
  EXPECT_NE(g.messages().find("axis 2 is out of range"), std::string::npos) << g.messages();
}

Status prepare(tools::TensorDef in, std::vector<int32_t> axis, tools::TensorDef out,
               std::string* messages, TensorType axis_type = TensorType::kInt32) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in.shape) count *= static_cast<size_t>(d);
  const size_t bytes = type_size(in.type) * count;
  const int x = g.input(in, std::vector<uint8_t>(bytes));
  std::vector<uint8_t> axis_bytes = to_bytes<int32_t>(axis);
  if (axis_type == TensorType::kInt64) axis_bytes.resize(2 * axis_bytes.size());
  const int a = g.constant(GraphBuilder::tensor_of(axis_type, {static_cast<int32_t>(axis.size())}),
                           axis_bytes);
  const int y = g.output(out);
  g.op(BuiltinOp::kCumsum, {x, a}, {y}, cumsum_options(false, false));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(Cumsum, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({2, 3}), {-3}, GraphBuilder::tensor_f32({2, 3}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("axis -3 is out of range"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({2, 3}), {0, 1}, GraphBuilder::tensor_f32({2, 3}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("one value"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({}), {0}, GraphBuilder::tensor_f32({}), &m),
            Status::kInvalidModel);
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({2, 3}), {0}, GraphBuilder::tensor_f32({3, 2}), &m),
            Status::kInvalidModel);
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({2}), {0}, GraphBuilder::tensor_f32({2}), &m,
                    TensorType::kInt64),
            Status::kUnsupported);
  EXPECT_EQ(
      prepare(GraphBuilder::tensor_s16({2}, 1.0f), {0}, GraphBuilder::tensor_s16({2}, 1.0f), &m),
      Status::kUnsupported);
  // An output scale 2^19 times finer than the input's needs a multiplier >= 1, which TFLM's
  // QuantizeMultiplierSmallerThanOneExp refuses.
  EXPECT_EQ(prepare(GraphBuilder::tensor_s8({2}, 1.0f, 0), {0},
                    GraphBuilder::tensor_s8({2}, 1.0f / (1 << 20), 0), &m),
            Status::kInvalidModel);
}

}  // namespace
}  // namespace mote::testing
