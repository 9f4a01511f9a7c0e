// Reference RESIZE_BILINEAR, bit-exact with TFLM's (micro/kernels/internal/reference/
// resize_bilinear.h, TFLite's reference_ops with the same code):
//
// float: each output pixel (y, x) samples the input at (y * height_scale, x * width_scale) (with
//   half_pixel_centers: (y + 0.5) * scale - 0.5), all in float; the four neighbours are
//   y0 = max(floor(iy), 0), y1 = min(ceil(iy), height - 1) (and likewise in x), weighted by
//   (1 - (iy - y0)) and (iy - y0). The four products are summed in TFLite's order, then + 0.0f.
//   scale = input_size / float(output_size), or (input_size - 1) / float(output_size - 1) with
//   align_corners and an output larger than 1.
// int8/int16 (ResizeBilinearInteger, TFLM's int8 path and TFLite's int16 one): the same in
//   fixed point with 10 fractional bits: scale_10 = (1024 * input_size + output_size / 2) /
//   output_size (align_corners: sizes minus one), position = value * scale_10 (half pixel:
//   + scale_10 / 2 - 512), y0 = max(position / 1024, 0), y1 = min((position + 1023) / 1024,
//   height - 1), all truncating int32 divisions; the weighted sum has 20 fractional bits and is
//   rounded half away from zero (TFLM's default double rounding build: +-2^19, then a truncating
//   division by 2^20).
//
// Layout NHWC. Preconditions (checked by the kernel's Prepare): input height and width >= 1,
// output height and width >= 1, not both align_corners and half_pixel_centers, and for the
// integer versions resize_bilinear_fits_int32() for both axes.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct ResizeBilinearGeometry {
  int32_t batches = 0;
  int32_t input_height = 0;
  int32_t input_width = 0;
  int32_t depth = 0;
  int32_t output_height = 0;
  int32_t output_width = 0;
  bool align_corners = false;
  bool half_pixel_centers = false;
};

// True when the integer versions' int32 arithmetic (scale_10 and every sample position) cannot
// overflow for this axis.
bool resize_bilinear_fits_int32(int32_t input_size, int32_t output_size, bool align_corners);

void resize_bilinear_f32(const ResizeBilinearGeometry& g, const float* input, float* output);
void resize_bilinear_s8(const ResizeBilinearGeometry& g, const int8_t* input, int8_t* output);
void resize_bilinear_s16(const ResizeBilinearGeometry& g, const int16_t* input, int16_t* output);

}  // namespace ref
}  // namespace mote
