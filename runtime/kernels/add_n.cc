// ADD_N: the elementwise sum of two or more tensors of one shape and type, float32 or int8 (one
// scale and zero point shared by the inputs), as TFLM. No broadcasting. See ref/add_n.h.
#include <limits>

#include "kernels/kernel_util.h"
#include "kernels/ref/add_n.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct AddNData {
  ref::AddNQuantParams quant;
  int64_t count = 0;
  int32_t input_count = 0;
  int32_t scratch_index = 0;  // input_count data pointers, filled in Eval
  TensorType type = TensorType::kFloat32;
};

Status prepare_int8(const PrepareContext& ctx, const TensorDesc& first, const TensorDesc& output,
                    AddNData* data) {
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, first, "input0"));
  MOTE_TRY(kernels::expect_per_tensor_scale(ctx, output, "output"));
  for (int32_t i = 1; i < ctx.input_count(); ++i) {
    const TensorDesc input = ctx.input(i);
    MOTE_TRY(kernels::expect_per_tensor_scale(ctx, input, "input"));
    if (input.quant.scale() != first.quant.scale() ||
        input.quant.zero_point() != first.quant.zero_point()) {
      return ctx.fail(Status::kInvalidModel,
                      "input {} has scale {} and zero point {}; input 0 has {} and {}", i,
                      input.quant.scale(), input.quant.zero_point(), first.quant.scale(),
                      first.quant.zero_point());
    }
  }
  if (!ref::prepare_add_n_s8(first.quant.scale(), first.quant.zero_point(), output.quant.scale(),
                             output.quant.zero_point(), &data->quant)) {
    return ctx.fail(Status::kUnsupported,
                    "input scale {} and output scale {} give an output multiplier outside (0, 1)",
                    first.quant.scale(), output.quant.scale());
  }
  return Status::kOk;
}

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, std::numeric_limits<int32_t>::max(), 1));
  const TensorDesc first = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(first, output));
  for (int32_t i = 1; i < ctx.input_count(); ++i) {
    if (!ctx.has_input(i)) return ctx.fail(Status::kInvalidModel, "input {} is omitted", i);
    const TensorDesc input = ctx.input(i);
    MOTE_TRY(ctx.expect_same_type(first, input));
    MOTE_TRY(kernels::expect_shape(ctx, input, first.shape, "input"));
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, first.shape));
  auto* data = ctx.allocate<AddNData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->type = first.type;
  data->count = kernels::elements(first);
  data->input_count = ctx.input_count();
  switch (first.type) {
    case TensorType::kFloat32:
      break;
    case TensorType::kInt8:
      MOTE_TRY(prepare_int8(ctx, first, output, data));
      break;
    default:
      return ctx.unsupported_type(first, "input0");
  }
  // TFLM gathers the input pointers into scratch too; sizeof(const void*) covers both types.
  MOTE_TRY(ctx.request_scratch(static_cast<size_t>(data->input_count) * sizeof(const void*),
                               &data->scratch_index));
  ctx.set_op_data(data);
  return Status::kOk;
}

template <typename T>
const T** gather_inputs(EvalContext& ctx, const AddNData& data) {
  // The scratch span is input_count pointers in size and 8-byte aligned by the planner.
  auto** inputs = reinterpret_cast<const T**>(ctx.scratch(data.scratch_index).data());
  for (int32_t i = 0; i < data.input_count; ++i) inputs[i] = ctx.input<T>(i);
  return inputs;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<AddNData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::add_n_f32(data.input_count, gather_inputs<float>(ctx, data), data.count,
                     ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::add_n_s8(data.quant, data.input_count, gather_inputs<int8_t>(ctx, data), data.count,
                    ctx.output<int8_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kAddN = {static_cast<int32_t>(schema::BuiltinOp::kAddN), nullptr, 1,
                            static_cast<uint8_t>(schema::Options::kAddN),   prepare, eval};
}  // namespace ops
}  // namespace mote
