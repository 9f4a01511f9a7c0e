// ZEROS_LIKE: every type (0, not the zero point, for int8) and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

template <typename T>
std::vector<T> run_zeros_like(std::vector<int32_t> shape, const std::vector<T>& input,
                              TensorType type = TypeOf<T>::value) {
  GraphBuilder g;
  tools::TensorDef def = GraphBuilder::tensor_of(type, std::move(shape));
  if (type == TensorType::kInt8) def = GraphBuilder::tensor_q(type, def.shape, 0.5f, 7);
  const int x = g.input(def, to_bytes<T>(input));
  const int y = g.output(def);
  g.op(BuiltinOp::kZerosLike, {x}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(ZerosLike, EveryType) {
  EXPECT_EQ(run_zeros_like<int32_t>({1, 2, 2, 1}, {-2, -1, 0, 3}), std::vector<int32_t>(4, 0));
  EXPECT_EQ(run_zeros_like<int64_t>({1, 2, 2, 1}, {-2, -1, 0, 3}), std::vector<int64_t>(4, 0));
  EXPECT_EQ(run_zeros_like<float>({1, 2, 2, 1}, {-2.0f, -1.0f, 0.f, 3.0f}),
            std::vector<float>(4, 0.0f));
  EXPECT_EQ(run_zeros_like<int8_t>({3}, {1, 2, 3}), std::vector<int8_t>(3, 0));
  EXPECT_EQ(run_zeros_like<int16_t>({2}, {-1, 1}), std::vector<int16_t>(2, 0));
  EXPECT_EQ(run_zeros_like<uint8_t>({2}, {1, 1}, TensorType::kBool), std::vector<uint8_t>(2, 0));
}

TEST(ZerosLike, RejectsInvalidNodes) {
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kZerosLike, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
  {
    GraphBuilder g;
    const int x =
        g.input(GraphBuilder::tensor_of(TensorType::kUInt32, {2}), to_bytes<uint32_t>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kUInt32, {2}));
    g.op(BuiltinOp::kZerosLike, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

}  // namespace
}  // namespace mote::testing
