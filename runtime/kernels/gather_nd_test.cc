// GATHER_ND: TFLM kernel test vectors (tensorflow/lite/micro/kernels/gather_nd_test.cc), every
// params and index type, and Prepare's and Eval's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T, typename Index = int32_t>
std::vector<T> run_gather_nd(std::vector<int32_t> params_shape, const std::vector<T>& params,
                             std::vector<int32_t> index_shape, const std::vector<Index>& indices,
                             std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int p = g.input(tensor(TypeOf<T>::value, std::move(params_shape)), to_bytes<T>(params));
  const int i = g.input(GraphBuilder::tensor_of(TypeOf<Index>::value, std::move(index_shape)),
                        to_bytes<Index>(indices));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kGatherNd, {p, i}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

const std::vector<float> kMatrix = {1.1f, 1.2f, 2.1f, 2.2f};
const std::vector<float> kRank3 = {1.1f, -1.2f, 1.3f,  -2.1f, 2.2f,  2.3f,  //
                                   3.1f, 3.2f,  -3.3f, -4.1f, -4.2f, 4.3f,  //
                                   5.1f, -5.2f, 5.3f,  6.1f,  -6.2f, 6.3f};

TEST(GatherNd, TflmMatrixVectors) {
  // GatherNd_ElementIndexingIntoMatrix, _SliceIndexingIntoMatrix, _BatchedIndexingIntoMatrix1/2,
  // _DuplicateIndexingIntoMatrix.
  EXPECT_EQ(run_gather_nd<float>({2, 2}, kMatrix, {2, 2}, {0, 0, 1, 1}, {2}),
            (std::vector<float>{1.1f, 2.2f}));
  EXPECT_EQ(run_gather_nd<float>({2, 2}, kMatrix, {2, 1}, {1, 0}, {2, 2}),
            (std::vector<float>{2.1f, 2.2f, 1.1f, 1.2f}));
  EXPECT_EQ(run_gather_nd<float>({2, 2}, kMatrix, {2, 1, 1}, {1, 0}, {2, 1, 2}),
            (std::vector<float>{2.1f, 2.2f, 1.1f, 1.2f}));
  EXPECT_EQ(run_gather_nd<float>({2, 2}, kMatrix, {2, 1, 2}, {0, 0, 1, 1}, {2, 1}),
            (std::vector<float>{1.1f, 2.2f}));
  EXPECT_EQ(run_gather_nd<float>({2, 2}, kMatrix, {2, 2}, {0, 0, 0, 0}, {2}),
            (std::vector<float>{1.1f, 1.1f}));
}

TEST(GatherNd, TflmRank3Vectors) {
  // GatherNd_ElementIndexingIntoRank3Tensor, _SliceIndexingIntoRank3Tensor,
  // _BatchedIndexingIntoRank3Tensor1..4, _DuplicateIndexingIntoRank3Tensor, _Float32Int32.
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {1, 2, 3}, {0, 0, 1, 1, 1, 0}, {1, 2}),
            (std::vector<float>{-1.2f, -4.1f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 1}, {0, 2}, {2, 2, 3}),
            (std::vector<float>{1.1f, -1.2f, 1.3f, -2.1f, 2.2f, 2.3f, 5.1f, -5.2f, 5.3f, 6.1f,
                                -6.2f, 6.3f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 1, 3}, {0, 0, 1, 1, 1, 0}, {2, 1}),
            (std::vector<float>{-1.2f, -4.1f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {3, 1, 1}, {1, 2, 0}, {3, 1, 2, 3}),
            (std::vector<float>{3.1f, 3.2f, -3.3f, -4.1f, -4.2f, 4.3f, 5.1f, -5.2f, 5.3f, 6.1f,
                                -6.2f, 6.3f, 1.1f, -1.2f, 1.3f, -2.1f, 2.2f, 2.3f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 2, 2}, {0, 1, 1, 0, 0, 0, 2, 1}, {2, 2, 3}),
            (std::vector<float>{-2.1f, 2.2f, 2.3f, 3.1f, 3.2f, -3.3f, 1.1f, -1.2f, 1.3f, 6.1f,
                                -6.2f, 6.3f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 2, 3}, {0, 0, 1, 1, 0, 1, 1, 1, 2, 2, 1, 2},
                                 {2, 2}),
            (std::vector<float>{-1.2f, 3.2f, 4.3f, 6.3f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 2}, {0, 1, 0, 1}, {2, 3}),
            (std::vector<float>{-2.1f, 2.2f, 2.3f, -2.1f, 2.2f, 2.3f}));
  EXPECT_EQ(run_gather_nd<float>({3, 2, 3}, kRank3, {2, 2}, {0, 1, 1, 0}, {2, 3}),
            (std::vector<float>{-2.1f, 2.2f, 2.3f, 3.1f, 3.2f, -3.3f}));
  // GatherNd_Int8Int32.
  EXPECT_EQ(run_gather_nd<int8_t>({3, 2, 3},
                                  {1, -1, 1, -2, 2, 2, 3, 3, -3, -4, -4, 4, 5, -5, 5, 6, -6, 6},
                                  {2, 2}, {0, 1, 1, 0}, {2, 3}),
            (std::vector<int8_t>{-2, 2, 2, 3, 3, -3}));
}

TEST(GatherNd, OtherTypesAndInt64Indices) {
  EXPECT_EQ(run_gather_nd<int16_t>({2, 2}, {-300, 1, 2, 400}, {1, 2}, {1, 1}, {1}),
            (std::vector<int16_t>{400}));
  EXPECT_EQ(run_gather_nd<int32_t>({2, 2}, {5, 6, 7, 8}, {1, 1}, {1}, {1, 2}),
            (std::vector<int32_t>{7, 8}));
  EXPECT_EQ((run_gather_nd<int64_t, int64_t>({3}, {10, 20, 30}, {2, 1}, {2, 0}, {2})),
            (std::vector<int64_t>{30, 10}));
  // Index vectors of length 0 copy the whole params for each.
  EXPECT_EQ(run_gather_nd<float>({2}, {1, 2}, {2, 0}, {}, {2, 2}),
            (std::vector<float>{1, 2, 1, 2}));
}

TEST(GatherNd, OutOfRangeIndexFailsInEval) {
  struct Case {
    std::vector<int32_t> indices;
    const char* message;
  };
  // TFLM's GatherNd_ReadOOB and _ReadOOBNegative, and [0, 2]: inside params as a flat offset
  // (TFLM would read element 2, i.e. [1, 0]), but outside dimension 1.
  for (const Case& c :
       {Case{{0, 1, 2, 0}, "index 2 (element 2"}, Case{{0, -1, 1, 0}, "index -1 (element 1"},
        Case{{0, 2, 0, 0}, "outside [0, 2) for params dimension 1"}}) {
    GraphBuilder g;
    const int p = g.input(tensor(TensorType::kInt8, {2, 2}), to_bytes<int8_t>({1, -1, 1, -2}));
    const int i =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2, 2}), to_bytes<int32_t>(c.indices));
    const int y = g.output(tensor(TensorType::kInt8, {2}));
    g.op(BuiltinOp::kGatherNd, {p, i}, {y});
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

Status prepare_gather_nd(std::vector<int32_t> params_shape, std::vector<int32_t> index_shape,
                         std::vector<int32_t> out_shape, std::string* messages,
                         TensorType params_type = TensorType::kFloat32) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : params_shape) count *= static_cast<size_t>(d);
  size_t index_count = 1;
  for (int32_t d : index_shape) index_count *= static_cast<size_t>(d);
  const int p = g.input(tensor(params_type, std::move(params_shape)),
                        std::vector<uint8_t>(type_size(params_type) * count));
  const int i = g.input(GraphBuilder::tensor_of(TensorType::kInt32, std::move(index_shape)),
                        std::vector<uint8_t>(4 * index_count));
  const int y = g.output(tensor(params_type, std::move(out_shape)));
  g.op(BuiltinOp::kGatherNd, {p, i}, {y});
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(GatherNd, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare_gather_nd({2, 2}, {1, 3}, {1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("params has rank 2"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather_nd({2, 2}, {}, {2, 2}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("indices must be at least a vector"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather_nd({}, {1}, {}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare_gather_nd({1, 1, 1, 1, 1, 1}, {1, 6}, {1}, &m), Status::kUnsupported);
  EXPECT_NE(m.find("at most 5"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather_nd({2, 2}, {3, 1}, {2, 2}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather_nd({2, 2}, {1, 1}, {1, 2}, &m, TensorType::kUInt8),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
