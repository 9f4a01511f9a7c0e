// GATHER: TFLM kernel test vectors (tensorflow/lite/micro/kernels/gather_test.cc), every params
// and index type, batch_dims, and Prepare's and Eval's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef gather_options(int32_t axis, int32_t batch_dims = 0) {
  return {schema::Options::kGather,
          {OptionField::int32(0, axis), OptionField::int32(1, batch_dims)}};
}

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8 || type == TensorType::kInt16) {
    return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  }
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T, typename Index = int32_t>
std::vector<T> run_gather(std::vector<int32_t> params_shape, const std::vector<T>& params,
                          std::vector<int32_t> index_shape, const std::vector<Index>& indices,
                          std::vector<int32_t> out_shape, int32_t axis = 0,
                          int32_t batch_dims = 0) {
  GraphBuilder g;
  const int p = g.input(tensor(TypeOf<T>::value, std::move(params_shape)), to_bytes<T>(params));
  const int i = g.input(GraphBuilder::tensor_of(TypeOf<Index>::value, std::move(index_shape)),
                        to_bytes<Index>(indices));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kGather, {p, i}, {y}, gather_options(axis, batch_dims));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(Gather, TflmVectors) {
  // TFLM gather_test.cc: GatherOp_Shuffle, _Test0DIndex, _Test0DIndexWith0DResult,
  // _Test2DIndexWith2DResult, _Duplicate, _Slice.
  EXPECT_EQ(run_gather<float>({2, 2}, {-2.0f, 0.2f, 0.7f, 0.8f}, {2}, {1, 0}, {2, 2}),
            (std::vector<float>{0.7f, 0.8f, -2.0f, 0.2f}));
  EXPECT_EQ(run_gather<float>({2, 2}, {-2.0f, 0.2f, 0.7f, 0.8f}, {}, {1}, {2}),
            (std::vector<float>{0.7f, 0.8f}));
  EXPECT_EQ(run_gather<float>({3}, {1, 2, 3}, {}, {1}, {}), (std::vector<float>{2}));
  EXPECT_EQ(run_gather<float>({3}, {1, 2, 3}, {1, 2}, {1, 0}, {1, 2}), (std::vector<float>{2, 1}));
  EXPECT_EQ(run_gather<float>({1, 2, 2}, {-2.0f, 0.2f, 0.7f, 0.8f}, {2}, {0, 0}, {2, 2, 2}),
            (std::vector<float>{-2.0f, 0.2f, 0.7f, 0.8f, -2.0f, 0.2f, 0.7f, 0.8f}));
  EXPECT_EQ(run_gather<float>({4, 1}, {-2.0f, 0.2f, 0.7f, 0.8f}, {2}, {1, 3}, {2, 1}),
            (std::vector<float>{0.2f, 0.8f}));
  // GatherOp_Axis1, _Axis1_0DIndex, _Axis1Slice, _LastAxis, _LastAxis0DIndex.
  EXPECT_EQ(run_gather<float>({1, 2, 3}, {1, 2, 3, 4, 5, 6}, {2}, {1, 0}, {1, 2, 3}, 1),
            (std::vector<float>{4, 5, 6, 1, 2, 3}));
  EXPECT_EQ(run_gather<float>({1, 3, 2}, {1, 2, 3, 4, 5, 6}, {}, {1}, {1, 2}, 1),
            (std::vector<float>{3, 4}));
  EXPECT_EQ(run_gather<float>({1, 4, 2}, {1, 2, 3, 4, 5, 6, 7, 8}, {2}, {3, 1}, {1, 2, 2}, 1),
            (std::vector<float>{7, 8, 3, 4}));
  EXPECT_EQ(run_gather<float>({1, 2, 3}, {1, 2, 3, 4, 5, 6}, {2}, {2, 0}, {1, 2, 2}, -1),
            (std::vector<float>{3, 1, 6, 4}));
  EXPECT_EQ(run_gather<float>({1, 2, 3}, {1, 2, 3, 4, 5, 6}, {}, {2}, {1, 2}, -1),
            (std::vector<float>{3, 6}));
  // GatherOp_Int8Int32.
  EXPECT_EQ(run_gather<int8_t>({2, 2}, {-13, -120, 14, 15}, {2}, {1, 0}, {2, 2}),
            (std::vector<int8_t>{14, 15, -13, -120}));
}

TEST(Gather, TflmBatchDims) {
  std::vector<float> params_f(60);
  std::vector<int8_t> params_s8(60);
  for (int i = 0; i < 60; ++i) {
    params_f[i] = static_cast<float>(i);
    params_s8[i] = static_cast<int8_t>(i);
  }
  const std::vector<int32_t> indices = {1, 0, 0, 1, 1, 0, 0, 1};
  // GatherOp_BatchDims2: params [2, 2, 3, 5], indices [2, 2, 2], axis 2.
  EXPECT_EQ(run_gather<float>({2, 2, 3, 5}, params_f, {2, 2, 2}, indices, {2, 2, 2, 5}, 2, 2),
            (std::vector<float>{5,  6,  7,  8,  9,  0,  1,  2,  3,  4,  15, 16, 17, 18,
                                19, 20, 21, 22, 23, 24, 35, 36, 37, 38, 39, 30, 31, 32,
                                33, 34, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54}));
  // GatherOp_BatchDims1 and _NegativeBatchDims (-2 + 3 = 1) give the same output.
  const std::vector<int8_t> expected1 = {
      5,  6,  7,  8,  9,  0,  1,  2,  3,  4,  0,  1,  2,  3,  4,  5,  6,  7,  8,  9,
      20, 21, 22, 23, 24, 15, 16, 17, 18, 19, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
      35, 36, 37, 38, 39, 30, 31, 32, 33, 34, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39,
      50, 51, 52, 53, 54, 45, 46, 47, 48, 49, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54};
  for (int32_t batch_dims : {1, -2}) {
    EXPECT_EQ(run_gather<int8_t>({2, 2, 3, 5}, params_s8, {2, 2, 2}, indices, {2, 2, 2, 2, 5}, 2,
                                 batch_dims),
              expected1);
  }
  // GatherOp_BatchDimsEqualIndexDims: params [2, 2, 2, 5], axis 3, batch_dims 3.
  std::vector<int8_t> params40(params_s8.begin(), params_s8.begin() + 40);
  EXPECT_EQ(run_gather<int8_t>({2, 2, 2, 5}, params40, {2, 2, 2}, indices, {2, 2, 2}, 3, 3),
            (std::vector<int8_t>{1, 5, 10, 16, 21, 25, 30, 36}));
}

TEST(Gather, EveryTypeAndInt64Indices) {
  EXPECT_EQ(run_gather<int16_t>({3, 2}, {-1, 2, -300, 400, 5, -6}, {2}, {2, 1}, {2, 2}),
            (std::vector<int16_t>{5, -6, -300, 400}));
  EXPECT_EQ(run_gather<int32_t>({3}, {7, 8, 9}, {4}, {2, 2, 0, 1}, {4}),
            (std::vector<int32_t>{9, 9, 7, 8}));
  EXPECT_EQ(run_gather<int64_t>({2}, {int64_t{1} << 40, -5}, {1}, {1}, {1}),
            (std::vector<int64_t>{-5}));
  EXPECT_EQ((run_gather<float, int64_t>({2, 3}, {1, 2, 3, 4, 5, 6}, {2}, {2, 0}, {2, 2}, 1)),
            (std::vector<float>{3, 1, 6, 4}));
}

TEST(Gather, Bool) {
  GraphBuilder g;  // bool elements are bytes
  const int p =
      g.input(GraphBuilder::tensor_of(TensorType::kBool, {2, 2}), to_bytes<uint8_t>({1, 0, 0, 1}));
  const int i = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
  const int y = g.output(GraphBuilder::tensor_of(TensorType::kBool, {1, 2}));
  g.op(BuiltinOp::kGather, {p, i}, {y}, gather_options(0));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<uint8_t>(0), (std::vector<uint8_t>{0, 1}));
}

TEST(Gather, EmptyIndicesGiveEmptyOutput) {
  EXPECT_TRUE(run_gather<float>({3, 2}, {1, 2, 3, 4, 5, 6}, {0}, {}, {0, 2}).empty());
}

TEST(Gather, OutOfRangeIndexFailsInEval) {
  for (int32_t bad : {3, -1}) {
    GraphBuilder g;
    const int p = g.input(GraphBuilder::tensor_f32({3}), to_bytes<float>({1, 2, 3}));
    const int i =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({0, bad}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kGather, {p, i}, {y}, gather_options(0));
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find("outside [0, 3)"), std::string::npos) << g.messages();
  }
  {
    // With batch_dims the index used is the one of its own batch (TFLM's old DCHECK looked at the
    // first batch's): batch 1's index 5 is out of range.
    GraphBuilder g;
    const int p = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
    const int i =
        g.input(GraphBuilder::tensor_of(TensorType::kInt64, {2, 1}), to_bytes<int64_t>({1, 5}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 1}));
    g.op(BuiltinOp::kGather, {p, i}, {y}, gather_options(1, 1));
    EXPECT_EQ(g.run(), Status::kEvalFailed);
    EXPECT_NE(g.messages().find("index 5 (element 1"), std::string::npos) << g.messages();
  }
}

Status prepare_gather(std::vector<int32_t> params_shape, std::vector<int32_t> index_shape,
                      std::vector<int32_t> out_shape, int32_t axis, int32_t batch_dims,
                      std::string* messages, TensorType index_type = TensorType::kInt32,
                      TensorType out_type = TensorType::kFloat32) {
  GraphBuilder h;
  size_t count = 1;
  for (int32_t d : params_shape) count *= static_cast<size_t>(d);
  size_t index_count = 1;
  for (int32_t d : index_shape) index_count *= static_cast<size_t>(d);
  const int pp =
      h.input(GraphBuilder::tensor_f32(std::move(params_shape)), std::vector<uint8_t>(4 * count));
  const int ii = h.input(GraphBuilder::tensor_of(index_type, std::move(index_shape)),
                         std::vector<uint8_t>(type_size(index_type) * index_count));
  const int yy = h.output(GraphBuilder::tensor_of(out_type, std::move(out_shape)));
  h.op(BuiltinOp::kGather, {pp, ii}, {yy}, gather_options(axis, batch_dims));
  const Status s = h.prepare();
  *messages = h.messages();
  return s;
}

TEST(Gather, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare_gather({2, 3}, {2}, {2, 2}, 2, 0, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("axis 2 is out of range"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather({2, 3}, {2}, {2, 2}, 0, 1, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("batch_dims"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather({2, 3}, {3, 1}, {2, 1}, 1, 1, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("batch dimension 0"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather({2, 3}, {4}, {2, 3}, 1, 0, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather({2, 3}, {2}, {2, 3}, 0, 0, &m, TensorType::kInt16),
            Status::kUnsupported);
  EXPECT_NE(m.find("indices"), std::string::npos) << m;
  EXPECT_EQ(prepare_gather({2, 3}, {2}, {2, 3}, 0, 0, &m, TensorType::kInt32, TensorType::kInt32),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
