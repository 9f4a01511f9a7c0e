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
constexpr OpKernel kAbs = {static_cast<int32_t>(schema::BuiltinOp::kAbs), nullptr, 1,
                           static_cast<uint8_t>(schema::Options::kAbs),   prepare, eval};
}  // namespace ops
}  // namespace mote
