// DEPTH_TO_SPACE: float32, int8 (TFLM's set) and int32, int64 (TFLite's). Input NHWC; option
// block_size b > 0 with b * b dividing the depth. Output [N, H * b, W * b, C / (b * b)]: the
// inverse of SPACE_TO_DEPTH. Data is copied unchanged (quantization parameters are not compared,
// as in TFLM). Prepare and the move: kernels/depth_space.cc.
#include "kernels/depth_space.h"
#include "kernels/transpose_op.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_depth_space(ctx, kernels::DepthSpaceKind::kDepthToSpace);
}

}  // namespace

namespace ops {
constexpr OpKernel kDepthToSpace = {
    static_cast<int32_t>(schema::BuiltinOp::kDepthToSpace), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kDepthToSpace),   prepare, kernels::eval_transpose_op};
}  // namespace ops
}  // namespace mote
