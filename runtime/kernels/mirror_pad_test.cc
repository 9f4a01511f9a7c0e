// MIRROR_PAD: TFLite kernel test vectors (tensorflow/lite/kernels/mirror_pad_test.cc), checked
// against an independent model of numpy's reflect/symmetric padding; 3D, every type, int64
// paddings, and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

constexpr int8_t kReflect = 0;
constexpr int8_t kSymmetric = 1;

OptionsDef mode(int8_t m) { return {schema::Options::kMirrorPad, {OptionField::int8(0, m)}}; }

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8) return GraphBuilder::tensor_q(type, std::move(shape), 1.0f, 0);
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T, typename Pad = int32_t>
std::vector<T> run(std::vector<int32_t> in_shape, const std::vector<T>& input,
                   const std::vector<Pad>& paddings, int8_t m, std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const auto rank = static_cast<int32_t>(in_shape.size());
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int p =
      g.constant(GraphBuilder::tensor_of(TypeOf<Pad>::value, {rank, 2}), to_bytes<Pad>(paddings));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kMirrorPad, {x, p}, {y}, mode(m));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

const std::vector<float> k23 = {1, 2, 3, 4, 5, 6};

TEST(MirrorPad, TfliteVectors) {
  EXPECT_EQ(run<float>({2, 3}, k23, {0, 0, 0, 0}, kReflect, {2, 3}), k23);  // EmptyPad
  EXPECT_EQ(run<float>({2, 3}, k23, {0, 1, 0, 1}, kReflect, {3, 4}),
            (std::vector<float>{1, 2, 3, 2, 4, 5, 6, 5, 1, 2, 3, 2}));
  EXPECT_EQ(run<float>({2, 3}, k23, {1, 0, 1, 0}, kReflect, {3, 4}),
            (std::vector<float>{5, 4, 5, 6, 2, 1, 2, 3, 5, 4, 5, 6}));
  EXPECT_EQ(run<float>({2, 3}, k23, {0, 1, 0, 1}, kSymmetric, {3, 4}),
            (std::vector<float>{1, 2, 3, 3, 4, 5, 6, 6, 4, 5, 6, 6}));
  EXPECT_EQ(run<float>({2, 3}, k23, {1, 0, 1, 0}, kSymmetric, {3, 4}),
            (std::vector<float>{1, 1, 2, 3, 1, 1, 2, 3, 4, 4, 5, 6}));
  EXPECT_EQ(run<float>({2, 3}, k23, {1, 1, 1, 1}, kSymmetric, {4, 5}),
            (std::vector<float>{1, 1, 2, 3, 3, 1, 1, 2, 3, 3, 4, 4, 5, 6, 6, 4, 4, 5, 6, 6}));
  EXPECT_EQ(run<float>({2, 3}, k23, {1, 1, 1, 1}, kReflect, {4, 5}),
            (std::vector<float>{5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 2, 1, 2, 3, 2}));
  // PadBothSides_Symmetric_Whole: paddings as large as the dimensions.
  EXPECT_EQ(run<float>({2, 3}, k23, {2, 2, 3, 3}, kSymmetric, {6, 9}),
            (std::vector<float>{6, 5, 4, 4, 5, 6, 6, 5, 4, 3, 2, 1, 1, 2, 3, 3, 2, 1,
                                3, 2, 1, 1, 2, 3, 3, 2, 1, 6, 5, 4, 4, 5, 6, 6, 5, 4,
                                6, 5, 4, 4, 5, 6, 6, 5, 4, 3, 2, 1, 1, 2, 3, 3, 2, 1}));
  EXPECT_EQ(run<float>({3}, {1, 2, 3}, {0, 2}, kReflect, {5}), (std::vector<float>{1, 2, 3, 2, 1}));
  EXPECT_EQ(run<float>({3}, {1, 2, 3}, {0, 2}, kSymmetric, {5}),
            (std::vector<float>{1, 2, 3, 3, 2}));
}

TEST(MirrorPad, TypesRank3AndInt64Paddings) {
  EXPECT_EQ(run<int8_t>({3}, {-1, 2, -3}, {2, 2}, kReflect, {7}),
            (std::vector<int8_t>{-3, 2, -1, 2, -3, 2, -1}));
  EXPECT_EQ((run<int32_t, int64_t>({3}, {1, 2, 3}, {1, 0}, kSymmetric, {4})),
            (std::vector<int32_t>{1, 1, 2, 3}));
  EXPECT_EQ(run<int64_t>({2}, {5, 6}, {1, 1}, kReflect, {4}), (std::vector<int64_t>{6, 5, 6, 5}));
  EXPECT_EQ(
      run<float>({2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8}, {1, 1, 0, 1, 1, 0}, kReflect, {4, 3, 3}),
      (std::vector<float>{6, 5, 6, 8, 7, 8, 6, 5, 6, 2, 1, 2, 4, 3, 4, 2, 1, 2,
                          6, 5, 6, 8, 7, 8, 6, 5, 6, 2, 1, 2, 4, 3, 4, 2, 1, 2}));
  EXPECT_EQ(run<float>({}, {3.5f}, {}, kReflect, {}), (std::vector<float>{3.5f}));
}

Status prepare(std::vector<int32_t> in_shape, std::vector<int32_t> paddings, int8_t m,
               std::vector<int32_t> out_shape, std::string* messages,
               std::vector<int32_t> pad_shape = {}) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  if (pad_shape.empty()) pad_shape = {static_cast<int32_t>(in_shape.size()), 2};
  const int x =
      g.input(GraphBuilder::tensor_f32(std::move(in_shape)), std::vector<uint8_t>(4 * count));
  const int p = g.constant(GraphBuilder::tensor_of(TensorType::kInt32, std::move(pad_shape)),
                           to_bytes<int32_t>(paddings));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kMirrorPad, {x, p}, {y}, mode(m));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(MirrorPad, RejectsInvalidNodes) {
  std::string m;
  // REFLECT allows at most dim - 1: a leading padding of 3 on 3 elements would read before them.
  EXPECT_EQ(prepare({3}, {3, 0}, kReflect, {6}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("padding 3 of axis 0 (size 3) is outside [0, 2] for REFLECT"), std::string::npos)
      << m;
  EXPECT_EQ(prepare({3}, {0, 4}, kSymmetric, {7}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({3}, {-1, 0}, kSymmetric, {2}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({3}, {1, 1}, 2, {5}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("mode 2"), std::string::npos) << m;
  EXPECT_EQ(prepare({3}, {1, 1}, kReflect, {6}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare({3}, {1, 1}, kReflect, {5}, &m, {2}), Status::kInvalidModel);
  EXPECT_NE(m.find("shape [1, 2]"), std::string::npos) << m;
}

}  // namespace
}  // namespace mote::testing
