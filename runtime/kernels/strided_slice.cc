// STRIDED_SLICE: float32, int8, int16, int32, bool (TFLM's set), input up to 5D. Inputs: input,
// begin, end, strides (constant int32 vectors of one length). Options: begin/end/ellipsis/
// new_axis/shrink_axis masks and offset. Output: the input's type; data is copied unchanged.
//
// Index semantics follow TFLite (kernels/strided_slice.cc and strided_slice_logic.h; see
// ref/strided_slice.h). TFLM runs the same begin/end/shrink logic and the same loops but only up
// to 4D, and it drops the ellipsis and new_axis masks and the offset flag; for models that use
// none of those (what TFLM runs correctly) the two agree, and the rest is computed as TFLite
// defines it rather than rejected.
//
// Prepare requires the output shape to be exactly what the loops write: the non-shrunk axes'
// lengths, and exactly one element along every shrunk axis (TFLM leaves the output unwritten
// for a shrunk index outside the input, or a shrunk axis with a negative stride).
#include "kernels/ref/strided_slice.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct StridedSliceData {
  ref::StridedSliceLoops loops;
  uint32_t element_size = 0;
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32, TensorType::kBool);
}

// begin, end and strides: constant int32 vectors, copied into `values` (count entries).
Status read_indices(const PrepareContext& ctx, int32_t input, const char* role, int32_t count,
                    int32_t* values) {
  const TensorDesc t = ctx.input(input);
  if (!t.is_constant()) {
    return ctx.fail(Status::kUnsupported, "{} tensor {} is not constant", role, t.index);
  }
  MOTE_TRY(ctx.expect_type(t, role, TensorType::kInt32));
  if (t.shape.rank != 1 || t.shape.dims[0] != count) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} must be a vector of {} values", role,
                    t.index, count);
  }
  for (int32_t i = 0; i < count; ++i) {
    values[i] = fb::load<int32_t>(t.data + static_cast<size_t>(i) * sizeof(int32_t));
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::strided_slice_options;
  MOTE_TRY(ctx.expect_counts(4, 4, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  if (!supported_type(input.type)) return ctx.unsupported_type(input, "input");
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (input.shape.rank > ref::kStridedSliceMaxRank) {
    return ctx.fail(Status::kUnsupported, "input has rank {}; at most {} is supported",
                    input.shape.rank, ref::kStridedSliceMaxRank);
  }

  ref::StridedSliceSpec spec;
  const TensorDesc begin = ctx.input(1);
  if (begin.shape.rank != 1) {
    return ctx.fail(Status::kInvalidModel, "begin tensor {} has rank {}, expected 1", begin.index,
                    begin.shape.rank);
  }
  spec.count = begin.shape.dims[0];
  if (spec.count > ref::kStridedSliceMaxIndices) {
    return ctx.fail(Status::kUnsupported, "begin tensor {} has {} values; at most {} are supported",
                    begin.index, spec.count, ref::kStridedSliceMaxIndices);
  }
  MOTE_TRY(read_indices(ctx, 1, "begin", spec.count, spec.begin));
  MOTE_TRY(read_indices(ctx, 2, "end", spec.count, spec.end));
  MOTE_TRY(read_indices(ctx, 3, "strides", spec.count, spec.strides));
  spec.begin_mask = ctx.option<int32_t>(o::kBeginMask, 0);
  spec.end_mask = ctx.option<int32_t>(o::kEndMask, 0);
  spec.ellipsis_mask = ctx.option<int32_t>(o::kEllipsisMask, 0);
  spec.new_axis_mask = ctx.option<int32_t>(o::kNewAxisMask, 0);
  spec.shrink_axis_mask = ctx.option<int32_t>(o::kShrinkAxisMask, 0);
  spec.offset = ctx.option<uint8_t>(o::kOffset, 0) != 0;

  auto* data = ctx.allocate<StridedSliceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::StridedSliceLoops& loops = data->loops;
  switch (ref::resolve_strided_slice(spec, input.shape.rank, input.shape.dims, &loops)) {
    case ref::StridedSliceResult::kOk:
      break;
    case ref::StridedSliceResult::kTooManyAxes:
      return ctx.fail(Status::kUnsupported, "input rank {} plus new axes exceeds {}",
                      input.shape.rank, ref::kStridedSliceMaxRank);
    case ref::StridedSliceResult::kZeroStride:
      return ctx.fail(Status::kInvalidModel, "a stride is 0");
    case ref::StridedSliceResult::kBadMasks:
      return ctx.fail(Status::kInvalidModel,
                      "ellipsis_mask {} and new_axis_mask {} do not fit an input of rank {} "
                      "with {} indices",
                      spec.ellipsis_mask, spec.new_axis_mask, input.shape.rank, spec.count);
  }
  Shape expected;
  for (int32_t a = loops.first_axis; a < ref::kStridedSliceMaxRank; ++a) {
    const bool shrink = (loops.shrink_mask >> a) & 1;
    if (!shrink) {
      expected.dims[expected.rank++] = loops.count[a];
    } else if (loops.count[a] != 1) {
      return ctx.fail(Status::kInvalidModel,
                      "shrunk axis {} selects {} elements (begin {} outside the axis of size {}, "
                      "or a negative stride)",
                      a - loops.first_axis, loops.count[a], loops.start[a], loops.input_dims[a]);
    }
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  data->element_size = static_cast<uint32_t>(type_size(input.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<StridedSliceData>();
  ref::strided_slice(data.loops, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kStridedSlice = {
    static_cast<int32_t>(schema::BuiltinOp::kStridedSlice), nullptr, 8,
    static_cast<uint8_t>(schema::Options::kStridedSlice),   prepare, eval};
}  // namespace ops
}  // namespace mote
