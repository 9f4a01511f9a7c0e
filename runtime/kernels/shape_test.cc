// SHAPE: int32 (TFLM) and int64 outputs, any input type, scalars, and Prepare's rejections.
#include <gtest/gtest.h>

#include <vector>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;

OptionsDef out_type(TensorType type) {
  return {schema::Options::kShape, {OptionField::int8(0, static_cast<int8_t>(type))}};
}

template <typename Out>
std::vector<Out> run_shape(TensorType in_type, std::vector<int32_t> shape) {
  GraphBuilder g;
  size_t count = 1;
  for (int32_t d : shape) count *= static_cast<size_t>(d);
  const auto rank = static_cast<int32_t>(shape.size());
  const int x = g.input(GraphBuilder::tensor_of(in_type, std::move(shape)),
                        std::vector<uint8_t>(type_size(in_type) * count));
  const int y = g.output(GraphBuilder::tensor_of(TypeOf<Out>::value, {rank}));
  g.op(BuiltinOp::kShape, {x}, {y}, out_type(TypeOf<Out>::value));
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  return g.output_values<Out>(0);
}

TEST(Shape, Int32AndInt64) {
  EXPECT_EQ(run_shape<int32_t>(TensorType::kFloat32, {1, 3, 1, 3, 5}),
            (std::vector<int32_t>{1, 3, 1, 3, 5}));
  EXPECT_EQ(run_shape<int64_t>(TensorType::kInt8, {2, 0, 7}), (std::vector<int64_t>{2, 0, 7}));
  EXPECT_EQ(run_shape<int32_t>(TensorType::kBool, {4}), (std::vector<int32_t>{4}));
  EXPECT_TRUE(run_shape<int32_t>(TensorType::kFloat32, {}).empty());
}

TEST(Shape, RejectsInvalidNodes) {
  {
    GraphBuilder g;  // float output
    const int x = g.input(GraphBuilder::tensor_f32({2}), std::vector<uint8_t>(8));
    const int y = g.output(GraphBuilder::tensor_f32({1}));
    g.op(BuiltinOp::kShape, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
    EXPECT_NE(g.messages().find("output"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // output of the wrong length
    const int x = g.input(GraphBuilder::tensor_f32({2, 3}), std::vector<uint8_t>(24));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {3}));
    g.op(BuiltinOp::kShape, {x}, {y});
    EXPECT_EQ(g.prepare(), Status::kInvalidModel);
  }
}

}  // namespace
}  // namespace mote::testing
