// RESIZE_BILINEAR: TFLM kernel test vectors (tensorflow/lite/micro/kernels/
// resize_bilinear_test.cc), half-pixel and align-corners cases (as in TFLite's
// resize_bilinear_test.cc), int16, and Prepare's rejections. Where TFLM's tests allow a tolerance,
// the exact values here were worked out by hand with TFLM's arithmetic: float32 in TFLite's
// order of operations, and the integer kernel's 10-bit positions rounded half away from zero.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef options(bool align_corners, bool half_pixel_centers) {
  return {schema::Options::kResizeBilinear,
          {OptionField::boolean(2, align_corners), OptionField::boolean(3, half_pixel_centers)}};
}

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8) return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  if (type == TensorType::kInt16) return GraphBuilder::tensor_s16(std::move(shape), 1.0f);
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T>
std::vector<T> run(std::vector<int32_t> in_shape, const std::vector<T>& input, int32_t height,
                   int32_t width, bool align_corners = false, bool half_pixel_centers = false) {
  GraphBuilder g;
  std::vector<int32_t> out_shape = {in_shape[0], height, width, in_shape[3]};
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int s = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}),
                           to_bytes<int32_t>({height, width}));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kResizeBilinear, {x, s}, {y}, options(align_corners, half_pixel_centers));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(ResizeBilinear, TflmFloatVectors) {
  // HorizontalResize, VerticalResize, TwoDimensionalResize.
  EXPECT_EQ(run<float>({1, 1, 2, 1}, {3, 6}, 1, 3), (std::vector<float>{3, 5, 6}));
  EXPECT_EQ(run<float>({1, 2, 1, 1}, {3, 9}, 3, 1), (std::vector<float>{3, 7, 9}));
  EXPECT_EQ(run<float>({1, 2, 2, 1}, {3, 6, 9, 12}, 3, 3),
            (std::vector<float>{3, 5, 6, 7, 9, 10, 9, 11, 12}));
  // TwoDimensionalResizeWithTwoBatches and ThreeDimensionalResize: TFLM accepts 14 +- 1e-5; the
  // float products with weights of 1/3 and 2/3 give the float just below 14.
  const float almost14 = std::nextafter(14.0f, 0.0f);
  EXPECT_EQ(
      run<float>({2, 2, 2, 1}, {3, 6, 9, 12, 4, 10, 10, 16}, 3, 3),
      (std::vector<float>{3, 5, 6, 7, 9, 10, 9, 11, 12, 4, 8, 10, 8, 12, almost14, 10, 14, 16}));
  EXPECT_EQ(
      run<float>({1, 2, 2, 2}, {3, 4, 6, 10, 9, 10, 12, 16}, 3, 3),
      (std::vector<float>{3, 4, 5, 8, 6, 10, 7, 8, 9, 12, 10, almost14, 9, 10, 11, 14, 12, 16}));
}

TEST(ResizeBilinear, TflmInt8Vectors) {
  EXPECT_EQ(run<int8_t>({1, 1, 2, 1}, {3, 6}, 1, 3), (std::vector<int8_t>{3, 5, 6}));
  EXPECT_EQ(run<int8_t>({1, 2, 1, 1}, {3, 9}, 3, 1), (std::vector<int8_t>{3, 7, 9}));
  EXPECT_EQ(run<int8_t>({1, 2, 2, 1}, {3, 6, 9, 12}, 3, 3),
            (std::vector<int8_t>{3, 5, 6, 7, 9, 10, 9, 11, 12}));
  // TFLM's TwoDimensionalResizeWithTwoBatchesInt8 and ThreeDimensionalResizeInt8 expect these
  // within 1. Exactly: scale_10 = (2048 + 1) / 3 = 683, so output column 2 samples input column
  // 1366 / 1024 = 1 with weight 342 on a repeated column: (10 * 341 + 16 * 683) / 1024 = 14.002
  // -> 14 (TFLM lists 13), and the centre (4*341^2 + 12*683*341 + 10*341*683 + 16*683^2) / 2^20
  // = 12.45 -> 12.
  EXPECT_EQ(run<int8_t>({2, 2, 2, 1}, {3, 6, 9, 12, 4, 10, 12, 16}, 3, 3),
            (std::vector<int8_t>{3, 5, 6, 7, 9, 10, 9, 11, 12, 4, 8, 10, 9, 12, 14, 12, 15, 16}));
  EXPECT_EQ(run<int8_t>({1, 2, 2, 2}, {3, 4, 6, 10, 10, 12, 14, 16}, 3, 3),
            (std::vector<int8_t>{3, 4, 5, 8, 6, 10, 8, 9, 10, 12, 11, 14, 10, 12, 13, 15, 14, 16}));
}

TEST(ResizeBilinear, HalfPixelCenters) {
  // TFLite's HalfPixelCenterTest: 2x2 -> 3x3 of {1, 2, 3, 4} is {1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4}
  // up to rounding; row 2 column 0 mixes one pixel with weights -1/6 .. 7/6 and lands one ulp
  // above 3 in float.
  EXPECT_EQ(run<float>({1, 2, 2, 1}, {1, 2, 3, 4}, 3, 3, false, true),
            (std::vector<float>{1, 1.5f, 2, 2, 2.5f, 3, std::nextafter(3.0f, 4.0f), 3.5f, 4}));
  EXPECT_EQ(run<int8_t>({1, 2, 2, 1}, {10, 20, 30, 40}, 3, 3, false, true),
            (std::vector<int8_t>{10, 15, 20, 20, 25, 30, 30, 35, 40}));
  // Downscaling rows, upscaling columns: 2x3 -> 4x2.
  EXPECT_EQ(run<float>({1, 2, 3, 1}, {1, 2, 3, 4, 5, 6}, 4, 2, false, true),
            (std::vector<float>{1.25f, 2.75f, 2, 3.5f, 3.5f, 5, 4.25f, 5.75f}));
  EXPECT_EQ(run<int8_t>({1, 2, 3, 1}, {10, 20, 30, 40, 50, 60}, 4, 2, false, true),
            (std::vector<int8_t>{13, 28, 20, 35, 35, 50, 43, 58}));
}

TEST(ResizeBilinear, AlignCornersAndRounding) {
  // TFLite's AlignCornersTest-style: corners map to corners, scale (2 - 1) / (3 - 1).
  EXPECT_EQ(run<float>({1, 2, 2, 1}, {3, 6, 9, 12}, 3, 3, true),
            (std::vector<float>{3, 4.5f, 6, 6, 7.5f, 9, 9, 10.5f, 12}));
  // Halves round away from zero: 4.5 -> 5, 7.5 -> 8, 10.5 -> 11, -0.5 -> -1, -0.25 -> 0.
  EXPECT_EQ(run<int8_t>({1, 2, 2, 1}, {3, 6, 9, 12}, 3, 3, true),
            (std::vector<int8_t>{3, 5, 6, 6, 8, 9, 9, 11, 12}));
  EXPECT_EQ(run<int8_t>({1, 2, 2, 1}, {-100, 100, -128, 127}, 3, 3, true),
            (std::vector<int8_t>{-100, 0, 100, -114, 0, 114, -128, -1, 127}));
}

TEST(ResizeBilinear, Int16AndSignedZero) {
  // int16 runs the int8 integer kernel: (-30000 * 341 + 30000 * 683) / 1024 = 10019.5 -> 10020.
  EXPECT_EQ(run<int16_t>({1, 2, 2, 1}, {-30000, 30000, -32768, 32767}, 2, 3),
            (std::vector<int16_t>{-30000, 10020, 30000, -32768, 10943, 32767}));
  // TFLite's final + 0.0f turns a -0.0f interpolation into +0.0f.
  for (float v : run<float>({1, 1, 2, 1}, {-0.0f, -0.0f}, 1, 3)) {
    EXPECT_EQ(v, 0.0f);
    EXPECT_FALSE(std::signbit(v));
  }
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> size,
               std::vector<int32_t> out_shape, std::string* messages, bool align_corners = false,
               bool half_pixel_centers = false, TensorType type = TensorType::kFloat32,
               bool constant_size = true) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x =
      g.input(tensor(type, std::move(in_shape)), std::vector<uint8_t>(type_size(type) * count));
  const auto n = static_cast<int32_t>(size.size());
  const int s =
      constant_size
          ? g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {n}), to_bytes<int32_t>(size))
          : g.input(GraphBuilder::tensor_of(TensorType::kInt32, {n}), to_bytes<int32_t>(size));
  const int y = g.output(tensor(type, std::move(out_shape)));
  g.op(BuiltinOp::kResizeBilinear, {x, s}, {y}, options(align_corners, half_pixel_centers));
  const Status st = g.prepare();
  *messages = g.messages();
  return st;
}

TEST(ResizeBilinear, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, {3, 3}, {1, 3, 3, 1}, &m, true, true), Status::kInvalidModel);
  EXPECT_NE(m.find("cannot both be set"), std::string::npos) << m;
  EXPECT_EQ(
      prepare({1, 2, 2, 1}, {3, 3}, {1, 3, 3, 1}, &m, false, false, TensorType::kFloat32, false),
      Status::kUnsupported);
  EXPECT_NE(m.find("not constant"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, {0, 3}, {1, 0, 3, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("not positive"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, {3, 3}, {1, 3, 4, 1}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({1, 2, 2, 1}, {3, 3, 3}, {1, 3, 3, 1}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({1, 0, 2, 1}, {3, 3}, {1, 3, 3, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("empty"), std::string::npos) << m;
  // 1024 * input height must fit the integer kernel's int32 positions.
  EXPECT_EQ(prepare({1, 3000000, 1, 1}, {2, 1}, {1, 2, 1, 1}, &m, false, false, TensorType::kInt8),
            Status::kUnsupported);
  EXPECT_EQ(prepare({1, 2, 2, 1}, {3, 3}, {1, 3, 3, 1}, &m, false, false, TensorType::kInt32),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
