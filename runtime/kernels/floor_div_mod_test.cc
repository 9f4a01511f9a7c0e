// FLOOR_DIV and FLOOR_MOD: TFLite/TFLM floor_div_test and floor_mod_test vectors (signs,
// broadcasting), the float and integer types, zero divisors and the INT32_MIN / -1 corner.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

template <typename T>
std::vector<T> run_floor(BuiltinOp op, TensorType type, std::vector<int32_t> a_shape,
                         const std::vector<T>& a, std::vector<int32_t> b_shape,
                         const std::vector<T>& b, Status expected = Status::kOk,
                         std::string* messages = nullptr) {
  GraphBuilder g;
  const std::vector<int32_t> out_shape = a_shape.size() >= b_shape.size() ? a_shape : b_shape;
  const int x = g.input(GraphBuilder::tensor_of(type, std::move(a_shape)), to_bytes<T>(a));
  const int y = g.input(GraphBuilder::tensor_of(type, std::move(b_shape)), to_bytes<T>(b));
  const int z = g.output(GraphBuilder::tensor_of(type, out_shape));
  g.op(op, {x, y}, {z});
  const Status status = g.run();
  EXPECT_EQ(status, expected) << g.messages();
  if (messages != nullptr) *messages = g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(FloorDiv, Int32) {
  // TFLite floor_div_test: Simple, NegativeValue, BroadcastFloorDiv.
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorDiv, TensorType::kInt32, {1, 2, 2, 1},
                               {10, 9, 11, 3}, {1, 2, 2, 1}, {2, 2, 3, 4}),
            (std::vector<int32_t>{5, 4, 3, 0}));
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorDiv, TensorType::kInt32, {1, 2, 2, 1},
                               {10, -9, -11, 7}, {1, 2, 2, 1}, {2, 2, -3, -4}),
            (std::vector<int32_t>{5, -5, 3, -2}));
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorDiv, TensorType::kInt32, {1, 2, 2, 1},
                               {10, -9, -11, 7}, {1}, {-3}),
            (std::vector<int32_t>{-4, 3, 3, -3}));
  // The one quotient outside int32 wraps, like the conversion on x86.
  const int32_t min = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(
      run_floor<int32_t>(BuiltinOp::kFloorDiv, TensorType::kInt32, {2}, {min, min}, {2}, {-1, 2}),
      (std::vector<int32_t>{min, min / 2}));
}

TEST(FloorDiv, Float32) {
  // TFLM floor_div_test FloorDivModelSimple / FloorDivModelBroadcast.
  EXPECT_EQ(
      run_floor<float>(BuiltinOp::kFloorDiv, TensorType::kFloat32, {1, 2, 2, 1},
                       {10.05f, 9.09f, 11.9f, 3.01f}, {1, 2, 2, 1}, {2.05f, 2.03f, 3.03f, 4.03f}),
      (std::vector<float>{4.0f, 4.0f, 3.0f, 0.0f}));
  EXPECT_EQ(run_floor<float>(BuiltinOp::kFloorDiv, TensorType::kFloat32, {1, 2, 2, 1},
                             {10.03f, -9.9f, -11.0f, 7.0f}, {1}, {2.0f}),
            (std::vector<float>{5.0f, -5.0f, -6.0f, 3.0f}));
  // Non-finite quotients.
  const auto out =
      run_floor<float>(BuiltinOp::kFloorDiv, TensorType::kFloat32, {2},
                       {1e38f, std::numeric_limits<float>::infinity()}, {2}, {1e-10f, 2.0f});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0], std::numeric_limits<float>::infinity());
  EXPECT_EQ(out[1], std::numeric_limits<float>::infinity());
}

TEST(FloorDiv, ZeroDivisorFailsEval) {
  // TFLite checks every divisor element, float ones too (0.0 and -0.0 compare equal to 0).
  std::string messages;
  run_floor<float>(BuiltinOp::kFloorDiv, TensorType::kFloat32, {2}, {1.0f, 2.0f}, {2},
                   {1.0f, -0.0f}, Status::kEvalFailed, &messages);
  EXPECT_NE(messages.find("division by zero"), std::string::npos) << messages;
  run_floor<int32_t>(BuiltinOp::kFloorDiv, TensorType::kInt32, {2}, {1, 2}, {1}, {0},
                     Status::kEvalFailed, &messages);
  EXPECT_NE(messages.find("division by zero"), std::string::npos) << messages;
}

TEST(FloorMod, Int32AndInt64) {
  // TFLite floor_mod_test: Simple, NegativeValue, BroadcastFloorMod, Int64WithBroadcast.
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorMod, TensorType::kInt32, {1, 2, 2, 1},
                               {10, 9, 11, 3}, {1, 2, 2, 1}, {2, 2, 3, 4}),
            (std::vector<int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorMod, TensorType::kInt32, {1, 2, 2, 1},
                               {10, -9, -11, 7}, {1, 2, 2, 1}, {2, 2, -3, -4}),
            (std::vector<int32_t>{0, 1, -2, -1}));
  EXPECT_EQ(run_floor<int32_t>(BuiltinOp::kFloorMod, TensorType::kInt32, {1, 2, 2, 1},
                               {10, -9, -11, 7}, {1}, {-3}),
            (std::vector<int32_t>{-2, 0, -2, -2}));
  EXPECT_EQ(run_floor<int64_t>(BuiltinOp::kFloorMod, TensorType::kInt64, {1, 2, 2, 1},
                               {10, -9, -11, (int64_t{1} << 34)}, {1}, {-(int64_t{1} << 33)}),
            (std::vector<int64_t>{10 - (int64_t{1} << 33), -9, -11, 0}));
  // min % -1 is 0 (the C++ expression would overflow).
  const int32_t min = std::numeric_limits<int32_t>::min();
  EXPECT_EQ(
      run_floor<int32_t>(BuiltinOp::kFloorMod, TensorType::kInt32, {2}, {min, min}, {2}, {-1, 3}),
      (std::vector<int32_t>{0, 1}));
}

TEST(FloorMod, Float32) {
  // TFLite floor_mod_test FloatSimple / FloatNegativeValue: fmod moved to the divisor's sign.
  EXPECT_EQ(run_floor<float>(BuiltinOp::kFloorMod, TensorType::kFloat32, {1, 2, 2, 1},
                             {10.0f, 9.0f, 11.0f, 3.0f}, {1, 2, 2, 1}, {2.0f, 2.0f, 3.0f, 4.0f}),
            (std::vector<float>{0.0f, 1.0f, 2.0f, 3.0f}));
  EXPECT_EQ(
      run_floor<float>(BuiltinOp::kFloorMod, TensorType::kFloat32, {1, 2, 2, 1},
                       {10.0f, -9.0f, -11.0f, 7.0f}, {1, 2, 2, 1}, {2.0f, 2.0f, -3.0f, -4.0f}),
      (std::vector<float>{0.0f, 1.0f, -2.0f, -1.0f}));
  EXPECT_EQ(run_floor<float>(BuiltinOp::kFloorMod, TensorType::kFloat32, {2}, {-10.5f, 10.5f}, {1},
                             {3.0f}),
            (std::vector<float>{std::fmod(-10.5f, 3.0f) + 3.0f, 1.5f}));
  // A zero divisor is not checked for floats: fmod gives NaN.
  const auto out =
      run_floor<float>(BuiltinOp::kFloorMod, TensorType::kFloat32, {1}, {5.0f}, {1}, {0.0f});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(std::isnan(out[0]));
}

TEST(FloorMod, IntegerZeroDivisorFailsEval) {
  std::string messages;
  run_floor<int64_t>(BuiltinOp::kFloorMod, TensorType::kInt64, {2}, {1, 2}, {2}, {3, 0},
                     Status::kEvalFailed, &messages);
  EXPECT_NE(messages.find("division by zero"), std::string::npos) << messages;
}

TEST(FloorDivMod, RejectsBadModels) {
  for (const BuiltinOp op : {BuiltinOp::kFloorDiv, BuiltinOp::kFloorMod}) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), {});
    const int y = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), {});
    const int z = g.output(GraphBuilder::tensor_s8({2}, 1.0f, 0));
    g.op(op, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
    EXPECT_NE(g.messages().find("int8"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int64 is FLOOR_MOD only
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {2}), {});
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt64, {2}), {});
    const int z = g.output(GraphBuilder::tensor_of(TensorType::kInt64, {2}));
    g.op(BuiltinOp::kFloorDiv, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
  }
  {
    GraphBuilder g;  // mixed types
    const int x = g.input(GraphBuilder::tensor_f32({2}), {});
    const int y = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2}), {});
    const int z = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kFloorMod, {x, y}, {z});
    EXPECT_EQ(g.prepare(), Status::kUnsupported) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
