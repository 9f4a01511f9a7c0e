#include "kernels/resize_common.h"

#include "kernels/kernel_util.h"

namespace mote::kernels {

Status prepare_resize(PrepareContext& ctx, int32_t new_size[2]) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc size = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16)) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (input.shape.rank != 4) {
    return ctx.fail(Status::kInvalidModel, "input has rank {}, expected 4 (NHWC)",
                    input.shape.rank);
  }
  MOTE_TRY(ctx.expect_type(size, "size", TensorType::kInt32));
  if (size.shape.rank != 1 || size.shape.dims[0] != 2) {
    return ctx.fail(Status::kInvalidModel,
                    "size tensor {} must hold 2 values [height, width] (rank {}, {} elements)",
                    size.index, size.shape.rank, size.shape.num_elements());
  }
  if (!size.is_constant()) {
    return ctx.fail(Status::kUnsupported, "size tensor {} is not constant", size.index);
  }
  if (size.data_bytes < 2 * sizeof(int32_t)) {
    return ctx.fail(Status::kInvalidModel, "size tensor {} holds {} bytes, expected 8", size.index,
                    size.data_bytes);
  }
  std::memcpy(new_size, size.data, 2 * sizeof(int32_t));  // flatbuffer data may be unaligned
  return Status::kOk;
}

}  // namespace mote::kernels
