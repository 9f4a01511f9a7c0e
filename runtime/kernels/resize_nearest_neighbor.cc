// RESIZE_NEAREST_NEIGHBOR: float32, int8, int16 (NHWC, rank 4). Inputs: the image and a constant
// int32 size tensor [new_height, new_width] (TFLM also requires it constant). Options:
// align_corners, half_pixel_centers. Values are copied, so quantized tensors keep their bytes
// (TFLM does not compare input and output quantization either).
#include <cstring>

#include "kernels/kernel_util.h"
#include "kernels/ref/resize_nearest_neighbor.h"
#include "kernels/resize_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

struct ResizeNearestData {
  ref::ResizeNearestGeometry geometry;
  uint32_t element_bytes = 0;
};

Status prepare(PrepareContext& ctx) {
  namespace r = schema::resize_nearest_neighbor_options;
  int32_t new_size[2] = {};
  MOTE_TRY(kernels::prepare_resize(ctx, new_size));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);

  auto* data = ctx.allocate<ResizeNearestData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::ResizeNearestGeometry& g = data->geometry;
  g.batches = input.shape.dims[0];
  g.input_height = input.shape.dims[1];
  g.input_width = input.shape.dims[2];
  g.depth = input.shape.dims[3];
  g.output_height = new_size[0];
  g.output_width = new_size[1];
  g.align_corners = ctx.option<uint8_t>(r::kAlignCorners, 0) != 0;
  g.half_pixel_centers = ctx.option<uint8_t>(r::kHalfPixelCenters, 0) != 0;
  if (g.output_height < 0 || g.output_width < 0) {
    return ctx.fail(Status::kInvalidModel, "size [{}, {}] is negative", g.output_height,
                    g.output_width);
  }
  const Shape& out = output.shape;
  if (out.rank != 4 || out.dims[0] != g.batches || out.dims[1] != g.output_height ||
      out.dims[2] != g.output_width || out.dims[3] != g.depth) {
    return ctx.fail(Status::kInvalidModel,
                    "output tensor {} has rank {} and {} elements; expected shape [{}, {}, {}, {}]",
                    output.index, out.rank, out.num_elements(), g.batches, g.output_height,
                    g.output_width, g.depth);
  }
  // An empty input axis has no pixel to copy (TFLite would read before the input).
  if ((g.input_height == 0 && g.output_height > 0) || (g.input_width == 0 && g.output_width > 0)) {
    return ctx.fail(Status::kInvalidModel, "cannot resize an empty {}x{} input to {}x{}",
                    g.input_height, g.input_width, g.output_height, g.output_width);
  }
  data->element_bytes = static_cast<uint32_t>(type_size(input.type));
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ResizeNearestData>();
  ref::resize_nearest_neighbor(data.geometry, data.element_bytes, ctx.input<uint8_t>(0),
                               ctx.output<uint8_t>(0));
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kResizeNearestNeighbor = {
    static_cast<int32_t>(schema::BuiltinOp::kResizeNearestNeighbor), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kResizeNearestNeighbor),   prepare, eval};
}  // namespace ops
}  // namespace mote
