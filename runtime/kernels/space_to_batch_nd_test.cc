// SPACE_TO_BATCH_ND: TFLite kernel test vectors (tensorflow/lite/kernels/
// space_to_batch_nd_test.cc: SimpleConstTest, MultipleInputBatchesConstTest,
// SimplePaddingConstTest, ComplexPaddingConstTest), checked against an independent model of
// TensorFlow's definition (pad, reshape, transpose); 3D input, int8 padding with the zero point,
// every type, and Prepare's rejections.
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
                   const std::vector<int32_t>& block, const std::vector<int32_t>& paddings,
                   std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const auto spatial = static_cast<int32_t>(block.size());
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int b =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {spatial}), to_bytes<int32_t>(block));
  const int p = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {spatial, 2}),
                           to_bytes<int32_t>(paddings));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kSpaceToBatchNd, {x, b, p}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

std::vector<float> iota(int n) {
  std::vector<float> v(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  return v;
}

TEST(SpaceToBatchNd, TfliteVectors) {
  EXPECT_EQ(run<float>({1, 4, 4, 1}, iota(16), {2, 2}, {0, 0, 0, 0}, {4, 2, 2, 1}),
            (std::vector<float>{1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16}));
  EXPECT_EQ(run<float>({2, 2, 4, 1}, iota(16), {2, 2}, {0, 0, 0, 0}, {8, 1, 2, 1}),
            (std::vector<float>{1, 3, 9, 11, 2, 4, 10, 12, 5, 7, 13, 15, 6, 8, 14, 16}));
  EXPECT_EQ(run<float>({1, 5, 2, 1}, iota(10), {3, 2}, {1, 0, 2, 0}, {6, 2, 2, 1}),
            (std::vector<float>{0, 0, 0, 5, 0, 0, 0, 6, 0, 1, 0, 7,
                                0, 2, 0, 8, 0, 3, 0, 9, 0, 4, 0, 10}));
  EXPECT_EQ(
      run<float>({1, 4, 2, 1}, iota(8), {3, 2}, {1, 1, 2, 4}, {6, 2, 4, 1}),
      (std::vector<float>{0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0,
                          0, 2, 0, 0, 0, 8, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0}));
}

TEST(SpaceToBatchNd, Int8PadsWithZeroPointAnd3D) {
  // NHC [1, 3, 2] with block [2] and one row of padding on top: batch 0 takes padded rows 0 and
  // 2, batch 1 rows 1 and 3 (input rows 0 and 2). Padding is the zero point, -3.
  EXPECT_EQ(run<int8_t>({1, 3, 2}, {1, 2, 3, 4, 5, 6}, {2}, {1, 0}, {2, 2, 2}),
            (std::vector<int8_t>{-3, -3, 3, 4, 1, 2, 5, 6}));
  EXPECT_EQ(run<int32_t>({1, 2, 2, 1}, {1, 2, 3, 4}, {1, 2}, {0, 0, 1, 1}, {2, 2, 2, 1}),
            (std::vector<int32_t>{0, 2, 0, 4, 1, 0, 3, 0}));
  EXPECT_EQ(run<int64_t>({1, 2, 1, 1}, {7, 8}, {2, 1}, {0, 0, 0, 0}, {2, 1, 1, 1}),
            (std::vector<int64_t>{7, 8}));
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> block_shape,
               std::vector<int32_t> block, std::vector<int32_t> pad_shape,
               std::vector<int32_t> paddings, std::vector<int32_t> out_shape,
               std::string* messages) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  const int b = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, std::move(block_shape)),
                           to_bytes<int32_t>(block));
  const int p = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, std::move(pad_shape)),
                           to_bytes<int32_t>(paddings));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kSpaceToBatchNd, {x, b, p}, {y});
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(SpaceToBatchNd, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({1, 3, 4, 1}, {2}, {2, 2}, {2, 2}, {0, 0, 0, 0}, {4, 1, 2, 1}, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("padded dimension 0 of size 3"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 4, 4, 1}, {2}, {0, 2}, {2, 2}, {0, 0, 0, 0}, {4, 2, 2, 1}, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("block_shape[0] is 0"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 4, 4, 1}, {2}, {2, 2}, {2, 2}, {0, -2, 0, 0}, {4, 1, 2, 1}, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("negative"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 4, 4, 1}, {2}, {2, 2}, {2, 2}, {0, 0, 0, 0}, {2, 2, 4, 1}, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 4, 4, 1}, {1}, {2}, {1, 2}, {0, 0}, {2, 2, 4, 1}, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("vector of 2 values"), std::string::npos) << m;
  EXPECT_EQ(prepare({4, 4}, {1}, {2}, {1, 2}, {0, 0}, {8, 2}, &m), Status::kUnsupported);
  EXPECT_NE(m.find("rank 2"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
