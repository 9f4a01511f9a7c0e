// DEQUANTIZE: int8, int16, uint8 -> float32, computed by hand (scale * (q - zero_point)), and
// Prepare's rejections.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

template <typename In>
std::vector<float> run_dequantize(TensorType type, float scale, int64_t zero_point,
                                  const std::vector<In>& values) {
  const std::vector<int32_t> shape = {1, static_cast<int32_t>(values.size())};
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_q(type, shape, scale, zero_point), to_bytes(values));
  const int y = g.output(GraphBuilder::tensor_f32(shape));
  g.op(BuiltinOp::kDequantize, {x}, {y});
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<float>(0);
}

TEST(Dequantize, EveryInputType) {
  EXPECT_EQ(run_dequantize<int8_t>(TensorType::kInt8, 0.5f, -1, {-128, -1, 0, 127}),
            (std::vector<float>{-63.5f, 0.0f, 0.5f, 64.0f}));
  EXPECT_EQ(run_dequantize<uint8_t>(TensorType::kUInt8, 0.25f, 128, {0, 128, 255}),
            (std::vector<float>{-32.0f, 0.0f, 31.75f}));
  EXPECT_EQ(run_dequantize<int16_t>(TensorType::kInt16, 1.0f / 1024, 0, {1024, -32768, 1}),
            (std::vector<float>{1.0f, -32.0f, 1.0f / 1024}));
}

TEST(Dequantize, RejectsBadModels) {
  {
    GraphBuilder g;  // float output required
    const int x = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), to_bytes<int8_t>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {2}));
    g.op(BuiltinOp::kDequantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("expected float32"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int32 input is not one TFLM dequantizes
    const int x = g.input(GraphBuilder::tensor_q(TensorType::kInt32, {2}, 1.0f, 0),
                          to_bytes<int32_t>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kDequantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("int32"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // no quantization parameters
    const int x =
        g.input(GraphBuilder::tensor_of(TensorType::kInt8, {2}), to_bytes<int8_t>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kDequantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // shapes differ
    const int x = g.input(GraphBuilder::tensor_s8({2}, 1.0f, 0), to_bytes<int8_t>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({1, 2}));
    g.op(BuiltinOp::kDequantize, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("differs from the input shape"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
