#include "kernels/transpose_op.h"

namespace mote {
namespace kernels {
namespace {

struct TransposeOpData {
  ref::TransposeGeometry geometry;
  uint32_t element_size = 0;
};

}  // namespace

Status set_transpose_op_data(PrepareContext& ctx, const ref::TransposeGeometry& geometry,
                             TensorType type) {
  auto* data = ctx.allocate<TransposeOpData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->geometry = geometry;
  data->element_size = static_cast<uint32_t>(type_size(type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval_transpose_op(EvalContext& ctx) {
  const auto& data = ctx.op_data<TransposeOpData>();
  ref::transpose(data.geometry, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
