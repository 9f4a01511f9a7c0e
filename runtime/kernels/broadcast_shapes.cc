#include "kernels/broadcast_shapes.h"

#include "kernels/kernel_util.h"

namespace mote {
namespace kernels {

Status prepare_broadcast_shapes(const PrepareContext& ctx, const TensorDesc& input1,
                                const TensorDesc& input2, const TensorDesc& output,
                                ref::BroadcastGeometry* geometry) {
  Shape broadcast;
  if (!ref::make_broadcast_geometry(input1.shape, input2.shape, &broadcast, geometry)) {
    return ctx.fail(Status::kInvalidModel, "input shapes {} and {} do not broadcast",
                    ShapeText(input1.shape).c_str(), ShapeText(input2.shape).c_str());
  }
  // Eval writes exactly the broadcast shape's elements.
  if (!ref::same_extended_shape(output.shape, broadcast)) {
    return ctx.fail(Status::kInvalidModel, "output shape {} is not the broadcast shape {}",
                    ShapeText(output.shape).c_str(), ShapeText(broadcast).c_str());
  }
  return Status::kOk;
}

}  // namespace kernels
}  // namespace mote
