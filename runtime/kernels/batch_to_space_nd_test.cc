// BATCH_TO_SPACE_ND: TFLite kernel test vectors (tensorflow/lite/kernels/
// batch_to_space_nd_test.cc: SimpleConstTest), and crop cases checked against an independent model
// of TensorFlow's definition (reshape, transpose, crop); 3D input, every type, Prepare's
// rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8) return GraphBuilder::tensor_q(type, std::move(shape), 0.5f, -3);
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T>
std::vector<T> run(std::vector<int32_t> in_shape, const std::vector<T>& input,
                   const std::vector<int32_t>& block, const std::vector<int32_t>& crops,
                   std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const auto spatial = static_cast<int32_t>(block.size());
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {spatial}), to_bytes<int32_t>(block));
  const int c = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {spatial, 2}),
                           to_bytes<int32_t>(crops));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kBatchToSpaceNd, {x, b, c}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(BatchToSpaceNd, TfliteVectorsAndCrops) {
  std::vector<float> in16(16);
  for (int i = 0; i < 16; ++i) in16[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  const std::vector<float> expected = {1, 5, 2, 6, 9, 13, 10, 14, 3, 7, 4, 8, 11, 15, 12, 16};
  EXPECT_EQ(run<float>({4, 2, 2, 1}, in16, {2, 2}, {0, 0, 0, 0}, {1, 4, 4, 1}), expected);
  // Same values from 8 batches of 1x2: two output batches.
  EXPECT_EQ(run<float>({8, 1, 2, 1}, in16, {2, 2}, {0, 0, 0, 0}, {2, 2, 4, 1}), expected);
  // [4, 2, 3, 1] -> 4x6 images, crop one row on top and two columns on the right.
  std::vector<int32_t> in24(24);
  for (int i = 0; i < 24; ++i) in24[static_cast<size_t>(i)] = i + 1;
  EXPECT_EQ(run<int32_t>({4, 2, 3, 1}, in24, {2, 2}, {1, 0, 0, 2}, {1, 3, 4, 1}),
            (std::vector<int32_t>{13, 19, 14, 20, 4, 10, 5, 11, 16, 22, 17, 23}));
  EXPECT_EQ(
      run<int64_t>({8, 1, 1, 1}, {1, 2, 3, 4, 5, 6, 7, 8}, {2, 2}, {0, 1, 1, 0}, {2, 1, 1, 1}),
      (std::vector<int64_t>{3, 4}));
}

TEST(BatchToSpaceNd, Int8And3D) {
  // Undoes SpaceToBatchNd.Int8PadsWithZeroPointAnd3D: NHC [2, 2, 2], block [2], crop the top row.
  EXPECT_EQ(run<int8_t>({2, 2, 2}, {-3, -3, 3, 4, 1, 2, 5, 6}, {2}, {1, 0}, {1, 3, 2}),
            (std::vector<int8_t>{1, 2, 3, 4, 5, 6}));
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> block,
               std::vector<int32_t> crops, std::vector<int32_t> out_shape, std::string* messages,
               TensorType crops_type = TensorType::kInt32) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const auto spatial = static_cast<int32_t>(block.size());
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {spatial}), to_bytes<int32_t>(block));
  std::vector<uint8_t> crop_bytes = to_bytes<int32_t>(crops);
  if (crops_type == TensorType::kInt64) crop_bytes.resize(2 * crop_bytes.size());
  const int c = g.constant(GraphBuilder::tensor_of(crops_type, {spatial, 2}), crop_bytes);
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kBatchToSpaceNd, {x, b, c}, {y});
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(BatchToSpaceNd, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({3, 2, 2, 1}, {2, 2}, {0, 0, 0, 0}, {1, 4, 4, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("input batch 3 is not a multiple of the block volume 4"), std::string::npos)
      << m;
  EXPECT_EQ(prepare({4, 2, 2, 1}, {2, 2}, {3, 2, 0, 0}, {1, 0, 4, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("crops [3, 2] exceed dimension 0 of size 4"), std::string::npos) << m;
  EXPECT_EQ(prepare({4, 2, 2, 1}, {2, 2}, {-1, 0, 0, 0}, {1, 5, 4, 1}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({4, 2, 2, 1}, {2, 2}, {0, 0, 0, 0}, {1, 4, 2, 2}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare({4, 2, 2, 1}, {2, 2}, {0, 0, 0, 0}, {1, 4, 4, 1}, &m, TensorType::kInt64),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
