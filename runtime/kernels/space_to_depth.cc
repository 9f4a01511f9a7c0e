// SPACE_TO_DEPTH: float32, int8 (TFLM's set) and int32, int64 (TFLite's). Input NHWC; option
// block_size b > 0 dividing the height and the width. Output [N, H / b, W / b, C * b * b]: the
// b x b pixels of each block, in row-major order, become consecutive channel groups. Data is
// copied unchanged (quantization parameters are not compared, as in TFLM). Prepare and the move:
// kernels/depth_space.cc.
#include "kernels/depth_space.h"
#include "kernels/transpose_op.h"
#include "mote/ops.h"

namespace mote {
namespace {

Status prepare(PrepareContext& ctx) {
  return kernels::prepare_depth_space(ctx, kernels::DepthSpaceKind::kSpaceToDepth);
}

}  // namespace

namespace ops {
constexpr OpKernel kSpaceToDepth = {
    static_cast<int32_t>(schema::BuiltinOp::kSpaceToDepth), nullptr, 2,
    static_cast<uint8_t>(schema::Options::kSpaceToDepth),   prepare, kernels::eval_transpose_op};
}  // namespace ops
}  // namespace mote
