// STRIDED_SLICE: TFLM's own kernel test vectors, TFLite's ellipsis/new_axis/offset/5D semantics
// computed by hand, and Prepare's rejections.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "kernels/ref/strided_slice.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

struct Masks {
  int32_t begin = 0;
  int32_t end = 0;
  int32_t ellipsis = 0;
  int32_t new_axis = 0;
  int32_t shrink = 0;
  bool offset = false;
};

OptionsDef slice_options(const Masks& m) {
  namespace o = schema::strided_slice_options;
  return {schema::Options::kStridedSlice,
          {OptionField::int32(o::kBeginMask, m.begin), OptionField::int32(o::kEndMask, m.end),
           OptionField::int32(o::kEllipsisMask, m.ellipsis),
           OptionField::int32(o::kNewAxisMask, m.new_axis),
           OptionField::int32(o::kShrinkAxisMask, m.shrink),
           OptionField::boolean(o::kOffset, m.offset)}};
}

// Adds STRIDED_SLICE of `input` (already in g) with constant begin/end/strides.
void add_slice(GraphBuilder& g, int input, const std::vector<int32_t>& begin,
               const std::vector<int32_t>& end, const std::vector<int32_t>& strides,
               const Masks& masks, tools::TensorDef output) {
  const auto vec = [&g](const std::vector<int32_t>& v) {
    return g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(v.size())}),
                      to_bytes<int32_t>(v));
  };
  const int b = vec(begin);
  const int e = vec(end);
  const int s = vec(strides);
  const int y = g.output(std::move(output));
  g.op(BuiltinOp::kStridedSlice, {input, b, e, s}, {y}, slice_options(masks));
}

struct FloatCase {
  const char* name;
  std::vector<int32_t> input_shape;
  std::vector<float> input;
  std::vector<int32_t> begin, end, strides;
  Masks masks;
  std::vector<int32_t> output_shape;
  std::vector<float> expected;
};

// From TFLM's tensorflow/lite/micro/kernels/strided_slice_test.cc (tests of the same names;
// masks in the order begin, end, ellipsis, new_axis, shrink).
const std::vector<FloatCase> kTflmCases = {
    {"In1D", {4}, {1, 2, 3, 4}, {1}, {3}, {1}, {}, {2}, {2, 3}},
    {"In1D_EmptyOutput", {4}, {1, 2, 3, 4}, {10}, {3}, {1}, {}, {0}, {}},
    {"In1D_NegativeBegin", {4}, {1, 2, 3, 4}, {-3}, {3}, {1}, {}, {2}, {2, 3}},
    {"In1D_OutOfRangeBegin", {4}, {1, 2, 3, 4}, {-5}, {3}, {1}, {}, {3}, {1, 2, 3}},
    {"In1D_NegativeEnd", {4}, {1, 2, 3, 4}, {1}, {-2}, {1}, {}, {1}, {2}},
    {"In1D_OutOfRangeEnd", {4}, {1, 2, 3, 4}, {-3}, {5}, {1}, {}, {3}, {2, 3, 4}},
    {"In1D_BeginMask", {4}, {1, 2, 3, 4}, {1}, {3}, {1}, {1, 0}, {3}, {1, 2, 3}},
    {"In1D_NegativeBeginNegativeStride", {4}, {1, 2, 3, 4}, {-2}, {-3}, {-1}, {}, {1}, {3}},
    {"In1D_OutOfRangeBeginNegativeStride", {4}, {1, 2, 3, 4}, {5}, {2}, {-1}, {}, {1}, {4}},
    {"In1D_NegativeEndNegativeStride", {4}, {1, 2, 3, 4}, {2}, {-4}, {-1}, {}, {2}, {3, 2}},
    {"In1D_OutOfRangeEndNegativeStride", {4}, {1, 2, 3, 4}, {-3}, {-5}, {-1}, {}, {2}, {2, 1}},
    {"In1D_EndMask", {4}, {1, 2, 3, 4}, {1}, {3}, {1}, {0, 1}, {3}, {2, 3, 4}},
    {"In1D_NegStride", {3}, {1, 2, 3}, {-1}, {-4}, {-1}, {}, {3}, {3, 2, 1}},
    {"In1D_EvenLenStride2", {2}, {1, 2}, {0}, {4}, {2}, {}, {1}, {1}},
    {"In1D_OddLenStride2", {3}, {1, 2, 3}, {0}, {3}, {2}, {}, {2}, {1, 3}},
    {"In2D_Identity",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {0, 0},
     {2, 3},
     {1, 1},
     {},
     {2, 3},
     {1, 2, 3, 4, 5, 6}},
    {"In2D", {2, 3}, {1, 2, 3, 4, 5, 6}, {1, 0}, {2, 2}, {1, 1}, {}, {1, 2}, {4, 5}},
    {"In2D_Stride2", {2, 3}, {1, 2, 3, 4, 5, 6}, {0, 0}, {2, 3}, {2, 2}, {}, {1, 2}, {1, 3}},
    {"In2D_NegStride",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {1, -1},
     {2, -4},
     {2, -1},
     {},
     {1, 3},
     {6, 5, 4}},
    {"In2D_BeginMask",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {1, 0},
     {2, 2},
     {1, 1},
     {1, 0},
     {2, 2},
     {1, 2, 4, 5}},
    {"In2D_EndMask", {2, 3}, {1, 2, 3, 4, 5, 6}, {1, 0}, {2, 2}, {1, 1}, {0, 2}, {1, 3}, {4, 5, 6}},
    {"In2D_NegStrideBeginMask",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {1, -2},
     {2, -4},
     {1, -1},
     {2, 0},
     {1, 3},
     {6, 5, 4}},
    {"In2D_NegStrideEndMask",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {1, -2},
     {2, -3},
     {1, -1},
     {0, 2},
     {1, 2},
     {5, 4}},
    {"In3D_Strided2",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {2, 3, 2},
     {2, 2, 2},
     {},
     {1, 2, 1},
     {1, 5}},
    {"In1D_ShrinkAxisMask1_NegativeSlice",
     {4},
     {0, 1, 2, 3},
     {-1},
     {0},
     {1},
     {0, 0, 0, 0, 1},
     {},
     {3}},
    {"In2D_ShrinkAxis3_NegativeSlice",
     {4, 1},
     {0, 1, 2, 3},
     {-2, -1},
     {-1, 0},
     {1, 1},
     {0, 0, 0, 0, 3},
     {},
     {2}},
    {"In2D_ShrinkAxis2_BeginEndAxis1_NegativeSlice",
     {4, 1},
     {0, 1, 2, 3},
     {0, -1},
     {0, 0},
     {1, 1},
     {1, 1, 0, 0, 2},
     {4},
     {0, 1, 2, 3}},
    {"In1D_BeginMaskShrinkAxisMask1", {4}, {1, 2, 3, 4}, {1}, {1}, {1}, {1, 0, 0, 0, 1}, {}, {1}},
    {"In2D_ShrinkAxisMask1",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {0, 0},
     {1, 3},
     {1, 1},
     {0, 0, 0, 0, 1},
     {3},
     {1, 2, 3}},
    {"In2D_ShrinkAxisMask2",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {0, 0},
     {2, 1},
     {1, 1},
     {0, 0, 0, 0, 2},
     {2},
     {1, 4}},
    {"In2D_ShrinkAxisMask3",
     {2, 3},
     {1, 2, 3, 4, 5, 6},
     {0, 0},
     {1, 1},
     {1, 1},
     {0, 0, 0, 0, 3},
     {},
     {1}},
    {"In3D_IdentityShrinkAxis1",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {1, 3, 2},
     {1, 1, 1},
     {0, 0, 0, 0, 1},
     {3, 2},
     {1, 2, 3, 4, 5, 6}},
    {"In3D_IdentityShrinkAxis2",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {2, 1, 2},
     {1, 1, 1},
     {0, 0, 0, 0, 2},
     {2, 2},
     {1, 2, 7, 8}},
    {"In3D_IdentityShrinkAxis3",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {1, 1, 2},
     {1, 1, 1},
     {0, 0, 0, 0, 3},
     {2},
     {1, 2}},
    {"In3D_IdentityShrinkAxis4",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {2, 3, 2},
     {1, 1, 1},
     {0, 0, 0, 0, 4},
     {2, 3},
     {1, 3, 5, 7, 9, 11}},
    {"In3D_IdentityShrinkAxis5",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {1, 3, 1},
     {1, 1, 1},
     {0, 0, 0, 0, 5},
     {3},
     {1, 3, 5}},
    {"In3D_IdentityShrinkAxis6",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {2, 1, 1},
     {1, 1, 1},
     {0, 0, 0, 0, 6},
     {2},
     {1, 7}},
    {"In3D_IdentityShrinkAxis7",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 0, 0},
     {1, 1, 1},
     {1, 1, 1},
     {0, 0, 0, 0, 7},
     {},
     {1}},
    {"RunTwice", {2, 3}, {1, 2, 3, 4, 5, 6}, {1, 0}, {2, 2}, {1, 1}, {1, 0}, {2, 2}, {1, 2, 4, 5}},
    {"MinusThreeMinusFourMinusOne", {4}, {1, 2, 3, 4}, {-3}, {-4}, {-1}, {}, {1}, {2}},
    {"MinusFourMinusThreeOne", {4}, {1, 2, 3, 4}, {-4}, {-3}, {1}, {}, {1}, {1}},
    {"In3D_BackwardSmallBeginEndMask", {1}, {1}, {1}, {0}, {1}, {0, 1}, {0}, {}},
    {"OneOneOne", {1}, {1}, {1}, {1}, {1}, {}, {0}, {}},
};

// TFLite semantics that TFLM's kernel does not implement, checked by hand.
const std::vector<FloatCase> kTfliteCases = {
    // x[..., 1:2] on [2, 3, 2]: the ellipsis spans the first two axes.
    {"Ellipsis",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {0, 1},
     {0, 2},
     {1, 1},
     {0, 0, 1},
     {2, 3, 1},
     {2, 4, 6, 8, 10, 12}},
    // x[1, ...] on [2, 3, 2] with the shrink bit on index 0.
    {"EllipsisAfterShrink",
     {2, 3, 2},
     {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
     {1, 0},
     {2, 0},
     {1, 1},
     {0, 0, 2, 0, 1},
     {3, 2},
     {7, 8, 9, 10, 11, 12}},
    // x[:, newaxis, :] on [2, 2].
    {"NewAxis",
     {2, 2},
     {1, 2, 3, 4},
     {0, 0, 0},
     {0, 0, 0},
     {1, 1, 1},
     {5, 5, 0, 2},
     {2, 1, 2},
     {1, 2, 3, 4}},
    // offset: end holds sizes, so [1, 1 + 3) of [5].
    {"Offset", {5}, {1, 2, 3, 4, 5}, {1}, {3}, {1}, {0, 0, 0, 0, 0, true}, {3}, {2, 3, 4}},
    // 5D: index 1 of axis 1 and index 1 of the last axis of [1, 2, 1, 2, 2] = {1..8}; flat
    // indices 1*4 + {0, 2} + 1 = 5 and 7.
    {"FiveDimensions",
     {1, 2, 1, 2, 2},
     {1, 2, 3, 4, 5, 6, 7, 8},
     {0, 1, 0, 0, 1},
     {1, 2, 1, 2, 2},
     {1, 1, 1, 1, 1},
     {},
     {1, 1, 1, 2, 1},
     {6, 8}},
    // Fewer indices than axes: the remaining axes are taken whole.
    {"ShortSpec", {2, 3}, {1, 2, 3, 4, 5, 6}, {1}, {2}, {1}, {}, {1, 3}, {4, 5, 6}},
};

void run_cases(const std::vector<FloatCase>& cases) {
  for (const FloatCase& c : cases) {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32(c.input_shape), to_bytes<float>(c.input));
    add_slice(g, x, c.begin, c.end, c.strides, c.masks, GraphBuilder::tensor_f32(c.output_shape));
    ASSERT_EQ(g.run(), Status::kOk) << c.name << ": " << g.messages();
    EXPECT_EQ(g.output_values<float>(0), c.expected) << c.name;
    ASSERT_EQ(g.invoke_again(), Status::kOk) << c.name;
    EXPECT_EQ(g.output_values<float>(0), c.expected) << c.name << " (second invoke)";
  }
}

TEST(StridedSlice, TflmFloatVectors) { run_cases(kTflmCases); }

TEST(StridedSlice, TfliteEllipsisNewAxisOffsetAnd5D) { run_cases(kTfliteCases); }

TEST(StridedSlice, OtherTypes) {
  // TFLM's In3D_IdentityShrinkAxis1int8/int16/int32 and In3D_Strided2int32/bool.
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s8({2, 3, 2}, 1.0f, 63),
                          to_bytes<int8_t>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    add_slice(g, x, {0, 0, 0}, {1, 3, 2}, {1, 1, 1}, {0, 0, 0, 0, 1},
              GraphBuilder::tensor_s8({3, 2}, 1.0f, 63));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{1, 2, 3, 4, 5, 6}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_s16({2, 3, 2}, 1.0f),
                          to_bytes<int16_t>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    add_slice(g, x, {0, 0, 0}, {1, 3, 2}, {1, 1, 1}, {0, 0, 0, 0, 1},
              GraphBuilder::tensor_s16({3, 2}, 1.0f));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int16_t>(0), (std::vector<int16_t>{1, 2, 3, 4, 5, 6}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {2, 3, 2}),
                          to_bytes<int32_t>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    add_slice(g, x, {0, 0, 0}, {2, 3, 2}, {2, 2, 2}, {},
              GraphBuilder::tensor_of(TensorType::kInt32, {1, 2, 1}));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_values<int32_t>(0), (std::vector<int32_t>{1, 5}));
  }
  {
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kBool, {2, 3, 2}),
                          {1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
    add_slice(g, x, {0, 0, 0}, {2, 3, 2}, {2, 2, 2}, {},
              GraphBuilder::tensor_of(TensorType::kBool, {1, 2, 1}));
    ASSERT_EQ(g.run(), Status::kOk) << g.messages();
    EXPECT_EQ(g.output_bytes(0), (std::vector<uint8_t>{1, 1}));
  }
}

// Prepares a float slice of a [4] input {1, 2, 3, 4} and returns the status.
Status prepare_1d(GraphBuilder& g, std::vector<int32_t> begin, std::vector<int32_t> end,
                  std::vector<int32_t> strides, const Masks& masks,
                  std::vector<int32_t> output_shape) {
  const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
  add_slice(g, x, begin, end, strides, masks, GraphBuilder::tensor_f32(std::move(output_shape)));
  return g.prepare();
}

TEST(StridedSlice, Rejections) {
  {
    GraphBuilder g;  // zero stride
    EXPECT_EQ(prepare_1d(g, {0}, {4}, {0}, {}, {4}), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("stride is 0"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output shape disagrees with the slice
    EXPECT_EQ(prepare_1d(g, {1}, {3}, {1}, {}, {3}), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("size 3, expected 2"), std::string::npos) << g.messages();
  }
  {
    // TFLM's OutOfBounds case: a shrunk index past the end. TFLM accepts it and writes nothing.
    GraphBuilder g;
    const int x = g.input(GraphBuilder::tensor_f32({1}), to_bytes<float>({1}));
    add_slice(g, x, {1}, {2}, {1}, {0, 0, 0, 0, 1}, GraphBuilder::tensor_f32({}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("shrunk axis 0"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // a shrunk axis with a negative stride selects nothing in TFLite's loops
    EXPECT_EQ(prepare_1d(g, {2}, {1}, {-1}, {0, 0, 0, 0, 1}, {}), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // begin computed at run time
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int b = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int e =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({4}));
    const int y = g.output(GraphBuilder::tensor_f32({4}));
    g.op(BuiltinOp::kStridedSlice, {x, b, e, e}, {y}, slice_options({}));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // begin and end of different lengths
    const int x = g.input(GraphBuilder::tensor_f32({4}), to_bytes<float>({1, 2, 3, 4}));
    const int b =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int e =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {2}), to_bytes<int32_t>({4, 4}));
    const int y = g.output(GraphBuilder::tensor_f32({4}));
    g.op(BuiltinOp::kStridedSlice, {x, b, e, b}, {y}, slice_options({}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // new axis on a 5D input: 6 axes
    const int x = g.input(GraphBuilder::tensor_f32({1, 1, 1, 1, 1}), to_bytes<float>({1}));
    add_slice(g, x, {0}, {1}, {1}, {0, 0, 0, 1}, GraphBuilder::tensor_f32({1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
  {
    GraphBuilder g;  // 6D input
    const int x = g.input(GraphBuilder::tensor_f32({1, 1, 1, 1, 1, 1}), to_bytes<float>({1}));
    add_slice(g, x, {0}, {1}, {1}, {}, GraphBuilder::tensor_f32({1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
  {
    GraphBuilder g;  // uint8 is not among TFLM's types
    const int x = g.input(GraphBuilder::tensor_q(TensorType::kUInt8, {1}, 1.0f, 0), {1});
    add_slice(g, x, {0}, {1}, {1}, {}, GraphBuilder::tensor_q(TensorType::kUInt8, {1}, 1.0f, 0));
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

// Python's slice rule for one axis (what x[b:e:s] selects), with begin/end masks meaning an
// omitted bound.
std::vector<int32_t> python_slice(int32_t n, int32_t b, int32_t e, int32_t s, bool no_begin,
                                  bool no_end) {
  std::vector<int32_t> indices;
  if (s > 0) {
    const int32_t start = no_begin ? 0 : (b < 0 ? std::max(b + n, 0) : std::min(b, n));
    const int32_t stop = no_end ? n : (e < 0 ? std::max(e + n, 0) : std::min(e, n));
    for (int32_t i = start; i < stop; i += s) indices.push_back(i);
  } else {
    const int32_t start = no_begin ? n - 1 : (b < 0 ? std::max(b + n, -1) : std::min(b, n - 1));
    const int32_t stop = no_end ? -1 : (e < 0 ? std::max(e + n, -1) : std::min(e, n - 1));
    for (int32_t i = start; i > stop; i += s) indices.push_back(i);
  }
  return indices;
}

TEST(StridedSlice, RefMatchesPythonSlicingOnRandomShapes) {
  std::mt19937 rng(7);
  const auto pick = [&rng](int32_t lo, int32_t hi) {
    return lo + static_cast<int32_t>(rng() % static_cast<uint32_t>(hi - lo + 1));
  };
  for (int iteration = 0; iteration < 500; ++iteration) {
    const int32_t rank = pick(1, ref::kStridedSliceMaxRank);
    int32_t dims[ref::kStridedSliceMaxRank] = {};
    ref::StridedSliceSpec spec;
    spec.count = rank;
    std::vector<std::vector<int32_t>> picked(static_cast<size_t>(rank));
    for (int32_t d = 0; d < rank; ++d) {
      dims[d] = pick(0, 4);
      spec.begin[d] = pick(-6, 6);
      spec.end[d] = pick(-6, 6);
      do {
        spec.strides[d] = pick(-3, 3);
      } while (spec.strides[d] == 0);
      if (rng() % 4 == 0) spec.begin_mask |= 1 << d;
      if (rng() % 4 == 0) spec.end_mask |= 1 << d;
      picked[d] = python_slice(dims[d], spec.begin[d], spec.end[d], spec.strides[d],
                               (spec.begin_mask >> d) & 1, (spec.end_mask >> d) & 1);
    }
    ref::StridedSliceLoops loops;
    ASSERT_EQ(ref::resolve_strided_slice(spec, rank, dims, &loops), ref::StridedSliceResult::kOk);
    int64_t in_count = 1;
    int64_t out_count = 1;
    for (int32_t d = 0; d < rank; ++d) {
      in_count *= dims[d];
      out_count *= static_cast<int64_t>(picked[d].size());
      ASSERT_EQ(loops.count[loops.first_axis + d], static_cast<int32_t>(picked[d].size()))
          << "iteration " << iteration << " axis " << d;
    }
    std::vector<int16_t> input(static_cast<size_t>(in_count));
    for (size_t i = 0; i < input.size(); ++i) input[i] = static_cast<int16_t>(i * 7 + 1);
    std::vector<int16_t> output(static_cast<size_t>(out_count) + 1, -1);
    ref::strided_slice(loops, sizeof(int16_t), input.data(), output.data());
    EXPECT_EQ(output.back(), -1) << "wrote past the end, iteration " << iteration;
    for (int64_t o = 0; o < out_count; ++o) {
      int64_t rest = o;
      int64_t in_index = 0;
      int64_t in_stride = 1;
      for (int32_t d = rank - 1; d >= 0; --d) {
        const int64_t n = static_cast<int64_t>(picked[d].size());
        in_index += picked[d][static_cast<size_t>(rest % n)] * in_stride;
        rest /= n;
        in_stride *= dims[d];
      }
      ASSERT_EQ(output[o], input[in_index]) << "iteration " << iteration << " element " << o;
    }
  }
}

}  // namespace
}  // namespace mote::testing
