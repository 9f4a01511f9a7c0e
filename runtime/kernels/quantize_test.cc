// QUANTIZE: float -> int8/int16 and every requantization pair TFLM runs. Several vectors come from
// TFLM's quantize_test.cc (tensorflow/lite/micro/kernels/quantize_test.cc: the input values,
// scales and zero points); the expected integers were worked out by hand from them.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

struct Quant {
  float scale;
  int64_t zero_point;
};

template <typename In, typename Out>
std::vector<Out> run_quantize(TensorType in_type, const Quant* in_quant, TensorType out_type,
                              Quant out_quant, const std::vector<In>& values) {
  const std::vector<int32_t> shape = {2, static_cast<int32_t>(values.size() / 2)};
  GraphBuilder g;
  const int x =
      g.input(in_quant != nullptr
                  ? GraphBuilder::tensor_q(in_type, shape, in_quant->scale, in_quant->zero_point)
                  : GraphBuilder::tensor_of(in_type, shape),
              to_bytes(values));
  const int y =
      g.output(GraphBuilder::tensor_q(out_type, shape, out_quant.scale, out_quant.zero_point));
  g.op(BuiltinOp::kQuantize, {x}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<Out>(0);
}

// TFLM QuantizeOpTestInt16 values, scale 0.5, zero point -1: q = 2x - 1.
const std::vector<float> kTflmFloats = {-63.5, -63, -62.5, -62, -61.5, 62, 62.5, 63, 63.5, 64};

TEST(Quantize, FloatToInt8AndInt16) {
  const Quant out = {0.5f, -1};
  EXPECT_EQ((run_quantize<float, int8_t>(TensorType::kFloat32, nullptr, TensorType::kInt8, out,
                                         kTflmFloats)),
            (std::vector<int8_t>{-128, -127, -126, -125, -124, 123, 124, 125, 126, 127}));
  EXPECT_EQ((run_quantize<float, int16_t>(TensorType::kFloat32, nullptr, TensorType::kInt16, out,
                                          kTflmFloats)),
            (std::vector<int16_t>{-128, -127, -126, -125, -124, 123, 124, 125, 126, 127}));
}

TEST(Quantize, FloatRoundsHalvesAwayFromZeroAndSaturates) {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> x = {0.5f, -0.5f, 1.5f, -2.5f, 2.49f, 300, -300, 1e10f, -inf, 126.5f};
  EXPECT_EQ(
      (run_quantize<float, int8_t>(TensorType::kFloat32, nullptr, TensorType::kInt8, {1.0f, 0}, x)),
      (std::vector<int8_t>{1, -1, 2, -3, 2, 127, -128, 127, -128, 127}));
  // With a zero point, the rounded value is shifted before the clamp: 126.5 -> 127 + 5.
  EXPECT_EQ((run_quantize<float, int16_t>(TensorType::kFloat32, nullptr, TensorType::kInt16,
                                          {1.0f, 5}, x)),
            (std::vector<int16_t>{6, 4, 7, 2, 7, 305, -295, 32767, -32768, 132}));
}

TEST(Quantize, FloatNanBecomesTheZeroPoint) {
  // TFLite converts NaN to int32 with undefined behaviour; Mote maps it to real 0.
  const float nan = std::numeric_limits<float>::quiet_NaN();
  EXPECT_EQ((run_quantize<float, int8_t>(TensorType::kFloat32, nullptr, TensorType::kInt8,
                                         {0.25f, -7}, {nan, 1.0f})),
            (std::vector<int8_t>{-7, -3}));
}

// TFLM QuantizeOpTestInt8toInt8 / Int8toInt16 / Int16toInt16: values -64..62 stored at scale 2
// (q = x / 2), requantized to scale 0.5, zero point 32: out = 4q + 32 (multiplier 4, exact).
const std::vector<int32_t> kTflmHalfValues = {-32, -31, -30, -29, -28, 27, 28, 29, 30, 31};

template <typename T>
std::vector<T> cast_all(const std::vector<int32_t>& v) {
  return std::vector<T>(v.begin(), v.end());
}

TEST(Quantize, RequantizeWiderScale) {
  const Quant in = {2.0f, 0};
  const Quant out = {0.5f, 32};
  const std::vector<int32_t> unclamped = {-96, -92, -88, -84, -80, 140, 144, 148, 152, 156};
  EXPECT_EQ((run_quantize<int8_t, int8_t>(TensorType::kInt8, &in, TensorType::kInt8, out,
                                          cast_all<int8_t>(kTflmHalfValues))),
            (std::vector<int8_t>{-96, -92, -88, -84, -80, 127, 127, 127, 127, 127}));
  EXPECT_EQ((run_quantize<int8_t, int16_t>(TensorType::kInt8, &in, TensorType::kInt16, out,
                                           cast_all<int8_t>(kTflmHalfValues))),
            cast_all<int16_t>(unclamped));
  EXPECT_EQ((run_quantize<int16_t, int16_t>(TensorType::kInt16, &in, TensorType::kInt16, out,
                                            cast_all<int16_t>(kTflmHalfValues))),
            cast_all<int16_t>(unclamped));
  // Int16toInt8 (zero point 0): 4q.
  EXPECT_EQ((run_quantize<int16_t, int8_t>(TensorType::kInt16, &in, TensorType::kInt8, {0.5f, 0},
                                           cast_all<int16_t>(kTflmHalfValues))),
            (std::vector<int8_t>{-128, -124, -120, -116, -112, 108, 112, 116, 120, 124}));
}

TEST(Quantize, RequantizeToInt32) {
  // TFLM Int8toInt32 / Int16toInt32: scale 1 -> 0.5, so out = 2q.
  const Quant in = {1.0f, 0};
  const Quant out = {0.5f, 0};
  const std::vector<int32_t> doubled = {-64, -62, -60, -58, -56, 54, 56, 58, 60, 62};
  EXPECT_EQ((run_quantize<int8_t, int32_t>(TensorType::kInt8, &in, TensorType::kInt32, out,
                                           cast_all<int8_t>(kTflmHalfValues))),
            doubled);
  EXPECT_EQ((run_quantize<int16_t, int32_t>(TensorType::kInt16, &in, TensorType::kInt32, out,
                                            cast_all<int16_t>(kTflmHalfValues))),
            doubled);
}

TEST(Quantize, RequantizeFromInt32) {
  // TFLM Int32toInt8 / Int32toInt16: -32..31 stored at scale 0.4 (q = round(x / 0.4)),
  // requantized to scale 1: round(0.4 q) gives the values back (no product is near a tie).
  const Quant in = {0.4f, 0};
  const std::vector<int32_t> q = {-80, -78, -75, -73, -70, 68, 70, 73, 75, 78};
  const std::vector<int32_t> expected = {-32, -31, -30, -29, -28, 27, 28, 29, 30, 31};
  EXPECT_EQ(
      (run_quantize<int32_t, int8_t>(TensorType::kInt32, &in, TensorType::kInt8, {1.0f, 0}, q)),
      cast_all<int8_t>(expected));
  EXPECT_EQ(
      (run_quantize<int32_t, int16_t>(TensorType::kInt32, &in, TensorType::kInt16, {1.0f, 0}, q)),
      cast_all<int16_t>(expected));
}

TEST(Quantize, Int8AndUint8ZeroPointShift) {
  // Same scale, zero points 128 apart: TFLM's xor-0x80 case.
  const Quant s8 = {1.0f, 0};
  const Quant u8 = {1.0f, 128};
  EXPECT_EQ((run_quantize<int8_t, uint8_t>(TensorType::kInt8, &s8, TensorType::kUInt8, u8,
                                           {-128, -1, 0, 127})),
            (std::vector<uint8_t>{0, 127, 128, 255}));
  EXPECT_EQ((run_quantize<uint8_t, int8_t>(TensorType::kUInt8, &u8, TensorType::kInt8, s8,
                                           {0, 127, 128, 255})),
            (std::vector<int8_t>{-128, -1, 0, 127}));
  // A general uint8 -> int8 rescale: scale 1 -> 2 (multiplier 0.5), zero points 10 -> -3:
  // (q - 10) / 2 with the doubling high multiply's halves rounded up, then - 3.
  const Quant u8_zp10 = {1.0f, 10};
  EXPECT_EQ((run_quantize<uint8_t, int8_t>(TensorType::kUInt8, &u8_zp10, TensorType::kInt8,
                                           {2.0f, -3}, {13, 7, 255, 0})),
            (std::vector<int8_t>{-1, -4, 120, -8}));  // 1.5 -> 2, -1.5 -> -1, 122.5 -> 123, -5
}

TEST(Quantize, RejectsBadModels) {
  {
    GraphBuilder g;  // float -> uint8: not a pair TFLM's QUANTIZE runs
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_q(TensorType::kUInt8, {2}, 1.0f, 0));
    g.op(BuiltinOp::kQuantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("quantizing float32 to uint8 is not supported"), std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // per-channel output
    tools::TensorDef def = GraphBuilder::tensor_s8({2}, 1.0f, 0);
    def.quant.scales = {1.0f, 2.0f};
    def.quant.zero_points = {0, 0};
    const int x = g.input(GraphBuilder::tensor_f32({2}), to_bytes<float>({1, 2}));
    const int y = g.output(def);
    g.op(BuiltinOp::kQuantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("per channel"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // shapes differ
    const int x = g.input(GraphBuilder::tensor_f32({2, 2}), to_bytes<float>({1, 2, 3, 4}));
    const int y = g.output(GraphBuilder::tensor_s8({4}, 1.0f, 0));
    g.op(BuiltinOp::kQuantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("output shape [4] differs from the input shape [2, 2]"),
              std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // requantizing needs the input's scale
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt8, {1}), to_bytes<int8_t>({1}));
    const int y = g.output(GraphBuilder::tensor_s8({1}, 1.0f, 0));
    g.op(BuiltinOp::kQuantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("input tensor 0 (int8) has no quantization parameters"),
              std::string::npos)
        << g.messages();
  }
  {
    GraphBuilder g;  // scale ratio 2^31: TFLite's left shift would overflow
    const int x = g.input(GraphBuilder::tensor_s8({1}, 1048576.0f, 0), to_bytes<int8_t>({1}));
    const int y = g.output(GraphBuilder::tensor_q(TensorType::kInt32, {1}, 1.0f / 2048, 0));
    g.op(BuiltinOp::kQuantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("too large"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
