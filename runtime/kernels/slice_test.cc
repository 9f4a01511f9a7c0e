// SLICE: TFLM kernel test vectors (tensorflow/lite/micro/kernels/slice_test.cc), every type,
// int64 begin/size, computed begin/size checked in Eval, and Prepare's rejections.
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

// Slices with constant begin/size of type Index.
template <typename T, typename Index = int32_t>
std::vector<T> run_slice(std::vector<int32_t> in_shape, const std::vector<T>& input,
                         const std::vector<Index>& begin, const std::vector<Index>& size,
                         std::vector<int32_t> out_shape, TensorType type = TypeOf<T>::value) {
  GraphBuilder g;
  const auto n = static_cast<int32_t>(begin.size());
  const int x = g.input(tensor(type, std::move(in_shape)), to_bytes<T>(input));
  const int b =
      g.constant(GraphBuilder::tensor_of(TypeOf<Index>::value, {n}), to_bytes<Index>(begin));
  const int s =
      g.constant(GraphBuilder::tensor_of(TypeOf<Index>::value, {n}), to_bytes<Index>(size));
  const int y = g.output(tensor(type, std::move(out_shape)));
  g.op(BuiltinOp::kSlice, {x, b, s}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

const std::vector<int32_t> kInts = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6};

TEST(Slice, TflmVectors) {
  // In1D, In2D, In3D, In5D, InputFloat, IndexInt64.
  EXPECT_EQ(run_slice<float>({4}, {1, 2, 3, 4}, {1}, {2}, {2}), (std::vector<float>{2, 3}));
  EXPECT_EQ(run_slice<float>({2, 3}, {1, 2, 3, 4, 5, 6}, {1, 0}, {1, 2}, {1, 2}),
            (std::vector<float>{4, 5}));
  EXPECT_EQ(run_slice<float>({2, 3, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {0, 0, 0},
                             {2, 3, 2}, {2, 3, 2}),
            (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  EXPECT_EQ(run_slice<float>({5, 1, 1, 1, 1}, {1, 2, 3, 4, 5}, {1, 0, 0, 0, 0}, {3, 1, 1, 1, 1},
                             {3, 1, 1, 1, 1}),
            (std::vector<float>{2, 3, 4}));
  EXPECT_EQ(run_slice<float>({4, 1, 1, 1}, {1, 2, 3, 4}, {1, 0, 0, 0}, {3, 1, 1, 1}, {3, 1, 1, 1}),
            (std::vector<float>{2, 3, 4}));
  EXPECT_EQ((run_slice<float, int64_t>({4, 1, 1, 1}, {1, 2, 3, 4}, {1, 0, 0, 0}, {3, 1, 1, 1},
                                       {3, 1, 1, 1})),
            (std::vector<float>{2, 3, 4}));
  // InputInteger1..3, SizeMinus1, BeginNonZeroSizeMinus1Axis1..3.
  EXPECT_EQ(run_slice<int32_t>({3, 2, 3, 1}, kInts, {1, 0, 0, 0}, {1, 1, 3, 1}, {1, 1, 3, 1}),
            (std::vector<int32_t>{3, 3, 3}));
  EXPECT_EQ(run_slice<int32_t>({3, 2, 3, 1}, kInts, {1, 0, 0, 0}, {1, 2, 3, 1}, {1, 2, 3, 1}),
            (std::vector<int32_t>{3, 3, 3, 4, 4, 4}));
  EXPECT_EQ(run_slice<int32_t>({3, 2, 3, 1}, kInts, {1, 0, 0, 0}, {2, 1, 3, 1}, {2, 1, 3, 1}),
            (std::vector<int32_t>{3, 3, 3, 5, 5, 5}));
  EXPECT_EQ(run_slice<int32_t>({3, 2, 3, 1}, kInts, {1, 0, 0, 0}, {2, 1, -1, 1}, {2, 1, 3, 1}),
            (std::vector<int32_t>{3, 3, 3, 5, 5, 5}));
  EXPECT_EQ(run_slice<int32_t>({3, 3, 2, 1}, {1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9},
                               {1, 1, 0, 0}, {2, -1, 1, 1}, {2, 2, 1, 1}),
            (std::vector<int32_t>{5, 6, 8, 9}));
  EXPECT_EQ(run_slice<int32_t>({3, 2, 3, 1}, kInts, {1, 0, 1, 0}, {2, 1, -1, 1}, {2, 1, 2, 1}),
            (std::vector<int32_t>{3, 3, 5, 5}));
  EXPECT_EQ(run_slice<int32_t>({3, 1, 2, 3}, kInts, {1, 0, 0, 1}, {2, 1, 1, -1}, {2, 1, 1, 2}),
            (std::vector<int32_t>{3, 3, 5, 5}));
  // SliceInt8, SliceInt16, SliceBool.
  const std::vector<int8_t> s8(kInts.begin(), kInts.end());
  EXPECT_EQ(run_slice<int8_t>({3, 2, 3, 1}, s8, {1, 0, 0, 0}, {2, 1, -1, 1}, {2, 1, 3, 1}),
            (std::vector<int8_t>{3, 3, 3, 5, 5, 5}));
  const std::vector<int16_t> s16(kInts.begin(), kInts.end());
  EXPECT_EQ(run_slice<int16_t>({3, 2, 3, 1}, s16, {1, 0, 0, 0}, {2, 1, -1, 1}, {2, 1, 3, 1}),
            (std::vector<int16_t>{3, 3, 3, 5, 5, 5}));
  EXPECT_EQ(run_slice<uint8_t>({3, 2, 3, 1}, {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0},
                               {1, 0, 0, 0}, {2, 1, -1, 1}, {2, 1, 3, 1}, TensorType::kBool),
            (std::vector<uint8_t>{1, 0, 1, 0, 0, 1}));
}

TEST(Slice, Int64ScalarAndEmpty) {
  EXPECT_EQ(run_slice<int64_t>({3}, {int64_t{1} << 40, 2, -3}, {2}, {-1}, {1}),
            (std::vector<int64_t>{-3}));
  EXPECT_EQ(run_slice<float>({}, {7}, {}, {}, {}), (std::vector<float>{7}));
  // begin == dim with size 0 (or -1) is an empty slice.
  EXPECT_TRUE(run_slice<float>({2, 2}, {1, 2, 3, 4}, {2, 0}, {-1, 2}, {0, 2}).empty());
}

TEST(Slice, ComputedBeginAndSizeAreCheckedInEval) {
  for (int32_t start : {1, 2}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({3, 2}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
    const int b =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({start, 0}));
    const int s =
        g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({2, -1}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 2}));
    g.op(BuiltinOp::kSlice, {x, b, s}, {y});
    if (start == 1) {
      ASSERT_EQ(g.run(), Status::kOk) << g.messages();
      EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{3, 4, 5, 6}));
    } else {
      // Rows 2 and 3 of a 3-row input: TFLM rejects it in Eval too.
      EXPECT_EQ(g.run(), Status::kEvalFailed);
      EXPECT_NE(g.messages().find("begin 2 and size 2 on axis 0"), std::string::npos)
          << g.messages();
    }
  }
}

Status prepare_slice(std::vector<int32_t> in_shape, std::vector<int32_t> begin,
                     std::vector<int32_t> size, std::vector<int32_t> out_shape,
                     std::string* messages, TensorType index_type = TensorType::kInt32) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const auto n = static_cast<int32_t>(begin.size());
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  std::vector<uint8_t> begin_bytes = to_bytes<int32_t>(begin);
  std::vector<uint8_t> size_bytes = to_bytes<int32_t>(size);
  if (index_type == TensorType::kInt16) {
    begin_bytes.resize(2 * begin.size());
    size_bytes.resize(2 * size.size());
  }
  const int b = g.constant(GraphBuilder::tensor_of(index_type, {n}), begin_bytes);
  const int s = g.constant(GraphBuilder::tensor_of(index_type, {n}), size_bytes);
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kSlice, {x, b, s}, {y});
  const Status st = g.prepare();
  *messages = g.messages();
  return st;
}

TEST(Slice, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare_slice({4}, {5}, {0}, {0}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("begin 5 is outside axis 0"), std::string::npos) << m;
  EXPECT_EQ(prepare_slice({4}, {-1}, {1}, {1}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare_slice({4}, {1}, {4}, {4}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("size 4 from begin 1"), std::string::npos) << m;
  EXPECT_EQ(prepare_slice({4}, {1}, {-2}, {3}, &m), Status::kInvalidModel);
  // TFLM only compares element counts: [3, 1] for a [1, 3] slice is rejected here.
  EXPECT_EQ(prepare_slice({2, 3}, {0, 0}, {1, 3}, {3, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("not the slice"), std::string::npos) << m;
  EXPECT_EQ(prepare_slice({4}, {1, 0}, {1, 1}, {1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("vector of 1 values"), std::string::npos) << m;
  EXPECT_EQ(prepare_slice({1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1},
                          {1, 1, 1, 1, 1, 1}, &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare_slice({4}, {1}, {1}, {1}, &m, TensorType::kInt16), Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
