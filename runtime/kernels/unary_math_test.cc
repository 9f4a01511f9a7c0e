// The elementwise unary math ops (ABS, CEIL, COS, EXP, FLOOR, LOG, NEG, ROUND, RSQRT, SIN, SQRT,
// SQUARE): float values checked by hand or against the same <cmath> call TFLM makes, NaN and
// infinities, TFLM's round-half-to-even test vector, and the quantized ABS / RSQRT paths with
// values chosen so that the exact real result is far from a rounding boundary (any correct
// fixed-point evaluation gives the same integer), plus Prepare's rejections.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

constexpr float kInf = std::numeric_limits<float>::infinity();
const float kNan = std::numeric_limits<float>::quiet_NaN();

template <typename T>
std::vector<T> run_unary(BuiltinOp op, const TensorDef& in_def, const std::vector<T>& input,
                         const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(op, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

std::vector<float> run_f32(BuiltinOp op, const std::vector<float>& input) {
  const int32_t n = static_cast<int32_t>(input.size());
  return run_unary<float>(op, GraphBuilder::tensor_f32({1, n}), input,
                          GraphBuilder::tensor_f32({1, n}));
}

// Bitwise equality, so that -0.0 and NaN are checked too.
void expect_same_bits(const std::vector<float>& actual, const std::vector<float>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < actual.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(actual[i])) << "element " << i;
    } else {
      EXPECT_EQ(std::signbit(actual[i]), std::signbit(expected[i])) << "element " << i;
      EXPECT_EQ(actual[i], expected[i]) << "element " << i;
    }
  }
}

// Applies the float overload of a <cmath> function to every value: the expected values of the
// transcendental ops are what TFLM's `float f(float)` call returns on this libm.
template <typename F>
std::vector<float> map(const std::vector<float>& input, F f) {
  std::vector<float> out;
  for (float x : input) out.push_back(f(x));
  return out;
}

TEST(Abs, Float32) {
  expect_same_bits(run_f32(BuiltinOp::kAbs, {-1.5f, 0.0f, 2.0f, -0.0f, -kInf, kNan}),
                   {1.5f, 0.0f, 2.0f, 0.0f, kInf, kNan});
}

TEST(Abs, Int8SameScale) {
  // Equal scales: no multiplier, |x - zp_in| + zp_out, saturated. |-128| = 128 saturates.
  EXPECT_EQ(run_unary<int8_t>(BuiltinOp::kAbs, GraphBuilder::tensor_s8({5}, 0.5f, 0),
                              {-128, -5, 0, 7, 127}, GraphBuilder::tensor_s8({5}, 0.5f, 0)),
            (std::vector<int8_t>{127, 5, 0, 7, 127}));
  // Zero points 10 in, -20 out: 10 -> 0 -> -20, 0 -> 10 -> -10, 127 -> 117 -> 97,
  // -128 -> 138 -> 118.
  EXPECT_EQ(run_unary<int8_t>(BuiltinOp::kAbs, GraphBuilder::tensor_s8({4}, 1.0f, 10),
                              {10, 0, 127, -128}, GraphBuilder::tensor_s8({4}, 1.0f, -20)),
            (std::vector<int8_t>{-20, -10, 97, 118}));
}

TEST(Abs, Int8Rescales) {
  // in 1.0 / out 2.0: multiplier exactly 0.5 (2^30, shift 0); the doubling high multiply rounds
  // ties up: 7 -> 3.5 -> 4, 5 -> 2.5 -> 3, 6 -> 3.
  EXPECT_EQ(run_unary<int8_t>(BuiltinOp::kAbs, GraphBuilder::tensor_s8({4}, 1.0f, 0),
                              {-7, 6, -5, 0}, GraphBuilder::tensor_s8({4}, 2.0f, 0)),
            (std::vector<int8_t>{4, 3, 3, 0}));
}

TEST(Abs, Int16) {
  // Quantized, equal scales: |-32768| saturates to 32767.
  EXPECT_EQ(run_unary<int16_t>(BuiltinOp::kAbs, GraphBuilder::tensor_s16({3}, 1.0f / 1024),
                               {-32768, -100, 300}, GraphBuilder::tensor_s16({3}, 1.0f / 1024)),
            (std::vector<int16_t>{32767, 100, 300}));
  // in 1 / out 4: multiplier 0.25 = 2^30 with shift -1, two roundings: 10 -> 5 (5.5 truncated
  // by the high multiply's nudge arithmetic) -> 3 (2.5 away from zero); 4 -> 2 -> 1.
  EXPECT_EQ(run_unary<int16_t>(BuiltinOp::kAbs, GraphBuilder::tensor_s16({2}, 1.0f), {-10, 4},
                               GraphBuilder::tensor_s16({2}, 4.0f)),
            (std::vector<int16_t>{3, 1}));
  // Without quantization TFLM takes the plain path, where |-32768| wraps to -32768.
  EXPECT_EQ(run_unary<int16_t>(BuiltinOp::kAbs, GraphBuilder::tensor_of(TensorType::kInt16, {3}),
                               {-32768, -5, 7}, GraphBuilder::tensor_of(TensorType::kInt16, {3})),
            (std::vector<int16_t>{-32768, 5, 7}));
}

TEST(Ceil, Float32) {
  // TFLM ceil_test's values, plus signed zero and the non-finite ones.
  expect_same_bits(run_f32(BuiltinOp::kCeil, {-2.0f, -1.5f, -0.5f, 0.5f, 1.5f, 2.0f, kInf, kNan}),
                   {-2.0f, -1.0f, -0.0f, 1.0f, 2.0f, 2.0f, kInf, kNan});
}

TEST(Floor, Float32) {
  expect_same_bits(run_f32(BuiltinOp::kFloor, {-2.0f, -1.5f, -0.5f, 0.5f, 1.5f, -0.0f, -kInf}),
                   {-2.0f, -2.0f, -1.0f, 0.0f, 1.0f, -0.0f, -kInf});
}

TEST(Round, HalvesToEven) {
  // TFLM round_test (banker's rounding, like tf.round). -0.5 gives +0.0, not -0.0: TFLite
  // computes floor(-0.5) + 1.
  expect_same_bits(run_f32(BuiltinOp::kRound, {-3.5f, -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 3.5f}),
                   {-4.0f, -2.0f, -2.0f, 0.0f, 0.0f, 2.0f, 2.0f, 4.0f});
  // -0.2 rounds down to floor(-0.2) + 1 = +0.0 as well; -0.0 itself stays -0.0.
  expect_same_bits(run_f32(BuiltinOp::kRound, {-0.2f, -0.0f}), {0.0f, -0.0f});
  // Not halves: nearest. Large values are already integers; non-finite values pass through.
  expect_same_bits(
      run_f32(BuiltinOp::kRound, {0.49999997f, 2.6f, -2.4f, 8388609.0f, 1e30f, kInf, -kInf, kNan}),
      {0.0f, 3.0f, -2.0f, 8388609.0f, 1e30f, kInf, -kInf, kNan});
}

TEST(Neg, Float32) {
  expect_same_bits(run_f32(BuiltinOp::kNeg, {1.0f, -2.0f, 0.0f, kInf, kNan}),
                   {-1.0f, 2.0f, -0.0f, -kInf, kNan});
}

TEST(Square, Float32) {
  expect_same_bits(run_f32(BuiltinOp::kSquare, {3.0f, -2.0f, 0.5f, -kInf, 1e20f}),
                   {9.0f, 4.0f, 0.25f, kInf, kInf});
}

TEST(Sqrt, Float32) {
  // TFLM elementwise_test: {0, 1, 2, 4} -> {0, 1, 1.41421, 2}; negative input -> NaN.
  expect_same_bits(run_f32(BuiltinOp::kSqrt, {0.0f, 1.0f, 2.0f, 4.0f, -1.0f, kInf}),
                   {0.0f, 1.0f, std::sqrt(2.0f), 2.0f, kNan, kInf});
}

TEST(Rsqrt, Float32) {
  // TFLM elementwise_test: {1, 2, 4, 9} -> {1, 0.7071, 0.5, 0.33333}; 1 / sqrt(0) = +inf.
  expect_same_bits(run_f32(BuiltinOp::kRsqrt, {1.0f, 2.0f, 4.0f, 9.0f, 0.0f, -1.0f}),
                   {1.0f, 1.0f / std::sqrt(2.0f), 0.5f, 1.0f / 3.0f, kInf, kNan});
}

TEST(Rsqrt, Int8) {
  // Input scale 1, zero point -128 (so v = x + 128); output scale 1/64, zero point -128: the real
  // result is 64 / sqrt(v) - 128. v = 1, 2, 4, 9, 16, 100 give 64, 45.25, 32, 21.33, 16, 6.4
  // (all far from a rounding boundary). v = 0 gives 127, TFLM's "largest value", without the
  // zero point.
  EXPECT_EQ(run_unary<int8_t>(BuiltinOp::kRsqrt, GraphBuilder::tensor_s8({7}, 1.0f, -128),
                              {-127, -126, -124, -119, -112, -28, -128},
                              GraphBuilder::tensor_s8({7}, 1.0f / 64, -128)),
            (std::vector<int8_t>{-64, -83, -96, -107, -112, -122, 127}));
}

TEST(Rsqrt, Int8TflmVector) {
  // TFLM elementwise_test RsqrtInt8 (via TFLite's test of the same name): reals
  // {15, 46, 78, 142, 1, 17, 49, 113} at scale 142/255, zero point -128; outputs at scale 1/255,
  // zero point -128 must be 1/sqrt(x) within one step.
  const float in_scale = 142.0f / 255.0f;
  const float out_scale = 1.0f / 255.0f;
  const std::vector<float> reals = {15, 46, 78, 142, 1, 17, 49, 113};
  std::vector<int8_t> input;
  for (float r : reals) input.push_back(static_cast<int8_t>(std::round(r / in_scale) - 128));
  const auto out =
      run_unary<int8_t>(BuiltinOp::kRsqrt, GraphBuilder::tensor_s8({8}, in_scale, -128), input,
                        GraphBuilder::tensor_s8({8}, out_scale, -128));
  ASSERT_EQ(out.size(), reals.size());
  for (size_t i = 0; i < reals.size(); ++i) {
    const float dequantized = (input[i] + 128) * in_scale;
    EXPECT_NEAR((out[i] + 128) * out_scale, 1.0f / std::sqrt(dequantized), out_scale) << i;
  }
}

TEST(Rsqrt, Int8NegativeInputFailsEval) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({3}, 1.0f, 0), to_bytes<int8_t>({4, -1, 9}));
  const int y = g.output(GraphBuilder::tensor_s8({3}, 1.0f / 64, 0));
  g.op(BuiltinOp::kRsqrt, {x}, {y});
  EXPECT_EQ(g.run(), Status::kEvalFailed);
  EXPECT_NE(g.messages().find("only defined for positive values"), std::string::npos)
      << g.messages();
}

TEST(Exp, Float32) {
  const std::vector<float> in = {0.0f, 1.0f, -1.0f, 10.5f, -87.0f, 89.0f, -kInf, kNan};
  const auto out = run_f32(BuiltinOp::kExp, in);
  expect_same_bits(out, map(in, [](float x) { return std::exp(x); }));
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_EQ(out[5], kInf);  // overflows float
  EXPECT_EQ(out[6], 0.0f);
}

TEST(Log, Float32) {
  const std::vector<float> in = {1.0f, 2.718281828f, 0.5f, 0.0f, -1.0f, kInf};
  const auto out = run_f32(BuiltinOp::kLog, in);
  expect_same_bits(out, map(in, [](float x) { return std::log(x); }));
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_EQ(out[3], -kInf);
  EXPECT_TRUE(std::isnan(out[4]));
}

TEST(Sin, Float32) {
  const std::vector<float> in = {0.0f, 1.0f, -2.0f, 3.14159265f, 100.0f, kInf};
  const auto out = run_f32(BuiltinOp::kSin, in);
  expect_same_bits(out, map(in, [](float x) { return std::sin(x); }));
  EXPECT_EQ(out[0], 0.0f);
  EXPECT_TRUE(std::isnan(out[5]));
}

TEST(Cos, Float32) {
  const std::vector<float> in = {0.0f, 1.0f, -2.0f, 3.14159265f, 100.0f};
  const auto out = run_f32(BuiltinOp::kCos, in);
  expect_same_bits(out, map(in, [](float x) { return std::cos(x); }));
  EXPECT_EQ(out[0], 1.0f);
}

TEST(UnaryMath, AnyRankAndEmpty) {
  EXPECT_EQ(run_unary<float>(BuiltinOp::kSquare, GraphBuilder::tensor_f32({}), {3.0f},
                             GraphBuilder::tensor_f32({})),
            (std::vector<float>{9.0f}));
  EXPECT_EQ(run_unary<float>(BuiltinOp::kNeg, GraphBuilder::tensor_f32({1, 2, 1, 2, 1, 1}),
                             {1, 2, 3, 4}, GraphBuilder::tensor_f32({1, 2, 1, 2, 1, 1})),
            (std::vector<float>{-1, -2, -3, -4}));
  EXPECT_TRUE(run_unary<float>(BuiltinOp::kSqrt, GraphBuilder::tensor_f32({2, 0}), {},
                               GraphBuilder::tensor_f32({2, 0}))
                  .empty());
}

struct Rejection {
  BuiltinOp op;
  TensorDef input;
  TensorDef output;
  Status status;
  const char* message;
};

TEST(UnaryMath, RejectsBadModels) {
  const std::vector<Rejection> cases = {
      {BuiltinOp::kSin, GraphBuilder::tensor_s8({2}, 1.0f, 0),
       GraphBuilder::tensor_s8({2}, 1.0f, 0), Status::kUnsupported, "int8"},
      {BuiltinOp::kNeg, GraphBuilder::tensor_of(TensorType::kInt32, {2}),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}), Status::kUnsupported, "int32"},
      {BuiltinOp::kRsqrt, GraphBuilder::tensor_s16({2}, 1.0f), GraphBuilder::tensor_s16({2}, 1.0f),
       Status::kUnsupported, "int16"},
      {BuiltinOp::kAbs, GraphBuilder::tensor_of(TensorType::kUInt8, {2}),
       GraphBuilder::tensor_of(TensorType::kUInt8, {2}), Status::kUnsupported, "uint8"},
      {BuiltinOp::kExp, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({3}),
       Status::kInvalidModel, "dimension 0 of size 3"},
      {BuiltinOp::kLog, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_s8({2}, 1.0f, 0),
       Status::kUnsupported, "type"},
      {BuiltinOp::kAbs, GraphBuilder::tensor_of(TensorType::kInt8, {2}),
       GraphBuilder::tensor_of(TensorType::kInt8, {2}), Status::kInvalidModel,
       "no quantization parameters"},
      {BuiltinOp::kAbs, GraphBuilder::tensor_q(TensorType::kInt16, {2}, 1.0f, 3),
       GraphBuilder::tensor_s16({2}, 1.0f), Status::kInvalidModel, "expected 0"},
      {BuiltinOp::kRsqrt, GraphBuilder::tensor_s8({2}, 1.0f, 0),
       GraphBuilder::tensor_of(TensorType::kInt8, {2}), Status::kInvalidModel,
       "no quantization parameters"},
  };
  for (const Rejection& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.input, {});
    const int y = g.output(c.output);
    g.op(c.op, {x}, {y});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
