// TRANSPOSE: float32, int8, int16 (TFLM's set), up to 6D (TFLM's own Prepare stops at 5D; the
// reference permutation is the same at any rank). Inputs: input, perm (constant int32 vector
// with one entry per input axis, a permutation of 0..rank-1). Output: the input's type, with
// dimension d equal to input dimension perm[d]. Data is only moved, never requantized.
//
// TFLM checks only that each perm entry is in range; Prepare here also rejects repeated entries
// and an output shape that is not the permuted input shape, both of which would make Eval read
// outside the input.
#include "kernels/ref/transpose.h"
#include "kernels/kernel_util.h"
#include "kernels/transpose_op.h"
#include "mote/ops.h"

namespace mote {
namespace {

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16);
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc perm = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  const int32_t rank = input.shape.rank;
  if (rank > ref::kTransposeMaxRank) {
    return ctx.fail(Status::kUnsupported, "input has rank {}; at most {} is supported", rank,
                    ref::kTransposeMaxRank);
  }
  // TFLM reads the permutation in Prepare, so only a constant one is meaningful.
  if (!perm.is_constant()) {
    return ctx.fail(Status::kUnsupported, "perm tensor {} is not constant", perm.index);
  }
  MOTE_TRY(ctx.expect_type(perm, "perm", TensorType::kInt32));
  if (perm.shape.rank != 1 || perm.shape.dims[0] != rank) {
    return ctx.fail(Status::kInvalidModel, "perm tensor {} must be a vector of {} values",
                    perm.index, rank);
  }

  int64_t input_strides[ref::kTransposeMaxRank] = {};
  int64_t stride = 1;
  for (int32_t d = rank - 1; d >= 0; --d) {
    input_strides[d] = stride;
    stride *= input.shape.dims[d];
  }
  bool used[ref::kTransposeMaxRank] = {};
  Shape expected;
  expected.rank = rank;
  ref::TransposeGeometry g;
  g.rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    const int32_t axis = fb::load<int32_t>(perm.data + static_cast<size_t>(d) * sizeof(int32_t));
    if (axis < 0 || axis >= rank || used[axis]) {
      return ctx.fail(Status::kInvalidModel,
                      "perm entry {} is {}: not a permutation of the {} input axes", d, axis, rank);
    }
    used[axis] = true;
    expected.dims[d] = input.shape.dims[axis];
    g.output_dims[d] = input.shape.dims[axis];
    g.input_strides[d] = input_strides[axis];
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  return kernels::set_transpose_op_data(ctx, g, input.type);
}

}  // namespace

namespace ops {
constexpr OpKernel kTranspose = {
    static_cast<int32_t>(schema::BuiltinOp::kTranspose), nullptr, 6,
    static_cast<uint8_t>(schema::Options::kTranspose),   prepare, kernels::eval_transpose_op};
}  // namespace ops
}  // namespace mote
