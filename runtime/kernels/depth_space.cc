#include "kernels/depth_space.h"

#include <cstring>
#include <limits>

#include "kernels/kernel_util.h"
#include "kernels/transpose_op.h"

namespace mote {
namespace kernels {
namespace {

// DepthToSpaceOptions.block_size and SpaceToDepthOptions.block_size (schema.fbs); not in
// tflite_schema.h.
constexpr uint16_t kBlockSizeField = 0;

// The output shape and the 6D view of the input whose transpose is the output.
struct DepthSpaceMove {
  Shape output;
  int32_t dims[6] = {};
  int64_t strides[6] = {};
};

// Viewing the output as [N, H, b, W, b, C'], output (n, h, i, w, j, c) is input channel
// (i * b + j) * C' + c of pixel (n, h, w): a transpose of the input viewed as [N, H, W, b, b, C'],
// in the output order TFLite's reference_ops::DepthToSpace writes.
Status depth_to_space_move(const PrepareContext& ctx, const Shape& in, int32_t block,
                           DepthSpaceMove* move) {
  const int32_t batches = in.dims[0];
  const int32_t height = in.dims[1];
  const int32_t width = in.dims[2];
  const int32_t in_depth = in.dims[3];
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
  move->output.rank = 4;
  move->output.dims[0] = batches;
  move->output.dims[1] = static_cast<int32_t>(out_height);
  move->output.dims[2] = static_cast<int32_t>(out_width);
  move->output.dims[3] = depth;
  const int64_t row = int64_t{width} * in_depth;  // input elements per image row
  const int32_t dims[6] = {batches, height, block, width, block, depth};
  const int64_t strides[6] = {height * row, row, int64_t{block} * depth, in_depth, depth, 1};
  std::memcpy(move->dims, dims, sizeof(dims));
  std::memcpy(move->strides, strides, sizeof(strides));
  return Status::kOk;
}

// The b x b pixels of each block, in row-major order, become consecutive channel groups: viewing
// the input as [N, H / b, b, W / b, b, C], the output is [N, H / b, W / b, b, b, C], a transpose
// that visits elements in the order of TFLite's reference_ops::SpaceToDepth.
Status space_to_depth_move(const PrepareContext& ctx, const Shape& in, int32_t block,
                           DepthSpaceMove* move) {
  const int32_t batches = in.dims[0];
  const int32_t height = in.dims[1];
  const int32_t width = in.dims[2];
  const int32_t depth = in.dims[3];
  if (height % block != 0 || width % block != 0) {
    return ctx.fail(Status::kInvalidModel, "input {}x{} is not a multiple of block_size {}", height,
                    width, block);
  }
  const int64_t out_depth = int64_t{depth} * block * block;
  if (out_depth > std::numeric_limits<int32_t>::max()) {
    return ctx.fail(Status::kInvalidModel, "output depth {} is too large", out_depth);
  }
  move->output.rank = 4;
  move->output.dims[0] = batches;
  move->output.dims[1] = height / block;
  move->output.dims[2] = width / block;
  move->output.dims[3] = static_cast<int32_t>(out_depth);
  const int64_t row = int64_t{width} * depth;  // input elements per image row
  const int32_t dims[6] = {batches, height / block, width / block, block, block, depth};
  const int64_t strides[6] = {height * row, block * row, int64_t{block} * depth, row, depth, 1};
  std::memcpy(move->dims, dims, sizeof(dims));
  std::memcpy(move->strides, strides, sizeof(strides));
  return Status::kOk;
}

}  // namespace

Status prepare_depth_space(PrepareContext& ctx, DepthSpaceKind kind) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (!is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt32,
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
  DepthSpaceMove move;
  MOTE_TRY(kind == DepthSpaceKind::kDepthToSpace
               ? depth_to_space_move(ctx, input.shape, block, &move)
               : space_to_depth_move(ctx, input.shape, block, &move));
  MOTE_TRY(expect_shape(ctx, output, move.output));
  ref::TransposeGeometry g;
  g.rank = 6;
  for (int32_t d = 0; d < 6; ++d) {
    g.output_dims[d] = move.dims[d];
    g.input_strides[d] = move.strides[d];
  }
  return set_transpose_op_data(ctx, g, input.type);
}

}  // namespace kernels
}  // namespace mote
