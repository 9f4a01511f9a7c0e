// EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL: every type each op takes in TFLM,
// broadcasting, NaN, quantized inputs compared on their real values (hand-checked, the scales are
// powers of two so the rescaling is exact), and Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

using Bools = std::vector<uint8_t>;

template <typename T>
Bools run_compare(BuiltinOp op, const TensorDef& a_def, const std::vector<T>& a,
                  const TensorDef& b_def, const std::vector<T>& b, std::vector<int32_t> out_shape) {
  GraphBuilder g;
  const int x = g.input(a_def, to_bytes<T>(a));
  const int y = g.input(b_def, to_bytes<T>(b));
  const int z = g.output(GraphBuilder::tensor_of(TensorType::kBool, std::move(out_shape)));
  g.op(op, {x, y}, {z});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<uint8_t>(0);
}

template <typename T>
Bools run_plain(BuiltinOp op, TensorType type, const std::vector<T>& a, const std::vector<T>& b) {
  const int32_t n = static_cast<int32_t>(a.size());
  return run_compare<T>(op, GraphBuilder::tensor_of(type, {n}), a,
                        GraphBuilder::tensor_of(type, {n}), b, {n});
}

TEST(Equal, EveryType) {
  // bool tensors are bytes; any non-zero byte is true.
  EXPECT_EQ(
      run_plain<uint8_t>(BuiltinOp::kEqual, TensorType::kBool, {1, 0, 1, 0, 2}, {1, 1, 0, 0, 1}),
      (Bools{1, 0, 0, 1, 1}));
  // TFLM comparisons_test EqualFloat.
  EXPECT_EQ(run_plain<float>(BuiltinOp::kEqual, TensorType::kFloat32, {0.1f, 0.9f, 0.7f, 0.3f},
                             {0.1f, 0.2f, 0.6f, 0.5f}),
            (Bools{1, 0, 0, 0}));
  EXPECT_EQ(run_plain<int32_t>(BuiltinOp::kEqual, TensorType::kInt32, {-1, 9, 7, 3}, {-1, 2, 7, 5}),
            (Bools{1, 0, 1, 0}));
  const int64_t big = int64_t{1} << 40;
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kEqual, TensorType::kInt64, {big, big + 1}, {big, big}),
            (Bools{1, 0}));
}

TEST(NotEqual, EveryType) {
  EXPECT_EQ(run_plain<uint8_t>(BuiltinOp::kNotEqual, TensorType::kBool, {1, 0, 1, 0}, {1, 1, 0, 0}),
            (Bools{0, 1, 1, 0}));
  EXPECT_EQ(
      run_plain<float>(BuiltinOp::kNotEqual, TensorType::kFloat32, {0.1f, 0.9f}, {0.1f, 0.2f}),
      (Bools{0, 1}));
  EXPECT_EQ(run_plain<int32_t>(BuiltinOp::kNotEqual, TensorType::kInt32, {-1, 9}, {-1, 2}),
            (Bools{0, 1}));
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kNotEqual, TensorType::kInt64, {5, 6}, {5, 7}),
            (Bools{0, 1}));
}

TEST(Greater, EveryType) {
  EXPECT_EQ(run_plain<float>(BuiltinOp::kGreater, TensorType::kFloat32, {0.1f, 0.9f, 0.7f, -0.0f},
                             {0.1f, 0.2f, 0.8f, 0.0f}),
            (Bools{0, 1, 0, 0}));
  EXPECT_EQ(run_plain<int32_t>(BuiltinOp::kGreater, TensorType::kInt32, {-1, 9, 7}, {-2, 9, 8}),
            (Bools{1, 0, 0}));
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kGreater, TensorType::kInt64,
                               {std::numeric_limits<int64_t>::max(), 0}, {0, 1}),
            (Bools{1, 0}));
}

TEST(GreaterEqual, EveryType) {
  EXPECT_EQ(run_plain<float>(BuiltinOp::kGreaterEqual, TensorType::kFloat32, {0.1f, 0.9f, 0.7f},
                             {0.1f, 0.2f, 0.8f}),
            (Bools{1, 1, 0}));
  EXPECT_EQ(
      run_plain<int32_t>(BuiltinOp::kGreaterEqual, TensorType::kInt32, {-1, 9, 7}, {-2, 9, 8}),
      (Bools{1, 1, 0}));
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kGreaterEqual, TensorType::kInt64, {3, 2}, {3, 4}),
            (Bools{1, 0}));
}

TEST(Less, EveryType) {
  EXPECT_EQ(run_plain<float>(BuiltinOp::kLess, TensorType::kFloat32, {0.1f, 0.9f, 0.7f},
                             {0.1f, 0.2f, 0.8f}),
            (Bools{0, 0, 1}));
  EXPECT_EQ(run_plain<int32_t>(BuiltinOp::kLess, TensorType::kInt32, {-1, 9, 7}, {-2, 9, 8}),
            (Bools{0, 0, 1}));
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kLess, TensorType::kInt64, {3, 2}, {3, 4}),
            (Bools{0, 1}));
}

TEST(LessEqual, EveryType) {
  EXPECT_EQ(run_plain<float>(BuiltinOp::kLessEqual, TensorType::kFloat32, {0.1f, 0.9f, 0.7f},
                             {0.1f, 0.2f, 0.8f}),
            (Bools{1, 0, 1}));
  EXPECT_EQ(run_plain<int32_t>(BuiltinOp::kLessEqual, TensorType::kInt32, {-1, 9, 7}, {-2, 9, 8}),
            (Bools{0, 1, 1}));
  EXPECT_EQ(run_plain<int64_t>(BuiltinOp::kLessEqual, TensorType::kInt64, {3, 5}, {3, 4}),
            (Bools{1, 0}));
}

TEST(Comparisons, NanIsUnorderedAndUnequal) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> a = {nan, nan, 1.0f};
  const std::vector<float> b = {nan, 1.0f, nan};
  EXPECT_EQ(run_plain<float>(BuiltinOp::kEqual, TensorType::kFloat32, a, b), (Bools{0, 0, 0}));
  EXPECT_EQ(run_plain<float>(BuiltinOp::kNotEqual, TensorType::kFloat32, a, b), (Bools{1, 1, 1}));
  EXPECT_EQ(run_plain<float>(BuiltinOp::kGreater, TensorType::kFloat32, a, b), (Bools{0, 0, 0}));
  EXPECT_EQ(run_plain<float>(BuiltinOp::kGreaterEqual, TensorType::kFloat32, a, b),
            (Bools{0, 0, 0}));
  EXPECT_EQ(run_plain<float>(BuiltinOp::kLess, TensorType::kFloat32, a, b), (Bools{0, 0, 0}));
  EXPECT_EQ(run_plain<float>(BuiltinOp::kLessEqual, TensorType::kFloat32, a, b), (Bools{0, 0, 0}));
}

TEST(Comparisons, Broadcast) {
  // [2, 3] against [3] and a scalar against [2, 2]; TFLM comparisons_test's broadcast shapes.
  EXPECT_EQ(
      run_compare<int32_t>(BuiltinOp::kLess, GraphBuilder::tensor_of(TensorType::kInt32, {2, 3}),
                           {1, 5, 3, 7, 0, 2}, GraphBuilder::tensor_of(TensorType::kInt32, {3}),
                           {2, 2, 2}, {2, 3}),
      (Bools{1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(run_compare<float>(BuiltinOp::kGreaterEqual, GraphBuilder::tensor_f32({}), {1.0f},
                               GraphBuilder::tensor_f32({2, 2}), {0.0f, 1.0f, 2.0f, 1.5f}, {2, 2}),
            (Bools{1, 1, 0, 0}));
  // Rank 6 against rank 1 (TFLM's broadcast loop takes up to 8 dimensions).
  EXPECT_EQ(run_compare<int64_t>(BuiltinOp::kEqual,
                                 GraphBuilder::tensor_of(TensorType::kInt64, {2, 1, 1, 1, 1, 2}),
                                 {1, 2, 3, 4}, GraphBuilder::tensor_of(TensorType::kInt64, {2}),
                                 {1, 4}, {2, 1, 1, 1, 1, 2}),
            (Bools{1, 0, 0, 1}));
  // Bool against a bool scalar.
  EXPECT_EQ(
      run_compare<uint8_t>(BuiltinOp::kNotEqual, GraphBuilder::tensor_of(TensorType::kBool, {3}),
                           {1, 0, 1}, GraphBuilder::tensor_of(TensorType::kBool, {1}), {1}, {3}),
      (Bools{0, 1, 0}));
}

TEST(Comparisons, Int8ComparesRealValues) {
  // input1 scale 1/2, input2 scale 1/4 (both powers of two, so (x << 8) * scale is exact):
  // reals 1.0 vs 1.0, 1.5 vs 1.25, 0.5 vs 1.0, -1 vs -1.25 (zero points 0 and 4).
  const TensorDef a = GraphBuilder::tensor_s8({4}, 0.5f, 0);
  const TensorDef b = GraphBuilder::tensor_s8({4}, 0.25f, 4);
  const std::vector<int8_t> qa = {2, 3, 1, -2};
  const std::vector<int8_t> qb = {8, 9, 8, -1};
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kEqual, a, qa, b, qb, {4}), (Bools{1, 0, 0, 0}));
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kNotEqual, a, qa, b, qb, {4}), (Bools{0, 1, 1, 1}));
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kGreater, a, qa, b, qb, {4}), (Bools{0, 1, 0, 1}));
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kGreaterEqual, a, qa, b, qb, {4}), (Bools{1, 1, 0, 1}));
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kLess, a, qa, b, qb, {4}), (Bools{0, 0, 1, 0}));
  EXPECT_EQ(run_compare<int8_t>(BuiltinOp::kLessEqual, a, qa, b, qb, {4}), (Bools{1, 0, 1, 0}));
  // Broadcast of a quantized scalar.
  EXPECT_EQ(
      run_compare<int8_t>(BuiltinOp::kGreater, GraphBuilder::tensor_s8({2, 2}, 0.5f, 0),
                          {-128, 0, 1, 127}, GraphBuilder::tensor_s8({}, 0.25f, 0), {1}, {2, 2}),
      (Bools{0, 0, 1, 1}));
}

TEST(Greater, Int16ComparesRealValues) {
  // Only GREATER takes int16 in TFLM. 1000 * 2^-10 = 0.977 vs 250 * 2^-8 = 0.977: not greater;
  // 32767 * 2^-10 = 32 vs 32767 * 2^-8 = 128; -20000 * 2^-10 vs -8000 * 2^-8: -19.5 > -31.25.
  EXPECT_EQ(run_compare<int16_t>(BuiltinOp::kGreater, GraphBuilder::tensor_s16({3}, 1.0f / 1024),
                                 {1000, 32767, -20000}, GraphBuilder::tensor_s16({3}, 1.0f / 256),
                                 {250, 32767, -8000}, {3}),
            (Bools{0, 0, 1}));
}

struct Rejection {
  BuiltinOp op;
  TensorDef a;
  TensorDef b;
  TensorDef out;
  Status status;
  const char* message;
};

TEST(Comparisons, RejectsBadModels) {
  const TensorDef bool2 = GraphBuilder::tensor_of(TensorType::kBool, {2});
  const std::vector<Rejection> cases = {
      // Types outside TFLM's list for the op.
      {BuiltinOp::kLess, GraphBuilder::tensor_s16({2}, 0.5f), GraphBuilder::tensor_s16({2}, 0.5f),
       bool2, Status::kUnsupported, "int16"},
      {BuiltinOp::kGreater, bool2, bool2, bool2, Status::kUnsupported, "bool"},
      {BuiltinOp::kEqual, GraphBuilder::tensor_of(TensorType::kUInt8, {2}),
       GraphBuilder::tensor_of(TensorType::kUInt8, {2}), bool2, Status::kUnsupported, "uint8"},
      // Output must be bool, inputs one type.
      {BuiltinOp::kEqual, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_f32({2}), Status::kUnsupported, "expected bool"},
      {BuiltinOp::kEqual, GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_of(TensorType::kInt32, {2}), bool2, Status::kUnsupported, "type"},
      // Shapes.
      {BuiltinOp::kLess, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({3}), bool2,
       Status::kInvalidModel, "do not broadcast"},
      {BuiltinOp::kLess, GraphBuilder::tensor_f32({2}), GraphBuilder::tensor_f32({2}),
       GraphBuilder::tensor_of(TensorType::kBool, {4}), Status::kInvalidModel,
       "not the broadcast shape"},
      // Quantization: scales must be present and below 1 (TFLite CHECK-fails otherwise).
      {BuiltinOp::kEqual, GraphBuilder::tensor_s8({2}, 2.0f, 0),
       GraphBuilder::tensor_s8({2}, 0.5f, 0), bool2, Status::kUnsupported, "must be below 1"},
      {BuiltinOp::kEqual, GraphBuilder::tensor_of(TensorType::kInt8, {2}),
       GraphBuilder::tensor_s8({2}, 0.5f, 0), bool2, Status::kInvalidModel,
       "no quantization parameters"},
  };
  for (const Rejection& c : cases) {
    GraphBuilder g;
    const int x = g.input(c.a, {});
    const int y = g.input(c.b, {});
    const int z = g.output(c.out);
    g.op(c.op, {x, y}, {z});
    EXPECT_EQ(g.prepare(), c.status) << g.messages();
    EXPECT_NE(g.messages().find(c.message), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
