// SPACE_TO_DEPTH: the examples of TensorFlow's tf.nn.space_to_depth documentation (also TFLite's
// space_to_depth_test.cc), hand-checked; every type; Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef block(int32_t size) {
  return {schema::Options::kSpaceToDepth, {OptionField::int32(0, size)}};
}

tools::TensorDef tensor(TensorType type, std::vector<int32_t> shape) {
  if (type == TensorType::kInt8) return GraphBuilder::tensor_q(type, std::move(shape), 0.5f, -3);
  return GraphBuilder::tensor_of(type, std::move(shape));
}

template <typename T>
std::vector<T> run(std::vector<int32_t> in_shape, const std::vector<T>& input, int32_t block_size,
                   std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int x = g.input(tensor(TypeOf<T>::value, std::move(in_shape)), to_bytes<T>(input));
  const int y = g.output(tensor(TypeOf<T>::value, std::move(out_shape)));
  g.op(BuiltinOp::kSpaceToDepth, {x}, {y}, block(block_size));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(SpaceToDepth, DocumentationExamples) {
  // [1, 2, 2, 1] -> [1, 1, 1, 4]: the 2x2 block becomes the channels.
  EXPECT_EQ(run<float>({1, 2, 2, 1}, {1, 2, 3, 4}, 2, {1, 1, 1, 4}),
            (std::vector<float>{1, 2, 3, 4}));
  // [1, 2, 2, 3] -> [1, 1, 1, 12]: pixel by pixel, each pixel's 3 channels together.
  EXPECT_EQ(run<float>({1, 2, 2, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, {1, 1, 1, 12}),
            (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  // [1, 4, 4, 1] -> [1, 2, 2, 4]: output pixel (0, 0) holds input (0,0) (0,1) (1,0) (1,1).
  EXPECT_EQ(run<int32_t>({1, 4, 4, 1}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 2,
                         {1, 2, 2, 4}),
            (std::vector<int32_t>{1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16}));
}

TEST(SpaceToDepth, TypesBatchesAndBlockOne) {
  // Two batches of [2, 2, 1], int8 and int64.
  EXPECT_EQ(run<int8_t>({2, 2, 2, 1}, {1, 2, 3, 4, -1, -2, -3, -4}, 2, {2, 1, 1, 4}),
            (std::vector<int8_t>{1, 2, 3, 4, -1, -2, -3, -4}));
  EXPECT_EQ(run<int64_t>({1, 2, 4, 1}, {1, 2, 3, 4, 5, 6, 7, 8}, 2, {1, 1, 2, 4}),
            (std::vector<int64_t>{1, 2, 5, 6, 3, 4, 7, 8}));
  // Block 3 on a 3x3 image, block 1 is the identity.
  EXPECT_EQ(run<float>({1, 3, 3, 1}, {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, {1, 1, 1, 9}),
            (std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(run<float>({1, 1, 2, 2}, {1, 2, 3, 4}, 1, {1, 1, 2, 2}),
            (std::vector<float>{1, 2, 3, 4}));
}

Status prepare(std::vector<int32_t> in_shape, int32_t block_size, std::vector<int32_t> out_shape,
               std::string* messages, TensorType type = TensorType::kFloat32) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x =
      g.input(tensor(type, std::move(in_shape)), std::vector<uint8_t>(type_size(type) * count));
  const int y = g.output(tensor(type, std::move(out_shape)));
  g.op(BuiltinOp::kSpaceToDepth, {x}, {y}, block(block_size));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(SpaceToDepth, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, 0, {1, 2, 2, 1}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("block_size is 0"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 3, 2, 1}, 2, {1, 1, 1, 4}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("not a multiple of block_size 2"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, 2, {1, 1, 4, 1}, &m), Status::kInvalidModel);
  EXPECT_EQ(prepare({2, 2, 1}, 2, {1, 1, 4}, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("rank 3"), std::string::npos) << m;
  EXPECT_EQ(prepare({1, 2, 2, 1}, 2, {1, 1, 1, 4}, &m, TensorType::kInt16), Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
