#include "kernels/logical_common.h"

#include "kernels/broadcast_shapes.h"
#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {
namespace {

struct LogicalData {
  ref::BroadcastGeometry geometry;  // kAnd, kOr
  int64_t count = 0;                // kNot
  ref::Logical op = ref::Logical::kAnd;
};

}  // namespace

Status prepare_logical(PrepareContext& ctx, ref::Logical op) {
  auto* data = ctx.allocate<LogicalData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->op = op;
  if (op == ref::Logical::kNot) {
    TensorDesc input, output;
    MOTE_TRY(expect_unary(ctx, &input, &output));
    MOTE_TRY(ctx.expect_type(input, "input", TensorType::kBool));
    data->count = elements(input);
  } else {
    MOTE_TRY(ctx.expect_counts(2, 2, 1));
    const TensorDesc input1 = ctx.input(0);
    const TensorDesc input2 = ctx.input(1);
    const TensorDesc output = ctx.output(0);
    MOTE_TRY(ctx.expect_type(input1, "input1", TensorType::kBool));
    MOTE_TRY(ctx.expect_type(input2, "input2", TensorType::kBool));
    MOTE_TRY(ctx.expect_type(output, "output", TensorType::kBool));
    MOTE_TRY(prepare_broadcast_shapes(ctx, input1, input2, output, &data->geometry));
  }
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_logical(EvalContext& ctx) {
  const auto& data = ctx.op_data<LogicalData>();
  if (data.op == ref::Logical::kNot) {
    ref::logical_not(data.count, ctx.input<uint8_t>(0), ctx.output<bool>(0));
  } else {
    ref::logical_binary(data.op, data.geometry, ctx.input<uint8_t>(0), ctx.input<uint8_t>(1),
                        ctx.output<bool>(0));
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
