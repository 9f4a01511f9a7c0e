// BROADCAST_TO: any fixed-size element type (TFLM rejects only strings). Inputs: input, shape (a
// constant int32 or int64 vector, as TFLM requires). Output: shape `shape`, of the input's type;
// the input, right-aligned, must have 1 or the output's extent in each dimension. Up to 6D (TFLM
// stops at 5D; the copy is the same). Data is copied unchanged.
//
// Broadcasting is a strided copy in which a stretched dimension has stride 0, so it runs on the
// transpose walk (ref/transpose.h), whose geometry is exactly an output extent and an input
// stride per dimension; it writes the output in row-major order, as TFLite's BroadcastTo does.
#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/transpose.h"
#include "kernels/transpose_op.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc shape = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (type_size(input.type) == 0) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (shape.type != TensorType::kInt32 && shape.type != TensorType::kInt64) {
    return ctx.unsupported_type(shape, "shape");
  }
  if (shape.shape.rank != 1) {
    return ctx.fail(Status::kInvalidModel, "shape tensor {} has rank {}, expected 1", shape.index,
                    shape.shape.rank);
  }
  const int32_t rank = output.shape.rank;
  if (shape.shape.dims[0] != rank) {
    return ctx.fail(Status::kInvalidModel,
                    "shape tensor {} has {} values but the output has rank {}", shape.index,
                    shape.shape.dims[0], rank);
  }
  static_assert(ref::kTransposeMaxRank >= kMaxRank, "every loadable rank must be walkable");
  int64_t target[kMaxRank] = {};
  MOTE_TRY(kernels::read_constant_ints(ctx, shape, "shape", target, rank));
  for (int32_t d = 0; d < rank; ++d) {
    if (target[d] != output.shape.dims[d]) {
      return ctx.fail(Status::kInvalidModel, "shape[{}] is {} but output dimension {} is {}", d,
                      target[d], d, output.shape.dims[d]);
    }
  }
  if (input.shape.rank > rank) {
    return ctx.fail(Status::kInvalidModel, "input of rank {} cannot broadcast to rank {}",
                    input.shape.rank, rank);
  }
  const Shape in = input.shape.extended(rank);
  ref::TransposeGeometry g;
  g.rank = rank;
  int64_t stride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    if (in.dims[d] != 1 && in.dims[d] != output.shape.dims[d]) {
      return ctx.fail(Status::kInvalidModel, "input shape {} does not broadcast to {}",
                      kernels::ShapeText(input.shape).c_str(),
                      kernels::ShapeText(output.shape).c_str());
    }
    g.output_dims[d] = output.shape.dims[d];
    g.input_strides[d] = in.dims[d] == 1 ? 0 : stride;
    stride *= in.dims[d];
  }
  return kernels::set_transpose_op_data(ctx, g, input.type);
}

}  // namespace

namespace ops {
constexpr OpKernel kBroadcastTo = {
    static_cast<int32_t>(schema::BuiltinOp::kBroadcastTo), nullptr, 3,
    static_cast<uint8_t>(schema::Options::kBroadcastTo),   prepare, kernels::eval_transpose_op};
}  // namespace ops
}  // namespace mote
