// PLACEHOLDER: not implemented yet. Replace this whole file.
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return ctx.fail(Status::kUnsupported, "not implemented yet");
}

Status eval(EvalContext&) { return Status::kUnsupported; }

}  // namespace

namespace ops {
constexpr OpKernel kLog = {
    static_cast<int32_t>(schema::BuiltinOp::kLog), nullptr, 1, 0, prepare, eval};
}  // namespace ops
}  // namespace mote
