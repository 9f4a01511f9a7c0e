// LEAKY_RELU: TFLM's small test vectors (exact here), hand-checked rounding and zero points, and
// Prepare's validation.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_leaky_relu(const TensorDef& in_def, const std::vector<T>& input,
                              const TensorDef& out_def, float alpha) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kLeakyRelu, {x}, {y},
       OptionsDef{schema::Options::kLeakyRelu,
                  {OptionField::real(schema::leaky_relu_options::kAlpha, alpha)}});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

TEST(LeakyRelu, Float32) {
  // TFLM FloatActivationsOpTestLeakyRelu (alpha 0.5), plus a negative alpha.
  EXPECT_EQ(run_leaky_relu<float>(GraphBuilder::tensor_f32({2, 3}), {0, 1, 3, 1, -1, -2},
                                  GraphBuilder::tensor_f32({2, 3}), 0.5f),
            (std::vector<float>{0, 1, 3, 1, -0.5f, -1}));
  EXPECT_EQ(run_leaky_relu<float>(GraphBuilder::tensor_f32({2}), {-2, 4},
                                  GraphBuilder::tensor_f32({2}), -1.5f),
            (std::vector<float>{3, 4}));
}

TEST(LeakyRelu, Int8) {
  // TFLM QuantizedActivationsOpTestLeakyReluInt8_1 (scale 0.1, zero point 0, alpha 0.5):
  // {0, 1, 3, 1, -1, -2} quantize to {0, 10, 30, 10, -10, -20}. The identity multiplier is
  // exactly 1 and the alpha one exactly 0.5, so the result is exact. -3 * 0.5 = -1.5 rounds to -1
  // (ties toward +infinity in the doubling high multiply).
  const auto out =
      run_leaky_relu<int8_t>(GraphBuilder::tensor_s8({7}, 0.1f, 0), {0, 10, 30, 10, -10, -20, -3},
                             GraphBuilder::tensor_s8({7}, 0.1f, 0), 0.5f);
  EXPECT_EQ(out, (std::vector<int8_t>{0, 10, 30, 10, -5, -10, -1}));
}

TEST(LeakyRelu, Int8ZeroPointsAndSaturation) {
  // In zero point 10, out zero point -20, equal scales, alpha 0.25:
  // 10 -> -20, 30 -> 0, 6 (v = -4) -> -1 - 20, -118 (v = -128) -> -32 - 20, 127 (v = 117) -> 97,
  // and with alpha 4: -118 -> -512 - 20, saturated to -128.
  EXPECT_EQ(run_leaky_relu<int8_t>(GraphBuilder::tensor_s8({5}, 0.5f, 10), {10, 30, 6, -118, 127},
                                   GraphBuilder::tensor_s8({5}, 0.5f, -20), 0.25f),
            (std::vector<int8_t>{-20, 0, -21, -52, 97}));
  EXPECT_EQ(run_leaky_relu<int8_t>(GraphBuilder::tensor_s8({2}, 0.5f, 10), {-118, 9},
                                   GraphBuilder::tensor_s8({2}, 0.5f, -20), 4.0f),
            (std::vector<int8_t>{-128, -24}));
}

TEST(LeakyRelu, Int16) {
  // TFLM QuantizedActivationsOpTestLeakyReluInt16_1 (scale 0.01, zero point 0, alpha 0.5).
  const auto out = run_leaky_relu<int16_t>(GraphBuilder::tensor_s16({2, 3}, 0.01f),
                                           {0, 100, 300, 100, -100, -200},
                                           GraphBuilder::tensor_s16({2, 3}, 0.01f), 0.5f);
  EXPECT_EQ(out, (std::vector<int16_t>{0, 100, 300, 100, -50, -100}));
}

TEST(LeakyRelu, Int16Requantizes) {
  // Output scale twice the input's: identity 0.5, alpha 0.1 * 0.5 = 0.05.
  // 20001 -> 10000.5 -> 10001 (tie up); -20000 -> -1000.
  const auto out = run_leaky_relu<int16_t>(GraphBuilder::tensor_s16({3}, 0.01f), {20001, -20000, 0},
                                           GraphBuilder::tensor_s16({3}, 0.02f), 0.1f);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0], 10001);
  EXPECT_NEAR(out[1], -1000, 1);
  EXPECT_EQ(out[2], 0);
}

TEST(LeakyRelu, RejectsBadTypesAndShapes) {
  for (const auto& [in_def, out_def, status] :
       std::vector<std::tuple<TensorDef, TensorDef, Status>>{
           {GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_f32({4, 1}), Status::kInvalidModel},
           {GraphBuilder::tensor_s8({4}, 1.0f, 0), GraphBuilder::tensor_of(TensorType::kInt8, {4}),
            Status::kInvalidModel},
           {GraphBuilder::tensor_s16({4}, 1.0f), GraphBuilder::tensor_s8({4}, 1.0f, 0),
            Status::kUnsupported},
           {GraphBuilder::tensor_of(TensorType::kUInt8, {4}),
            GraphBuilder::tensor_of(TensorType::kUInt8, {4}), Status::kUnsupported}}) {
    GraphBuilder g;
    const int x = g.input(in_def, {});
    const int y = g.output(out_def);
    g.op(BuiltinOp::kLeakyRelu, {x}, {y});
    EXPECT_EQ(g.prepare(), status) << g.messages();
    EXPECT_NE(g.messages().find("LEAKY_RELU"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
