// ADD: float32, int32, int8, int16, with broadcasting up to 6D and a fused activation. The
// shared Prepare/Eval with SUB is in add_sub_common.cc;
// ops::kAddInt8 runs the int8 path only.
#include "kernels/add_sub_common.h"
#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

template <kernels::Dtypes kDtypes>
Status prepare(PrepareContext& ctx) {
  if constexpr (kDtypes == kernels::Dtypes::kInt8) {
    MOTE_TRY(kernels::expect_int8_kernel(ctx, ctx.input(0), "input1"));
  }
  return kernels::prepare_add_sub(ctx, ref::AddSubKind::kAdd);
}

}  // namespace

namespace ops {
constexpr OpKernel kAdd = {static_cast<int32_t>(schema::BuiltinOp::kAdd),
                           nullptr,
                           5,
                           static_cast<uint8_t>(schema::Options::kAdd),
                           prepare<kernels::Dtypes::kAll>,
                           kernels::eval_add_sub};
constexpr OpKernel kAddInt8 = {static_cast<int32_t>(schema::BuiltinOp::kAdd),
                               nullptr,
                               5,
                               static_cast<uint8_t>(schema::Options::kAdd),
                               prepare<kernels::Dtypes::kInt8>,
                               kernels::eval_add_sub_s8};
}  // namespace ops
}  // namespace mote
