// TRANSPOSE_CONV: TFLM's test vectors, small cases computed by hand, a randomized comparison with
// a direct transcription of TFLite's scatter loops, and Prepare's rejections.
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

OptionsDef tc_options(int8_t padding, int32_t stride_h, int32_t stride_w, int8_t activation = 0) {
  namespace o = schema::transpose_conv_options;
  return {
      schema::Options::kTransposeConv,
      {OptionField::int8(o::kPadding, padding), OptionField::int32(o::kStrideW, stride_w),
       OptionField::int32(o::kStrideH, stride_h), OptionField::int8(o::kActivation, activation)}};
}

// The output_shape input (a constant, as converters write it).
int32_t shape_tensor(GraphBuilder& g, const std::vector<int32_t>& shape) {
  return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {4}), to_bytes(shape));
}

std::vector<float> iota(int n, float first = 1.0f) {
  std::vector<float> v(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<size_t>(i)] = first + static_cast<float>(i);
  return v;
}

// TFLM transpose_conv_test.cc SimpleTestFloat: SAME, stride 1, 2 input channels.
TEST(TransposeConv, Float32MatchesTflmSimpleTest) {
  GraphBuilder g;
  const int s = shape_tensor(g, {1, 4, 4, 1});
  const int w = g.constant(GraphBuilder::tensor_f32({1, 3, 3, 2}), to_bytes(iota(18)));
  const int x = g.input(GraphBuilder::tensor_f32({1, 4, 4, 2}), to_bytes(iota(32)));
  const int b = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({0}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 4, 4, 1}));
  g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kSame, 1, 1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0),
            (std::vector<float>{184, 412, 568, 528, 678, 1347, 1689, 1434, 1494, 2715, 3057, 2442,
                                1968, 3352, 3652, 2760}));
}

// TFLM fusedRELUTest and AccuracyWithFusedActivationTest (SAME, stride 3: the extra padding
// column goes after).
TEST(TransposeConv, Float32FusedReluMatchesTflm) {
  {
    GraphBuilder g;
    const int s = shape_tensor(g, {1, 4, 4, 1});
    const int w = g.constant(GraphBuilder::tensor_f32({1, 3, 3, 1}), to_bytes(iota(9)));
    const int x =
        g.input(GraphBuilder::tensor_f32({1, 4, 4, 1}),
                to_bytes<float>({1, 2, -3, -4, 5, 6, -7, -8, 9, 10, -11, -12, 13, 14, 15, 16}));
    const int b = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({0}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 4, 4, 1}));
    g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kSame, 1, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0),
              (std::vector<float>{29, 24, 0, 0, 99, 72, 0, 0, 207, 186, 0, 0, 263, 292, 141, 0}));
  }
  {
    GraphBuilder g;
    const int s = shape_tensor(g, {1, 3, 4, 1});
    const int w = g.constant(GraphBuilder::tensor_f32({1, 3, 3, 1}),
                             to_bytes<float>({9, 5, 6, 9, 8, 5, 3, 1, 4}));
    const int x = g.input(GraphBuilder::tensor_f32({1, 1, 2, 1}), to_bytes<float>({323, -521}));
    const int b = g.constant(GraphBuilder::tensor_f32({1}), to_bytes<float>({0}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 3, 4, 1}));
    g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kSame, 3, 3, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<float>(0),
              (std::vector<float>{1615, 1938, 0, 0, 2584, 1615, 0, 0, 323, 1292, 0, 0}));
  }
}

// TFLM MultiChannelBiasWithFusedActivationTest: VALID, stride 2, two output channels, RELU.
const std::vector<float> kMultiGolden = {4,  6,  6,  8,  10, 14, 9,  12, 13, 16, 10, 12, 12,
                                         14, 28, 32, 21, 24, 25, 28, 13, 12, 9,  8,  35, 40,
                                         45, 52, 57, 64, 0,  0,  0,  0,  0,  0,  39, 44, 47,
                                         52, 0,  0,  0,  0,  4,  6,  63, 68, 71, 76};
const std::vector<float> kMultiFilter = {1, 3, 5, 7, 9,  11, 13, 15, 17,
                                         2, 4, 6, 8, 10, 12, 14, 16, 18};

TEST(TransposeConv, Float32MultiChannelBiasMatchesTflm) {
  GraphBuilder g;
  const int s = shape_tensor(g, {1, 5, 5, 2});
  const int w = g.constant(GraphBuilder::tensor_f32({2, 3, 3, 1}), to_bytes(kMultiFilter));
  const int x = g.input(GraphBuilder::tensor_f32({1, 2, 2, 1}), to_bytes<float>({1, 2, -3, 4}));
  const int b = g.constant(GraphBuilder::tensor_f32({2}), to_bytes<float>({3, 4}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 5, 5, 2}));
  g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kValid, 2, 2, 1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), kMultiGolden);
}

// The same case quantized exactly: input and output scale 1, filter per channel {1, 0.5}, bias at
// input scale x filter scale. Current TFLM applies the fused RELU to quantized outputs too, so
// the negative sums stop at the output zero point -5.
TEST(TransposeConv, Int8PerChannelMatchesTflmMultiChannelTest) {
  GraphBuilder g;
  std::vector<int8_t> filter;
  for (size_t i = 0; i < kMultiFilter.size(); ++i) {
    filter.push_back(static_cast<int8_t>(kMultiFilter[i] * (i < 9 ? 1 : 2)));
  }
  const int s = shape_tensor(g, {1, 5, 5, 2});
  const int w = g.constant(filter_s8({2, 3, 3, 1}, {1.0f, 0.5f}, 0), to_bytes(filter));
  const int x =
      g.input(GraphBuilder::tensor_s8({1, 2, 2, 1}, 1.0f, 0), to_bytes<int8_t>({1, 2, -3, 4}));
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({3, 8}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 5, 5, 2}, 1.0f, -5));
  g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kValid, 2, 2, 1));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<int8_t> expected;
  for (float v : kMultiGolden) expected.push_back(static_cast<int8_t>(v - 5));
  EXPECT_EQ(g.output_values<int8_t>(0), expected);
}

TEST(TransposeConv, Int16x8PerChannelMatchesTflmMultiChannelTest) {
  std::vector<int8_t> filter;
  for (size_t i = 0; i < kMultiFilter.size(); ++i) {
    filter.push_back(static_cast<int8_t>(kMultiFilter[i] * (i < 9 ? 1 : 2)));
  }
  for (TensorType bias_type : {TensorType::kInt64, TensorType::kInt16}) {
    GraphBuilder g;
    const int s = shape_tensor(g, {1, 5, 5, 2});
    const int w = g.constant(filter_s8({2, 3, 3, 1}, {1.0f, 0.5f}, 0), to_bytes(filter));
    const int x =
        g.input(GraphBuilder::tensor_s16({1, 2, 2, 1}, 1.0f), to_bytes<int16_t>({1, 2, -3, 4}));
    const int b =
        bias_type == TensorType::kInt64
            ? g.constant(GraphBuilder::tensor_of(bias_type, {2}), to_bytes<int64_t>({3, 8}))
            : g.constant(GraphBuilder::tensor_of(bias_type, {2}), to_bytes<int16_t>({3, 8}));
    const int y = g.output(GraphBuilder::tensor_s16({1, 5, 5, 2}, 1.0f));
    g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, tc_options(kValid, 2, 2, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    std::vector<int16_t> expected(kMultiGolden.begin(), kMultiGolden.end());
    EXPECT_EQ(g.output_values<int16_t>(0), expected) << type_name(bias_type);
  }
}

// Multiplier 0.25: int8 requantizes with two roundings (-0.5 -> -1), 16x8 with the int64 path's
// single rounding (-0.5 -> 0), as TFLM's two TransposeConv kernels do.
TEST(TransposeConv, RequantizationFollowsEachTflmKernel) {
  {
    GraphBuilder g;
    const int s = shape_tensor(g, {1, 1, 4, 1});
    const int w = g.constant(GraphBuilder::tensor_s8({1, 1, 1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int x =
        g.input(GraphBuilder::tensor_s8({1, 1, 4, 1}, 1.0f, 0), to_bytes<int8_t>({-2, 2, -6, 6}));
    const int y = g.output(GraphBuilder::tensor_s8({1, 1, 4, 1}, 4.0f, 0));
    g.op(BuiltinOp::kTransposeConv, {s, w, x}, {y}, tc_options(kValid, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-1, 1, -2, 2}));
  }
  {
    GraphBuilder g;
    const int s = shape_tensor(g, {1, 1, 4, 1});
    const int w = g.constant(GraphBuilder::tensor_s8({1, 1, 1, 1}, 1.0f, 0), to_bytes<int8_t>({1}));
    const int x =
        g.input(GraphBuilder::tensor_s16({1, 1, 4, 1}, 1.0f), to_bytes<int16_t>({-2, 2, -6, 6}));
    const int y = g.output(GraphBuilder::tensor_s16({1, 1, 4, 1}, 4.0f));
    g.op(BuiltinOp::kTransposeConv, {s, w, x}, {y}, tc_options(kValid, 1, 1));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{0, 1, -1, 2}));
  }
}

// Stride 2, 2x2 filter {1, 10; 100, 1000}, VALID, no overlap: each input pixel writes its own
// 2x2 block of the 4x4 output.
TEST(TransposeConv, Stride2ScattersBlocks) {
  GraphBuilder g;
  const int s = shape_tensor(g, {1, 4, 4, 1});
  const int w =
      g.constant(GraphBuilder::tensor_f32({1, 2, 2, 1}), to_bytes<float>({1, 10, 100, 1000}));
  const int x = g.input(GraphBuilder::tensor_f32({1, 2, 2, 1}), to_bytes<float>({1, 2, 3, 4}));
  const int y = g.output(GraphBuilder::tensor_f32({1, 4, 4, 1}));
  g.op(BuiltinOp::kTransposeConv, {s, w, x}, {y}, tc_options(kValid, 2, 2));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 10, 2, 20, 100, 1000, 200, 2000, 3,
                                                           30, 4, 40, 300, 3000, 400, 4000}));
}

// ---------------------------------------------------------------------------------------------
// Randomized comparison with TFLite's scatter loops, transcribed directly.
// ---------------------------------------------------------------------------------------------

struct RandomTc {
  int32_t n, h, w, depth, out_h, out_w, out_depth, kh, kw, sh, sw;
  bool same;
  int8_t activation;
  bool has_bias;
  std::vector<int32_t> out_shape() const { return {n, out_h, out_w, out_depth}; }
  size_t out_count() const {
    return static_cast<size_t>(n) * static_cast<size_t>(out_h * out_w * out_depth);
  }
};

// Input sizes are drawn independently of the output size: TFLite accepts any, and the scatter
// simply drops what falls outside the output.
RandomTc random_tc(conv_test::Random& r) {
  RandomTc c{};
  c.n = r.uniform(1, 2);
  c.h = r.uniform(1, 5);
  c.w = r.uniform(1, 5);
  c.depth = r.uniform(1, 4);
  c.out_h = r.uniform(1, 9);
  c.out_w = r.uniform(1, 9);
  c.out_depth = r.uniform(1, 4);
  c.kh = r.uniform(1, 4);
  c.kw = r.uniform(1, 4);
  c.sh = r.uniform(1, 3);
  c.sw = r.uniform(1, 3);
  c.same = r.coin();
  c.activation = static_cast<int8_t>(r.uniform(0, 3));
  c.has_bias = r.uniform(0, 3) != 0;
  return c;
}

// TFLite's loop nest; visit(input_index, filter_index, output_index) for every term, in order.
template <typename Visit>
void tflite_transpose_loops(const RandomTc& c, Visit visit) {
  // TFLM computes the padding as for a convolution of the output size.
  const int32_t pad_h = conv_test::window_axis(c.same, c.out_h, c.kh, c.sh).pad;
  const int32_t pad_w = conv_test::window_axis(c.same, c.out_w, c.kw, c.sw).pad;
  for (int32_t b = 0; b < c.n; ++b) {
    for (int32_t iy = 0; iy < c.h; ++iy) {
      for (int32_t ix = 0; ix < c.w; ++ix) {
        for (int32_t ic = 0; ic < c.depth; ++ic) {
          const int32_t ox0 = ix * c.sw - pad_w, oy0 = iy * c.sh - pad_h;
          for (int32_t fy = 0; fy < c.kh; ++fy) {
            for (int32_t fx = 0; fx < c.kw; ++fx) {
              for (int32_t oc = 0; oc < c.out_depth; ++oc) {
                const int32_t ox = ox0 + fx, oy = oy0 + fy;
                if (ox >= 0 && ox < c.out_w && oy >= 0 && oy < c.out_h) {
                  visit(((b * c.h + iy) * c.w + ix) * c.depth + ic,
                        ((oc * c.kh + fy) * c.kw + fx) * c.depth + ic,
                        ((b * c.out_h + oy) * c.out_w + ox) * c.out_depth + oc);
                }
              }
            }
          }
        }
      }
    }
  }
}

OptionsDef options_of(const RandomTc& c) {
  return tc_options(c.same ? kSame : kValid, c.sh, c.sw, c.activation);
}

TEST(TransposeConv, Float32MatchesTfliteLoopsOnRandomShapes) {
  conv_test::Random r(77);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomTc c = random_tc(r);
    const std::vector<float> input =
        r.reals(static_cast<size_t>(c.n * c.h * c.w * c.depth), -2.0f, 2.0f);
    const std::vector<float> filter =
        r.reals(static_cast<size_t>(c.out_depth * c.kh * c.kw * c.depth), -1.0f, 1.0f);
    const std::vector<float> bias = r.reals(static_cast<size_t>(c.out_depth), -1.0f, 1.0f);
    float lo = -FLT_MAX, hi = FLT_MAX;
    if (c.activation == 1) lo = 0.0f;
    if (c.activation == 2) lo = -1.0f, hi = 1.0f;
    if (c.activation == 3) lo = 0.0f, hi = 6.0f;
    std::vector<float> expected(c.out_count(), 0.0f);
    tflite_transpose_loops(
        c, [&](int32_t i, int32_t f, int32_t o) { expected[o] += input[i] * filter[f]; });
    for (size_t o = 0; o < expected.size(); ++o) {
      float acc = expected[o];
      if (c.has_bias) acc += bias[o % static_cast<size_t>(c.out_depth)];
      expected[o] = std::min(std::max(acc, lo), hi);
    }

    GraphBuilder g;
    const int s = shape_tensor(g, c.out_shape());
    const int w =
        g.constant(GraphBuilder::tensor_f32({c.out_depth, c.kh, c.kw, c.depth}), to_bytes(filter));
    const int x = g.input(GraphBuilder::tensor_f32({c.n, c.h, c.w, c.depth}), to_bytes(input));
    const int b =
        c.has_bias ? g.constant(GraphBuilder::tensor_f32({c.out_depth}), to_bytes(bias)) : -1;
    const int y = g.output(GraphBuilder::tensor_f32(c.out_shape()));
    g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    const std::vector<float> got = g.output_values<float>(0);
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_EQ(std::memcmp(got.data(), expected.data(), got.size() * sizeof(float)), 0)
        << "iteration " << iteration;
  }
}

// T: int8_t or int16_t; Bias: int32_t (int8), int64_t or int16_t (16x8).
template <typename T, typename Bias>
void check_quantized_random(uint32_t seed) {
  constexpr bool k16 = sizeof(T) == 2;
  conv_test::Random r(seed);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const RandomTc c = random_tc(r);
    const int32_t qmin = k16 ? -32768 : -128, qmax = k16 ? 32767 : 127;
    const float in_scale = r.real(0.01f, 0.1f), out_scale = r.real(0.01f, 0.1f);
    const int32_t in_zp = k16 ? 0 : r.uniform(-20, 20), out_zp = k16 ? 0 : r.uniform(-20, 20);
    std::vector<float> filter_scales(r.coin() ? static_cast<size_t>(c.out_depth) : 1);
    for (float& s : filter_scales) s = r.real(0.002f, 0.03f);
    const std::vector<T> input =
        r.ints<T>(static_cast<size_t>(c.n * c.h * c.w * c.depth), qmin, qmax);
    const std::vector<int8_t> filter =
        r.ints<int8_t>(static_cast<size_t>(c.out_depth * c.kh * c.kw * c.depth), -127, 127);
    const std::vector<Bias> bias = r.ints<Bias>(static_cast<size_t>(c.out_depth), -3000, 3000);

    const auto q = [&](float v) {
      return out_zp + static_cast<int32_t>(std::round(v / out_scale));
    };
    int32_t lo = qmin, hi = qmax;
    if (c.activation == 1) lo = std::max(qmin, q(0.0f));
    if (c.activation == 2) lo = std::max(qmin, q(-1.0f)), hi = std::min(qmax, q(1.0f));
    if (c.activation == 3) lo = std::max(qmin, q(0.0f)), hi = std::min(qmax, q(6.0f));
    std::vector<int64_t> acc(c.out_count(), 0);
    tflite_transpose_loops(c, [&](int32_t i, int32_t f, int32_t o) {
      acc[o] += int64_t{filter[f]} * (input[i] - in_zp);
    });
    std::vector<T> expected(c.out_count());
    for (size_t o = 0; o < expected.size(); ++o) {
      const size_t oc = o % static_cast<size_t>(c.out_depth);
      int64_t a = acc[o] + (c.has_bias ? int64_t{bias[oc]} : 0);
      const conv_test::Requant rq = conv_test::requant(
          in_scale, filter_scales[filter_scales.size() == 1 ? 0 : oc], out_scale);
      const int64_t v = k16 ? ref::multiply_by_quantized_multiplier(a, rq.multiplier, rq.shift)
                            : ref::multiply_by_quantized_multiplier(static_cast<int32_t>(a),
                                                                    rq.multiplier, rq.shift);
      expected[o] = conv_test::clamp_cast<T>(v + out_zp, lo, hi);
    }

    GraphBuilder g;
    const TensorType type = k16 ? TensorType::kInt16 : TensorType::kInt8;
    const TensorType bias_type = sizeof(Bias) == 8   ? TensorType::kInt64
                                 : sizeof(Bias) == 4 ? TensorType::kInt32
                                                     : TensorType::kInt16;
    const int s = shape_tensor(g, c.out_shape());
    const int w = g.constant(filter_s8({c.out_depth, c.kh, c.kw, c.depth}, filter_scales, 0),
                             to_bytes(filter));
    const int x = g.input(GraphBuilder::tensor_q(type, {c.n, c.h, c.w, c.depth}, in_scale, in_zp),
                          to_bytes(input));
    const int b =
        c.has_bias ? g.constant(GraphBuilder::tensor_of(bias_type, {c.out_depth}), to_bytes(bias))
                   : -1;
    const int y = g.output(GraphBuilder::tensor_q(type, c.out_shape(), out_scale, out_zp));
    g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, options_of(c));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<T>(0), expected) << "iteration " << iteration;
  }
}

TEST(TransposeConv, Int8MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int8_t, int32_t>(81);
}
TEST(TransposeConv, Int16x8Bias64MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int16_t, int64_t>(82);
}
TEST(TransposeConv, Int16x8Bias16MatchesTfliteLoopsOnRandomShapes) {
  check_quantized_random<int16_t, int16_t>(83);
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

// A 1x2x2x3 -> 1x4x4x2 int8 transpose convolution (3x3 filter, stride 2, SAME), edited first.
template <typename Edit>
Built run_int8(Edit edit) {
  GraphBuilder g;
  T shape = GraphBuilder::tensor_of(TensorType::kInt32, {4});
  Bytes shape_bytes = to_bytes<int32_t>({1, 4, 4, 2});
  T filter = filter_s8({2, 3, 3, 3}, {0.25f, 0.5f}, 0);
  T in = GraphBuilder::tensor_s8({1, 2, 2, 3}, 0.5f, 0);
  T bias = GraphBuilder::tensor_of(TensorType::kInt32, {2});
  Bytes bias_bytes = to_bytes<int32_t>({1, 2});
  T out = GraphBuilder::tensor_s8({1, 4, 4, 2}, 1.0f, 0);
  O options = tc_options(kSame, 2, 2);
  edit(shape, shape_bytes, filter, in, bias, bias_bytes, out, options);
  const int s = g.constant(shape, shape_bytes);
  const int w = g.constant(filter, Bytes(byte_count(filter), 1));
  const int x = g.input(in, Bytes(byte_count(in), 1));
  const int b = g.constant(bias, bias_bytes);
  const int y = g.output(out);
  g.op(BuiltinOp::kTransposeConv, {s, w, x, b}, {y}, options);
  const Status status = g.prepare();
  return {status, g.messages()};
}

TEST(TransposeConv, BaselineOfRejectionTestsIsValid) {
  const Built b = run_int8([](T&, Bytes&, T&, T&, T&, Bytes&, T&, O&) {});
  EXPECT_EQ(b.status, Status::kOk) << b.messages;
}

TEST(TransposeConv, RejectsHybridModels) {
  const Built b = run_int8([](T&, Bytes&, T&, T& in, T&, Bytes&, T& out, O&) {
    in = GraphBuilder::tensor_f32(in.shape);
    out = GraphBuilder::tensor_f32(out.shape);
  });
  EXPECT_EQ(b.status, Status::kUnsupported);
  EXPECT_TRUE(contains(b.messages, "hybrid")) << b.messages;
  EXPECT_TRUE(contains(b.messages, "mote quantize")) << b.messages;
}

TEST(TransposeConv, RejectsInconsistentShapes) {
  {
    const Built b = run_int8([](T&, Bytes& shape_bytes, T&, T&, T&, Bytes&, T&, O&) {
      shape_bytes = to_bytes<int32_t>({1, 5, 4, 2});
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "output_shape")) << b.messages;
  }
  {
    const Built b = run_int8([](T& shape, Bytes& shape_bytes, T&, T&, T&, Bytes&, T&, O&) {
      shape = GraphBuilder::tensor_of(TensorType::kInt64, {4});
      shape_bytes = to_bytes<int64_t>({1, 4, 4, 2});
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "4 int32 values")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, Bytes&, T&, T& in, T&, Bytes&, T&, O&) {
      in.shape = {1, 2, 2, 4};
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "filter depth 3")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, Bytes& shape_bytes, T&, T&, T&, Bytes&, T& out, O&) {
      out.shape = {1, 4, 4, 3};
      shape_bytes = to_bytes<int32_t>({1, 4, 4, 3});
    });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "3 channels but the filter has 2")) << b.messages;
  }
}

TEST(TransposeConv, RejectsUnsupportedBiasAndOptions) {
  {
    const Built b = run_int8([](T&, Bytes&, T&, T& in, T& bias, Bytes& bias_bytes, T& out, O&) {
      in = GraphBuilder::tensor_s16(in.shape, 0.5f);
      out = GraphBuilder::tensor_s16(out.shape, 1.0f);
      bias = GraphBuilder::tensor_of(TensorType::kInt32, {2});  // TFLM would misread it as int64
      bias_bytes = to_bytes<int32_t>({1, 2});
    });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "bias")) << b.messages;
  }
  {
    const Built b = run_int8(
        [](T&, Bytes&, T&, T&, T&, Bytes&, T&, O& options) { options = tc_options(kSame, 2, -1); });
    EXPECT_EQ(b.status, Status::kInvalidModel);
    EXPECT_TRUE(contains(b.messages, "stride")) << b.messages;
  }
  {
    const Built b = run_int8([](T&, Bytes&, T& filter, T&, T&, Bytes&, T&, O&) {
      filter.quant.zero_points = {1, 0};
    });
    EXPECT_EQ(b.status, Status::kUnsupported);
    EXPECT_TRUE(contains(b.messages, "symmetric")) << b.messages;
  }
}

}  // namespace
}  // namespace mote::testing
