// MINIMUM: every dtype, broadcasting and NaN order (the shared validation is covered in
// maximum_test.cc). int32 MINIMUM also runs against TFLM's micro_speech intermediates
// (binary_elementwise_test.cc).
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
std::vector<T> run_minimum(TensorType type, std::vector<int32_t> shape_a, std::vector<T> a,
                           std::vector<int32_t> shape_b, std::vector<T> b,
                           std::vector<int32_t> shape_out) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(type, shape_a), to_bytes(a));
  const int y = g.input(GraphBuilder::tensor_of(type, shape_b), to_bytes(b));
  const int z = g.output(GraphBuilder::tensor_of(type, shape_out));
  g.op(BuiltinOp::kMinimum, {x, y}, {z});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

TEST(Minimum, EveryType) {
  EXPECT_EQ(run_minimum<float>(TensorType::kFloat32, {3}, {1.5f, -2, 0}, {3}, {1, -1, -0.5f}, {3}),
            (std::vector<float>{1, -2, -0.5f}));
  EXPECT_EQ(run_minimum<int8_t>(TensorType::kInt8, {3}, {-128, 5, 127}, {3}, {-127, 7, 0}, {3}),
            (std::vector<int8_t>{-128, 5, 0}));
  EXPECT_EQ(run_minimum<int16_t>(TensorType::kInt16, {2}, {-300, 300}, {2}, {-301, 299}, {2}),
            (std::vector<int16_t>{-301, 299}));
  EXPECT_EQ(run_minimum<int32_t>(TensorType::kInt32, {2}, {-70000, 70000}, {2}, {3, 4}, {2}),
            (std::vector<int32_t>{-70000, 4}));
  const int64_t big = int64_t{1} << 40;
  EXPECT_EQ(
      run_minimum<int64_t>(TensorType::kInt64, {2}, {big, -big}, {2}, {big + 1, -big - 1}, {2}),
      (std::vector<int64_t>{big, -big - 1}));
}

TEST(Minimum, Broadcast) {
  // [3, 1] against [2]: out[i][j] = min(a[i], b[j]).
  EXPECT_EQ(run_minimum<int16_t>(TensorType::kInt16, {3, 1}, {-5, 0, 5}, {2}, {-1, 1}, {3, 2}),
            (std::vector<int16_t>{-5, -5, -1, 0, -1, 1}));
}

TEST(Minimum, NanFollowsTheComparison) {
  // a < b ? a : b: a NaN first input yields the second input, a NaN second input is returned.
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> out =
      run_minimum<float>(TensorType::kFloat32, {2}, {nan, 1}, {2}, {1, nan}, {2});
  EXPECT_EQ(out[0], 1.0f);
  EXPECT_TRUE(std::isnan(out[1]));
}

}  // namespace
}  // namespace mote::testing
