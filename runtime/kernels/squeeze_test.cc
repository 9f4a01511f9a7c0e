// SQUEEZE: removes axes of size 1; data is copied unchanged.
#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::to_bytes;

OptionsDef squeeze_dims(std::vector<int32_t> dims) {
  return {schema::Options::kSqueeze,
          {OptionField::ints(schema::squeeze_options::kSqueezeDims, std::move(dims))}};
}

TEST(Squeeze, AllUnitAxesByDefault) {
  GraphBuilder g;
  const int x =
      g.input(GraphBuilder::tensor_f32({1, 3, 1, 2}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  const int y = g.output(GraphBuilder::tensor_f32({3, 2}));
  g.op(BuiltinOp::kSqueeze, {x}, {y});
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<float>(0), (std::vector<float>{1, 2, 3, 4, 5, 6}));
}

TEST(Squeeze, ListedAxesIncludingNegative) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 2, 1}, 0.25f, 4), to_bytes<int8_t>({-7, 9}));
  const int y = g.output(GraphBuilder::tensor_s8({1, 2}, 0.25f, 4));
  g.op(BuiltinOp::kSqueeze, {x}, {y}, squeeze_dims({-1}));
  ASSERT_EQ(g.run(), Status::kOk) << g.messages();
  EXPECT_EQ(g.output_values<int8_t>(0), (std::vector<int8_t>{-7, 9}));

  GraphBuilder h;  // int16, both unit axes listed
  const int hx = h.input(GraphBuilder::tensor_s16({1, 2, 1}, 1.0f), to_bytes<int16_t>({-300, 300}));
  const int hy = h.output(GraphBuilder::tensor_s16({2}, 1.0f));
  h.op(BuiltinOp::kSqueeze, {hx}, {hy}, squeeze_dims({0, 2}));
  ASSERT_EQ(h.run(), Status::kOk) << h.messages();
  EXPECT_EQ(h.output_values<int16_t>(0), (std::vector<int16_t>{-300, 300}));
}

TEST(Squeeze, RejectsBadAxesAndShapes) {
  {
    GraphBuilder g;  // axis of size 2
    const int x = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kSqueeze, {x}, {y}, squeeze_dims({1}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("not 1"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range
    const int x = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2}));
    g.op(BuiltinOp::kSqueeze, {x}, {y}, squeeze_dims({-3}));
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("out of range"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output keeps an axis the op removes
    const int x = g.input(GraphBuilder::tensor_f32({1, 2}), to_bytes<float>({1, 2}));
    const int y = g.output(GraphBuilder::tensor_f32({2, 1}));
    g.op(BuiltinOp::kSqueeze, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("rank 2, expected 1"), std::string::npos) << g.messages();
  }
}

}  // namespace
}  // namespace mote::testing
