#include "kernels/space_batch.h"

#include <limits>

#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {

Status prepare_space_batch(const PrepareContext& ctx, SpaceBatchKind kind,
                           ref::SpaceBatchGeometry* g) {
  const bool to_space = kind == SpaceBatchKind::kBatchToSpace;
  const char* offsets_role = to_space ? "crops" : "paddings";
  MOTE_TRY(ctx.expect_counts(3, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc block_shape = ctx.input(1);
  const TensorDesc offsets = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  if (!is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt32,
                 TensorType::kInt64)) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  const int32_t rank = input.shape.rank;
  // TFLM supports only NHC and NHWC (one or two spatial dimensions).
  if (rank != 3 && rank != 4) {
    return ctx.fail(Status::kUnsupported,
                    "input has rank {}; only 3 (NHC) and 4 (NHWC) are "
                    "supported",
                    rank);
  }
  const int32_t spatial = rank - 2;
  MOTE_TRY(ctx.expect_type(block_shape, "block_shape", TensorType::kInt32));
  MOTE_TRY(ctx.expect_type(offsets, offsets_role, TensorType::kInt32));
  if (block_shape.shape.rank != 1 || block_shape.shape.dims[0] != spatial) {
    return ctx.fail(Status::kInvalidModel, "block_shape tensor {} must be a vector of {} values",
                    block_shape.index, spatial);
  }
  if (offsets.shape.rank != 2 || offsets.shape.dims[0] != spatial || offsets.shape.dims[1] != 2) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} must have shape [{}, 2]", offsets_role,
                    offsets.index, spatial);
  }
  int64_t block[2] = {1, 1};
  int64_t offset[4] = {};
  MOTE_TRY(read_constant_ints(ctx, block_shape, "block_shape", block, spatial));
  MOTE_TRY(read_constant_ints(ctx, offsets, offsets_role, offset, 2 * spatial));

  Shape expected;
  expected.rank = rank;
  int64_t batch = input.shape.dims[0];
  int64_t block_volume = 1;
  for (int32_t d = 0; d < spatial; ++d) {
    const int64_t in = input.shape.dims[d + 1];
    if (block[d] < 1) {
      return ctx.fail(Status::kInvalidModel, "block_shape[{}] is {}, expected >= 1", d, block[d]);
    }
    if (offset[2 * d] < 0 || offset[2 * d + 1] < 0) {
      return ctx.fail(Status::kInvalidModel, "{} [{}, {}] for dimension {} are negative",
                      offsets_role, offset[2 * d], offset[2 * d + 1], d);
    }
    int64_t out = 0;
    if (to_space) {
      out = in * block[d] - offset[2 * d] - offset[2 * d + 1];
      if (out < 0) {
        return ctx.fail(Status::kInvalidModel, "crops [{}, {}] exceed dimension {} of size {}",
                        offset[2 * d], offset[2 * d + 1], d, in * block[d]);
      }
    } else {
      const int64_t padded = in + offset[2 * d] + offset[2 * d + 1];
      if (padded % block[d] != 0) {
        return ctx.fail(Status::kInvalidModel,
                        "padded dimension {} of size {} is not a multiple of block_shape {}", d,
                        padded, block[d]);
      }
      out = padded / block[d];
    }
    if (out > std::numeric_limits<int32_t>::max()) {
      return ctx.fail(Status::kInvalidModel, "output dimension {} would be {}", d + 1, out);
    }
    expected.dims[d + 1] = static_cast<int32_t>(out);
    block_volume *= block[d];
  }
  if (to_space) {
    if (batch % block_volume != 0) {
      return ctx.fail(Status::kInvalidModel,
                      "input batch {} is not a multiple of the block volume {}", batch,
                      block_volume);
    }
    batch /= block_volume;
  } else {
    batch *= block_volume;
    if (batch > std::numeric_limits<int32_t>::max()) {
      return ctx.fail(Status::kInvalidModel, "output batch would be {}", batch);
    }
  }
  expected.dims[0] = static_cast<int32_t>(batch);
  expected.dims[rank - 1] = input.shape.dims[rank - 1];
  MOTE_TRY(expect_shape(ctx, output, expected));

  // NHC is NH1C: width 1, block width 1, no offset along it.
  const Shape in4 =
      rank == 4 ? input.shape
                : Shape{4, {input.shape.dims[0], input.shape.dims[1], 1, input.shape.dims[2]}};
  const Shape out4 =
      rank == 4 ? expected : Shape{4, {expected.dims[0], expected.dims[1], 1, expected.dims[2]}};
  *g = ref::SpaceBatchGeometry();
  g->input_batch = in4.dims[0];
  g->input_height = in4.dims[1];
  g->input_width = in4.dims[2];
  g->output_batch = out4.dims[0];
  g->output_height = out4.dims[1];
  g->output_width = out4.dims[2];
  g->depth = in4.dims[3];
  g->block_height = static_cast<int32_t>(block[0]);
  g->block_width = spatial == 2 ? static_cast<int32_t>(block[1]) : 1;
  g->offset_top = static_cast<int32_t>(offset[0]);
  g->offset_left = spatial == 2 ? static_cast<int32_t>(offset[2]) : 0;
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
