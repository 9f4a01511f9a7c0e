// RELU6: hand-checked cases for each dtype, and Prepare's validation.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_relu6(const TensorDef& in_def, const std::vector<T>& input,
                         const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kRelu6, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(Relu6, Float32) {
  const auto out =
      run_relu6<float>(GraphBuilder::tensor_f32({6}), {-1.0f, 0.0f, 3.0f, 6.0f, 7.5f, 1e9f},
                       GraphBuilder::tensor_f32({6}));
  EXPECT_EQ(out, (std::vector<float>{0.0f, 0.0f, 3.0f, 6.0f, 6.0f, 6.0f}));
}

TEST(Relu6, Int8ClampsOnTheInputScale) {
  // Scale 0.5, zero point -5: 0.0 is -5 and 6.0 is 12 - 5 = 7. As in TFLM the output tensor's
  // own quantization (here deliberately different) is not applied.
  const auto out =
      run_relu6<int8_t>(GraphBuilder::tensor_s8({6}, 0.5f, -5), {-128, -6, -5, 0, 7, 100},
                        GraphBuilder::tensor_s8({6}, 1.0f, 3));
  EXPECT_EQ(out, (std::vector<int8_t>{-5, -5, -5, 0, 7, 7}));
}

TEST(Relu6, Int8SixBeyondTheTypeSaturates) {
  // Scale 0.01: 6.0 would be 600, so the upper bound is 127.
  const auto out = run_relu6<int8_t>(GraphBuilder::tensor_s8({3}, 0.01f, 0), {-3, 50, 127},
                                     GraphBuilder::tensor_s8({3}, 0.01f, 0));
  EXPECT_EQ(out, (std::vector<int8_t>{0, 50, 127}));
}

TEST(Relu6, Int16) {
  // Scale 1/1000: round(6.0f / 0.001f) = 6000.
  const auto out =
      run_relu6<int16_t>(GraphBuilder::tensor_s16({5}, 0.001f), {-5, 0, 3000, 6000, 7000},
                         GraphBuilder::tensor_s16({5}, 0.001f));
  EXPECT_EQ(out, (std::vector<int16_t>{0, 0, 3000, 6000, 6000}));
}

TEST(Relu6, RejectsBadTypesAndShapes) {
  for (const auto& [in_def, out_def, status] :
       std::vector<std::tuple<TensorDef, TensorDef, Status>>{
           {GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_f32({2, 2}), Status::kInvalidModel},
           {GraphBuilder::tensor_of(TensorType::kInt8, {4}), GraphBuilder::tensor_s8({4}, 1.0f, 0),
            Status::kInvalidModel},
           {GraphBuilder::tensor_s8({4}, 1.0f, 0), GraphBuilder::tensor_s16({4}, 1.0f),
            Status::kUnsupported},
           {GraphBuilder::tensor_of(TensorType::kInt32, {4}),
            GraphBuilder::tensor_of(TensorType::kInt32, {4}), Status::kUnsupported}}) {
    GraphBuilder g;
    const int x = g.input(in_def, {});
    const int y = g.output(out_def);
    g.op(BuiltinOp::kRelu6, {x}, {y});
    EXPECT_EQ(g.prepare(), status) << g.messages();
    EXPECT_NE(g.messages().find("RELU6"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
