#include "kernels/comparisons_common.h"

#include "kernels/broadcast_shapes.h"
#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {
namespace {

struct ComparisonData {
  ref::BroadcastGeometry geometry;
  ref::ComparisonQuantParams quant;
  TensorType type = TensorType::kFloat32;
  ref::Comparison op = ref::Comparison::kEqual;
};

bool supports(ref::Comparison op, TensorType type) {
  switch (op) {
    case ref::Comparison::kEqual:
    case ref::Comparison::kNotEqual:
      return is_one_of(type, TensorType::kBool, TensorType::kFloat32, TensorType::kInt32,
                       TensorType::kInt64, TensorType::kInt8);
    case ref::Comparison::kGreater:
      return is_one_of(type, TensorType::kFloat32, TensorType::kInt32, TensorType::kInt64,
                       TensorType::kInt8, TensorType::kInt16);
    case ref::Comparison::kGreaterEqual:
    case ref::Comparison::kLess:
    case ref::Comparison::kLessEqual:
      return is_one_of(type, TensorType::kFloat32, TensorType::kInt32, TensorType::kInt64,
                       TensorType::kInt8);
  }
  return false;
}

Status prepare_quantized(const PrepareContext& ctx, const TensorDesc& input1,
                         const TensorDesc& input2, ComparisonData* data) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input1, "input1"));
  MOTE_TRY(expect_per_tensor_scale(ctx, input2, "input2"));
  if (!ref::prepare_comparison_quantized(input1.quant.scale(), input1.quant.zero_point(),
                                         input2.quant.scale(), input2.quant.zero_point(),
                                         &data->quant)) {
    return ctx.fail(Status::kUnsupported, "input scales {} and {} must be below 1",
                    input1.quant.scale(), input2.quant.scale());
  }
  return Status::kOk;
}

}  // namespace

Status prepare_comparison(PrepareContext& ctx, ref::Comparison op) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(input1, input2));
  MOTE_TRY(ctx.expect_type(output, "output", TensorType::kBool));
  if (!supports(op, input1.type)) return ctx.unsupported_type(input1, "input1");
  auto* data = ctx.allocate<ComparisonData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->op = op;
  data->type = input1.type;
  MOTE_TRY(prepare_broadcast_shapes(ctx, input1, input2, output, &data->geometry));
  if (is_one_of(input1.type, TensorType::kInt8, TensorType::kInt16)) {
    MOTE_TRY(prepare_quantized(ctx, input1, input2, data));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_comparison(EvalContext& ctx) {
  const auto& data = ctx.op_data<ComparisonData>();
  bool* output = ctx.output<bool>(0);
  switch (data.type) {
    case TensorType::kBool:
      ref::compare_bool(data.op, data.geometry, ctx.input<uint8_t>(0), ctx.input<uint8_t>(1),
                        output);
      break;
    case TensorType::kFloat32:
      ref::compare(data.op, data.geometry, ctx.input<float>(0), ctx.input<float>(1), output);
      break;
    case TensorType::kInt32:
      ref::compare(data.op, data.geometry, ctx.input<int32_t>(0), ctx.input<int32_t>(1), output);
      break;
    case TensorType::kInt64:
      ref::compare(data.op, data.geometry, ctx.input<int64_t>(0), ctx.input<int64_t>(1), output);
      break;
    case TensorType::kInt8:
      ref::compare_quantized(data.op, data.quant, data.geometry, ctx.input<int8_t>(0),
                             ctx.input<int8_t>(1), output);
      break;
    case TensorType::kInt16:
      ref::compare_quantized(data.op, data.quant, data.geometry, ctx.input<int16_t>(0),
                             ctx.input<int16_t>(1), output);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
