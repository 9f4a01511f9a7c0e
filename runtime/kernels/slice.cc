// SLICE: float32, int8, int16, int32, bool (TFLM's set) and int64, input up to 5D (TFLM's and
// TFLite's limit). Inputs: input, begin, size: vectors of one type, int32 or int64, with one
// entry per input axis; a size of -1 takes the rest of the axis. Output: the input's type, with
// the sliced shape; data is copied unchanged.
//
// As in TFLM, begin must be in [0, dim] and the resolved size in [0, dim - begin]. Constant
// begin/size are checked here in Prepare; computed ones (TFLM reads them in Eval too) are checked
// in Eval, which fails instead of reading outside the input. Either way the output must have
// exactly the sliced shape (TFLM compares only the element count).
#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/strided_slice.h"
#include "mote/ops.h"

namespace mote {
namespace {

constexpr int32_t kMaxRank = ref::kStridedSliceMaxRank;  // 5, TFLM's kMaxDim

struct SliceData {
  ref::StridedSliceLoops loops;  // resolved in Prepare when begin and size are constant
  Shape input_shape;
  Shape output_shape;
  uint32_t element_size = 0;
  TensorType index_type = TensorType::kInt32;
  bool constant = false;
};

enum class SliceCheck : uint8_t { kOk, kBadBegin, kBadSize, kWrongOutput };

struct SliceProblem {
  SliceCheck check = SliceCheck::kOk;
  int32_t axis = 0;
};

// TFLite's Slice semantics on the input padded to 5D with leading axes of size 1.
SliceProblem make_loops(const Shape& input, const Shape& output, const int64_t* begin,
                        const int64_t* size, ref::StridedSliceLoops* loops) {
  *loops = ref::StridedSliceLoops();
  const int32_t pad = kMaxRank - input.rank;
  for (int32_t a = 0; a < kMaxRank; ++a) {
    loops->input_dims[a] = 1;
    loops->stride[a] = 1;
    loops->count[a] = 1;
  }
  loops->first_axis = pad;
  if (output.rank != input.rank) return {SliceCheck::kWrongOutput, 0};
  for (int32_t d = 0; d < input.rank; ++d) {
    const int64_t dim = input.dims[d];
    if (begin[d] < 0 || begin[d] > dim) return {SliceCheck::kBadBegin, d};
    const int64_t remaining = dim - begin[d];
    const int64_t resolved = size[d] == -1 ? remaining : size[d];
    if (resolved < 0 || resolved > remaining) return {SliceCheck::kBadSize, d};
    if (output.dims[d] != resolved) return {SliceCheck::kWrongOutput, d};
    loops->input_dims[pad + d] = input.dims[d];
    loops->start[pad + d] = static_cast<int32_t>(begin[d]);
    loops->count[pad + d] = static_cast<int32_t>(resolved);
  }
  return {};
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(3, 3, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc begin = ctx.input(1);
  const TensorDesc size = ctx.input(2);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                          TensorType::kInt32, TensorType::kInt64, TensorType::kBool)) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  const int32_t rank = input.shape.rank;
  if (rank > kMaxRank) {
    return ctx.fail(Status::kUnsupported, "input has rank {}; at most {} is supported", rank,
                    kMaxRank);
  }
  if (begin.type != TensorType::kInt32 && begin.type != TensorType::kInt64) {
    return ctx.unsupported_type(begin, "begin");
  }
  MOTE_TRY(ctx.expect_same_type(begin, size));
  const TensorDesc* vectors[2] = {&begin, &size};
  for (const TensorDesc* t : vectors) {
    if (t->shape.rank != 1 || t->shape.dims[0] != rank) {
      return ctx.fail(Status::kInvalidModel, "{} tensor {} must be a vector of {} values",
                      t == &begin ? "begin" : "size", t->index, rank);
    }
  }

  if (output.shape.rank != rank) {
    return ctx.fail(Status::kInvalidModel, "output has rank {}, expected {} (the input's)",
                    output.shape.rank, rank);
  }

  auto* data = ctx.allocate<SliceData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->input_shape = input.shape;
  data->output_shape = output.shape;
  data->element_size = static_cast<uint32_t>(type_size(input.type));
  data->index_type = begin.type;
  data->constant = (begin.is_constant() && size.is_constant()) || rank == 0;
  if (data->constant) {
    int64_t b[kMaxRank] = {};
    int64_t s[kMaxRank] = {};
    MOTE_TRY(kernels::read_constant_ints(ctx, begin, "begin", b, rank));
    MOTE_TRY(kernels::read_constant_ints(ctx, size, "size", s, rank));
    const SliceProblem p = make_loops(input.shape, output.shape, b, s, &data->loops);
    switch (p.check) {
      case SliceCheck::kOk:
        break;
      case SliceCheck::kBadBegin:
        return ctx.fail(Status::kInvalidModel, "begin {} is outside axis {} of size {}", b[p.axis],
                        p.axis, input.shape.dims[p.axis]);
      case SliceCheck::kBadSize:
        return ctx.fail(Status::kInvalidModel,
                        "size {} from begin {} does not fit axis {} of size {}", s[p.axis],
                        b[p.axis], p.axis, input.shape.dims[p.axis]);
      case SliceCheck::kWrongOutput:
        return ctx.fail(Status::kInvalidModel,
                        "output tensor {} has shape {}, not the slice of input shape {}",
                        output.index, kernels::ShapeText(output.shape).c_str(),
                        kernels::ShapeText(input.shape).c_str());
    }
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SliceData>();
  ref::StridedSliceLoops computed;
  const ref::StridedSliceLoops* loops = &data.loops;
  if (!data.constant) {
    const int32_t rank = data.input_shape.rank;
    int64_t b[kMaxRank] = {};
    int64_t s[kMaxRank] = {};
    for (int32_t d = 0; d < rank; ++d) {
      b[d] = kernels::load_integer(ctx.input<uint8_t>(1), data.index_type, d);
      s[d] = kernels::load_integer(ctx.input<uint8_t>(2), data.index_type, d);
    }
    const SliceProblem p = make_loops(data.input_shape, data.output_shape, b, s, &computed);
    if (p.check != SliceCheck::kOk) {
      return ctx.fail("begin {} and size {} on axis {} do not slice the input into the output",
                      b[p.axis], s[p.axis], p.axis);
    }
    loops = &computed;
  }
  ref::strided_slice(*loops, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSlice = {static_cast<int32_t>(schema::BuiltinOp::kSlice), nullptr, 6,
                             static_cast<uint8_t>(schema::Options::kSlice),   prepare, eval};
}  // namespace ops
}  // namespace mote
