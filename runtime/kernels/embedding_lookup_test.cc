// EMBEDDING_LOOKUP: hand-checked lookups (ids {1, 0, 2} into a [3, 2, 4] float table), int8
// tables copied and dequantized (TFLM's hybrid path), out-of-range ids failing in Eval, and
// Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

template <typename Table, typename Out>
std::vector<Out> run_lookup(const std::vector<int32_t>& ids, std::vector<int32_t> table_shape,
                            const std::vector<Table>& table, tools::TensorDef table_def,
                            tools::TensorDef out_def, Status expected = Status::kOk,
                            std::string* messages = nullptr) {
  GraphBuilder g;
  table_def.shape = table_shape;
  std::vector<int32_t> out_shape = table_shape;
  out_shape[0] = static_cast<int32_t>(ids.size());
  out_def.shape = out_shape;
  const int i =
      g.input(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(ids.size())}),
              to_bytes<int32_t>(ids));
  const int t = g.constant(table_def, to_bytes<Table>(table));
  const int y = g.output(out_def);
  g.op(BuiltinOp::kEmbeddingLookup, {i, t}, {y});
  EXPECT_EQ(g.run(), expected) << g.messages();
  if (messages != nullptr) *messages = g.messages();
  return g.output_values<Out>(0);
}

TEST(EmbeddingLookup, Float) {
  // Row r of the [3, 2, 4] table holds 100 * r + its position in the row.
  std::vector<float> table(24);
  for (int r = 0; r < 3; ++r) {
    for (int k = 0; k < 8; ++k)
      table[static_cast<size_t>(r * 8 + k)] = static_cast<float>(100 * r + k);
  }
  const std::vector<float> out = run_lookup<float, float>(
      {1, 0, 2}, {3, 2, 4}, table, GraphBuilder::tensor_f32({}), GraphBuilder::tensor_f32({}));
  std::vector<float> expected;
  for (int r : {1, 0, 2}) {
    for (int k = 0; k < 8; ++k) expected.push_back(static_cast<float>(100 * r + k));
  }
  EXPECT_EQ(out, expected);
}

TEST(EmbeddingLookup, Int8CopiedAndDequantized) {
  const std::vector<int8_t> table = {-128, -4, 0, 3, 127, 1};  // [3, 2]
  // int8 -> int8: the rows' bytes.
  EXPECT_EQ(
      (run_lookup<int8_t, int8_t>({2, 2, 0}, {3, 2}, table, GraphBuilder::tensor_s8({}, 0.5f, 0),
                                  GraphBuilder::tensor_s8({}, 0.5f, 0))),
      (std::vector<int8_t>{127, 1, 127, 1, -128, -4}));
  // int8 -> float (TFLM's hybrid path): q * 0.5.
  EXPECT_EQ((run_lookup<int8_t, float>({1, 0}, {3, 2}, table, GraphBuilder::tensor_s8({}, 0.5f, 0),
                                       GraphBuilder::tensor_f32({}))),
            (std::vector<float>{0.0f, 1.5f, -64.0f, -2.0f}));
}

TEST(EmbeddingLookup, OutOfRangeIdFailsInEval) {
  for (int32_t bad : {3, -1}) {
    std::string m;
    run_lookup<float, float>({0, bad}, {3, 1}, {1, 2, 3}, GraphBuilder::tensor_f32({}),
                             GraphBuilder::tensor_f32({}), Status::kEvalFailed, &m);
    EXPECT_NE(m.find("outside [0, 3)"), std::string::npos) << m;
    run_lookup<int8_t, float>({bad}, {3, 1}, {1, 2, 3}, GraphBuilder::tensor_s8({}, 1.0f, 0),
                              GraphBuilder::tensor_f32({}), Status::kEvalFailed, &m);
    EXPECT_NE(m.find("id " + std::to_string(bad)), std::string::npos) << m;
  }
}

Status prepare(tools::TensorDef ids, tools::TensorDef table, tools::TensorDef out,
               std::string* messages) {
  GraphBuilder g;
  size_t ids_count = 1;
  for (int32_t d : ids.shape) ids_count *= static_cast<size_t>(d);
  size_t table_count = 1;
  for (int32_t d : table.shape) table_count *= static_cast<size_t>(d);
  const size_t table_bytes = type_size(table.type) * table_count;
  const int i = g.input(ids, std::vector<uint8_t>(type_size(ids.type) * ids_count));
  const int t = g.constant(table, std::vector<uint8_t>(table_bytes));
  const int y = g.output(out);
  g.op(BuiltinOp::kEmbeddingLookup, {i, t}, {y});
  const Status s = g.prepare();
  *messages = g.messages();
  return s;
}

TEST(EmbeddingLookup, RejectsInvalidNodes) {
  std::string m;
  const auto ids = [](std::vector<int32_t> shape) {
    return GraphBuilder::tensor_of(TensorType::kInt32, std::move(shape));
  };
  EXPECT_EQ(
      prepare(ids({2, 1}), GraphBuilder::tensor_f32({3, 2}), GraphBuilder::tensor_f32({2, 2}), &m),
      Status::kInvalidModel);
  EXPECT_NE(m.find("ids tensor"), std::string::npos) << m;
  EXPECT_EQ(prepare(ids({2}), GraphBuilder::tensor_f32({3}), GraphBuilder::tensor_f32({2}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("expected 2 or more"), std::string::npos) << m;
  EXPECT_EQ(
      prepare(ids({2}), GraphBuilder::tensor_f32({3, 2}), GraphBuilder::tensor_f32({3, 2}), &m),
      Status::kInvalidModel);
  EXPECT_EQ(prepare(ids({2}), GraphBuilder::tensor_f32({3, 2}),
                    GraphBuilder::tensor_s8({2, 2}, 1.0f, 0), &m),
            Status::kUnsupported);
  EXPECT_EQ(prepare(ids({2}), GraphBuilder::tensor_s8({3, 2}, 0.5f, 1),
                    GraphBuilder::tensor_f32({2, 2}), &m),
            Status::kInvalidModel);
  EXPECT_NE(m.find("zero point 0"), std::string::npos) << m;
  EXPECT_EQ(
      prepare(ids({2}), GraphBuilder::tensor_f32({0, 2}), GraphBuilder::tensor_f32({2, 2}), &m),
      Status::kInvalidModel);
  EXPECT_NE(m.find("no rows"), std::string::npos) << m;
  EXPECT_EQ(prepare(GraphBuilder::tensor_of(TensorType::kInt64, {2}),
                    GraphBuilder::tensor_f32({3, 2}), GraphBuilder::tensor_f32({2, 2}), &m),
            Status::kUnsupported);
}

}  // namespace
}  // namespace mote::testing
