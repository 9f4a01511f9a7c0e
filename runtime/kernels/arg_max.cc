// ARG_MAX: index of the largest value along one axis; the first one wins on ties. Types,
// axis handling and checks are those of ARG_MAX and ARG_MIN together (kernels/arg_min_max.h).
#include "kernels/arg_min_max.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) { return kernels::prepare_arg_min_max(ctx); }

Status eval(EvalContext& ctx) { return kernels::eval_arg_min_max(ctx, kernels::ArgKind::kMax); }

}  // namespace

namespace ops {
constexpr OpKernel kArgMax = {static_cast<int32_t>(schema::BuiltinOp::kArgMax), nullptr, 3,
                              static_cast<uint8_t>(schema::Options::kArgMax),   prepare, eval};
}  // namespace ops
}  // namespace mote
