// DEPTH_TO_SPACE: float32, int8 (TFLM's set) and int32, int64 (TFLite's). Input NHWC; option
// block_size b > 0 with b * b dividing the depth. Output [N, H * b, W * b, C / (b * b)]: the
// inverse of SPACE_TO_DEPTH. Data is copied unchanged (quantization parameters are not compared,
// as in TFLM).
//
// Viewing the output as [N, H, b, W, b, C'], output (n, h, i, w, j, c) is input channel
// (i * b + j) * C' + c of pixel (n, h, w): a transpose (ref/transpose.h) of the input viewed as
// [N, H, W, b, b, C'], in the output order TFLite's reference_ops::DepthToSpace writes.
#include <limits>

#include "kernels/kernel_util.h"
#include "kernels/ref/transpose.h"
#include "mote/ops.h"

namespace mote {
namespace {

// DepthToSpaceOptions.block_size (schema.fbs); not in tflite_schema.h.
constexpr uint16_t kBlockSizeField = 0;

struct DepthToSpaceData {
  ref::TransposeGeometry geometry;
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt32,
                          TensorType::kInt64)) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (input.shape.rank != 4) {
    return ctx.fail(Status::kInvalidModel, "input has rank {}, expected 4 (NHWC)",
                    input.shape.rank);
  }
  const int32_t block = ctx.option<int32_t>(kBlockSizeField, 0);
  if (block <= 0) return ctx.fail(Status::kInvalidModel, "block_size is {}", block);
  const int32_t batches = input.shape.dims[0];
  const int32_t height = input.shape.dims[1];
  const int32_t width = input.shape.dims[2];
  const int32_t in_depth = input.shape.dims[3];
  const int64_t block_area = int64_t{block} * block;
  if (in_depth % block_area != 0) {
    return ctx.fail(Status::kInvalidModel, "input depth {} is not a multiple of block_size^2 {}",
                    in_depth, block_area);
  }
  const auto depth = static_cast<int32_t>(in_depth / block_area);
  const int64_t out_height = int64_t{height} * block;
  const int64_t out_width = int64_t{width} * block;
  if (out_height > std::numeric_limits<int32_t>::max() ||
      out_width > std::numeric_limits<int32_t>::max()) {
    return ctx.fail(Status::kInvalidModel, "output {}x{} is too large", out_height, out_width);
  }
  Shape expected;
  expected.rank = 4;
  expected.dims[0] = batches;
  expected.dims[1] = static_cast<int32_t>(out_height);
  expected.dims[2] = static_cast<int32_t>(out_width);
  expected.dims[3] = depth;
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<DepthToSpaceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::TransposeGeometry& g = data->geometry;
  const int64_t row = int64_t{width} * in_depth;  // input elements per image row
  const int32_t dims[6] = {batches, height, block, width, block, depth};
  const int64_t strides[6] = {height * row, row, int64_t{block} * depth, in_depth, depth, 1};
  g.rank = 6;
  for (int32_t d = 0; d < 6; ++d) {
    g.output_dims[d] = dims[d];
    g.input_strides[d] = strides[d];
  }
  data->element_size = static_cast<uint32_t>(type_size(input.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<DepthToSpaceData>();
  ref::transpose(data.geometry, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kDepthToSpace = {
    static_cast<int32_t>(schema::BuiltinOp::kDepthToSpace), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kDepthToSpace),   prepare, eval};
}  // namespace ops
}  // namespace mote
