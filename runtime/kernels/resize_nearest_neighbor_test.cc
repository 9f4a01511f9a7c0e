// RESIZE_NEAREST_NEIGHBOR: TFLM's resize_nearest_neighbor_test.cc vectors, hand-computed
// align_corners / half_pixel_centers index maps, and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef resize_options(bool align_corners, bool half_pixel_centers) {
  namespace r = schema::resize_nearest_neighbor_options;
  return {schema::Options::kResizeNearestNeighbor,
          {OptionField::boolean(r::kAlignCorners, align_corners),
           OptionField::boolean(r::kHalfPixelCenters, half_pixel_centers)}};
}

template <typename T>
tools::TensorDef tensor(std::vector<int32_t> shape) {
  if constexpr (std::is_same_v<T, float>) {
    return GraphBuilder::tensor_f32(std::move(shape));
  } else {
    return GraphBuilder::tensor_q(TypeOf<T>::value, std::move(shape), 0.5f, 0);
  }
}

template <typename T>
std::vector<T> run_resize(std::vector<int32_t> in_shape, const std::vector<T>& input,
                          int32_t new_height, int32_t new_width, bool align_corners = false,
                          bool half_pixel_centers = false) {
  GraphBuilder g;
  const std::vector<int32_t> out_shape = {in_shape[0], new_height, new_width, in_shape[3]};
  const int x = g.input(tensor<T>(std::move(in_shape)), to_bytes<T>(input));
  const int s = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}),
                           to_bytes<int32_t>({new_height, new_width}));
  const int y = g.output(tensor<T>(out_shape));
  g.op(BuiltinOp::kResizeNearestNeighbor, {x, s}, {y},
       resize_options(align_corners, half_pixel_centers));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

// Vectors from TFLM tensorflow/lite/micro/kernels/resize_nearest_neighbor_test.cc.
template <typename T>
void check_tflm_vectors() {
  EXPECT_EQ(run_resize<T>({1, 1, 2, 1}, {-3, 6}, 1, 3), (std::vector<T>{-3, -3, 6}));
  EXPECT_EQ(run_resize<T>({1, 2, 1, 1}, {3, -9}, 3, 1), (std::vector<T>{3, 3, -9}));
  EXPECT_EQ(run_resize<T>({1, 2, 2, 1}, {3, -6, 9, 12}, 3, 3),
            (std::vector<T>{3, 3, -6, 3, 3, -6, 9, 9, 12}));
  EXPECT_EQ(run_resize<T>({2, 2, 2, 1}, {3, 6, 9, -12, -4, 10, 10, 16}, 3, 3),
            (std::vector<T>{3, 3, 6, 3, 3, 6, 9, 9, -12, -4, -4, 10, -4, -4, 10, 10, 10, 16}));
  EXPECT_EQ(run_resize<T>({1, 2, 2, 2}, {3, 4, -6, 10, 10, 12, -14, 16}, 3, 3),
            (std::vector<T>{3, 4, 3, 4, -6, 10, 3, 4, 3, 4, -6, 10, 10, 12, 10, 12, -14, 16}));
}

TEST(ResizeNearestNeighbor, TflmFloatVectors) { check_tflm_vectors<float>(); }
TEST(ResizeNearestNeighbor, TflmInt8Vectors) { check_tflm_vectors<int8_t>(); }
TEST(ResizeNearestNeighbor, TflmInt16Vectors) { check_tflm_vectors<int16_t>(); }

TEST(ResizeNearestNeighbor, IndexMapsForEachOption) {
  // Width 3 -> 5, input values are their own column indices.
  const std::vector<int8_t> cols3 = {0, 1, 2};
  // floor(x * 0.6): 0, 0.6, 1.2, 1.8, 2.4
  EXPECT_EQ(run_resize<int8_t>({1, 1, 3, 1}, cols3, 1, 5), (std::vector<int8_t>{0, 0, 1, 1, 2}));
  // half pixel: floor((x + 0.5) * 0.6): 0.3, 0.9, 1.5, 2.1, 2.7
  EXPECT_EQ(run_resize<int8_t>({1, 1, 3, 1}, cols3, 1, 5, false, true),
            (std::vector<int8_t>{0, 0, 1, 2, 2}));
  // align corners: round(x * 2 / 4): 0, 0.5 -> 1 (away from zero), 1, 1.5 -> 2, 2
  EXPECT_EQ(run_resize<int8_t>({1, 1, 3, 1}, cols3, 1, 5, true, false),
            (std::vector<int8_t>{0, 1, 1, 2, 2}));
  // both: round((x + 0.5) * 0.5): 0.25, 0.75, 1.25, 1.75, 2.25
  EXPECT_EQ(run_resize<int8_t>({1, 1, 3, 1}, cols3, 1, 5, true, true),
            (std::vector<int8_t>{0, 1, 1, 2, 2}));
  // Width 5 -> 2: floor(x * 2.5) = 0, 2; half pixel floor(1.25), floor(3.75) = 1, 3; align
  // corners round(x * 4) = 0, 4; to width 1 with align corners the scale is 5 / 1, index 0.
  const std::vector<int16_t> cols5 = {0, 1, 2, 3, 4};
  EXPECT_EQ(run_resize<int16_t>({1, 1, 5, 1}, cols5, 1, 2), (std::vector<int16_t>{0, 2}));
  EXPECT_EQ(run_resize<int16_t>({1, 1, 5, 1}, cols5, 1, 2, false, true),
            (std::vector<int16_t>{1, 3}));
  EXPECT_EQ(run_resize<int16_t>({1, 1, 5, 1}, cols5, 1, 2, true, false),
            (std::vector<int16_t>{0, 4}));
  EXPECT_EQ(run_resize<int16_t>({1, 1, 5, 1}, cols5, 1, 1, true, false), (std::vector<int16_t>{0}));
}

Status prepare_resize(tools::TensorDef in, tools::TensorDef size, std::vector<uint8_t> size_data,
                      bool size_constant, tools::TensorDef out, std::string* messages) {
  GraphBuilder g;
  size_t bytes = type_size(in.type);
  for (int32_t d : in.shape) bytes *= static_cast<size_t>(d);
  const int x = g.input(std::move(in), std::vector<uint8_t>(bytes));
  const int s = size_constant ? g.constant(std::move(size), std::move(size_data))
                              : g.input(std::move(size), std::move(size_data));
  const int y = g.output(std::move(out));
  g.op(BuiltinOp::kResizeNearestNeighbor, {x, s}, {y}, resize_options(false, false));
  const Status status = g.prepare();
  *messages = g.messages();
  return status;
}

TEST(ResizeNearestNeighbor, RejectsInvalidNodes) {
  std::string m;
  const auto size2 = [] { return GraphBuilder::tensor_of(TensorType::kInt32, {2}); };
  EXPECT_EQ(prepare_resize(tensor<float>({1, 2, 2, 1}), size2(), to_bytes<int32_t>({3, 3}), false,
                           tensor<float>({1, 3, 3, 1}), &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("not constant"), std::string::npos) << m;
  EXPECT_EQ(prepare_resize(tensor<float>({1, 2, 2, 1}), size2(), to_bytes<int32_t>({3, 3}), true,
                           tensor<float>({1, 3, 2, 1}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("expected shape [1, 3, 3, 1]"), std::string::npos) << m;
  EXPECT_EQ(prepare_resize(tensor<float>({2, 2, 1}), size2(), to_bytes<int32_t>({3, 3}), true,
                           tensor<float>({3, 3, 1}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("rank 3"), std::string::npos) << m;
  EXPECT_EQ(
      prepare_resize(tensor<float>({1, 2, 2, 1}), GraphBuilder::tensor_of(TensorType::kInt32, {3}),
                     to_bytes<int32_t>({3, 3, 1}), true, tensor<float>({1, 3, 3, 1}), &m),
      Status::kInvalidModel);
  EXPECT_EQ(
      prepare_resize(tensor<float>({1, 2, 2, 1}), GraphBuilder::tensor_of(TensorType::kInt64, {2}),
                     to_bytes<int64_t>({3, 3}), true, tensor<float>({1, 3, 3, 1}), &m),
      Status::kUnsupported);
  EXPECT_EQ(prepare_resize(tensor<float>({1, 0, 2, 1}), size2(), to_bytes<int32_t>({3, 3}), true,
                           tensor<float>({1, 3, 3, 1}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("empty"), std::string::npos) << m;
  EXPECT_EQ(prepare_resize(tensor<float>({1, 2, 2, 1}), size2(), to_bytes<int32_t>({3, 3}), true,
                           tensor<int8_t>({1, 3, 3, 1}), &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("RESIZE_NEAREST_NEIGHBOR"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
