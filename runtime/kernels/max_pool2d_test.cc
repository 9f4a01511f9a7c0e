// MAX_POOL_2D: TFLM's pooling_test.cc vectors, NaN handling, a sweep against a direct formula and
// Prepare's rejections (the validation is shared with AVERAGE_POOL_2D, tested there in full).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
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
constexpr int8_t kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3, kTanh = 4;

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
tools::TensorDef tensor(std::vector<int32_t> shape, float scale = 1.0f, int64_t zero_point = 0) {
  if constexpr (std::is_same_v<T, float>) {
    return GraphBuilder::tensor_f32(std::move(shape));
  } else {
    return GraphBuilder::tensor_q(TypeOf<T>::value, std::move(shape), scale, zero_point);
  }
}

template <typename T>
std::vector<T> run_pool(std::vector<int32_t> in_shape, const std::vector<T>& input,
                        std::vector<int32_t> out_shape, const OptionsDef& options,
                        float scale = 1.0f, int64_t zero_point = 0) {
  GraphBuilder g;
  const int x = g.input(tensor<T>(std::move(in_shape), scale, zero_point), to_bytes<T>(input));
  const int y = g.output(tensor<T>(std::move(out_shape), scale, zero_point));
  g.op(BuiltinOp::kMaxPool2D, {x}, {y}, options);
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

// Vectors from TFLM tensorflow/lite/micro/kernels/pooling_test.cc (*MaxPoolTest*). Input
// [1, 2, 4, 1], filter 2x2.
TEST(MaxPool2D, TflmFloatVectors) {
  const OptionsDef valid2 = pool_options(kValid, 2, 2, 2, 2, kNone);
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {0, 6, 2, 4, 3, 2, 10, 7}, {1, 1, 2, 1}, valid2),
            (std::vector<float>{6, 10}));
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {-1, -6, 2, 4, -3, -2, 10.5f, 7}, {1, 1, 2, 1},
                            pool_options(kValid, 2, 2, 2, 2, kRelu)),
            (std::vector<float>{0, 10.5f}));
  const OptionsDef n1to1 = pool_options(kValid, 2, 2, 2, 2, kReluN1To1);
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {-2.75f, -6, 0.2f, 0.4f, -3, -2, -0.3f, 0.7f},
                            {1, 1, 2, 1}, n1to1),
            (std::vector<float>{-1.0f, 0.7f}));
  EXPECT_EQ(
      run_pool<float>({1, 2, 4, 1}, {-2.75f, -6, -2, -4, -3, -2, 10, -7}, {1, 1, 2, 1}, n1to1),
      (std::vector<float>{-1.0f, 1.0f}));
  const OptionsDef relu6 = pool_options(kValid, 2, 2, 2, 2, kRelu6);
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {-1.5f, -6, 12, 4, -3, -2, 10, 7}, {1, 1, 2, 1}, relu6),
            (std::vector<float>{0, 6}));
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {0, 4.5f, 12, 4, 3, 2, 10, 7}, {1, 1, 2, 1}, relu6),
            (std::vector<float>{4.5f, 6}));
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {0, 6, 2, 4, 3, 2, 10, 7}, {1, 2, 4, 1},
                            pool_options(kSame, 1, 1, 2, 2, kNone)),
            (std::vector<float>{6, 10, 10, 7, 3, 10, 10, 7}));
  EXPECT_EQ(run_pool<float>({1, 2, 4, 1}, {0, 6, 2, 4, 3, 2, 10, 7}, {1, 1, 3, 1},
                            pool_options(kValid, 1, 1, 2, 2, kNone)),
            (std::vector<float>{6, 10, 10}));
}

template <typename T>
void check_tflm_quantized_vectors() {
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, {0, 6, 2, 4, 3, 2, 10, 7}, {1, 1, 2, 1},
                        pool_options(kValid, 2, 2, 2, 2, kNone)),
            (std::vector<T>{6, 10}));
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, {-3, -12, 4, 8, -6, -4, 20, 14}, {1, 1, 2, 1},
                        pool_options(kValid, 2, 2, 2, 2, kRelu), 0.5f),
            (std::vector<T>{0, 20}));
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, {-2, -6, -2, -4, -3, -2, 10, 7}, {1, 1, 2, 1},
                        pool_options(kValid, 2, 2, 2, 2, kReluN1To1)),
            (std::vector<T>{-1, 1}));
  EXPECT_EQ(run_pool<T>({1, 2, 4, 1}, {0, -6, 12, 4, -3, -2, 10, 7}, {1, 1, 2, 1},
                        pool_options(kValid, 2, 2, 2, 2, kRelu6)),
            (std::vector<T>{0, 6}));
}

TEST(MaxPool2D, TflmInt8Vectors) { check_tflm_quantized_vectors<int8_t>(); }
TEST(MaxPool2D, TflmInt16Vectors) { check_tflm_quantized_vectors<int16_t>(); }

TEST(MaxPool2D, QuantizedReluUsesTheZeroPoint) {
  // Zero point -10: RELU clamps at q = -10 (real 0), not at q = 0.
  EXPECT_EQ(run_pool<int8_t>({1, 1, 4, 1}, {-20, -15, -12, -3}, {1, 1, 2, 1},
                             pool_options(kValid, 1, 2, 1, 2, kRelu), 0.5f, -10),
            (std::vector<int8_t>{-10, -3}));
}

TEST(MaxPool2D, FloatNanNeverWins) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> out =
      run_pool<float>({1, 1, 6, 1}, {nan, 1.5f, -2.0f, nan, nan, nan}, {1, 1, 3, 1},
                      pool_options(kValid, 1, 2, 1, 2, kNone));
  // std::max semantics from the lowest float: NaN inputs are skipped; an all-NaN window gives the
  // lowest float (no fused activation, so no clamp changes it).
  EXPECT_EQ(out, (std::vector<float>{1.5f, -2.0f, std::numeric_limits<float>::lowest()}));
}

std::vector<int16_t> direct_max(const std::vector<int16_t>& in, int n, int h, int w, int c, int fh,
                                int fw, int sh, int sw, int pad_h, int pad_w, int oh, int ow) {
  std::vector<int16_t> out;
  for (int b = 0; b < n; ++b)
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox)
        for (int ch = 0; ch < c; ++ch) {
          int best = std::numeric_limits<int>::min();
          for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
              const int dy = y - (oy * sh - pad_h), dx = x - (ox * sw - pad_w);
              if (dy >= 0 && dy < fh && dx >= 0 && dx < fw) {
                best = std::max<int>(best, in[((b * h + y) * w + x) * c + ch]);
              }
            }
          out.push_back(static_cast<int16_t>(best));
        }
  return out;
}

TEST(MaxPool2D, SweepMatchesDirectFormula) {
  for (int8_t padding : {kSame, kValid}) {
    for (int fh : {1, 2, 3}) {
      for (int fw : {2, 3, 5}) {
        for (int s : {1, 2}) {
          const int n = 1, h = 4, w = 7, c = 2;
          std::vector<int16_t> in(n * h * w * c);
          for (size_t i = 0; i < in.size(); ++i) {
            in[i] = static_cast<int16_t>((static_cast<int>(i) * 7919) % 65536 - 32768);
          }
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
          EXPECT_EQ(run_pool<int16_t>({n, h, w, c}, in, {n, oh, ow, c},
                                      pool_options(padding, s, s, fh, fw, kNone)),
                    direct_max(in, n, h, w, c, fh, fw, s, s, pad_h, pad_w, oh, ow));
        }
      }
    }
  }
}

TEST(MaxPool2D, RejectsInvalidNodes) {
  {
    GraphBuilder g;  // fused TANH is not a clamp
    const int x = g.input(tensor<float>({1, 2, 2, 1}), to_bytes<float>({1, 2, 3, 4}));
    const int y = g.output(tensor<float>({1, 1, 1, 1}));
    g.op(BuiltinOp::kMaxPool2D, {x}, {y}, pool_options(kValid, 1, 1, 2, 2, kTanh));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("TANH"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int8 without quantization parameters
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {1, 2, 2, 1}),
                          to_bytes<int8_t>({1, 2, 3, 4}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt8, {1, 1, 1, 1}));
    g.op(BuiltinOp::kMaxPool2D, {x}, {y}, pool_options(kValid, 1, 1, 2, 2, kNone));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("MAX_POOL_2D"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // no options table: strides and filter default to 0
    const int x = g.input(tensor<float>({1, 2, 2, 1}), to_bytes<float>({1, 2, 3, 4}));
    const int y = g.output(tensor<float>({1, 1, 1, 1}));
    g.op(BuiltinOp::kMaxPool2D, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
}

}  // namespace
}  // namespace mote::testing
