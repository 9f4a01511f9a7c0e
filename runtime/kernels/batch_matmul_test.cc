// BATCH_MATMUL: TFLM kernel test vectors (tensorflow/lite/micro/kernels/batch_matmul_test.cc:
// float with every adjoint and broadcast combination, int8, int16), the adj_x case TFLM's
// batch-merging shortcut gets wrong (checked by hand), zero points, and Prepare's rejections.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef adjoints(bool adj_x, bool adj_y) {
  return {schema::Options::kBatchMatmul,
          {OptionField::boolean(0, adj_x), OptionField::boolean(1, adj_y)}};
}

std::vector<float> iota(int n, float first) {
  std::vector<float> v(static_cast<size_t>(n));
  std::iota(v.begin(), v.end(), first);
  return v;
}

template <typename T>
std::vector<T> run(tools::TensorDef lhs_def, const std::vector<T>& lhs, tools::TensorDef rhs_def,
                   const std::vector<T>& rhs, tools::TensorDef out_def, bool adj_x = false,
                   bool adj_y = false, bool constant_rhs = false) {
  GraphBuilder g;
  const int l = g.input(lhs_def, to_bytes<T>(lhs));
  const int r =
      constant_rhs ? g.constant(rhs_def, to_bytes<T>(rhs)) : g.input(rhs_def, to_bytes<T>(rhs));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kBatchMatmul, {l, r}, {y}, adjoints(adj_x, adj_y));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  if (constant_rhs) {  // a constant rhs is read in place: a second run gives the same result
    const std::vector<T> first = g.output_values<T>(0);
    EXPECT_EQ(g.invoke_again(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<T>(0), first);
  }
  return g.output_values<T>(0);
}

std::vector<float> run_f32(std::vector<int32_t> lhs_shape, const std::vector<float>& lhs,
                           std::vector<int32_t> rhs_shape, const std::vector<float>& rhs,
                           std::vector<int32_t> out_shape, bool adj_x = false, bool adj_y = false,
                           bool constant_rhs = false) {
  return run<float>(GraphBuilder::tensor_f32(std::move(lhs_shape)), lhs,
                    GraphBuilder::tensor_f32(std::move(rhs_shape)), rhs,
                    GraphBuilder::tensor_f32(std::move(out_shape)), adj_x, adj_y, constant_rhs);
}

TEST(BatchMatmul, TflmFloatVectors) {
  // BatchMatMulOpTestFloat32Test_Ones and _Flatten (rhs [3, 1, 4, 1]).
  EXPECT_EQ(run_f32({3, 2, 1, 4}, iota(24, 1), {3, 1, 4, 1}, iota(12, 1), {3, 2, 1, 1}),
            (std::vector<float>{30, 70, 278, 382, 782, 950}));
  EXPECT_EQ(run_f32({3, 2, 2, 4}, iota(48, 1), {3, 1, 4, 1}, iota(12, 1), {3, 2, 2, 1}),
            (std::vector<float>{30, 70, 110, 150, 486, 590, 694, 798, 1454, 1622, 1790, 1958}));
  // _Simple, _SimpleRHSAdjoint, _SimpleLHSAdjoint.
  const std::vector<float> simple = {74., 80., 86., 92., 173., 188., 203., 218.};
  EXPECT_EQ(run_f32({1, 2, 3}, iota(6, 1), {1, 3, 4}, iota(12, 7), {1, 2, 4}), simple);
  EXPECT_EQ(run_f32({1, 2, 3}, iota(6, 1), {1, 4, 3}, {7, 11, 15, 8, 12, 16, 9, 13, 17, 10, 14, 18},
                    {1, 2, 4}, false, true),
            simple);
  EXPECT_EQ(run_f32({1, 3, 2}, {1, 4, 2, 5, 3, 6}, {1, 3, 4}, iota(12, 7), {1, 2, 4}, true),
            simple);
  // _BatchSizeTwo, _Broadcast, _BroadcastLHSAdjoint.
  EXPECT_EQ(run_f32({2, 2, 3}, iota(12, 1), {2, 3, 4}, iota(24, 7), {2, 2, 4}),
            (std::vector<float>{74., 80., 86., 92., 173., 188., 203., 218., 560., 584., 608., 632.,
                                767., 800., 833., 866.}));
  const std::vector<float> broadcast = {74.,  80.,  86.,  92.,  173., 188., 203., 218.,
                                        272., 296., 320., 344., 371., 404., 437., 470.};
  EXPECT_EQ(run_f32({2, 2, 3}, iota(12, 1), {3, 4}, iota(12, 7), {2, 2, 4}), broadcast);
  EXPECT_EQ(run_f32({2, 3, 2}, {1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12}, {3, 4}, iota(12, 7),
                    {2, 2, 4}, true),
            broadcast);
  // _Broadcast2 and its LHS, RHS and both-adjoint variants.
  const std::vector<float> broadcast2 = {
      29.,  32.,  35.,  38.,  65.,  72.,  79.,  86.,  101., 112., 123., 134., 53.,  56.,  59.,
      62.,  121., 128., 135., 142., 189., 200., 211., 222., 77.,  80.,  83.,  86.,  177., 184.,
      191., 198., 277., 288., 299., 310., 137., 152., 167., 182., 173., 192., 211., 230., 209.,
      232., 255., 278., 257., 272., 287., 302., 325., 344., 363., 382., 393., 416., 439., 462.,
      377., 392., 407., 422., 477., 496., 515., 534., 577., 600., 623., 646.};
  const std::vector<float> lhs_adj = {1, 3, 5, 2, 4, 6, 7, 9, 11, 8, 10, 12};
  const std::vector<float> rhs_adj = {7,  11, 8,  12, 9,  13, 10, 14, 15, 19, 16, 20,
                                      17, 21, 18, 22, 23, 27, 24, 28, 25, 29, 26, 30};
  EXPECT_EQ(run_f32({2, 1, 3, 2}, iota(12, 1), {3, 2, 4}, iota(24, 7), {2, 3, 3, 4}), broadcast2);
  EXPECT_EQ(run_f32({2, 1, 2, 3}, lhs_adj, {3, 2, 4}, iota(24, 7), {2, 3, 3, 4}, true), broadcast2);
  EXPECT_EQ(run_f32({2, 1, 3, 2}, iota(12, 1), {3, 4, 2}, rhs_adj, {2, 3, 3, 4}, false, true),
            broadcast2);
  EXPECT_EQ(run_f32({2, 1, 2, 3}, lhs_adj, {3, 4, 2}, rhs_adj, {2, 3, 3, 4}, true, true),
            broadcast2);
  // _BroadcastFromRHS.
  EXPECT_EQ(run_f32({4, 5}, iota(20, 1), {3, 1, 5, 2}, iota(30, 7), {3, 1, 4, 2}),
            (std::vector<float>{185., 200., 460.,  500.,  735.,  800.,  1010., 1100.,
                                335., 350., 860.,  900.,  1385., 1450., 1910., 2000.,
                                485., 500., 1260., 1300., 2035., 2100., 2810., 2900.}));
  // ConstRHSBatchMatMulOpModelRHSNotAdjoint, run twice.
  EXPECT_EQ(run_f32({1, 6, 2}, {6, 3, 7, 4, 6, 9, 2, 6, 7, 4, 3, 7}, {2, 3}, {6, 3, 7, 4, 6, 9},
                    {1, 6, 3}, false, false, true),
            (std::vector<float>{48, 36, 69, 58, 45, 85, 72, 72, 123, 36, 42, 68, 58, 45, 85, 46, 51,
                                84}));
}

TEST(BatchMatmul, AdjointLhsWithUnitRhsBatch) {
  // lhs stored [2, 3, 2] with adj_x, i.e. two 2x3 matrices {{1, 3, 5}, {2, 4, 6}} and
  // {{7, 9, 11}, {8, 10, 12}}; rhs [1, 3, 1] = {1, 1, 1}, broadcast over the lhs batch. Row sums:
  // 9, 12, 27, 30. TFLM merges the lhs batch into its rows before noticing the adjoint here and
  // produces a wrong, partly unwritten output; TFLite and Mote compute the product.
  EXPECT_EQ(run_f32({2, 3, 2}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {1, 3, 1}, {1, 1, 1},
                    {2, 2, 1}, true),
            (std::vector<float>{9, 12, 27, 30}));
}

TEST(BatchMatmul, TflmInt8) {
  // QuantizedBatchMatMulOpTestSimpleTestQuantizedInt8: scales 0.5 (zero point -1) for both
  // inputs, 1.0 (zero point -1) for the output; real values 2 * (q + 1). Expected real 23, 57.
  const auto q = [](const std::vector<float>& real) {
    std::vector<int8_t> out;
    for (float v : real) out.push_back(static_cast<int8_t>(2 * v - 1));
    return out;
  };
  const std::vector<float> lhs = {1, 2, 3, 4, 5, 6, 7, 8, -9, -10, 1, 2, 3, 4, 5, 6, 7, -8, 9, -10};
  const std::vector<float> rhs = {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5,  5,  5,
                                  6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10};
  EXPECT_EQ(run<int8_t>(GraphBuilder::tensor_s8({2, 10}, 0.5f, -1), q(lhs),
                        GraphBuilder::tensor_s8({10, 3}, 0.5f, -1), q(rhs),
                        GraphBuilder::tensor_s8({2, 3}, 1.0f, -1)),
            (std::vector<int8_t>{22, 22, 22, 56, 56, 56}));
}

TEST(BatchMatmul, TflmInt16) {
  // QuantizedBatchMatMulOpTestSimpleTestQuantizedInt16: inputs at scale 10 / 32767 (the same
  // real values as the int8 test, quantized as round(v / scale)), output scale 1.
  const float scale = 10.0f / 32767;
  const std::vector<int16_t> lhs = {3277,  6553,   9830,   13107,  16384, 19660, 22937,
                                    26214, -29490, -32767, 3277,   6553,  9830,  13107,
                                    16384, 19660,  22937,  -26214, 29490, -32767};
  std::vector<int16_t> rhs;
  for (int16_t v : {3277, 6553, 9830, 13107, 16384, 19660, 22937, 26214, 29490, 32767}) {
    rhs.insert(rhs.end(), 3, v);
  }
  EXPECT_EQ(run<int16_t>(GraphBuilder::tensor_s16({2, 10}, scale), lhs,
                         GraphBuilder::tensor_s16({10, 3}, scale), rhs,
                         GraphBuilder::tensor_s16({2, 3}, 1.0f)),
            (std::vector<int16_t>{23, 23, 23, 57, 57, 57}));
}

TEST(BatchMatmul, Int8ZeroPointsRoundingAndSaturation) {
  // lhs real 0.25 * (q - 2), rhs real 0.5 * (q + 3); output scale 1, zero point 10.
  // Row 0: (2 - 2, 6 - 2) . (1 + 3, 5 + 3) = 32 -> 32 * 0.125 = 4 -> 14.
  // Row 1: (3 - 2, 2 - 2) . (...) = 4 -> 0.5 rounds away from zero -> 1 -> 11.
  // Row 2: (127 - 2, 127 - 2) . (127 + 3, 127 + 3) = 32500 -> 4062.5 -> saturates at 127.
  EXPECT_EQ(run<int8_t>(GraphBuilder::tensor_s8({3, 2}, 0.25f, 2), {2, 6, 3, 2, 127, 127},
                        GraphBuilder::tensor_s8({2, 1}, 0.5f, -3), {1, 5},
                        GraphBuilder::tensor_s8({3, 1}, 1.0f, 10)),
            (std::vector<int8_t>{14, 11, 127}));
}

Status prepare(tools::TensorDef lhs, tools::TensorDef rhs, tools::TensorDef out, bool adj_x,
               bool adj_y, std::string* messages) {
  GraphBuilder g;
  const auto bytes = [](const tools::TensorDef& t) {
    size_t n = type_size(t.type);
    for (int32_t d : t.shape) n *= static_cast<size_t>(d);
    return std::vector<uint8_t>(n);
  };
  const int l = g.input(lhs, bytes(lhs));
  const int r = g.input(rhs, bytes(rhs));
  const int y = g.output(out);
  g.op(BuiltinOp::kBatchMatmul, {l, r}, {y}, adjoints(adj_x, adj_y));
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(BatchMatmul, RejectsInvalidNodes) {
  std::string m;
  const auto f = [](std::vector<int32_t> shape) { return GraphBuilder::tensor_f32(shape); };
  EXPECT_EQ(prepare(f({2, 3}), f({2, 4}), f({2, 4}), false, false, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("do not share an inner dimension"), std::string::npos) << m;
  EXPECT_EQ(prepare(f({2, 2, 3}), f({3, 3, 4}), f({3, 2, 4}), false, false, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("do not broadcast"), std::string::npos) << m;
  EXPECT_EQ(prepare(f({2, 3}), f({3, 4}), f({4, 2}), false, false, &m), Status::kInvalidModel);
  EXPECT_NE(m.find("output tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare(f({3}), f({3, 4}), f({4}), false, false, &m), Status::kUnsupported);
  EXPECT_EQ(prepare(f({1, 1, 1, 1, 2, 3}), f({3, 4}), f({1, 1, 1, 1, 2, 4}), false, false, &m),
            Status::kUnsupported);
  EXPECT_EQ(
      prepare(f({2, 3}), GraphBuilder::tensor_s8({3, 4}, 1.0f, 0), f({2, 4}), false, false, &m),
      Status::kUnsupported);
  EXPECT_EQ(prepare(GraphBuilder::tensor_q(TensorType::kInt16, {2, 3}, 1.0f, 1),
                    GraphBuilder::tensor_s16({3, 4}, 1.0f), GraphBuilder::tensor_s16({2, 4}, 1.0f),
                    false, false, &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("zero point 0"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_of(TensorType::kInt8, {2, 3}),
                    GraphBuilder::tensor_s8({3, 4}, 1.0f, 0),
                    GraphBuilder::tensor_s8({2, 4}, 1.0f, 0), false, false, &m),
            Status::kInvalidModel);
}

}  // namespace
}  // namespace mote::testing
