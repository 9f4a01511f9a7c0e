// AVERAGE_POOL_2D: TFLM's pooling_test.cc vectors, hand-checked rounding and padding cases, a sweep
// against a direct formula, and Prepare's rejections.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

constexpr int8_t kSame = 0;
constexpr int8_t kValid = 1;
constexpr int8_t kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3;

OptionsDef pool_options(int8_t padding, int32_t stride_h, int32_t stride_w, int32_t filter_h,
                        int32_t filter_w, int8_t activation) {
  namespace p = schema::pool2d_options;
  return {schema::Options::kPool2D,
          {OptionField::int8(p::kPadding, padding), OptionField::int32(p::kStrideW, stride_w),
           OptionField::int32(p::kStrideH, stride_h), OptionField::int32(p::kFilterWidth, filter_w),
           OptionField::int32(p::kFilterHeight, filter_h),
           OptionField::int8(p::kActivation, activation)}};
}

template <typename T>
tools::TensorDef tensor(std::vector<int32_t> shape, float scale = 0.25f, int64_t zero_point = 0) {
  if constexpr (std::is_same_v<T, float>) {
    return GraphBuilder::tensor_f32(std::move(shape));
  } else {
    return GraphBuilder::tensor_q(TypeOf<T>::value, std::move(shape), scale, zero_point);
  }
}

// Runs one AVERAGE_POOL_2D over `input` (NHWC) and returns the output values.
template <typename T>
std::vector<T> run_pool(std::vector<int32_t> in_shape, const std::vector<T>& input,
                        std::vector<int32_t> out_shape, const OptionsDef& options,
                        float scale = 0.25f, int64_t zero_point = 0) {
  GraphBuilder g;
  const int x = g.input(tensor<T>(std::move(in_shape), scale, zero_point), to_bytes<T>(input));
  const int y = g.output(tensor<T>(std::move(out_shape), scale, zero_point));
  g.op(BuiltinOp::kAveragePool2D, {x}, {y}, options);
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

// Vectors from TFLM tensorflow/lite/micro/kernels/pooling_test.cc (SimpleAveragePoolTest*).
// Input [1, 2, 4, 1], filter 2x2.
TEST(AveragePool2D, TflmFloatValidStride2) {
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {0, 6, 2, 4, 3, 2, 10, 7}, {1, 1, 2, 1},
                            pool_options(kValid, 2, 2, 2, 2, kNone)),
            (std::vector<float>{2.75f, 5.75f}));
}

template <typename T>
void check_tflm_quantized_vectors() {
  const std::vector<T> in1 = {0, -24, 8, 16, 12, 8, -40, 28};
  const std::vector<T> in2 = {12, -24, 32, 16, 12, 8, 40, 28};
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, in1, {1, 1, 2, 1}, pool_options(kValid, 2, 2, 2, 2, kNone)),
            (std::vector<T>{-1, 3}));
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, in1, {1, 1, 3, 1}, pool_options(kValid, 2, 1, 2, 2, kRelu)),
            (std::vector<T>{0, 0, 3}));
  EXPECT_EQ(
      run_pool<T>({1, 2, 4, 1}, in1, {1, 1, 2, 1}, pool_options(kValid, 1, 2, 2, 2, kReluN1To1)),
      (std::vector<T>{-1, 3}));
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, in2, {1, 1, 2, 1}, pool_options(kValid, 2, 2, 2, 2, kRelu6)),
            (std::vector<T>{2, 24}));
  // TFLM's "PaddingSameStride1" case (its model says VALID but writes the SAME output shape; with
  // SAME the extra padding row/column goes at the bottom/right, so the windows are the same).
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, in2, {1, 2, 4, 1}, pool_options(kSame, 1, 1, 2, 2, kNone)),
            (std::vector<T>{2, 14, 29, 22, 10, 24, 34, 28}));
}

TEST(AveragePool2D, TflmInt8Vectors) { check_tflm_quantized_vectors<int8_t>(); }
TEST(AveragePool2D, TflmInt16Vectors) { check_tflm_quantized_vectors<int16_t>(); }

TEST(AveragePool2D, QuantizedRoundsHalfAwayFromZero) {
  // 1x2 windows: 3/2 -> 2, -3/2 -> -2, 1/2 -> 1, -1/2 -> -1, 5/2 -> 3, -5/2 -> -3.
  const OptionsDef opts = pool_options(kValid, 1, 2, 1, 2, kNone);
  EXPECT_EQ(run_pool<int8_t>({1, 1, 12, 1}, {1, 2, -1, -2, -1, 2, 1, -2, 2, 3, -2, -3},
                             {1, 1, 6, 1}, opts),
            (std::vector<int8_t>{2, -2, 1, -1, 3, -3}));
  EXPECT_EQ(run_pool<int16_t>({1, 1, 4, 1}, {32767, 32766, -32768, -32767}, {1, 1, 2, 1}, opts),
            (std::vector<int16_t>{32767, -32768}));
}

TEST(AveragePool2D, SamePaddingCountsOnlyInputValues) {
  // 3x3 input 1..9, 3x3 filter, stride 1, SAME: corners average 4 values, edges 6, centre 9.
  const std::vector<float> in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  EXPECT_EQ(run_pool<float>({1, 3, 3, 1}, in, {1, 3, 3, 1}, pool_options(kSame, 1, 1, 3, 3, kNone)),
            (std::vector<float>{12 / 4.0f, 21 / 6.0f, 16 / 4.0f, 27 / 6.0f, 45 / 9.0f, 33 / 6.0f,
                                24 / 4.0f, 39 / 6.0f, 28 / 4.0f}));
  // Zero point 10 (real = (q - 10) / 4): the window average is taken on q directly.
  EXPECT_EQ(
      run_pool<int8_t>({1, 3, 3, 1}, {11, 12, 13, 14, 15, 16, 17, 18, 19}, {1, 2, 2, 1},
                       pool_options(kSame, 2, 2, 3, 3, kNone), 0.25f, 10),
      // (11+12+14+15)/4 = 13, (12+13+15+16)/4 = 14, (14+15+17+18)/4 = 16, (15+16+18+19)/4 = 17
      (std::vector<int8_t>{13, 14, 16, 17}));
}

TEST(AveragePool2D, FloatActivationClamps) {
  const std::vector<float> in = {-8, -6, 10, 12};
  EXPECT_EQ(
      run_pool<float>({1, 1, 4, 1}, in, {1, 1, 2, 1}, pool_options(kValid, 1, 2, 1, 2, kRelu)),
      (std::vector<float>{0, 11}));
  EXPECT_EQ(
      run_pool<float>({1, 1, 4, 1}, in, {1, 1, 2, 1}, pool_options(kValid, 1, 2, 1, 2, kRelu6)),
      (std::vector<float>{0, 6}));
  EXPECT_EQ(
      run_pool<float>({1, 1, 4, 1}, in, {1, 1, 2, 1}, pool_options(kValid, 1, 2, 1, 2, kReluN1To1)),
      (std::vector<float>{-1, 1}));
}

// Direct formula: for each output, average the input positions inside the padded window.
std::vector<int8_t> direct_average(const std::vector<int8_t>& in, int n, int h, int w, int c,
                                   int fh, int fw, int sh, int sw, int pad_h, int pad_w, int oh,
                                   int ow) {
  std::vector<int8_t> out;
  for (int b = 0; b < n; ++b)
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox)
        for (int ch = 0; ch < c; ++ch) {
          int sum = 0, count = 0;
          for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
              const int dy = y - (oy * sh - pad_h), dx = x - (ox * sw - pad_w);
              if (dy < 0 || dy >= fh || dx < 0 || dx >= fw) continue;
              sum += in[((b * h + y) * w + x) * c + ch];
              ++count;
            }
          const double avg = static_cast<double>(sum) / count;
          out.push_back(
              static_cast<int8_t>(avg < 0 ? -std::floor(-avg + 0.5) : std::floor(avg + 0.5)));
        }
  return out;
}

TEST(AveragePool2D, SweepMatchesDirectFormula) {
  for (int8_t padding : {kSame, kValid}) {
    for (int fh : {1, 2, 3}) {
      for (int fw : {1, 2, 4}) {
        for (int s : {1, 2, 3}) {
          const int n = 2, h = 5, w = 6, c = 3;
          std::vector<int8_t> in(n * h * w * c);
          for (size_t i = 0; i < in.size(); ++i) in[i] = static_cast<int8_t>((i * 37 + 11) % 256);
          int oh, ow, pad_h = 0, pad_w = 0;
          if (padding == kSame) {
            oh = (h + s - 1) / s;
            ow = (w + s - 1) / s;
            pad_h = std::max((oh - 1) * s + fh - h, 0) / 2;
            pad_w = std::max((ow - 1) * s + fw - w, 0) / 2;
          } else {
            oh = (h - fh) / s + 1;
            ow = (w - fw) / s + 1;
          }
          SCOPED_TRACE(::testing::Message() << "padding " << int{padding} << " filter " << fh << "x"
                                            << fw << " stride " << s);
          EXPECT_EQ(run_pool<int8_t>({n, h, w, c}, in, {n, oh, ow, c},
                                     pool_options(padding, s, s, fh, fw, kNone)),
                    direct_average(in, n, h, w, c, fh, fw, s, s, pad_h, pad_w, oh, ow));
        }
      }
    }
  }
}

Status prepare_pool(tools::TensorDef in, tools::TensorDef out, const OptionsDef& options,
                    std::string* messages) {
  GraphBuilder g;
  size_t bytes = type_size(in.type);
  for (int32_t d : in.shape) bytes *= static_cast<size_t>(d);
  const int x = g.input(std::move(in), std::vector<uint8_t>(bytes));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kAveragePool2D, {x}, {y}, options);
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(AveragePool2D, RejectsInvalidNodes) {
  std::string m;
  const OptionsDef ok = pool_options(kValid, 2, 2, 2, 2, kNone);
  EXPECT_EQ(prepare_pool(tensor<float>({2, 4, 1}), tensor<float>({1, 2, 1}), ok, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("rank 3"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<float>({1, 2, 4, 1}), tensor<float>({1, 1, 3, 1}), ok, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("expected shape [1, 1, 2, 1]"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<float>({1, 2, 4, 1}), tensor<float>({1, 1, 1, 1}),
                         pool_options(kValid, 1, 1, 3, 1, kNone), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("does not fit"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<float>({1, 2, 4, 1}), tensor<float>({1, 1, 2, 1}),
                         pool_options(kValid, 0, 2, 2, 2, kNone), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("strides"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<float>({1, 2, 4, 1}), tensor<float>({1, 1, 2, 1}),
                         pool_options(2, 2, 2, 2, 2, kNone), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("padding"), std::string::npos) << m;
  EXPECT_EQ(
      prepare_pool(tensor<int8_t>({1, 2, 4, 1}, 0.25f), tensor<int8_t>({1, 1, 2, 1}, 0.5f), ok, &m),
      Status::kInvalidModel);
  EXPECT_NE(m.find("scale"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<int8_t>({1, 2, 4, 1}, 0.25f, 1),
                         tensor<int8_t>({1, 1, 2, 1}, 0.25f, 2), ok, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("zero point"), std::string::npos) << m;
  EXPECT_EQ(prepare_pool(tensor<float>({1, 2, 4, 1}), tensor<int8_t>({1, 1, 2, 1}), ok, &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_pool(GraphBuilder::tensor_q(TensorType::kUInt8, {1, 2, 4, 1}, 1.0f, 0),
                         GraphBuilder::tensor_q(TensorType::kUInt8, {1, 1, 2, 1}, 1.0f, 0), ok, &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("AVERAGE_POOL_2D"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
