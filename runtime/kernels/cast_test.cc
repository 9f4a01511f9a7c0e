// CAST: TFLM kernel test vectors (tensorflow/lite/micro/kernels/cast_test.cc, the current one
// with out-of-range, infinite and NaN inputs), every input and output type, integer wrap-around,
// and Prepare's rejections.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

// TypeOf plus uint32, which only CAST uses.
template <typename T>
constexpr TensorType type_of() {
  if constexpr (std::is_same<T, uint32_t>::value) {
    return TensorType::kUInt32;
  } else {
    return TypeOf<T>::value;
  }
}

template <typename To, typename From>
std::vector<To> run_cast(const std::vector<From>& input, TensorType from = type_of<From>(),
                         TensorType to = type_of<To>()) {
  GraphBuilder g;
  const auto n = static_cast<int32_t>(input.size());
  const int x = g.input(GraphBuilder::tensor_of(from, {n}), to_bytes<From>(input));
  const int y = g.output(GraphBuilder::tensor_of(to, {n}));
  g.op(BuiltinOp::kCast, {x}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<To>(0);
}

const float kInf = std::numeric_limits<float>::infinity();
const float kNan = std::numeric_limits<float>::quiet_NaN();

// TFLM's TestFloatToInt: in-range values truncate, the rest saturate, NaN gives 0.
template <typename IntT>
void expect_float_to_int(float pos_overflow, float neg_overflow) {
  constexpr bool kSigned = std::numeric_limits<IntT>::is_signed;
  constexpr IntT kMax = std::numeric_limits<IntT>::max();
  constexpr IntT kMin = std::numeric_limits<IntT>::min();
  EXPECT_EQ(
      (run_cast<IntT, float>({100.f, 1.0f, 0.f, 0.4f, 1.999f, 1.1f, -1.0f, -100.f, pos_overflow,
                              neg_overflow, kInf, -kInf, kNan})),
      (std::vector<IntT>{100, 1, 0, 0, 1, 1, kSigned ? static_cast<IntT>(-1) : IntT{0},
                         kSigned ? static_cast<IntT>(-100) : IntT{0}, kMax, kMin, kMax, kMin, 0}));
}

TEST(Cast, TflmFloatToInteger) {
  expect_float_to_int<int8_t>(200.f, -200.f);
  expect_float_to_int<int16_t>(40000.f, -40000.f);
  expect_float_to_int<int32_t>(1e15f, -1e15f);
  expect_float_to_int<uint32_t>(1e15f, -1e15f);
}

TEST(Cast, TflmOtherVectors) {
  // CastFloatToBool: non-zero (NaN included) is true.
  EXPECT_EQ((run_cast<uint8_t, float>({1.0f, 0.0f, -1.0f, 0.001f, kInf, kNan}, TensorType::kFloat32,
                                      TensorType::kBool)),
            (std::vector<uint8_t>{1, 0, 1, 1, 1, 1}));
  EXPECT_EQ((run_cast<float, int8_t>({123, 0, 1, 2, 3, 4})),
            (std::vector<float>{123.f, 0.f, 1.f, 2.f, 3.f, 4.f}));
  EXPECT_EQ((run_cast<float, int16_t>({123, 0, 1, 2, 3, 4})),
            (std::vector<float>{123.f, 0.f, 1.f, 2.f, 3.f, 4.f}));
  EXPECT_EQ((run_cast<int32_t, int16_t>({123, 0, 1, 2, 3, 4})),
            (std::vector<int32_t>{123, 0, 1, 2, 3, 4}));
  EXPECT_EQ((run_cast<int16_t, int32_t>({123, 0, 1, 2, 3, 4})),
            (std::vector<int16_t>{123, 0, 1, 2, 3, 4}));
  EXPECT_EQ((run_cast<int32_t, uint32_t>({100, 200, 300, 400, 500, 600})),
            (std::vector<int32_t>{100, 200, 300, 400, 500, 600}));
  EXPECT_EQ((run_cast<uint32_t, int32_t>({100, 200, 300, 400, 500, 600})),
            (std::vector<uint32_t>{100, 200, 300, 400, 500, 600}));
  EXPECT_EQ((run_cast<float, uint8_t>({1, 1, 0, 1, 0, 1}, TensorType::kBool)),
            (std::vector<float>{1.f, 1.0f, 0.f, 1.0f, 0.0f, 1.0f}));
}

TEST(Cast, IntegerWrapAndBoolBytes) {
  EXPECT_EQ((run_cast<int8_t, int32_t>({127, 128, 255, 256, -129, -1})),
            (std::vector<int8_t>{127, -128, -1, 0, 127, -1}));
  EXPECT_EQ((run_cast<uint32_t, int16_t>({-1, 5})), (std::vector<uint32_t>{4294967295u, 5u}));
  EXPECT_EQ((run_cast<int32_t, uint32_t>({4294967295u, 2147483648u})),
            (std::vector<int32_t>{-1, std::numeric_limits<int32_t>::min()}));
  EXPECT_EQ((run_cast<int16_t, uint32_t>({65535u, 32768u})), (std::vector<int16_t>{-1, -32768}));
  // Any non-zero byte of a bool tensor is true; bool outputs are 0 or 1.
  EXPECT_EQ((run_cast<int8_t, uint8_t>({0, 1, 2, 255}, TensorType::kBool)),
            (std::vector<int8_t>{0, 1, 1, 1}));
  EXPECT_EQ((run_cast<uint8_t, uint8_t>({0, 7}, TensorType::kBool, TensorType::kBool)),
            (std::vector<uint8_t>{0, 1}));
  EXPECT_EQ((run_cast<uint8_t, int16_t>({0, -3, 256}, TensorType::kInt16, TensorType::kBool)),
            (std::vector<uint8_t>{0, 1, 1}));
  // int32 -> float rounds to nearest (2^24 + 1 is not a float); float -> float keeps -0.0f.
  EXPECT_EQ((run_cast<float, int32_t>({16777217, -16777217})),
            (std::vector<float>{16777216.f, -16777216.f}));
  EXPECT_TRUE(std::signbit(run_cast<float, float>({-0.0f})[0]));
  // Just inside and at the saturation limits.
  EXPECT_EQ((run_cast<int8_t, float>({127.9f, -128.9f, 128.0f, -129.0f})),
            (std::vector<int8_t>{127, -128, 127, -128}));
  EXPECT_EQ((run_cast<int32_t, float>({2147483520.f, 2147483648.f, -2147483648.f})),
            (std::vector<int32_t>{2147483520, std::numeric_limits<int32_t>::max(),
                                  std::numeric_limits<int32_t>::min()}));
  EXPECT_EQ((run_cast<uint32_t, float>({4294967040.f, 4294967296.f, -0.9f})),
            (std::vector<uint32_t>{4294967040u, 4294967295u, 0u}));
}

Status prepare_cast(TensorType from, std::vector<int32_t> in_shape, TensorType to,
                    std::vector<int32_t> out_shape, std::string* messages) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : in_shape) count *= static_cast<size_t>(d);
  const int x = g.input(GraphBuilder::tensor_of(from, std::move(in_shape)),
                        std::vector<uint8_t>(type_size(from) * count));
  const int y = g.output(GraphBuilder::tensor_of(to, std::move(out_shape)));
  g.op(BuiltinOp::kCast, {x}, {y});
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(Cast, RejectsInvalidNodes) {
  std::string m;
  EXPECT_EQ(prepare_cast(TensorType::kInt64, {2}, TensorType::kFloat32, {2}, &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("input"), std::string::npos) << m;
  EXPECT_EQ(prepare_cast(TensorType::kFloat32, {2}, TensorType::kUInt8, {2}, &m),
            Status::kUnsupported);
  EXPECT_NE(m.find("output"), std::string::npos) << m;
  EXPECT_EQ(prepare_cast(TensorType::kFloat32, {2, 3}, TensorType::kInt32, {3, 2}, &m),
            Status::kInvalidModel);
}

}  // namespace
}  // namespace mote::testing
