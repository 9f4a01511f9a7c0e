// TRANSPOSE: TFLM's kernel test vectors, 5D/6D by hand, and Prepare's rejections.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "kernels/ref/transpose.h"
#include "op_test_harness.h"

namespace mote::testing {
namespace {

using schema::BuiltinOp;
using tools::to_bytes;

tools::OptionsDef transpose_options() { return {schema::Options::kTranspose, {}}; }

// Input {0, 1, 2, ...} of `shape` and `type`, transposed by `perm` into `out_shape`; returns the
// output as int64 values whatever the element type.
template <typename T>
std::vector<int64_t> run_iota(TensorType type, std::vector<int32_t> shape,
                              std::vector<int32_t> perm, std::vector<int32_t> out_shape) {
  int32_t count = 1;
  for (int32_t d : shape) count *= d;
  std::vector<T> input(static_cast<size_t>(count));
  std::iota(input.begin(), input.end(), T{0});
  GraphBuilder g;
  const int x = g.input(GraphBuilder::tensor_of(type, std::move(shape)), to_bytes<T>(input));
  const int p =
      g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(perm.size())}),
                 to_bytes<int32_t>(perm));
  const int y = g.output(GraphBuilder::tensor_of(type, std::move(out_shape)));
  g.op(BuiltinOp::kTranspose, {x, p}, {y}, transpose_options());
  EXPECT_EQ(g.run(), Status::kOk) << g.messages();
  std::vector<int64_t> out;
  for (T v : g.output_values<T>(0)) out.push_back(static_cast<int64_t>(v));
  return out;
}

TEST(Transpose, TflmVectors) {
  // From TFLM's tensorflow/lite/micro/kernels/transpose_test.cc (inputs are 0, 1, 2, ...).
  EXPECT_EQ(run_iota<int8_t>(TensorType::kInt8, {3}, {0}, {3}), (std::vector<int64_t>{0, 1, 2}));
  EXPECT_EQ(run_iota<int8_t>(TensorType::kInt8, {3, 2}, {1, 0}, {2, 3}),
            (std::vector<int64_t>{0, 2, 4, 1, 3, 5}));
  EXPECT_EQ(run_iota<int16_t>(TensorType::kInt16, {3, 2}, {1, 0}, {2, 3}),
            (std::vector<int64_t>{0, 2, 4, 1, 3, 5}));
  const std::vector<int64_t> three_d = {0, 4, 8,  12, 16, 20, 1, 5, 9,  13, 17, 21,
                                        2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23};
  EXPECT_EQ(run_iota<int8_t>(TensorType::kInt8, {2, 3, 4}, {2, 0, 1}, {4, 2, 3}), three_d);
  EXPECT_EQ(run_iota<int16_t>(TensorType::kInt16, {2, 3, 4}, {2, 0, 1}, {4, 2, 3}), three_d);
  EXPECT_EQ(run_iota<float>(TensorType::kFloat32, {2, 2, 3}, {0, 2, 1}, {2, 3, 2}),
            (std::vector<int64_t>{0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11}));
  EXPECT_EQ(run_iota<float>(TensorType::kFloat32, {2, 2, 2, 2}, {0, 1, 3, 2}, {2, 2, 2, 2}),
            (std::vector<int64_t>{0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 13, 15}));
  EXPECT_EQ(run_iota<float>(TensorType::kFloat32, {2, 2, 2, 2}, {0, 2, 3, 1}, {2, 2, 2, 2}),
            (std::vector<int64_t>{0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15}));
  EXPECT_EQ(run_iota<float>(TensorType::kFloat32, {2, 1, 3}, {0, 2, 1}, {2, 3, 1}),
            (std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
}

TEST(Transpose, FiveAndSixDimensions) {
  // out[a, 0, b, 0, c] = in[c, 0, b, 0, a], in flat index c * 4 + b * 2 + a.
  EXPECT_EQ(run_iota<int8_t>(TensorType::kInt8, {2, 1, 2, 1, 2}, {4, 3, 2, 1, 0}, {2, 1, 2, 1, 2}),
            (std::vector<int64_t>{0, 4, 2, 6, 1, 5, 3, 7}));
  // out[j, 0, 0, 0, 0, i] = in[i, 0, 0, 0, 0, j], in flat index i * 3 + j.
  EXPECT_EQ(run_iota<float>(TensorType::kFloat32, {2, 1, 1, 1, 1, 3}, {5, 1, 2, 3, 4, 0},
                            {3, 1, 1, 1, 1, 2}),
            (std::vector<int64_t>{0, 3, 1, 4, 2, 5}));
}

// Prepares TRANSPOSE of a float [2, 3] input with the given perm and output shape.
Status prepare_2x3(GraphBuilder& g, std::vector<int32_t> perm, std::vector<int32_t> out_shape,
                   bool constant_perm = true) {
  const int x = g.input(GraphBuilder::tensor_f32({2, 3}), to_bytes<float>({1, 2, 3, 4, 5, 6}));
  tools::TensorDef pdef =
      GraphBuilder::tensor_of(TensorType::kInt32, {static_cast<int32_t>(perm.size())});
  const int p = constant_perm ? g.constant(pdef, to_bytes<int32_t>(perm))
                              : g.input(pdef, to_bytes<int32_t>(perm));
  const int y = g.output(GraphBuilder::tensor_f32(std::move(out_shape)));
  g.op(BuiltinOp::kTranspose, {x, p}, {y}, transpose_options());
  return g.prepare();
}

TEST(Transpose, Rejections) {
  {
    GraphBuilder g;  // repeated axis (TFLM only checks the range)
    EXPECT_EQ(prepare_2x3(g, {0, 0}, {2, 2}), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("not a permutation"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // axis out of range
    EXPECT_EQ(prepare_2x3(g, {0, 2}, {2, 3}), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // perm of the wrong length
    EXPECT_EQ(prepare_2x3(g, {1, 0, 2}, {3, 2}), Status::kInvalidModel);
  }
  {
    GraphBuilder g;  // output is not the permuted input shape
    EXPECT_EQ(prepare_2x3(g, {1, 0}, {2, 3}), Status::kInvalidModel);
    EXPECT_NE(g.messages().find("size 2, expected 3"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // perm computed at run time
    EXPECT_EQ(prepare_2x3(g, {1, 0}, {3, 2}, false), Status::kUnsupported);
    EXPECT_NE(g.messages().find("not constant"), std::string::npos) << g.messages();
  }
  {
    GraphBuilder g;  // int32 data is not among TFLM's TRANSPOSE types
    const int x = g.input(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({1}));
    const int p =
        g.constant(GraphBuilder::tensor_of(TensorType::kInt32, {1}), to_bytes<int32_t>({0}));
    const int y = g.output(GraphBuilder::tensor_of(TensorType::kInt32, {1}));
    g.op(BuiltinOp::kTranspose, {x, p}, {y}, transpose_options());
    EXPECT_EQ(g.prepare(), Status::kUnsupported);
  }
}

TEST(Transpose, RefMatchesCoordinateMappingOnRandomShapes) {
  // Each output element, located by its coordinates, must come from the input element whose
  // coordinate along axis perm[d] is the output's coordinate d.
  std::mt19937 rng(1234);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const int32_t rank = static_cast<int32_t>(rng() % 7);
    std::vector<int32_t> dims(static_cast<size_t>(rank));
    for (int32_t& d : dims) d = static_cast<int32_t>(rng() % 4);
    std::vector<int32_t> perm(static_cast<size_t>(rank));
    std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), rng);
    int64_t count = 1;
    for (int32_t d : dims) count *= d;
    std::vector<int32_t> input(static_cast<size_t>(count));
    std::iota(input.begin(), input.end(), 100);
    ref::TransposeGeometry g;
    g.rank = rank;
    std::vector<int64_t> strides(static_cast<size_t>(rank), 1);
    for (int32_t d = rank - 2; d >= 0; --d) strides[d] = strides[d + 1] * dims[d + 1];
    for (int32_t d = 0; d < rank; ++d) {
      g.output_dims[d] = dims[perm[d]];
      g.input_strides[d] = strides[perm[d]];
    }
    std::vector<int32_t> output(static_cast<size_t>(std::max<int64_t>(count, 1)), -1);
    ref::transpose(g, sizeof(int32_t), input.data(), output.data());
    if (rank == 0) {
      EXPECT_EQ(output[0], input[0]);
      continue;
    }
    for (int64_t o = 0; o < count; ++o) {
      int64_t rest = o;
      int64_t in_index = 0;
      for (int32_t d = rank - 1; d >= 0; --d) {
        const int64_t coord = rest % g.output_dims[d];
        rest /= g.output_dims[d];
        in_index += coord * strides[perm[d]];
      }
      ASSERT_EQ(output[o], input[in_index]) << "iteration " << iteration << " element " << o;
    }
  }
}

}  // namespace
}  // namespace mote::testing
