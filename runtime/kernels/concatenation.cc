// CONCATENATION: float32, int8, int16, int32, int64, bool (TFLM's set). Inputs: one or more
// tensors of the output's type and rank, equal to it in every dimension but `axis`, whose sizes
// along `axis` add up to the output's. Options: axis (negative counts from the end), fused
// activation, which TFLM requires to be NONE.
//
// Quantized inputs are copied byte for byte: TFLM's kernel records the int8 scales but never
// requantizes, even when the inputs' scales or zero points differ from the output's (TFLite's
// own kernel would rescale them). Matching TFLM means doing the same.
#include "kernels/ref/concatenation.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ConcatenationData {
  int32_t count = 0;
  ref::ConcatPart* parts = nullptr;  // one per input
};

bool supported_type(TensorType type) {
  return kernels::is_one_of(type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt16,
                            TensorType::kInt32, TensorType::kInt64, TensorType::kBool);
}

Status prepare(PrepareContext& ctx) {
  namespace o = schema::concatenation_options;
  const int32_t count = ctx.input_count();
  MOTE_TRY(ctx.expect_counts(1, count > 1 ? count : 1, 1));
  const TensorDesc output = ctx.output(0);
  if (!supported_type(output.type)) return ctx.unsupported_type(output, "output");
  kernels::FusedActivation activation;
  MOTE_TRY(kernels::read_fused_activation(ctx, o::kActivation, &activation));
  if (activation != kernels::FusedActivation::kNone) {
    constexpr const char* kNames[] = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6"};
    return ctx.fail(Status::kUnsupported,
                    "fused activation {} is not supported (TFLM accepts only NONE)",
                    kNames[static_cast<int32_t>(activation)]);
  }
  const int32_t rank = output.shape.rank;
  const int32_t given = ctx.option<int32_t>(o::kAxis, 0);
  const int32_t axis = given < 0 ? given + rank : given;
  if (axis < 0 || axis >= rank) {
    return ctx.fail(Status::kInvalidModel, "axis {} is out of range for rank {}", given, rank);
  }

  int64_t axis_sum = 0;
  for (int32_t i = 0; i < count; ++i) {
    if (!ctx.has_input(i)) return ctx.fail(Status::kInvalidModel, "input {} is omitted", i);
    const TensorDesc input = ctx.input(i);
    MOTE_TRY(ctx.expect_same_type(input, output));
    if (input.shape.rank != rank) {
      return ctx.fail(Status::kInvalidModel, "input {} has rank {}, the output has rank {}", i,
                      input.shape.rank, rank);
    }
    for (int32_t d = 0; d < rank; ++d) {
      if (d != axis && input.shape.dims[d] != output.shape.dims[d]) {
        return ctx.fail(Status::kInvalidModel,
                        "input {} has dimension {} of size {}, the output has {}", i, d,
                        input.shape.dims[d], output.shape.dims[d]);
      }
    }
    axis_sum += input.shape.dims[axis];
  }
  if (axis_sum != output.shape.dims[axis]) {
    return ctx.fail(Status::kInvalidModel,
                    "inputs add up to {} along axis {}, the output has size {}", axis_sum, axis,
                    output.shape.dims[axis]);
  }

  auto* data = ctx.allocate<ConcatenationData>();
  auto* parts = ctx.allocate<ref::ConcatPart>(static_cast<size_t>(count));
  if (data == nullptr || parts == nullptr) return Status::kArenaTooSmall;
  const int64_t outer = output.shape.num_elements(0, axis);
  const int64_t inner_bytes =
      output.shape.num_elements(axis + 1, rank) * static_cast<int64_t>(type_size(output.type));
  int64_t offset = 0;
  for (int32_t i = 0; i < count; ++i) {
    ref::ConcatPart& p = parts[i];
    p.outer = outer;
    p.chunk_bytes = ctx.input(i).shape.dims[axis] * inner_bytes;
    p.row_bytes = output.shape.dims[axis] * inner_bytes;
    p.offset_bytes = offset;
    offset += p.chunk_bytes;
  }
  data->count = count;
  data->parts = parts;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ConcatenationData>();
  void* output = ctx.output_data(0);
  for (int32_t i = 0; i < data.count; ++i) {
    ref::concatenate_part(data.parts[i], ctx.input_data(i), output);
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kConcatenation = {
    static_cast<int32_t>(schema::BuiltinOp::kConcatenation), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kConcatenation),   prepare, eval};
}  // namespace ops
}  // namespace mote
