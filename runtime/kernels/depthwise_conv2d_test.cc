// DEPTHWISE_CONV_2D: TFLM's test vectors, small cases computed by hand, a randomized comparison
// with a direct transcription of TFLite's reference loops, and Prepare's rejections.
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

OptionsDef dw_options(int8_t padding, int32_t stride_h, int32_t stride_w, int32_t multiplier,
                      int8_t activation = 0, int32_t dilation_h = 1, int32_t dilation_w = 1) {
  namespace o = schema::depthwise_conv2d_options;
  return {
      schema::Options::kDepthwiseConv2D,
      {OptionField::int8(o::kPadding, padding), OptionField::int32(o::kStrideW, stride_w),
       OptionField::int32(o::kStrideH, stride_h),
       OptionField::int32(o::kDepthMultiplier, multiplier),
       OptionField::int8(o::kActivation, activation), OptionField::int32(o::kDilationW, dilation_w),
       OptionField::int32(o::kDilationH, dilation_h)}};
}

// TFLM depthwise_conv_test.cc SimpleTest / SimpleTestRelu / PerChannelBroadcastQuantization
// Params: 2 input channels, depth multiplier 2, VALID, stride 1.
const std::vector<float> kSimpleInput = {1, 2, 7, 8, 3, 4, 9, 10, 5, 6, 11, 12};
const std::vector<float> kSimpleFilter = {1, 2, 3, 4, -9, 10,  -11, 12,
                                          5, 6, 7, 8, 13, -14, 15,  -16};

TEST(DepthwiseConv2D, Float32MatchesTflmSimpleTest) {
  const struct {
    int8_t activation;
    std::vector<float> expected;
  } cases[] = {{0, {71, -34, 99, -20, 91, -26, 127, -4}}, {1, {71, 0, 99, 0, 91, 0, 127, 0}}};
  for (const auto& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({1, 3, 2, 2}), to_bytes(kSimpleInput));
    const int w = g.constant(GraphBuilder::tensor_f32({1, 2, 2, 4}), to_bytes(kSimpleFilter));
    const int b = g.constant(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2, 1, 4}));
    g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 2, c.activation));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0), c.expected);
  }
}

// Per-tensor scales of 1 make TFLM's quantized test exact: the outputs are its float golden.
TEST(DepthwiseConv2D, Int8PerTensorMatchesTflmBroadcastTest) {
  std::vector<int8_t> input, filter;
  for (float v : kSimpleInput) input.push_back(static_cast<int8_t>(v));
  for (float v : kSimpleFilter) filter.push_back(static_cast<int8_t>(v));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 3, 2, 2}, 1.0f, 0), to_bytes(input));
  const int w = g.constant(GraphBuilder::tensor_s8({1, 2, 2, 4}, 1.0f, 0), to_bytes(filter));
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {4}), to_bytes<int32_t>({1, 2, 3, 4}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 2, 1, 4}, 1.0f, 0));
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 2));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{71, -34, 99, -20, 91, -26, 127, -4}));
}

// TFLM depthwise_conv_test.cc SimpleTestDilatedQuantizedPerChannel (dilation 2 x 3) with exact
// scales: input 0.5, filter per channel {1, 0.5, 1, 0.25}, bias at 0.5 * filter scale, output 1.
const std::vector<float> kDilatedInput = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3,
                                          3, 3, 4, 4, 4, 4, 4, 4, 1, 2, 3, 4, 5, 6, 2, 6,
                                          2, 4, 4, 2, 3, 2, 6, 5, 1, 4, 1, 2, 1, 4, 6, 3};
const std::vector<int8_t> kDilatedFilterQ = {1, 4,  3, 16, -9, 20,  -11, 48,
                                             5, 12, 7, 32, 13, -28, 15,  -64};
const std::vector<float> kDilatedFilterScales = {1.0f, 0.5f, 1.0f, 0.25f};
const std::vector<int32_t> kDilatedGolden = {15, 2,  88, -48, 25, 14, 72, 0,  61, -2,  56, 48,
                                             -4, 52, 12, 48,  11, 70, 63, 40, 51, -30, 41, 48};

TEST(DepthwiseConv2D, Int8PerChannelDilatedMatchesTflm) {
  std::vector<int8_t> input;
  for (float v : kDilatedInput) input.push_back(static_cast<int8_t>(2 * v));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 4, 6, 2}, 0.5f, 0), to_bytes(input));
  const int w =
      g.constant(filter_s8({1, 2, 2, 4}, kDilatedFilterScales, 3), to_bytes(kDilatedFilterQ));
  const int b = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {4}),
                           to_bytes<int32_t>({2, 8, 6, 32}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 2, 3, 4}, 1.0f, -10));
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 2, 0, 2, 3));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<int8_t> expected;
  for (int32_t v : kDilatedGolden) expected.push_back(static_cast<int8_t>(v - 10));
  EXPECT_EQ(g.output_values<int8_t>(0), expected);
}

TEST(DepthwiseConv2D, Int16x8PerChannelDilatedMatchesTflm) {
  std::vector<int16_t> input;
  for (float v : kDilatedInput) input.push_back(static_cast<int16_t>(2 * v));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s16({1, 4, 6, 2}, 0.5f), to_bytes(input));
  const int w =
      g.constant(filter_s8({1, 2, 2, 4}, kDilatedFilterScales, 3), to_bytes(kDilatedFilterQ));
  const int b = g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {4}),
                           to_bytes<int64_t>({2, 8, 6, 32}));
  const int y = g.output(GraphBuilder::tensor_s16({1, 2, 3, 4}, 1.0f));
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 2, 0, 2, 3));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<int16_t> expected(kDilatedGolden.begin(), kDilatedGolden.end());
  EXPECT_EQ(g.output_values<int16_t>(0), expected);
}

// The 16x8 depthwise kernel always uses the int64 accumulator and its single rounding (ties
// toward +infinity): with multiplier 0.25, -2 -> 0, -6 -> -1 (int8 would give -1 and -2).
TEST(DepthwiseConv2D, Int16RequantizesWithTheInt64Path) {
  for (bool with_bias : {false, true}) {
    GraphBuilder g;
    const int x =
        g.input(GraphBuilder::tensor_s16({1, 1, 4, 1}, 1.0f), to_bytes<int16_t>({-2, 2, -6, 6}));
    const int w = g.constant(GraphBuilder::tensor_s8({1, 1, 1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int b = with_bias ? g.constant(GraphBuilder::tensor_of(TensorType::kInt64, {1}),
                                         to_bytes<int64_t>({0}))
                            : -1;
    const int y = g.output(GraphBuilder::tensor_s16({1, 1, 4, 1}, 4.0f));
    g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{0, 1, -1, 2}));
  }
}

// SAME, stride 2, 3x3 filter of ones on a 4x4 single-channel image: out = 2x2, total padding
// (2 - 1) * 2 + 3 - 4 = 1, so nothing before and one row/column after.
TEST(DepthwiseConv2D, SamePaddingStride2) {
  std::vector<float> image(16);
  for (int i = 0; i < 16; ++i) image[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 4, 4, 1}), to_bytes(image));
  const int w =
      g.constant(GraphBuilder::tensor_f32({1, 3, 3, 1}), to_bytes(std::vector<float>(9, 1.0f)));
  const int y = g.output(GraphBuilder::tensor_f32({1, 2, 2, 1}));
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w}, {y}, dw_options(kSame, 2, 2, 1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  // Rows 0-2 x cols 0-2: 1+2+3+5+6+7+9+10+11 = 54; cols 2-3: 3+4+7+8+11+12 = 45;
  // rows 2-3 x cols 0-2: 9+10+11+13+14+15 = 72; rows 2-3 x cols 2-3: 11+12+15+16 = 54.
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{54, 45, 72, 54}));
}

// Old converters leave depth_multiplier at 0: the shapes decide, as in TFLite.
TEST(DepthwiseConv2D, ZeroDepthMultiplierOptionUsesTheShapes) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_f32({1, 3, 2, 2}), to_bytes(kSimpleInput));
  const int w = g.constant(GraphBuilder::tensor_f32({1, 2, 2, 4}), to_bytes(kSimpleFilter));
  const int b = g.constant(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 2, 1, 4}));
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, dw_options(kValid, 1, 1, 0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{71, -34, 99, -20, 91, -26, 127, -4}));
}

// ---------------------------------------------------------------------------------------------
// Randomized comparison with TFLite's reference loops, transcribed directly.
// ---------------------------------------------------------------------------------------------

struct RandomDw {
  int32_t n, h, w, depth, multiplier, kh, kw, sh, sw, dh, dw;
  bool same;
  int8_t activation;
  bool has_bias;
  int32_t out_depth() const { return depth * multiplier; }
  conv_test::Axis ay() const { return conv_test::window_axis(same, h, kh, sh, dh); }
  conv_test::Axis ax() const { return conv_test::window_axis(same, w, kw, sw, dw); }
  std::vector<int32_t> out_shape() const { return {n, ay().out, ax().out, out_depth()}; }
  size_t out_count() const {
    return static_cast<size_t>(n) * static_cast<size_t>(ay().out * ax().out * out_depth());
  }
};

RandomDw random_dw(conv_test::Random& r) {
  RandomDw c{};
  do {
    c.n = r.uniform(1, 2);
    c.h = r.uniform(1, 8);
    c.w = r.uniform(1, 8);
    c.depth = r.uniform(1, 5);
    c.multiplier = r.uniform(1, 3);
    c.kh = r.uniform(1, 3);
    c.kw = r.uniform(1, 3);
    c.sh = r.uniform(1, 3);
    c.sw = r.uniform(1, 3);
    c.dh = r.uniform(1, 2);
    c.dw = r.uniform(1, 2);
    c.same = r.coin();
    c.activation = static_cast<int8_t>(r.uniform(0, 3));
    c.has_bias = r.uniform(0, 3) != 0;
  } while (c.ay().out < 1 || c.ax().out < 1);
  return c;
}

// visit(input_index, filter_index) for every term in TFLite's order; done(oc, output_index).
template <typename Visit, typename Done>
void tflite_depthwise_loops(const RandomDw& c, Visit visit, Done done) {
  const conv_test::Axis ay = c.ay(), ax = c.ax();
  for (int32_t b = 0; b < c.n; ++b) {
    for (int32_t oy = 0; oy < ay.out; ++oy) {
      for (int32_t ox = 0; ox < ax.out; ++ox) {
        for (int32_t ic = 0; ic < c.depth; ++ic) {
          for (int32_t m = 0; m < c.multiplier; ++m) {
            const int32_t oc = m + ic * c.multiplier;
            for (int32_t fy = 0; fy < c.kh; ++fy) {
              for (int32_t fx = 0; fx < c.kw; ++fx) {
                const int32_t ix = ox * c.sw - ax.pad + c.dw * fx;
                const int32_t iy = oy * c.sh - ay.pad + c.dh * fy;
                if (ix >= 0 && ix < c.w && iy >= 0 && iy < c.h) {
                  visit(((b * c.h + iy) * c.w + ix) * c.depth + ic,
                        (fy * c.kw + fx) * c.out_depth() + oc);
                }
              }
            }
            done(oc, ((b * ay.out + oy) * ax.out + ox) * c.out_depth() + oc);
          }
        }
      }
    }
  }
}

OptionsDef options_of(const RandomDw& c) {
  return dw_options(c.same ? kSame : kValid, c.sh, c.sw, c.multiplier, c.activation, c.dh, c.dw);
}

TEST(DepthwiseConv2D, Float32MatchesTfliteLoopsOnRandomShapes) {
  conv_test::Random r(31);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomDw c = random_dw(r);
    const std::vector<float> input =
        r.reals(static_cast<size_t>(c.n * c.h * c.w * c.depth), -2.0f, 2.0f);
    const std::vector<float> filter =
        r.reals(static_cast<size_t>(c.kh * c.kw * c.out_depth()), -1.0f, 1.0f);
    const std::vector<float> bias = r.reals(static_cast<size_t>(c.out_depth()), -1.0f, 1.0f);
    float lo = -FLT_MAX, hi = FLT_MAX;
    if (c.activation == 1) lo = 0.0f;
    if (c.activation == 2) lo = -1.0f, hi = 1.0f;
    if (c.activation == 3) lo = 0.0f, hi = 6.0f;
    std::vector<float> expected(c.out_count());
    float total = 0.0f;
    tflite_depthwise_loops(
        c, [&](int32_t i, int32_t f) { total += input[i] * filter[f]; },
        [&](int32_t oc, int32_t o) {
          expected[o] = std::min(std::max(total + (c.has_bias ? bias[oc] : 0.0f), lo), hi);
          total = 0.0f;
        });

    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({c.n, c.h, c.w, c.depth}), to_bytes(input));
    const int w =
        g.constant(GraphBuilder::tensor_f32({1, c.kh, c.kw, c.out_depth()}), to_bytes(filter));
    const int b =
        c.has_bias ? g.constant(GraphBuilder::tensor_f32({c.out_depth()}), to_bytes(bias)) : -1;
    const int y = g.output(GraphBuilder::tensor_f32(c.out_shape()));
    g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    const std::vector<float> got = g.output_values<float>(0);
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_EQ(std::memcmp(got.data(), expected.data(), got.size() * sizeof(float)), 0)
        << "iteration " << iteration;
  }
}

template <typename T, typename Bias>
void check_quantized_random(uint32_t seed) {
  constexpr bool k16 = sizeof(T) == 2;
  conv_test::Random r(seed);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomDw c = random_dw(r);
    const int32_t qmin = k16 ? -32768 : -128, qmax = k16 ? 32767 : 127;
    const float in_scale = r.real(0.01f, 0.1f), out_scale = r.real(0.01f, 0.1f);
    const int32_t in_zp = k16 ? 0 : r.uniform(-20, 20), out_zp = k16 ? 0 : r.uniform(-20, 20);
    std::vector<float> filter_scales(r.coin() ? static_cast<size_t>(c.out_depth()) : 1);
    for (float& s : filter_scales) s = r.real(0.002f, 0.03f);
    const std::vector<T> input =
        r.ints<T>(static_cast<size_t>(c.n * c.h * c.w * c.depth), qmin, qmax);
    const std::vector<int8_t> filter =
        r.ints<int8_t>(static_cast<size_t>(c.kh * c.kw * c.out_depth()), -127, 127);
    const std::vector<Bias> bias = r.ints<Bias>(static_cast<size_t>(c.out_depth()), -3000, 3000);

    // TFLite's quantized activation clamp (bounds quantized in float).
    const auto q = [&](float v) {
      return out_zp + static_cast<int32_t>(std::round(v / out_scale));
    };
    int32_t lo = qmin, hi = qmax;
    if (c.activation == 1) lo = std::max(qmin, q(0.0f));
    if (c.activation == 2) lo = std::max(qmin, q(-1.0f)), hi = std::min(qmax, q(1.0f));
    if (c.activation == 3) lo = std::max(qmin, q(0.0f)), hi = std::min(qmax, q(6.0f));
    std::vector<T> expected(c.out_count());
    int64_t acc = 0;
    tflite_depthwise_loops(
        c, [&](int32_t i, int32_t f) { acc += int64_t{filter[f]} * (input[i] - in_zp); },
        [&](int32_t oc, int32_t o) {
          if (c.has_bias) acc += bias[oc];
          const conv_test::Requant rq = conv_test::requant(
              in_scale, filter_scales[filter_scales.size() == 1 ? 0 : oc], out_scale);
          const int64_t v =
              k16 ? ref::multiply_by_quantized_multiplier(acc, rq.multiplier, rq.shift)
                  : ref::multiply_by_quantized_multiplier(static_cast<int32_t>(acc), rq.multiplier,
                                                          rq.shift);
          expected[o] = conv_test::clamp_cast<T>(v + out_zp, lo, hi);
          acc = 0;
        });

    GraphBuilder g;
    const TensorType type = k16 ? TensorType::kInt16 : TensorType::kInt8;
    const int x = g.input(GraphBuilder::tensor_q(type, {c.n, c.h, c.w, c.depth}, in_scale, in_zp),
                          to_bytes(input));
    const int w =
        g.constant(filter_s8({1, c.kh, c.kw, c.out_depth()}, filter_scales, 3), to_bytes(filter));
    const int b =
        c.has_bias ? g.constant(GraphBuilder::tensor_of(
                                    k16 ? TensorType::kInt64 : TensorType::kInt32, {c.out_depth()}),
                                to_bytes(bias))
                   : -1;
    const int y = g.output(GraphBuilder::tensor_q(type, c.out_shape(), out_scale, out_zp));
    g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<T>(0), expected) << "iteration " << iteration;
  }
}

TEST(DepthwiseConv2D, Int8MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int8_t, int32_t>(41);
}
TEST(DepthwiseConv2D, Int16x8MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int16_t, int64_t>(43);
}

// ---------------------------------------------------------------------------------------------
// Prepare's rejections.
// ---------------------------------------------------------------------------------------------

struct Built {
  Status status;
  std::string messages;
};

using T = tools::TensorDef;
using O = OptionsDef;
using Bytes = std::vector<uint8_t>;

size_t byte_count(const T& t) {
  size_t n = type_size(t.type);
  for (int32_t d : t.shape) n *= static_cast<size_t>(d);
  return n;
}

// A 1x3x3x2 -> 1x2x2x4 int8 depthwise convolution (multiplier 2, 2x2 filter), edited first.
template <typename Edit>
Built run_int8(Edit edit) {
  GraphBuilder g;
  T in = GraphBuilder::tensor_s8({1, 3, 3, 2}, 0.5f, 0);
  T filter = filter_s8({1, 2, 2, 4}, {0.25f, 0.5f, 0.25f, 0.5f}, 3);
  T bias = GraphBuilder::tensor_of(TensorType::kInt32, {4});
  T out = GraphBuilder::tensor_s8({1, 2, 2, 4}, 1.0f, 0);
  O options = dw_options(kValid, 1, 1, 2);
  Bytes bias_bytes = to_bytes<int32_t>({1, 2, 3, 4});
  edit(in, filter, bias, bias_bytes, out, options);
  const int x = g.input(in, Bytes(byte_count(in), 1));
  const int w = g.constant(filter, Bytes(byte_count(filter), 1));
  const int b = g.constant(bias, bias_bytes);
  const int y = g.output(out);
  g.op(BuiltinOp::kDepthwiseConv2D, {x, w, b}, {y}, options);
  const Status s = g.prepare();
  return {s, g.messages()};
}

TEST(DepthwiseConv2D, BaselineOfRejectionTestsIsValid) {
  const Built b = run_int8([](T&, T&, T&, Bytes&, T&, O&) {});
  EXPECT_EQ(b.status, Status::kOk) << b.messages;
}

TEST(DepthwiseConv2D, RejectsHybridModels) {
  const Built b = run_int8([](T& in, T&, T&, Bytes&, T& out, O&) {
    in = GraphBuilder::tensor_f32(in.shape);
    out = GraphBuilder::tensor_f32(out.shape);
  });
  EXPECT_EQ(b.status, Status::kUnsupported);
  EXPECT_TRUE(contains(b.messages, "hybrid")) << b.messages;
  EXPECT_TRUE(contains(b.messages, "mote quantize")) << b.messages;
}

TEST(DepthwiseConv2D, RejectsShapeMismatches) {
  {
    const Built b = run_int8([](T&, T&, T&, Bytes&, T&, O& options) {
      options = dw_options(kValid, 1, 1, 3);  // the shapes say 2
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "depth_multiplier 3")) << b.messages;
  }
  {
    const Built b = run_int8([](T& in, T&, T&, Bytes&, T&, O&) { in.shape = {1, 3, 3, 3}; });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "not a multiple of the input depth")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) {
      filter = GraphBuilder::tensor_s8({2, 2, 2, 4}, 0.5f, 0);
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "filter dimension 0")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T&, T&, Bytes&, T& out, O&) { out.shape = {1, 1, 2, 4}; });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "output is 1x2")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T&, T& bias, Bytes& bias_bytes, T&, O&) {
      bias.shape = {2};
      bias_bytes = to_bytes<int32_t>({1, 2});
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "bias tensor")) << b.messages;
  }
}

TEST(DepthwiseConv2D, RejectsBadQuantizationAndTypes) {
  {
    const Built b = run_int8([](T&, T& filter, T&, Bytes&, T&, O&) {
      filter = filter_s8({1, 2, 2, 4}, {0.25f, 0.5f}, 1);  // per channel along dimension 1
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "quantized along dimension 1")) << b.messages;
  }
  {
    const Built b = run_int8([](T& in, T&, T& bias, Bytes& bias_bytes, T& out, O&) {
      in = GraphBuilder::tensor_s16(in.shape, 0.5f);
      out = GraphBuilder::tensor_s16(out.shape, 1.0f);
      bias = GraphBuilder::tensor_of(TensorType::kInt32, {4});  // TFLM reads 16x8 bias as int64
      bias_bytes = to_bytes<int32_t>({1, 2, 3, 4});
    });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "expected int64")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, T&, T&, Bytes&, T&, O& options) {
      options = dw_options(kValid, 1, 1, 2, 0, 0, 1);  // dilation 0
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "dilation")) << b.messages;
  }
}

}  // namespace
}  // namespace mote::testing
