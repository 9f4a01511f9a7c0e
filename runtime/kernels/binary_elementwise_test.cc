// The broadcasting shared by ADD, SUB, MUL, MAXIMUM and MINIMUM: ref::broadcast_binary against an
// independent index formula over every rank, and the int32 MUL/ADD/MINIMUM/MAXIMUM tail of
// TFLM's micro_speech audio preprocessor against its recorded intermediate tensors.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "kernels/ref/broadcast.h"
#include "op_test_harness.h"
#include "shared_data.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

Shape make_shape(std::vector<int32_t> dims) {
  Shape s;
  s.rank = static_cast<int32_t>(dims.size());
  for (size_t i = 0; i < dims.size(); ++i) s.dims[i] = dims[i];
  return s;
}

// Independent of the kernel's odometer: the input element of output element `o` is found by
// decomposing o into coordinates and dropping the ones along which the input has extent 1.
int64_t source_index(const Shape& in, const Shape& out, int64_t o) {
  int64_t index = 0;
  int64_t stride = 1;
  for (int32_t d = out.rank - 1; d >= 0; --d) {
    const int64_t coord = o % out.dims[d];
    o /= out.dims[d];
    const int32_t in_d = d - (out.rank - in.rank);
    if (in_d < 0) continue;
    if (in.dims[in_d] != 1) index += coord * stride;
    stride *= in.dims[in_d];
  }
  return index;
}

TEST(Broadcast, MatchesIndexFormulaForEveryRank) {
  uint32_t seed = 12345;
  const auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 16;
  };
  for (int trial = 0; trial < 400; ++trial) {
    // A random output shape of rank <= 6; each input keeps a random suffix of it with some
    // extents replaced by 1.
    const int32_t rank = static_cast<int32_t>(next() % 7);
    std::vector<int32_t> out_dims(rank);
    for (auto& d : out_dims) d = 1 + static_cast<int32_t>(next() % 3);
    std::vector<int32_t> a_dims, b_dims;
    const int32_t a_rank = rank == 0 ? 0 : static_cast<int32_t>(next() % (rank + 1));
    const int32_t b_rank = rank;  // at least one input has the full rank
    for (int32_t i = rank - a_rank; i < rank; ++i) a_dims.push_back(next() % 2 ? out_dims[i] : 1);
    for (int32_t i = 0; i < b_rank; ++i) b_dims.push_back(next() % 2 ? out_dims[i] : 1);
    // Where neither input keeps the output extent, the broadcast extent is 1.
    for (int32_t i = 0; i < rank; ++i) {
      const int32_t ai = i - (rank - a_rank);
      const bool a_has = ai >= 0 && a_dims[ai] == out_dims[i];
      if (!a_has && b_dims[i] != out_dims[i]) out_dims[i] = 1;
    }
    const Shape a = make_shape(a_dims);
    const Shape b = make_shape(b_dims);
    Shape out;
    ref::BroadcastGeometry g;
    ASSERT_TRUE(ref::make_broadcast_geometry(a, b, &out, &g));
    ASSERT_EQ(out, make_shape(out_dims));
    std::vector<int32_t> va(a.num_elements()), vb(b.num_elements());
    for (size_t i = 0; i < va.size(); ++i) va[i] = static_cast<int32_t>(i);
    for (size_t i = 0; i < vb.size(); ++i) vb[i] = static_cast<int32_t>(i);
    std::vector<int64_t> result(out.num_elements(), -1);
    ref::broadcast_binary(g, va.data(), vb.data(), result.data(),
                          [](int32_t x, int32_t y) { return int64_t{x} * 1000 + y; });
    for (int64_t o = 0; o < out.num_elements(); ++o) {
      const int64_t expected = source_index(a, out, o) * 1000 + source_index(b, out, o);
      ASSERT_EQ(result[o], expected) << "trial " << trial << " element " << o;
    }
  }
}

TEST(Broadcast, ShapeRules) {
  Shape out;
  EXPECT_TRUE(ref::broadcast_shape(make_shape({2, 1, 3}), make_shape({4, 1}), &out));
  EXPECT_EQ(out, make_shape({2, 4, 3}));
  EXPECT_TRUE(ref::broadcast_shape(make_shape({}), make_shape({5}), &out));
  EXPECT_EQ(out, make_shape({5}));
  EXPECT_TRUE(ref::broadcast_shape(make_shape({0, 3}), make_shape({1, 3}), &out));
  EXPECT_EQ(out, make_shape({0, 3}));  // 0 against 1 gives an empty output
  EXPECT_FALSE(ref::broadcast_shape(make_shape({2, 3}), make_shape({4}), &out));
  EXPECT_FALSE(ref::broadcast_shape(make_shape({0}), make_shape({2}), &out));
  EXPECT_TRUE(ref::same_extended_shape(make_shape({1, 1, 4}), make_shape({4})));
  EXPECT_FALSE(ref::same_extended_shape(make_shape({4, 1}), make_shape({4})));
}

std::vector<uint8_t> int32_scalar(int32_t v) { return to_bytes<int32_t>({v}); }

// TFLM's micro_speech audio preprocessor ends in int32 elementwise ops that turn the filter bank
// log into int8 features: clamp(trunc((x * 256 + 333) / 666) - 128, -128, 127) (README of
// ../shared/dsp/micro_speech). The constants are the scalar tensors of
// audio_preprocessor_int8.tflite read by those ops: t17 = 256 (MUL), t4 = 333 (ADD), t16 = -128
// (ADD and MAXIMUM), t14 = 127 (MINIMUM). DIV is not ours, so its recorded output t38 is fed in.
TEST(Broadcast, MicroSpeechInt32TailMatchesTflm) {
  const std::string dir = shared_dir() + "/dsp/micro_speech/intermediates/yes__en-us__s175/";
  for (int frame = 0; frame < 3; ++frame) {
    const std::string prefix = dir + "frame" + std::to_string(frame) + "_op";
    const auto t35 = read_bytes(prefix + "14_CAST_t35.bin");
    const auto t38 = read_bytes(prefix + "17_DIV_t38.bin");
    GraphBuilder g;
    const auto vec = [](int n) { return GraphBuilder::tensor_of(TensorType::kInt32, {n}); };
    const auto scalar = GraphBuilder::tensor_of(TensorType::kInt32, {});
    const int x = g.input(vec(40), t35);
    const int div = g.input(vec(40), t38);
    const int c256 = g.constant(scalar, int32_scalar(256));
    const int c333 = g.constant(scalar, int32_scalar(333));
    const int cm128 = g.constant(scalar, int32_scalar(-128));
    const int c127 = g.constant(scalar, int32_scalar(127));
    const int mul = g.output(vec(40));
    const int add = g.output(vec(40));
    const int add1 = g.output(vec(40));
    const int mn = g.output(vec(40));
    const int mx = g.output(vec(40));
    g.op(BuiltinOp::kMul, {x, c256}, {mul}, {schema::Options::kMul, {}});
    g.op(BuiltinOp::kAdd, {mul, c333}, {add}, {schema::Options::kAdd, {}});
    g.op(BuiltinOp::kAdd, {div, cm128}, {add1}, {schema::Options::kAdd, {}});
    g.op(BuiltinOp::kMinimum, {add1, c127}, {mn});
    g.op(BuiltinOp::kMaximum, {mn, cm128}, {mx});
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_bytes(0), read_bytes(prefix + "15_MUL_t36.bin")) << "frame " << frame;
    EXPECT_EQ(g.output_bytes(1), read_bytes(prefix + "16_ADD_t37.bin")) << "frame " << frame;
    EXPECT_EQ(g.output_bytes(2), read_bytes(prefix + "18_ADD_t39.bin")) << "frame " << frame;
    EXPECT_EQ(g.output_bytes(3), read_bytes(prefix + "19_MINIMUM_t40.bin")) << "frame " << frame;
    EXPECT_EQ(g.output_bytes(4), read_bytes(prefix + "20_MAXIMUM_t41.bin")) << "frame " << frame;
  }
}

}  // namespace
}  // namespace mote::testing
