// RESIZE_BILINEAR: float32 and int8 (TFLM's set), and int16 (TFLite's, which runs the same
// integer code as int8). Inputs: the NHWC image and a constant int32 size tensor [new_height,
// new_width] (TFLM also requires it constant). Options: align_corners, half_pixel_centers (not
// both, as TFLM requires). Output [N, new_height, new_width, C] of the input's type. Quantized
// values are interpolated as integers, without requantization (TFLM does not compare input and
// output quantization either).
#include <cstring>

#include "kernels/kernel_util.h"
#include "kernels/ref/resize_bilinear.h"
#include "kernels/resize_common.h"
#include "mote/ops.h"

namespace mote {
namespace {

// ResizeBilinearOptions field ids (schema.fbs: new_height and new_width, both deprecated, come
// first); not in tflite_schema.h.
constexpr uint16_t kAlignCornersField = 2;
constexpr uint16_t kHalfPixelCentersField = 3;

struct ResizeBilinearData {
  ref::ResizeBilinearGeometry geometry;
  TensorType type = TensorType::kFloat32;
};

Status prepare(PrepareContext& ctx) {
  int32_t new_size[2] = {};
  MOTE_TRY(kernels::prepare_resize(ctx, new_size));
  const TensorDesc input = ctx.input(0);
  const TensorDesc output = ctx.output(0);

  auto* data = ctx.allocate<ResizeBilinearData>();
  if (data == nullptr) return Status::kArenaTooSmall;
  ref::ResizeBilinearGeometry& g = data->geometry;
  g.batches = input.shape.dims[0];
  g.input_height = input.shape.dims[1];
  g.input_width = input.shape.dims[2];
  g.depth = input.shape.dims[3];
  g.output_height = new_size[0];
  g.output_width = new_size[1];
  g.align_corners = ctx.option<uint8_t>(kAlignCornersField, 0) != 0;
  g.half_pixel_centers = ctx.option<uint8_t>(kHalfPixelCentersField, 0) != 0;
  if (g.align_corners && g.half_pixel_centers) {
    return ctx.fail(Status::kInvalidModel,
                    "align_corners and half_pixel_centers cannot both be set");
  }
  // The integer version divides by the output size; an empty output has nothing to compute.
  if (g.output_height < 1 || g.output_width < 1) {
    return ctx.fail(Status::kInvalidModel, "size [{}, {}] is not positive", g.output_height,
                    g.output_width);
  }
  Shape expected = input.shape;
  expected.dims[1] = g.output_height;
  expected.dims[2] = g.output_width;
  MOTE_TRY(kernels::expect_shape(ctx, output, expected));
  // Every output pixel interpolates input pixels; an empty input has none (TFLite would read
  // before it).
  if ((g.input_height == 0 || g.input_width == 0) && output.shape.num_elements() > 0) {
    return ctx.fail(Status::kInvalidModel, "cannot resize an empty {}x{} input", g.input_height,
                    g.input_width);
  }
  if (input.type != TensorType::kFloat32 && output.shape.num_elements() > 0 &&
      (!ref::resize_bilinear_fits_int32(g.input_height, g.output_height, g.align_corners) ||
       !ref::resize_bilinear_fits_int32(g.input_width, g.output_width, g.align_corners))) {
    return ctx.fail(Status::kUnsupported,
                    "resizing {}x{} to {}x{} overflows the integer kernel's int32 positions",
                    g.input_height, g.input_width, g.output_height, g.output_width);
  }
  data->type = input.type;
  ctx.set_op_data(data);
  return Status::kOk;
}

Status eval(EvalContext& ctx) {
  const auto& data = ctx.op_data<ResizeBilinearData>();
  switch (data.type) {
    case TensorType::kFloat32:
      ref::resize_bilinear_f32(data.geometry, ctx.input<float>(0), ctx.output<float>(0));
      break;
    case TensorType::kInt8:
      ref::resize_bilinear_s8(data.geometry, ctx.input<int8_t>(0), ctx.output<int8_t>(0));
      break;
    case TensorType::kInt16:
      ref::resize_bilinear_s16(data.geometry, ctx.input<int16_t>(0), ctx.output<int16_t>(0));
      break;
    default:
      return Status::kEvalFailed;
  }
  return Status::kOk;
}

}  // namespace

namespace ops {
constexpr OpKernel kResizeBilinear = {
    static_cast<int32_t>(schema::BuiltinOp::kResizeBilinear), nullptr, 4,
    static_cast<uint8_t>(schema::Options::kResizeBilinear),   prepare, eval};
}  // namespace ops
}  // namespace mote
