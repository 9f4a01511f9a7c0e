// MAXIMUM: every dtype, broadcasting, NaN order, and the rank limit of TFLM's broadcast path.
// int32 MAXIMUM also runs against TFLM's micro_speech intermediates (binary_elementwise_test.cc).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

template <typename T>
std::vector<T> run_maximum(TensorType type, std::vector<int32_t> shape_a, std::vector<T> a,
                           std::vector<int32_t> shape_b, std::vector<T> b,
                           std::vector<int32_t> shape_out) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(type, shape_a), to_bytes(a));
  const int y = g.input(GraphBuilder::tensor_of(type, shape_b), to_bytes(b));
  const int z = g.output(GraphBuilder::tensor_of(type, shape_out));
  g.op(BuiltinOp::kMaximum, {x, y}, {z});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(Maximum, EveryType) {
  EXPECT_EQ(run_maximum<float>(TensorType::kFloat32, {3}, {1.5f, -2, 0}, {3}, {1, -1, -0.5f}, {3}),
            (std::vector<float>{1.5f, -1, 0}));
  EXPECT_EQ(run_maximum<int8_t>(TensorType::kInt8, {3}, {-128, 5, 127}, {3}, {-127, 7, 0}, {3}),
            (std::vector<int8_t>{-127, 7, 127}));
  EXPECT_EQ(run_maximum<int16_t>(TensorType::kInt16, {2}, {-300, 300}, {2}, {-301, 299}, {2}),
            (std::vector<int16_t>{-300, 300}));
  EXPECT_EQ(run_maximum<int32_t>(TensorType::kInt32, {2}, {-70000, 70000}, {2}, {3, 4}, {2}),
            (std::vector<int32_t>{3, 70000}));
  const int64_t big = int64_t{1} << 40;
  EXPECT_EQ(
      run_maximum<int64_t>(TensorType::kInt64, {2}, {big, -big}, {2}, {big + 1, -big - 1}, {2}),
      (std::vector<int64_t>{big + 1, -big}));
}

TEST(Maximum, QuantizedValuesAreComparedRaw) {
  // As in TFLM: no rescaling, whatever the scales say.
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), to_bytes<int8_t>({10, -10}));
  const int y = g.input(GraphBuilder::tensor_s8({2}, 100.0f, 5), to_bytes<int8_t>({9, -9}));
  const int z = g.output(GraphBuilder::tensor_s8({2}, 1.0f, 0));
  g.op(BuiltinOp::kMaximum, {x, y}, {z});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{10, -9}));
}

TEST(Maximum, Broadcast) {
  // [2, 3] against [3], and a scalar against [2, 2].
  EXPECT_EQ(
      run_maximum<int8_t>(TensorType::kInt8, {2, 3}, {1, 5, -3, 7, 0, 2}, {3}, {2, 2, 2}, {2, 3}),
      (std::vector<int8_t>{2, 5, 2, 7, 2, 2}));
  EXPECT_EQ(run_maximum<float>(TensorType::kFloat32, {}, {0.5f}, {2, 2}, {0, 1, -1, 2}, {2, 2}),
            (std::vector<float>{0.5f, 1, 0.5f, 2}));
}

TEST(Maximum, NanFollowsTheComparison) {
  // a > b ? a : b: a NaN first input yields the second input, a NaN second input is returned.
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> out =
      run_maximum<float>(TensorType::kFloat32, {2}, {nan, 1}, {2}, {1, nan}, {2});
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_TRUE(std::isnan(out[1]));
}

TEST(Maximum, RankLimitsOfBroadcasting) {
  // Equal rank-6 shapes run (no broadcasting); rank-5 broadcasting runs; rank-6 broadcasting is
  // rejected like TFLM's 5D broadcast path would.
  EXPECT_EQ(run_maximum<int8_t>(TensorType::kInt8, {1, 1, 1, 1, 1, 2}, {1, 2}, {1, 1, 1, 1, 1, 2},
                                {2, 1}, {1, 1, 1, 1, 1, 2}),
            (std::vector<int8_t>{2, 2}));
  EXPECT_EQ(
      run_maximum<int8_t>(TensorType::kInt8, {2, 1, 1, 1, 1}, {1, 4}, {2}, {3, 2}, {2, 1, 1, 1, 2}),
      (std::vector<int8_t>{3, 2, 4, 4}));
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {2, 1, 1, 1, 1, 1}),
                        to_bytes<int8_t>({1, 2}));
  const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {2}), to_bytes<int8_t>({1, 2}));
  const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt8, {2, 1, 1, 1, 1, 2}));
  g.op(BuiltinOp::kMaximum, {x, y}, {z});
  EXPECT_EQ(g.prepare(), Status::kUnsupported);
  EXPECT_NE(g.messages().find("needs rank <= 5"), std::string::npos) << g.messages();
}

TEST(Maximum, RejectsBadModels) {
  {
    GraphBuilder g;  // output not the broadcast shape
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int z = g.output(GraphBuilder::tensor_f32({4}));
    g.op(BuiltinOp::kMaximum, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("not the broadcast shape"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // uint8 is not in TFLM's list
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kUInt8, {1}), to_bytes<uint8_t>({1}));
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kUInt8, {1}), to_bytes<uint8_t>({1}));
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kUInt8, {1}));
    g.op(BuiltinOp::kMaximum, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("uint8"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
