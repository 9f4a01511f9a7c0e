// CONV_2D: TFLM's test vectors, small cases computed by hand, a randomized comparison with a
// direct transcription of TFLite's reference loops, and Prepare's rejections.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstring>

#include "kernels/conv2d_test_util.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using conv_test::contains;
using conv_test::filter_s8;
using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

constexpr int8_t kSame = 0;
constexpr int8_t kValid = 1;

OptionsDef conv_options(int8_t padding, int32_t stride_h, int32_t stride_w, int8_t activation = 0,
                        int32_t dilation_h = 1, int32_t dilation_w = 1) {
  namespace o = schema::conv2d_options;
  return {schema::Options::kConv2D,
          {OptionField::int8(o::kPadding, padding), OptionField::int32(o::kStrideW, stride_w),
           OptionField::int32(o::kStrideH, stride_h), OptionField::int8(o::kActivation, activation),
           OptionField::int32(o::kDilationW, dilation_w),
           OptionField::int32(o::kDilationH, dilation_h)}};
}

// From TFLM conv_test.cc (SimpleTestFloat): VALID, stride 2.
TEST(Conv2D, Float32MatchesTflmSimpleTest) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 2, 4, 1}),
                        to_bytes<float>({1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4, 1, 2, 3, 4}));
  const int w = g.constant(GraphBuilder::tensor_f32({3, 2, 2, 1}),
                           to_bytes<float>({1, 2, 3, 4, -1, 1, -1, 1, -1, -1, 1, 1}));
  const int b = g.constant(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
  const int y = g.output(GraphBuilder::tensor_f32({2, 1, 2, 3}));
  g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, conv_options(kValid, 2, 2));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0),
            (std::vector<float>{18, 2, 5, 18, 2, 5, 17, 4, 3, 37, 4, 3}));
}

// From TFLM conv_test.cc (InputAndFilterSameWidthHeight).
TEST(Conv2D, Float32FilterCoversTheInput) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({2, 2, 4, 1}),
                        to_bytes<float>({1, 1, 1, 1, 2, 2, 2, 2, 1, 2, 3, 4, 1, 2, 3, 4}));
  const int w = g.constant(GraphBuilder::tensor_f32({1, 2, 4, 1}),
                           to_bytes<float>({1, 2, 3, 4, -1, -1, 1, 1}));
  const int b = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({0}));
  const int y = g.output(GraphBuilder::tensor_f32({2, 1, 1, 1}));
  g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, conv_options(kValid, 2, 2));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{10, 34}));
}

// SAME with an odd total padding: TFLite puts the extra row and column after the input.
TEST(Conv2D, SamePaddingPutsOddPaddingAfter) {
  const std::vector<float> image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  {
    GraphBuilder g;  // 2x2 ones, stride 2: total padding 1, all of it bottom/right
    const int x = g.input(GraphBuilder::tensor_f32({1, 3, 3, 1}), to_bytes<float>(image));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 2, 2, 1}), to_bytes<float>({1, 1, 1, 1}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2, 2, 1}));
    g.op(BuiltinOp::kConv2D, {x, w, -1}, {y}, conv_options(kSame, 2, 2));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    // [1 2; 4 5] = 12, [3; 6] = 9, [7 8] = 15, [9] = 9.
    EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{12, 9, 15, 9}));
  }
  {
    GraphBuilder g;  // 3x3 ones, stride 1: one row/column of padding on each side
    const int x = g.input(GraphBuilder::tensor_f32({1, 3, 3, 1}), to_bytes<float>(image));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 3, 3, 1}),
                             to_bytes<float>(std::vector<float>(9, 1.0f)));
    const int y = g.output(GraphBuilder::tensor_f32({1, 3, 3, 1}));
    g.op(BuiltinOp::kConv2D, {x, w}, {y}, conv_options(kSame, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{12, 21, 16, 27, 45, 33, 24, 39, 28}));
  }
}

TEST(Conv2D, Float32GroupedConvolution) {
  GraphBuilder g;  // 4 input channels, filter depth 2: two groups of two output channels
  const int x = g.input(GraphBuilder::tensor_f32({1, 1, 1, 4}), to_bytes<float>({1, 2, 3, 4}));
  const int w = g.constant(GraphBuilder::tensor_f32({4, 1, 1, 2}),
                           to_bytes<float>({1, 1, 2, 0, 1, 1, 0, -1}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 1, 1, 4}));
  g.op(BuiltinOp::kConv2D, {x, w}, {y}, conv_options(kValid, 1, 1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // Group 0 reads {1, 2}: 1 + 2, 2 * 1. Group 1 reads {3, 4}: 3 + 4, -4.
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{3, 2, 7, -4}));
}

TEST(Conv2D, Float32FusedActivations) {
  const std::vector<float> in = {-3, -0.5f, 0.5f, 8};
  const struct {
    int8_t activation;
    std::vector<float> expected;
  } cases[] = {{0, {-3, -0.5f, 0.5f, 8}},
               {1, {0, 0, 0.5f, 8}},
               {2, {-1, -0.5f, 0.5f, 1}},
               {3, {0, 0, 0.5f, 6}}};
  for (const auto& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({1, 2, 2, 1}), to_bytes<float>(in));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 1, 1, 1}), to_bytes<float>({1}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2, 2, 1}));
    g.op(BuiltinOp::kConv2D, {x, w}, {y}, conv_options(kValid, 1, 1, c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), c.expected) << "activation " << int{c.activation};
  }
}

// TFLM conv_test.cc SimpleTestDilatedQuantizedPerChannel's data (VALID, stride 2, dilation 2 x 3)
// with scales chosen so that quantization is exact: input 0.5 (zero point -1), filter per
// channel {1, 0.5, 0.25}, output 1 (zero point 5). The expected values are TFLM's float golden
// values plus the output zero point. TFLM's test declares 2 output rows; TFLite's VALID formula
// gives 1 (TFLM never checks the output shape), so only the first row is kept.
TEST(Conv2D, Int8PerChannelDilatedMatchesTflm) {
  const std::vector<float> input = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3,
                                    3, 3, 4, 4, 4, 4, 4, 4, 1, 2, 3, 4, 5, 6, 2, 6,
                                    2, 4, 4, 2, 3, 2, 6, 5, 1, 4, 1, 2, 1, 4, 6, 3};
  std::vector<int8_t> input_q;
  for (float v : input) input_q.push_back(static_cast<int8_t>(2 * v - 1));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({2, 4, 6, 1}, 0.5f, -1), to_bytes(input_q));
  // Filter {1, 2, 3, 4 | -1, 1, -1, 1 | -1, -1, 1, 1} divided by each channel's scale.
  const int w = g.constant(filter_s8({3, 2, 2, 1}, {1.0f, 0.5f, 0.25f}, 0),
                           to_bytes<int8_t>({1, 2, 3, 4, -2, 2, -2, 2, -4, -4, 4, 4}));
  // Bias {1, 2, 3} at scale 0.5 * filter scale.
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {3}), to_bytes<int32_t>({2, 8, 24}));
  const int y = g.output(GraphBuilder::tensor_s8({2, 1, 2, 3}, 1.0f, 5));
  g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, conv_options(kValid, 2, 2, 0, 2, 3));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // TFLM golden {25, 2, 7, 25, 2, 7, 39, 7, 6, 50, 3, 4} + 5.
  EXPECT_EQ(g.output_values<int8_t>(0),
            (std::vector<int8_t>{30, 7, 12, 30, 7, 12, 44, 12, 11, 55, 8, 9}));
}

// Multiplier 0.25 (input 1, filter 1, output 4): TFLite's two roundings send -0.5 to -1 and
// 0.5 to 1, -1.5 to -2, 1.5 to 2; then the zero point 3 and the activation clamp.
TEST(Conv2D, Int8RequantizationRoundsAndClamps) {
  const struct {
    int8_t activation;
    std::vector<int8_t> expected;
  } cases[] = {
      {0, {2, 4, 1, 13}},  // -1, 1, -2, 10 (40 / 4), plus 3
      {1, {3, 4, 3, 13}},  // RELU: at least 3 + round(0 / 4)
      {3, {3, 4, 3, 5}},   // RELU6: at most 3 + round(6 / 4) = 5
      {2, {3, 3, 3, 3}},   // RELU_N1_TO_1: 3 + round(-1 / 4) .. 3 + round(1 / 4)
  };
  for (const auto& c : cases) {
    GraphBuilder g;
    const int x =
        g.input(GraphBuilder::tensor_s8({1, 2, 2, 1}, 1.0f, 0), to_bytes<int8_t>({-2, 2, -6, 40}));
    const int w = g.constant(GraphBuilder::tensor_s8({1, 1, 1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int y = g.output(GraphBuilder::tensor_s8({1, 2, 2, 1}, 4.0f, 3));
    g.op(BuiltinOp::kConv2D, {x, w}, {y}, conv_options(kValid, 1, 1, c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), c.expected) << "activation " << int{c.activation};
  }
}

// TFLM picks the 16x8 accumulator from the bias type: int64 bias -> int64 accumulator and the
// 16-bit-multiplier requantization (one rounding, ties up); int32 bias or none -> int32 and the
// usual two roundings (ties away from zero). With multiplier 0.25, -2 gives 0 and -1.
TEST(Conv2D, Int16BiasTypeSelectsTflmAccumulator) {
  const struct {
    TensorType bias;  // kFloat32 stands for "no bias"
    std::vector<int16_t> expected;
  } cases[] = {
      {TensorType::kInt64, {0, 1, -1, 2}},
      {TensorType::kInt32, {-1, 1, -2, 2}},
      {TensorType::kFloat32, {-1, 1, -2, 2}},
  };
  for (const auto& c : cases) {
    GraphBuilder g;
    const int x =
        g.input(GraphBuilder::tensor_s16({1, 1, 4, 1}, 1.0f), to_bytes<int16_t>({-2, 2, -6, 6}));
    const int w = g.constant(GraphBuilder::tensor_s8({1, 1, 1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
    int b = -1;
    if (c.bias == TensorType::kInt64) {
      b = g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {1}), to_bytes<int64_t>({0}));
    } else if (c.bias == TensorType::kInt32) {
      b = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    }
    const int y = g.output(GraphBuilder::tensor_s16({1, 1, 4, 1}, 4.0f));
    g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, conv_options(kValid, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), c.expected) << type_name(c.bias);
  }
}

// The dilated TFLM case again with int16 activations (input scale 0.5, zero point 0) and both
// bias widths; every product is exact, so both accumulators give TFLM's golden values.
TEST(Conv2D, Int16x8PerChannelDilatedMatchesTflm) {
  const std::vector<int16_t> input = {2, 2, 2, 2, 2, 2, 4,  4,  4, 4, 4, 4, 6,  6,  6,  6,
                                      6, 6, 8, 8, 8, 8, 8,  8,  2, 4, 6, 8, 10, 12, 4,  12,
                                      4, 8, 8, 4, 6, 4, 12, 10, 2, 8, 2, 4, 2,  8,  12, 6};
  for (TensorType bias_type : {TensorType::kInt64, TensorType::kInt32}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({2, 4, 6, 1}, 0.5f), to_bytes(input));
    const int w = g.constant(filter_s8({3, 2, 2, 1}, {1.0f, 0.5f, 0.25f}, 0),
                             to_bytes<int8_t>({1, 2, 3, 4, -2, 2, -2, 2, -4, -4, 4, 4}));
    const int b =
        bias_type == TensorType::kInt64
            ? g.constant(GraphBuilder::tensor_of(bias_type, {3}), to_bytes<int64_t>({2, 8, 24}))
            : g.constant(GraphBuilder::tensor_of(bias_type, {3}), to_bytes<int32_t>({2, 8, 24}));
    const int y = g.output(GraphBuilder::tensor_s16({2, 1, 2, 3}, 1.0f));
    g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, conv_options(kValid, 2, 2, 0, 2, 3));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0),
              (std::vector<int16_t>{25, 2, 7, 25, 2, 7, 39, 7, 6, 50, 3, 4}))
        << type_name(bias_type);
  }
}

// ---------------------------------------------------------------------------------------------
// Randomized comparison with TFLite's reference loops, transcribed directly (bounds test inside
// the innermost loops, group = oc / filters_per_group, one accumulator per output).
// ---------------------------------------------------------------------------------------------

struct RandomConv {
  int32_t n, h, w, groups, filter_depth, out_per_group, kh, kw, sh, sw, dh, dw;
  bool same;
  int8_t activation;
  bool has_bias;
  int32_t depth() const { return groups * filter_depth; }
  int32_t out_depth() const { return groups * out_per_group; }
};

RandomConv random_conv(conv_test::Random& r) {
  RandomConv c{};
  for (;;) {
    c.n = r.uniform(1, 2);
    c.h = r.uniform(1, 7);
    c.w = r.uniform(1, 7);
    c.groups = r.uniform(1, 3);
    c.filter_depth = r.uniform(1, 4);
    c.out_per_group = r.uniform(1, 3);
    c.kh = r.uniform(1, 3);
    c.kw = r.uniform(1, 3);
    c.sh = r.uniform(1, 3);
    c.sw = r.uniform(1, 3);
    c.dh = r.uniform(1, 2);
    c.dw = r.uniform(1, 2);
    c.same = r.coin();
    c.activation = static_cast<int8_t>(r.uniform(0, 3));
    c.has_bias = r.uniform(0, 3) != 0;
    if (conv_test::window_axis(c.same, c.h, c.kh, c.sh, c.dh).out >= 1 &&
        conv_test::window_axis(c.same, c.w, c.kw, c.sw, c.dw).out >= 1) {
      return c;
    }
  }
}

// Calls visit(input_index, filter_index) for every term TFLite accumulates, in TFLite's order,
// and done(oc, output_index) after each output.
template <typename Visit, typename Done>
void tflite_conv_loops(const RandomConv& c, Visit visit, Done done) {
  const conv_test::Axis ay = conv_test::window_axis(c.same, c.h, c.kh, c.sh, c.dh);
  const conv_test::Axis ax = conv_test::window_axis(c.same, c.w, c.kw, c.sw, c.dw);
  const int32_t depth = c.depth(), out_depth = c.out_depth();
  for (int32_t b = 0; b < c.n; ++b) {
    for (int32_t oy = 0; oy < ay.out; ++oy) {
      for (int32_t ox = 0; ox < ax.out; ++ox) {
        for (int32_t oc = 0; oc < out_depth; ++oc) {
          const int32_t group = oc / c.out_per_group;
          for (int32_t fy = 0; fy < c.kh; ++fy) {
            const int32_t iy = oy * c.sh - ay.pad + c.dh * fy;
            for (int32_t fx = 0; fx < c.kw; ++fx) {
              const int32_t ix = ox * c.sw - ax.pad + c.dw * fx;
              if (iy < 0 || iy >= c.h || ix < 0 || ix >= c.w) continue;
              for (int32_t ic = 0; ic < c.filter_depth; ++ic) {
                visit(((b * c.h + iy) * c.w + ix) * depth + group * c.filter_depth + ic,
                      ((oc * c.kh + fy) * c.kw + fx) * c.filter_depth + ic);
              }
            }
          }
          done(oc, ((b * ay.out + oy) * ax.out + ox) * out_depth + oc);
        }
      }
    }
  }
}

std::vector<int32_t> output_shape(const RandomConv& c) {
  return {c.n, conv_test::window_axis(c.same, c.h, c.kh, c.sh, c.dh).out,
          conv_test::window_axis(c.same, c.w, c.kw, c.sw, c.dw).out, c.out_depth()};
}

OptionsDef options_of(const RandomConv& c) {
  return conv_options(c.same ? kSame : kValid, c.sh, c.sw, c.activation, c.dh, c.dw);
}

TEST(Conv2D, Float32MatchesTfliteLoopsOnRandomShapes) {
  conv_test::Random r(2024);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomConv c = random_conv(r);
    const std::vector<int32_t> out_shape = output_shape(c);
    const std::vector<float> input =
        r.reals(static_cast<size_t>(c.n * c.h * c.w * c.depth()), -2.0f, 2.0f);
    const std::vector<float> filter =
        r.reals(static_cast<size_t>(c.out_depth() * c.kh * c.kw * c.filter_depth), -1.0f, 1.0f);
    const std::vector<float> bias = r.reals(static_cast<size_t>(c.out_depth()), -1.0f, 1.0f);

    float lo = -FLT_MAX, hi = FLT_MAX;
    if (c.activation == 1) lo = 0.0f;
    if (c.activation == 2) lo = -1.0f, hi = 1.0f;
    if (c.activation == 3) lo = 0.0f, hi = 6.0f;
    std::vector<float> expected(
        static_cast<size_t>(out_shape[0] * out_shape[1] * out_shape[2] * out_shape[3]));
    float total = 0.0f;
    tflite_conv_loops(
        c, [&](int32_t i, int32_t f) { total += input[i] * filter[f]; },
        [&](int32_t oc, int32_t o) {
          const float v = total + (c.has_bias ? bias[oc] : 0.0f);
          expected[o] = std::min(std::max(v, lo), hi);
          total = 0.0f;
        });

    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({c.n, c.h, c.w, c.depth()}), to_bytes(input));
    const int w = g.constant(GraphBuilder::tensor_f32({c.out_depth(), c.kh, c.kw, c.filter_depth}),
                             to_bytes(filter));
    const int b =
        c.has_bias ? g.constant(GraphBuilder::tensor_f32({c.out_depth()}), to_bytes(bias)) : -1;
    const int y = g.output(GraphBuilder::tensor_f32(out_shape));
    g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    const std::vector<float> got = g.output_values<float>(0);
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_EQ(std::memcmp(got.data(), expected.data(), got.size() * sizeof(float)), 0)
        << "iteration " << iteration;
  }
}

// TFLite's quantized activation clamp: the bounds quantized in float.
void quantized_range(int8_t activation, float scale, int32_t zero_point, int32_t qmin, int32_t qmax,
                     int32_t* lo, int32_t* hi) {
  const auto q = [&](float v) { return zero_point + static_cast<int32_t>(std::round(v / scale)); };
  *lo = qmin;
  *hi = qmax;
  if (activation == 1) *lo = std::max(qmin, q(0.0f));
  if (activation == 2) *lo = std::max(qmin, q(-1.0f)), *hi = std::min(qmax, q(1.0f));
  if (activation == 3) *lo = std::max(qmin, q(0.0f)), *hi = std::min(qmax, q(6.0f));
}

// int8 and both 16x8 variants.
template <typename T, typename Bias>
void check_quantized_random(uint32_t seed) {
  constexpr bool k16 = sizeof(T) == 2;
  constexpr bool kBias64 = sizeof(Bias) == 8;
  conv_test::Random r(seed);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomConv c = random_conv(r);
    const std::vector<int32_t> out_shape = output_shape(c);
    const int32_t qmin = k16 ? -32768 : -128, qmax = k16 ? 32767 : 127;
    const float in_scale = r.real(0.01f, 0.1f), out_scale = r.real(0.02f, 0.5f);
    const int32_t in_zp = k16 ? 0 : r.uniform(-20, 20), out_zp = k16 ? 0 : r.uniform(-20, 20);
    std::vector<float> filter_scales(r.coin() ? static_cast<size_t>(c.out_depth()) : 1);
    for (float& s : filter_scales) s = r.real(0.002f, 0.03f);
    const std::vector<T> input =
        r.ints<T>(static_cast<size_t>(c.n * c.h * c.w * c.depth()), qmin, qmax);
    const std::vector<int8_t> filter = r.ints<int8_t>(
        static_cast<size_t>(c.out_depth() * c.kh * c.kw * c.filter_depth), -127, 127);
    const std::vector<Bias> bias = r.ints<Bias>(static_cast<size_t>(c.out_depth()), -3000, 3000);

    int32_t lo = 0, hi = 0;
    quantized_range(c.activation, out_scale, out_zp, qmin, qmax, &lo, &hi);
    std::vector<T> expected(
        static_cast<size_t>(out_shape[0] * out_shape[1] * out_shape[2] * out_shape[3]));
    int64_t acc = 0;
    tflite_conv_loops(
        c, [&](int32_t i, int32_t f) { acc += int64_t{filter[f]} * (input[i] - in_zp); },
        [&](int32_t oc, int32_t o) {
          if (c.has_bias) acc += bias[oc];
          const conv_test::Requant rq = conv_test::requant(
              in_scale, filter_scales[filter_scales.size() == 1 ? 0 : oc], out_scale);
          int64_t v = 0;
          if (k16 && kBias64 && c.has_bias) {
            v = ref::multiply_by_quantized_multiplier(acc, rq.multiplier, rq.shift);
          } else {
            v = ref::multiply_by_quantized_multiplier(static_cast<int32_t>(acc), rq.multiplier,
                                                      rq.shift);
          }
          expected[o] = conv_test::clamp_cast<T>(v + out_zp, lo, hi);
          acc = 0;
        });

    GraphBuilder g;
    const std::vector<int32_t> in_shape = {c.n, c.h, c.w, c.depth()};
    const int x = g.input(GraphBuilder::tensor_q(k16 ? TensorType::kInt16 : TensorType::kInt8,
                                                 in_shape, in_scale, in_zp),
                          to_bytes(input));
    const int w = g.constant(
        filter_s8({c.out_depth(), c.kh, c.kw, c.filter_depth}, filter_scales, 0), to_bytes(filter));
    const int b =
        c.has_bias
            ? g.constant(GraphBuilder::tensor_of(kBias64 ? TensorType::kInt64 : TensorType::kInt32,
                                                 {c.out_depth()}),
                         to_bytes(bias))
            : -1;
    const int y = g.output(GraphBuilder::tensor_q(k16 ? TensorType::kInt16 : TensorType::kInt8,
                                                  out_shape, out_scale, out_zp));
    g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<T>(0), expected) << "iteration " << iteration;
  }
}

TEST(Conv2D, Int8MatchesTfliteLoopsOnRandomShapes) { check_quantized_random<int8_t, int32_t>(7); }
TEST(Conv2D, Int16x8Bias64MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int16_t, int64_t>(8);
}
TEST(Conv2D, Int16x8Bias32MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int16_t, int32_t>(9);
}

// ---------------------------------------------------------------------------------------------
// Prepare's rejections.
// ---------------------------------------------------------------------------------------------

struct Built {
  Status status;
  std::string messages;
};

// A 1x3x3x2 -> 1x2x2x2 int8 convolution with a 2x2 filter, modified by `edit` before running.
template <typename Edit>
Built run_int8(Edit edit) {
  GraphBuilder g;
  tools::TensorDef in = GraphBuilder::tensor_s8({1, 3, 3, 2}, 0.5f, 0);
  tools::TensorDef filter = filter_s8({2, 2, 2, 2}, {0.25f, 0.5f}, 0);
  tools::TensorDef bias = GraphBuilder::tensor_of(TensorType::kInt32, {2});
  tools::TensorDef out = GraphBuilder::tensor_s8({1, 2, 2, 2}, 1.0f, 0);
  OptionsDef options = conv_options(kValid, 1, 1);
  std::vector<uint8_t> bias_bytes = to_bytes<int32_t>({1, 2});
  edit(in, filter, bias, bias_bytes, out, options);
  const size_t in_bytes =
      static_cast<size_t>(in.shape[0] * in.shape[1] * in.shape[2] * in.shape[3]) *
      type_size(in.type);
  size_t filter_elems = 1;
  for (int32_t d : filter.shape) filter_elems *= static_cast<size_t>(d);
  const int x = g.input(in, std::vector<uint8_t>(in_bytes, 1));
  const int w = g.constant(filter, std::vector<uint8_t>(filter_elems * type_size(filter.type), 1));
  const int b = g.constant(bias, bias_bytes);
  const int y = g.output(out);
  g.op(BuiltinOp::kConv2D, {x, w, b}, {y}, options);
  const Status s = g.prepare();
  return {s, g.messages()};
}

using T = tools::TensorDef;
using O = OptionsDef;
using Bytes = std::vector<uint8_t>;

TEST(Conv2D, BaselineOfRejectionTestsIsValid) {
  const Built b = run_int8([](T&, T&, T&, Bytes&, T&, O&) {});
  EXPECT_EQ(b.status, Status::kOk) << b.messages;
}

TEST(Conv2D, RejectsHybridModels) {
  const Built b = run_int8([](T& in, T&, T&, Bytes&, T& out, O&) {
    in = GraphBuilder::tensor_f32(in.shape);
    out = GraphBuilder::tensor_f32(out.shape);
  });
  EXPECT_EQ(b.status, Status::kUnsupported);
  EXPECT_TRUE(contains(b.messages, "hybrid")) << b.messages;
  EXPECT_TRUE(contains(b.messages, "mote quantize")) << b.messages;
  EXPECT_TRUE(contains(b.messages, "CONV_2D")) << b.messages;
}

TEST(Conv2D, RejectsShapeMismatches) {
  {
    const Built b = run_int8([](T&, T&, T&, Bytes&, T& out, O&) { out.shape = {1, 3, 3, 2}; });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "output is 3x3")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) {
      filter = filter_s8({2, 2, 2, 3}, {0.25f, 0.5f}, 0);  // 2 input channels, filter depth 3
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "not a multiple of the filter depth")) << b.messages;
  }
  {
    const Built b = run_int8([](T& in, T& filter, T& bias, Bytes& bias_bytes, T& out, O&) {
      in.shape = {1, 3, 3, 4};  // 2 groups, but 3 output channels
      filter = filter_s8({3, 2, 2, 2}, {0.25f, 0.5f, 1.0f}, 0);
      bias.shape = {3};
      bias_bytes = to_bytes<int32_t>({1, 2, 3});
      out.shape = {1, 2, 2, 3};
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "groups")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T&, T& bias, Bytes& bias_bytes, T&, O&) {
      bias.shape = {3};
      bias_bytes = to_bytes<int32_t>({1, 2, 3});
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "bias tensor")) << b.messages;
  }
  {
    const Built b = run_int8([](T& in, T&, T&, Bytes&, T&, O&) { in.shape = {1, 3, 3, 2, 1}; });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "rank 5")) << b.messages;
  }
}

TEST(Conv2D, RejectsBadFilterQuantization) {
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) {
      filter.quant.quantized_dimension = 3;  // dimension 3 also has 2 entries
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "quantized along dimension 3")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) {
      filter.quant.zero_points = {0, 3};
    });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "symmetric")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) { filter.quant = {}; });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "no quantization")) << b.messages;
  }
}

TEST(Conv2D, RejectsBadOptionsAndTypes) {
  {
    const Built b =
        run_int8([](T&, T&, T&, Bytes&, T&, O& options) { options = conv_options(kValid, 0, 1); });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "stride")) << b.messages;
  }
  {
    const Built b = run_int8(
        [](T&, T&, T&, Bytes&, T&, O& options) { options = conv_options(kValid, 1, 1, 4); });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "TANH")) << b.messages;
  }
  {
    const Built b =
        run_int8([](T&, T&, T&, Bytes&, T&, O& options) { options = conv_options(7, 1, 1); });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "padding")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T&, T& bias, Bytes& bias_bytes, T&, O&) {
      bias = GraphBuilder::tensor_of(TensorType::kInt64, {2});
      bias_bytes = to_bytes<int64_t>({1, 2});
    });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "bias")) << b.messages;
  }
  {
    const Built b = run_int8(
        [](T&, T&, T&, Bytes&, T& out, O&) { out = GraphBuilder::tensor_s16(out.shape, 1.0f); });
    EXPECT_EQ(b.status, Status::kUnsupported);
  }
  {
    const Built b = run_int8([](T& in, T&, T&, Bytes&, T& out, O&) {
      in = GraphBuilder::tensor_q(TensorType::kInt16, in.shape, 0.5f, 3);  // int16 zero point 3
      out = GraphBuilder::tensor_s16(out.shape, 1.0f);
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "zero point 0")) << b.messages;
  }
}

}  // namespace
}  // namespace mote::testing
