#include "kernels/binary_elementwise.h"

#include "mote/format.h"

namespace mote {
namespace kernels {

Status prepare_broadcast_binary(const PrepareContext& ctx, int32_t max_broadcast_rank,
                                ref::BroadcastGeometry* geometry) {
  MOTE_TRY(ctx.expect_counts(2, 2, 1));
  const TensorDesc input1 = ctx.input(0);
  const TensorDesc input2 = ctx.input(1);
  const TensorDesc output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(input1, input2));
  MOTE_TRY(ctx.expect_same_type(input1, output));
  Shape broadcast;
  if (!ref::make_broadcast_geometry(input1.shape, input2.shape, &broadcast, geometry)) {
    return ctx.fail(Status::kInvalidModel, "input shapes {} and {} do not broadcast",
                    ShapeText(input1.shape).c_str(), ShapeText(input2.shape).c_str());
  }
  if (input1.shape != input2.shape &&
      (input1.shape.rank > max_broadcast_rank || input2.shape.rank > max_broadcast_rank)) {
    return ctx.fail(Status::kUnsupported, "broadcasting {} against {} needs rank <= {}",
                    ShapeText(input1.shape).c_str(), ShapeText(input2.shape).c_str(),
                    max_broadcast_rank);
  }
  // TFLM writes the broadcast shape's elements into the output whatever its declared shape;
  // anything but that shape would be written out of bounds or left partly unwritten.
  if (!ref::same_extended_shape(output.shape, broadcast)) {
    return ctx.fail(Status::kInvalidModel, "output shape {} is not the broadcast shape {}",
                    ShapeText(output.shape).c_str(), ShapeText(broadcast).c_str());
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
