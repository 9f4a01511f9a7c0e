// MIRROR_PAD: float32, int8 (TFLM's set) and int32, int64 (TFLite's). Inputs: input, paddings
// (constant int32 or int64 [rank, 2]: before and after each axis). Option: MirrorPadOptions.mode,
// REFLECT (the edge is not repeated) or SYMMETRIC (it is). Output: the input's type, each axis
// grown by its paddings. Data is copied unchanged.
//
// Paddings must be in [0, dim - 1] for REFLECT and [0, dim] for SYMMETRIC (TensorFlow's rule):
// TFLM does not check them, and a larger leading padding would read before the input.
#include <limits>

#include "kernels/const_tensor.h"
#include "kernels/kernel_util.h"
#include "kernels/ref/mirror_pad.h"
#include "mote/ops.h"

namespace mote {
namespace {

// MirrorPadOptions.mode (schema.fbs) and its MirrorPadMode values; not in tflite_schema.h.
constexpr uint16_t kModeField = 0;
constexpr int8_t kModeReflect = 0;
constexpr int8_t kModeSymmetric = 1;

struct MirrorPadData {
  ref::MirrorPadGeometry geometry;
  uint32_t element_size = 0;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc paddings = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  if (!kernels::is_one_of(input.type, TensorType::kFloat32, TensorType::kInt8, TensorType::kInt32,
                          TensorType::kInt64)) {
    return ctx.unsupported_type(input, "input");
  }
  MOTE_TRY(ctx.expect_same_type(input, output));
  const int32_t rank = input.shape.rank;
  if (paddings.type != TensorType::kInt32 && paddings.type != TensorType::kInt64) {
    return ctx.unsupported_type(paddings, "paddings");
  }
  if (paddings.shape.rank != 2 || paddings.shape.dims[0] != rank || paddings.shape.dims[1] != 2) {
    return ctx.fail(Status::kInvalidModel, "paddings tensor {} must have shape [{}, 2]",
                    paddings.index, rank);
  }
  const int8_t mode = ctx.option<int8_t>(kModeField, kModeReflect);
  if (mode != kModeReflect && mode != kModeSymmetric) {
    return ctx.fail(Status::kInvalidModel, "mirror pad mode {} is neither REFLECT nor SYMMETRIC",
                    mode);
  }
  int64_t pads[2 * kMaxRank] = {};
  MOTE_TRY(kernels::read_constant_ints(ctx, paddings, "paddings", pads, 2 * rank));

  auto* data = ctx.allocate<MirrorPadData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::MirrorPadGeometry& g = data->geometry;
  g.rank = rank;
  g.offset = mode == kModeReflect ? 1 : 0;
  Shape expected;
  expected.rank = rank;
  for (int32_t d = 0; d < rank; ++d) {
    const int64_t dim = input.shape.dims[d];
    const int64_t limit = dim - g.offset;
    for (int32_t side = 0; side < 2; ++side) {
      const int64_t pad = pads[2 * d + side];
      if (pad < 0 || (pad > 0 && pad > limit)) {
        return ctx.fail(Status::kInvalidModel,
                        "padding {} of axis {} (size {}) is outside [0, {}] for {} mode", pad, d,
                        dim, limit < 0 ? 0 : limit, mode == kModeReflect ? "REFLECT" : "SYMMETRIC");
      }
    }
    // Both paddings are at most dim, so the sum fits in int32 unless dim is near its limit.
    const int64_t out = dim + pads[2 * d] + pads[2 * d + 1];
    if (out > std::numeric_limits<int32_t>::max()) {
      return ctx.fail(Status::kInvalidModel, "padded axis {} would have {} elements", d, out);
    }
    expected.dims[d] = static_cast<int32_t>(out);
    g.input_dims[d] = input.shape.dims[d];
    g.output_dims[d] = expected.dims[d];
    g.before[d] = static_cast<int32_t>(pads[2 * d]);
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  data->element_size = static_cast<uint32_t>(type_size(input.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<MirrorPadData>();
  ref::mirror_pad(data.geometry, data.element_size, ctx.input_data(0), ctx.output_data(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kMirrorPad = {
    static_cast<int32_t>(schema::BuiltinOp::kMirrorPad), nullptr, 3,
    static_cast<uint8_t>(schema::Options::kMirrorPad),   prepare, eval};
}  // namespace ops
}  // namespace mote
