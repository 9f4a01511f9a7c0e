// REDUCE_PROD (TFLite's kernel; TFLM has none): TFLite reduce test shapes ([4, 3, 2] of 1..24
// over {1, 0, -3, -3}), exact float products worked out in float32 in TFLite's order, integer
// products that wrap, quantized int8/int16 products worked out by hand with TFLite's per-step
// rescaling, and Prepare's rejections.
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

OptionsDef keep_dims(bool keep) {
  return {schema::Options::kReducer, {OptionField::boolean(0, keep)}};
}

template <typename T>
std::vector<T> run_prod(tools::TensorDef in, const std::vector<T>& input,
                        const std::vector<int32_t>& axes, tools::TensorDef out, bool keep = false) {
  GraphBuilder g;
  const int x = g.input(in, to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(axes.size())}),
                 to_bytes<int32_t>(axes));
  const int y = g.output(out);
  g.op(BuiltinOp::kReduceProd, {x, a}, {y}, keep_dims(keep));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(ReduceProd, Float) {
  std::vector<float> in(24);
  for (int i = 0; i < 24; ++i) in[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  // Odd and even numbers 1..24 multiplied in input order in float32: TFLite's test expects
  // 3.16234143225e11 and 1.9619905536e12 up to rounding; these are the float32 results.
  EXPECT_EQ(run_prod<float>(GraphBuilder::tensor_f32({4, 3, 2}), in, {1, 0, -3, -3},
                            GraphBuilder::tensor_f32({2})),
            (std::vector<float>{316234137600.0f, 1961990553600.0f}));
  EXPECT_EQ(run_prod<float>(GraphBuilder::tensor_f32({2, 3}), {1, 2, 3, -4, 0.5f, 2}, {1},
                            GraphBuilder::tensor_f32({2, 1}), true),
            (std::vector<float>{6, -4}));
  // Reducing every axis, and an empty reduction (1).
  EXPECT_EQ(run_prod<float>(GraphBuilder::tensor_f32({2, 2}), {1, 2, 3, 4}, {0, 1},
                            GraphBuilder::tensor_f32({})),
            (std::vector<float>{24}));
  EXPECT_EQ(
      run_prod<float>(GraphBuilder::tensor_f32({2, 0}), {}, {1}, GraphBuilder::tensor_f32({2})),
      (std::vector<float>{1, 1}));
}

TEST(ReduceProd, IntegersWrap) {
  EXPECT_EQ(
      run_prod<int32_t>(GraphBuilder::tensor_of(TensorType::kInt32, {2, 2}), {65536, 65536, -3, 7},
                        {1}, GraphBuilder::tensor_of(TensorType::kInt32, {2})),
      (std::vector<int32_t>{0, -21}));  // 2^32 wraps to 0
  // 2^62 * 6 = 2^64 + 2^63, which wraps to -2^63.
  EXPECT_EQ(
      run_prod<int64_t>(GraphBuilder::tensor_of(TensorType::kInt64, {2}), {int64_t{1} << 62, 6},
                        {0}, GraphBuilder::tensor_of(TensorType::kInt64, {})),
      (std::vector<int64_t>{std::numeric_limits<int64_t>::min()}));
  // int8 without quantization parameters is a plain product, narrowed: 16 * 16 = 256 -> 0.
  EXPECT_EQ(run_prod<int8_t>(GraphBuilder::tensor_of(TensorType::kInt8, {2, 2}), {16, 16, -3, 5},
                             {1}, GraphBuilder::tensor_of(TensorType::kInt8, {2})),
            (std::vector<int8_t>{0, -15}));
}

TEST(ReduceProd, QuantizedInt8) {
  // Scales 0.5 -> 0.25 over 2 elements: the step multiplier is 0.5 / sqrt(0.25) = 1, so the
  // output is q0 * q1 (real 0.25 * q0 * q1), saturating at 127.
  EXPECT_EQ(run_prod<int8_t>(GraphBuilder::tensor_s8({3, 2}, 0.5f, 0), {2, 3, -4, 5, 10, 20}, {1},
                             GraphBuilder::tensor_s8({3}, 0.25f, 0)),
            (std::vector<int8_t>{6, -20, 127}));
  // Zero points: input 1, output -2, scale 0.5 over 3 elements (multiplier 0.5^(2/3)). Row 0 is
  // real 1 * 1.5 * 2 = 3 -> 6 - 2 = 4; row 1 holds a real 0 -> -2; row 2 is -0.5 * 3 * 3 = -4.5
  // -> -9 - 2 = -11.
  EXPECT_EQ(run_prod<int8_t>(GraphBuilder::tensor_s8({3, 3}, 0.5f, 1), {3, 4, 5, 1, 2, 6, 0, 7, 7},
                             {1}, GraphBuilder::tensor_s8({3}, 0.5f, -2)),
            (std::vector<int8_t>{4, -2, -11}));
}

TEST(ReduceProd, QuantizedInt16) {
  // Scales 0.01 -> 0.1: 10 * -20 = -200 -> -2000, 3 * 3 = 9 -> 90.
  EXPECT_EQ(run_prod<int16_t>(GraphBuilder::tensor_s16({2, 2}, 0.01f), {1000, -2000, 300, 300}, {1},
                              GraphBuilder::tensor_s16({2}, 0.1f)),
            (std::vector<int16_t>{-2000, 90}));
}

TEST(ReduceProd, RejectsInvalidNodes) {
  const auto prepare = [](tools::TensorDef in, tools::TensorDef out, std::string* m) {
    GraphBuilder g;
    size_t count = 1;
    for (int32_t d : in.shape) count *= static_cast<size_t>(d);
    const int x = g.input(in, std::vector<uint8_t>(type_size(in.type) * count));
    const int a =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(out);
    g.op(BuiltinOp::kReduceProd, {x, a}, {y}, keep_dims(false));
    const Status s = g.prepare();
    *m = g.messages();
    return s;
  };
  std::string m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_q(TensorType::kInt16, {2}, 0.5f, 3),
                    GraphBuilder::tensor_s16({}, 0.5f), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("zero point 0"), std::string::npos) << m;
  EXPECT_EQ(
      prepare(GraphBuilder::tensor_s8({0}, 0.5f, 0), GraphBuilder::tensor_s8({}, 0.5f, 0), &m),
      Status::kUnsupported);
  EXPECT_NE(m.find("empty"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_of(TensorType::kBool, {2}),
                    GraphBuilder::tensor_of(TensorType::kBool, {}), &m),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
