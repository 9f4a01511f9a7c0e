// REDUCE_MIN: TFLite/TFLM reduce test vectors ([4, 3, 2] of 1..24 reduced over {1, 0, -3, -3} and
// over {0, 2} with keep_dims), int8/int16/int32, NaN and empty reductions, and Prepare's
// rejections.
#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef keep_dims(bool keep) {
  return {schema::Options::kReducer, {OptionField::boolean(0, keep)}};
}

template <typename T>
std::vector<T> run_min(tools::TensorDef in, const std::vector<T>& input,
                       const std::vector<int32_t>& axes, tools::TensorDef out, bool keep = false) {
  GraphBuilder g;
  const int x = g.input(in, to_bytes<T>(input));
  const int a =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(axes.size())}),
                 to_bytes<int32_t>(axes));
  const int y = g.output(out);
  g.op(BuiltinOp::kReduceMin, {x, a}, {y}, keep_dims(keep));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<T>(0);
}

std::vector<float> iota24() {
  std::vector<float> v(24);
  for (int i = 0; i < 24; ++i) v[static_cast<size_t>(i)] = static_cast<float>(i + 1);
  return v;
}

TEST(ReduceMin, TfliteVectors) {
  EXPECT_EQ(run_min<float>(GraphBuilder::tensor_f32({4, 3, 2}), iota24(), {1, 0, -3, -3},
                           GraphBuilder::tensor_f32({2})),
            (std::vector<float>{1, 2}));
  EXPECT_EQ(run_min<float>(GraphBuilder::tensor_f32({4, 3, 2}), iota24(), {0, 2},
                           GraphBuilder::tensor_f32({1, 3, 1}), true),
            (std::vector<float>{1, 3, 5}));
}

TEST(ReduceMin, IntegerTypes) {
  // int8 with input and output sharing scale and zero point (TFLM requires it).
  EXPECT_EQ(run_min<int8_t>(GraphBuilder::tensor_s8({2, 3}, 0.5f, -3), {-128, 5, -7, 0, -1, 127},
                            {1}, GraphBuilder::tensor_s8({2}, 0.5f, -3)),
            (std::vector<int8_t>{-128, -1}));
  EXPECT_EQ(run_min<int16_t>(GraphBuilder::tensor_s16({2, 2}, 1.0f), {-300, -400, 2, -2}, {0},
                             GraphBuilder::tensor_s16({2}, 1.0f)),
            (std::vector<int16_t>{-300, -400}));
  EXPECT_EQ(run_min<int32_t>(GraphBuilder::tensor_of(TensorType::kInt32, {3}),
                             {std::numeric_limits<int32_t>::max(), 5, 6}, {0},
                             GraphBuilder::tensor_of(TensorType::kInt32, {})),
            (std::vector<int32_t>{5}));
}

TEST(ReduceMin, NanAndEmpty) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // `in < current` never takes a NaN, wherever it is.
  EXPECT_EQ(run_min<float>(GraphBuilder::tensor_f32({2, 2}), {nan, 1, 2, nan}, {1},
                           GraphBuilder::tensor_f32({2})),
            (std::vector<float>{1, 2}));
  // An empty reduction leaves the start value, float's max (int8: 127).
  EXPECT_EQ(
      run_min<float>(GraphBuilder::tensor_f32({2, 0}), {}, {1}, GraphBuilder::tensor_f32({2})),
      (std::vector<float>(2, std::numeric_limits<float>::max())));
  EXPECT_EQ(run_min<int8_t>(GraphBuilder::tensor_s8({0, 3}, 1.0f, 0), {}, {0},
                            GraphBuilder::tensor_s8({3}, 1.0f, 0)),
            (std::vector<int8_t>(3, 127)));
}

TEST(ReduceMin, RejectsInvalidNodes) {
  const auto prepare = [](tools::TensorDef in, tools::TensorDef out, std::string* m) {
    GraphBuilder g;
    size_t count = 1;
    for (int32_t d : in.shape) count *= static_cast<size_t>(d);
    const int x = g.input(in, std::vector<uint8_t>(type_size(in.type) * count));
    const int a =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(out);
    g.op(BuiltinOp::kReduceMin, {x, a}, {y}, keep_dims(false));
    const Status s = g.prepare();
    *m = g.messages();
    return s;
  };
  std::string m;
  EXPECT_EQ(
      prepare(GraphBuilder::tensor_s8({2}, 0.5f, 0), GraphBuilder::tensor_s8({}, 0.25f, 0), &m),
      Status::kInvalidModel);
  EXPECT_NE(m.find("share their quantization"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_s16({2}, 0.5f), GraphBuilder::tensor_s16({}, 0.5f), &m),
            Status::kOk);
  EXPECT_EQ(prepare(GraphBuilder::tensor_f32({2, 3}), GraphBuilder::tensor_f32({2}), &m),
            Status::kInvalidModel);
  EXPECT_EQ(prepare(GraphBuilder::tensor_of(TensorType::kInt64, {2}),
                    GraphBuilder::tensor_of(TensorType::kInt64, {}), &m),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
