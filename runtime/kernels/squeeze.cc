// SQUEEZE: any fixed-size element type (TFLM copies bytes for every type but string). One input,
// one output of the same type; option squeeze_dims (axes of size 1 to remove, negative counted
// from the end; empty removes every axis of size 1). The data is copied unchanged.
#include <cstring>

#include "kernels/kernel_util.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct SqueezeData {
  uint32_t bytes = 0;
};

Status prepare(PrepareContext& ctx) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(input, output));
  if (type_size(input.type) == 0) return ctx.unsupported_type(input, "input");

  const int32_t rank = input.shape.rank;
  bool squeeze[kMaxRank] = {};
  fb::Vector dims;
  const fb::FieldState state =
      ctx.options().valid()
          ? ctx.options().vector(schema::squeeze_options::kSqueezeDims, sizeof(int32_t), &dims)
          : fb::FieldState::kAbsent;
  if (state == fb::FieldState::kBad) {
    return ctx.fail(Status::kInvalidModel, "squeeze_dims option is malformed");
  }
  if (state != fb::FieldState::kPresent || dims.length() == 0) {
    for (int32_t d = 0; d < rank; ++d) squeeze[d] = input.shape.dims[d] == 1;
  } else {
    for (uint32_t i = 0; i < dims.length(); ++i) {
      const int32_t given = dims.at<int32_t>(i);
      const int32_t axis = given < 0 ? given + rank : given;
      if (axis < 0 || axis >= rank) {
        return ctx.fail(Status::kInvalidModel, "squeeze_dims entry {} is out of range for rank {}",
                        given, rank);
      }
      if (input.shape.dims[axis] != 1) {
        return ctx.fail(Status::kInvalidModel,
                        "squeeze_dims entry {}: input dimension {} has size {}, not 1", given, axis,
                        input.shape.dims[axis]);
      }
      squeeze[axis] = true;
    }
  }
  Shape expected;
  for (int32_t d = 0; d < rank; ++d) {
    if (!squeeze[d]) expected.dims[expected.rank++] = input.shape.dims[d];
  }
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));

  auto* data = ctx.allocate<SqueezeData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  data->bytes = input.byte_size();
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<SqueezeData>();
  const void* in = ctx.input_data(0);
  void* out = ctx.output_data(0);
  if (data.bytes > 0 && in != out) std::memcpy(out, in, data.bytes);
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kSqueeze = {static_cast<int32_t>(schema::BuiltinOp::kSqueeze), nullptr, 2,
                               static_cast<uint8_t>(schema::Options::kSqueeze),   prepare, eval};
}  // namespace ops
}  // namespace mote
