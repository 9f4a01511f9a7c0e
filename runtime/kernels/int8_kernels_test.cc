// The int8-only kernels (ops::kConv2DInt8 and the others in int8_ops_resolver()): on an int8 node
// each gives the general kernel's output byte for byte, and on a node of another type it refuses
// at prepare with a message that names the general kernel.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::OptionField;
using tools::OptionsDef;
using tools::TensorDef;

// A tensor of `type` (int8 or float32); int8 ones get the scale and zero point.
TensorDef tensor(TensorType type, std::vector<int32_t> shape, float scale = 0.5f,
                 int64_t zero_point = 0) {
  return type == TensorType::kInt8 ? GraphBuilder::tensor_s8(std::move(shape), scale, zero_point)
                                   : GraphBuilder::tensor_f32(std::move(shape));
}

// `values` as bytes of `type` (int8 or float32).
std::vector<uint8_t> values(TensorType type, const std::vector<int>& v) {
  if (type == TensorType::kInt8) return tools::to_bytes<int8_t>({v.begin(), v.end()});
  return tools::to_bytes<float>({v.begin(), v.end()});
}

// A bias: int32 with scale input x filter for int8 nodes, float32 otherwise.
int32_t bias(GraphBuilder& g, TensorType type, const std::vector<int>& v) {
  if (type != TensorType::kInt8)
    return g.constant(tensor(type, {int32_t(v.size())}), values(type, v));
  return g.constant(GraphBuilder::tensor_q(TensorType::kInt32, {int32_t(v.size())}, 0.25f, 0),
                    tools::to_bytes<int32_t>({v.begin(), v.end()}));
}

OptionsDef window_options(schema::Options type, uint16_t padding, uint16_t stride_w,
                          uint16_t stride_h) {
  return {type,
          {OptionField::int8(padding, static_cast<int8_t>(schema::Padding::kValid)),
           OptionField::int32(stride_w, 1), OptionField::int32(stride_h, 1)}};
}

struct Case {
  BuiltinOp op;
  std::function<void(GraphBuilder&, TensorType)> build;  // one node of `op`, activations of type
};

std::vector<Case> cases() {
  namespace c = schema::conv2d_options;
  namespace d = schema::depthwise_conv2d_options;
  namespace p = schema::pool2d_options;
  const std::vector<int> image = {1,  -2, 3,   4,  -5, 6,  7,   8,  -9,
                                  10, 11, -12, 13, 14, 15, -16, 17, 18};
  const auto pool = [](BuiltinOp op) {
    return Case{
        op, [op](GraphBuilder& g, TensorType t) {
          const int x = g.input(tensor(t, {1, 2, 2, 2}), values(t, {1, -2, 3, 4, -5, 6, 7, 8}));
          const int y = g.output(tensor(t, {1, 1, 1, 2}));
          g.op(op, {x}, {y},
               {schema::Options::kPool2D,
                {OptionField::int8(p::kPadding, static_cast<int8_t>(schema::Padding::kValid)),
                 OptionField::int32(p::kStrideW, 2), OptionField::int32(p::kStrideH, 2),
                 OptionField::int32(p::kFilterWidth, 2), OptionField::int32(p::kFilterHeight, 2)}});
        }};
  };
  const auto add_sub = [](BuiltinOp op, schema::Options options) {
    return Case{op, [op, options](GraphBuilder& g, TensorType t) {
                  const int a = g.input(tensor(t, {1, 4}), values(t, {1, -2, 3, 100}));
                  const int b = g.input(tensor(t, {1, 4}, 0.25f, 3), values(t, {7, 5, -9, 100}));
                  const int y = g.output(tensor(t, {1, 4}, 0.75f, -1));
                  g.op(op, {a, b}, {y}, {options, {}});
                }};
  };
  return {
      {BuiltinOp::kConv2D,
       [image](GraphBuilder& g, TensorType t) {
         const int x = g.input(tensor(t, {1, 3, 3, 2}), values(t, image));
         const int w = g.constant(tensor(t, {2, 2, 2, 2}),
                                  values(t, {1, 2, -3, 4, 5, -6, 7, 8, 2, 1, 0, -1, 3, 3, -2, 1}));
         const int y = g.output(tensor(t, {1, 2, 2, 2}, 2.0f, 1));
         g.op(BuiltinOp::kConv2D, {x, w, bias(g, t, {10, -20})}, {y},
              window_options(schema::Options::kConv2D, c::kPadding, c::kStrideW, c::kStrideH));
       }},
      {BuiltinOp::kDepthwiseConv2D,
       [image](GraphBuilder& g, TensorType t) {
         const int x = g.input(tensor(t, {1, 3, 3, 2}), values(t, image));
         const int w = g.constant(tensor(t, {1, 2, 2, 2}), values(t, {1, 2, -3, 4, 5, -6, 7, 8}));
         const int y = g.output(tensor(t, {1, 2, 2, 2}, 1.5f, -2));
         g.op(BuiltinOp::kDepthwiseConv2D, {x, w, bias(g, t, {3, -7})}, {y},
              window_options(schema::Options::kDepthwiseConv2D, d::kPadding, d::kStrideW,
                             d::kStrideH));
       }},
      {BuiltinOp::kFullyConnected,
       [](GraphBuilder& g, TensorType t) {
         const int x = g.input(tensor(t, {2, 3}), values(t, {1, 3, 5, -7, 9, 11}));
         const int w = g.constant(tensor(t, {2, 3}), values(t, {4, 0, -4, 8, 8, 8}));
         const int y = g.output(tensor(t, {2, 2}, 1.0f, 3));
         g.op(BuiltinOp::kFullyConnected, {x, w, bias(g, t, {4, -8})}, {y},
              {schema::Options::kFullyConnected, {}});
       }},
      pool(BuiltinOp::kAveragePool2D),
      pool(BuiltinOp::kMaxPool2D),
      {BuiltinOp::kSoftmax,
       [](GraphBuilder& g, TensorType t) {
         const int x = g.input(tensor(t, {2, 3}, 0.1f, 0), values(t, {1, 20, -30, 5, 5, 100}));
         const int y = g.output(tensor(t, {2, 3}, 1.0f / 256, -128));
         g.op(BuiltinOp::kSoftmax, {x}, {y},
              {schema::Options::kSoftmax, {OptionField::real(schema::softmax_options::kBeta, 1)}});
       }},
      add_sub(BuiltinOp::kAdd, schema::Options::kAdd),
      add_sub(BuiltinOp::kSub, schema::Options::kSub),
  };
}

const OpKernel* int8_kernel(BuiltinOp op) {
  return int8_ops_resolver().find(static_cast<int32_t>(op), nullptr);
}

TEST(Int8Kernels, EveryInt8KernelIsTested) {
  const std::vector<Case> all = cases();
  EXPECT_EQ(all.size(), int8_ops_resolver().size());
  for (const Case& c : all) {
    EXPECT_NE(int8_kernel(c.op), nullptr) << schema::builtin_op_name(static_cast<int32_t>(c.op));
  }
}

TEST(Int8Kernels, MatchTheGeneralKernelOnInt8Nodes) {
  for (const Case& c : cases()) {
    const std::string name = schema::builtin_op_name(static_cast<int32_t>(c.op));
    GraphBuilder general;
    c.build(general, TensorType::kInt8);
    ASSERT_EQ(general.run(), Status::kOk) << name << ": " << general.messages();

    const OpKernel* kernel = int8_kernel(c.op);
    ASSERT_NE(kernel, nullptr) << name;
    const OpResolver only_int8(&kernel, 1);
    GraphBuilder int8;
    int8.use_resolver(only_int8);
    c.build(int8, TensorType::kInt8);
    ASSERT_EQ(int8.run(), Status::kOk) << name << ": " << int8.messages();
    EXPECT_EQ(int8.output_bytes(0), general.output_bytes(0)) << name;
    // Same op data and scratch: the arena does not change with the kernel variant.
    EXPECT_EQ(int8.usage().total, general.usage().total) << name;
  }
}

TEST(Int8Kernels, RefuseOtherTypesAndNameTheGeneralKernel) {
  for (const Case& c : cases()) {
    const std::string name = schema::builtin_op_name(static_cast<int32_t>(c.op));
    GraphBuilder general;
    c.build(general, TensorType::kFloat32);
    ASSERT_EQ(general.run(), Status::kOk) << name << ": " << general.messages();

    const OpKernel* kernel = int8_kernel(c.op);
    ASSERT_NE(kernel, nullptr) << name;
    const OpResolver only_int8(&kernel, 1);
    GraphBuilder int8;
    int8.use_resolver(only_int8);
    c.build(int8, TensorType::kFloat32);
    EXPECT_EQ(int8.run(), Status::kUnsupported) << name;
    EXPECT_NE(int8.messages().find("int8-only"), std::string::npos) << int8.messages();
    EXPECT_NE(int8.messages().find("general kernel"), std::string::npos) << int8.messages();
  }
}

TEST(Int8Kernels, SoftmaxInt8OnlyRefusesInt16Output) {
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_s8({1, 2}, 0.1f, 0), tools::to_bytes<int8_t>({1, 2}));
  const int y = g.output(GraphBuilder::tensor_q(TensorType::kInt16, {1, 2}, 1.0f / 65536, -32768));
  g.op(BuiltinOp::kSoftmax, {x}, {y},
       {schema::Options::kSoftmax, {OptionField::real(schema::softmax_options::kBeta, 1)}});
  const OpKernel* kernel = int8_kernel(BuiltinOp::kSoftmax);
  const OpResolver only_int8(&kernel, 1);
  g.use_resolver(only_int8);
  EXPECT_EQ(g.run(), Status::kUnsupported);
  EXPECT_NE(g.messages().find("output tensor"), std::string::npos) << g.messages();
}

}  // namespace
}  // namespace mote::testing
