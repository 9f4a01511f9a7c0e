#include "kernels/maximum_minimum_common.h"

#include "kernels/binary_elementwise.h"

namespace mote {
namespace kernels {
namespace {

// TFLM's broadcast path is NdArrayDesc<5>: it aborts on rank-6 inputs of different shapes.
constexpr int32_t kMaxMinMaxBroadcastRank = 5;

struct MaximumMinimumData {
  ref::BroadcastGeometry geometry;
  TensorType type = TensorType::kFloat32;
  ref::MinMaxKind kind = ref::MinMaxKind::kMaximum;
};

template <typename T>
void run(EvalContext& ctx, const MaximumMinimumData& data) {
  ref::maximum_minimum(data.kind, data.geometry, ctx.input<T>(0), ctx.input<T>(1),
                       ctx.output<T>(0));
}

}  // namespace

Status prepare_maximum_minimum(PrepareContext& ctx, ref::MinMaxKind kind) {
  auto* data = ctx.allocate<MaximumMinimumData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->kind = kind;
  MOTE_TRY(prepare_broadcast_binary(ctx, kMaxMinMaxBroadcastRank, &data->geometry));
  const TensorDesc output = ctx.output(0);
  switch (output.type) {
    case TensorType::kFloat32:
    case TensorType::kInt8:
    case TensorType::kInt16:
    case TensorType::kInt32:
    case TensorType::kInt64:
      data->type = output.type;
      break;
    default:
      return ctx.unsupported_type(output, "output");
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_maximum_minimum(EvalContext& ctx) {
  const auto& data = ctx.op_data<MaximumMinimumData>();
  switch (data.type) {
    case TensorType::kFloat32:
      run<float>(ctx, data);
      break;
    case TensorType::kInt8:
      run<int8_t>(ctx, data);
      break;
    case TensorType::kInt16:
      run<int16_t>(ctx, data);
      break;
    case TensorType::kInt32:
      run<int32_t>(ctx, data);
      break;
    case TensorType::kInt64:
      run<int64_t>(ctx, data);
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
