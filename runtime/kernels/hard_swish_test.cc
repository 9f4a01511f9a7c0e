// HARD_SWISH: the float formula, int8 values worked out by hand through TFLite's fixed-point
// steps, a sweep against the real function, and Prepare's validation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::TensorDef;
using tools::to_bytes;

template <typename T>
std::vector<T> run_hard_swish(const TensorDef& in_def, const std::vector<T>& input,
                              const TensorDef& out_def) {
  GraphBuilder g;
  const int x = g.input(in_def, to_bytes<T>(input));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kHardSwish, {x}, {y});
  const Status status = g.run();
  EXPECT_EQ(status, Status::kOk) << g.messages();
  if (status != Status::kOk) return {};
  return g.output_values<T>(0);
}

double hard_swish(double x) { return x * std::min(6.0, std::max(0.0, x + 3)) / 6; }

TEST(HardSwish, Float32) {
  const std::vector<float> input = {-4.0f, -3.0f, -1.5f, 0.0f, 1.0f, 3.0f, 5.0f};
  const auto out =
      run_hard_swish<float>(GraphBuilder::tensor_f32({7}), input, GraphBuilder::tensor_f32({7}));
  ASSERT_EQ(out.size(), input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    const float x = input[i];
    EXPECT_EQ(out[i], x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f) << i;
  }
  EXPECT_EQ(out[2], -0.375f);
  EXPECT_EQ(out[6], 5.0f);
}

TEST(HardSwish, Int8HandCheckedValues) {
  // Scales 1/16 in and out: output multiplier 2^-7 -> Q15 16384 with exponent -6; reluish
  // multiplier 16/3 -> Q15 21845 with exponent 3. Worked through the fixed-point steps:
  //   x =  0 ->  0 (exactly the zero point)
  //   x = 16 (1.0) -> hires 2048, preshift 1024, reluish 21845, 682 -> round(682 / 64) = 11
  //   x = 64 (4.0) -> reluish saturates to 32767: 4095 -> round(4095 / 64) = 64
  //   x = -64 (-4.0) -> reluish saturates to -32768, maps to 0 -> 0
  const auto out =
      run_hard_swish<int8_t>(GraphBuilder::tensor_s8({4}, 1.0f / 16, 0), {0, 16, 64, -64},
                             GraphBuilder::tensor_s8({4}, 1.0f / 16, 0));
  EXPECT_EQ(out, (std::vector<int8_t>{0, 11, 64, 0}));
}

TEST(HardSwish, Int8SweepIsCloseToTheRealFunction) {
  // Every int8 input for a few scale pairs; TFLite's scheme is within about one output step.
  for (const auto& [in_scale, in_zp, out_scale, out_zp] :
       std::vector<std::tuple<float, int, float, int>>{
           {0.05f, 0, 0.05f, 0}, {0.1f, -20, 0.04f, -100}, {0.0375f, 7, 0.03f, -128}}) {
    std::vector<int8_t> input;
    for (int v = -128; v <= 127; ++v) input.push_back(static_cast<int8_t>(v));
    const auto out = run_hard_swish<int8_t>(GraphBuilder::tensor_s8({256}, in_scale, in_zp), input,
                                            GraphBuilder::tensor_s8({256}, out_scale, out_zp));
    ASSERT_EQ(out.size(), input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      const double real = hard_swish((input[i] - in_zp) * static_cast<double>(in_scale));
      const double expected =
          std::max(-128.0, std::min(127.0, std::round(real / out_scale) + out_zp));
      EXPECT_NEAR(out[i], expected, 1.0) << in_scale << " " << static_cast<int>(input[i]);
    }
  }
}

TEST(HardSwish, Int8VeryCoarseOutputFollowsGemmlowpRounding) {
  // Output scale 1024 x the input scale: output multiplier 2^-17, exponent -16. gemmlowp's int16
  // RoundingDivideByPOT with an exponent of 16 or more (mask 2^e - 1 truncated to -1) returns 1
  // for every non-negative value and -1 for negative ones; TFLM's results include that.
  //   x = 0 -> preshift 0 -> 1;  x = 10 -> 639 -> 1;  x = -1 (reluish 10923) -> -21 -> -1.
  const auto out = run_hard_swish<int8_t>(GraphBuilder::tensor_s8({3}, 1.0f, 0), {0, 10, -1},
                                          GraphBuilder::tensor_s8({3}, 1024.0f, 0));
  EXPECT_EQ(out, (std::vector<int8_t>{1, 1, -1}));
}

TEST(HardSwish, RejectsBadQuantizationTypesAndShapes) {
  for (const auto& [in_def, out_def, status] :
       std::vector<std::tuple<TensorDef, TensorDef, Status>>{
           // Output scale below input scale / 128 needs a left shift, which TFLM rejects.
           {GraphBuilder::tensor_s8({4}, 1.0f, 0), GraphBuilder::tensor_s8({4}, 1.0f / 256, 0),
            Status::kInvalidModel},
           {GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_f32({4, 1}), Status::kInvalidModel},
           {GraphBuilder::tensor_s8({4}, 1.0f, 0), GraphBuilder::tensor_of(TensorType::kInt8, {4}),
            Status::kInvalidModel},
           // TFLM has no int16 HARD_SWISH.
           {GraphBuilder::tensor_s16({4}, 1.0f), GraphBuilder::tensor_s16({4}, 1.0f),
            Status::kUnsupported},
           {GraphBuilder::tensor_f32({4}), GraphBuilder::tensor_s8({4}, 1.0f, 0),
            Status::kUnsupported}}) {
    GraphBuilder g;
    const int x = g.input(in_def, {});
    const int y = g.output(out_def);
    g.op(BuiltinOp::kHardSwish, {x}, {y});
    EXPECT_EQ(g.prepare(), status) << g.messages();
    EXPECT_NE(g.messages().find("HARD_SWISH"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
