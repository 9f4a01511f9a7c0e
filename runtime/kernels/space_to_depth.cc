// SPACE_TO_DEPTH: float32, int8 (TFLM's set) and int32, int64 (TFLite's). Input NHWC; option
// block_size b > 0 dividing the height and the width. Output [N, H / b, W / b, C * b * b]: the
// b x b pixels of each block, in row-major order, become consecutive channel groups. Data is
// copied unchanged (quantization parameters are not compared, as in TFLM).
//
// The move is a permutation: viewing the input as [N, H / b, b, W / b, b, C], the output is
// [N, H / b, W / b, b, b, C], so it runs as a transpose (ref/transpose.h) of that 6D view, which
// visits elements in the order of TFLite's reference_ops::SpaceToDepth.
#include <limits>

#include "kernels/kernel_util.h"
#include "kernels/ref/transpose.h"
#include "mote/ops.h"

namespace mote {
namespace {

// SpaceToDepthOptions.block_size (schema.fbs); not in tflite_schema.h.
constexpr uint16_t kBlockSizeField = 0;

struct SpaceToDepthData {
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
  const int32_t depth = input.shape.dims[3];
  if (height % block != 0 || width % block != 0) {
    return ctx.fail(Status::kInvalidModel, "input {}x{} is not a multiple of block_size {}", height,
                    width, block);
  }
  const int64_t out_depth = int64_t{depth} * block * block;
  if (out_depth > std::numeric_limits<int32_t>::max()) {
    return ctx.fail(Status::kInvalidModel, "output depth {} is too large", out_depth);
  }
  Shape expected;
  expected.rank = 4;
  expected.dims[0] = batches;
  expected.dims[1] = height / block;
  expected.dims[2] = width / block;
  expected.dims[3] = static_cast<int32_t>(out_depth);
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<SpaceToDepthData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::TransposeGeometry& g = data->geometry;
  const int64_t row = int64_t{width} * depth;  // input elements per image row
  const int32_t dims[6] = {batches, height / block, width / block, block, block, depth};
  const int64_t strides[6] = {height * row, block * row, int64_t{block} * depth, row, depth, 1};
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
  const auto& data = ctx.op_data<SpaceToDepthData>();
  ref::transpose(data.geometry, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSpaceToDepth = {
    static_cast<int32_t>(schema::BuiltinOp::kSpaceToDepth), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kSpaceToDepth),   prepare, eval};
}  // namespace ops
}  // namespace mote
