#include "kernels/floor_div_mod_common.h"

#include "kernels/binary_elementwise.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/div.h"

namespace mote {
namespace kernels {
namespace {

struct FloorDivModData {
  ref::BroadcastGeometry geometry;
  int64_t divisor_count = 0;  // elements of input2
  bool check_divisor = false;
  TensorType type = TensorType::kFloat32;
  ref::FloorOp op = ref::FloorOp::kDiv;
};

template <typename T>
Status run(EvalContext& ctx, const FloorDivModData& data) {
  const T* divisor = ctx.input<T>(1);
  // TFLite validates the whole divisor tensor before computing anything.
  if (data.check_divisor && ref::contains_zero(data.divisor_count, divisor)) {
    return ctx.fail("division by zero");
  }
  ref::floor_div_mod(data.op, data.geometry, ctx.input<T>(0), divisor, ctx.output<T>(0));
  return Status::kOk;
}

}  // namespace

Status prepare_floor_div_mod(PrepareContext& ctx, ref::FloorOp op) {
  auto* data = ctx.allocate<FloorDivModData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->op = op;
  MOTE_TRY(prepare_broadcast_binary(ctx, ref::kMaxBroadcastRank, &data->geometry));
  const TensorDesc input1 = ctx.input(0);
  const bool supported =
      op == ref::FloorOp::kDiv
          ? is_one_of(input1.type, TensorType::kFloat32, TensorType::kInt32)
          : is_one_of(input1.type, TensorType::kFloat32, TensorType::kInt32, TensorType::kInt64);
  if (!supported) return ctx.unsupported_type(input1, "input1");
  data->type = input1.type;
  data->divisor_count = elements(ctx.input(1));
  data->check_divisor = op == ref::FloorOp::kDiv || input1.type != TensorType::kFloat32;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_floor_div_mod(EvalContext& ctx) {
  const auto& data = ctx.op_data<FloorDivModData>();
  switch (data.type) {
    case TensorType::kFloat32:
      return run<float>(ctx, data);
    case TensorType::kInt32:
      return run<int32_t>(ctx, data);
    case TensorType::kInt64:
      return run<int64_t>(ctx, data);
    default:
      return Status::kEvalFailed;
  }
}

}  // namespace kernels
}  // namespace mote
