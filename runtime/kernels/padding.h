// Output sizes and padding for windowed ops (CONV_2D, DEPTHWISE_CONV_2D, pooling,
// TRANSPOSE_CONV), as TFLite computes them (kernels/padding.h): SAME pads so that
// out = ceil(in / stride), VALID does not pad; an odd total padding puts the extra row or column
// at the bottom/right (the `offset`).
#pragma once

#include <cstdint>

#include "mote/tflite_schema.h"

namespace mote {
namespace kernels {

struct PaddingValues {
  int32_t width = 0;
  int32_t height = 0;
  int32_t width_offset = 0;  // 1 when the total horizontal padding is odd
  int32_t height_offset = 0;
};

// Output size along one axis; 0 or less means the window does not fit (VALID) or stride is 0.
inline int32_t compute_out_size(schema::Padding padding, int32_t image_size, int32_t filter_size,
                                int32_t stride, int32_t dilation = 1) {
  const int64_t effective_filter = (static_cast<int64_t>(filter_size) - 1) * dilation + 1;
  if (stride <= 0) return 0;
  switch (padding) {
    case schema::Padding::kSame:
      return static_cast<int32_t>((static_cast<int64_t>(image_size) + stride - 1) / stride);
    case schema::Padding::kValid:
      return static_cast<int32_t>((image_size + stride - effective_filter) / stride);
  }
  return 0;
}

inline int32_t compute_padding_with_offset(int32_t stride, int32_t dilation, int32_t in_size,
                                           int32_t filter_size, int32_t out_size, int32_t* offset) {
  const int64_t effective_filter = (static_cast<int64_t>(filter_size) - 1) * dilation + 1;
  int64_t total = (static_cast<int64_t>(out_size) - 1) * stride + effective_filter - in_size;
  total = total > 0 ? total : 0;
  *offset = static_cast<int32_t>(total % 2);
  return static_cast<int32_t>(total / 2);
}

// TFLite's ComputePaddingHeightWidth: output size and padding for both axes.
inline PaddingValues compute_padding_height_width(int32_t stride_height, int32_t stride_width,
                                                  int32_t dilation_height, int32_t dilation_width,
                                                  int32_t in_height, int32_t in_width,
                                                  int32_t filter_height, int32_t filter_width,
                                                  schema::Padding padding, int32_t* out_height,
                                                  int32_t* out_width) {
  *out_width = compute_out_size(padding, in_width, filter_width, stride_width, dilation_width);
  *out_height = compute_out_size(padding, in_height, filter_height, stride_height, dilation_height);
  PaddingValues values;
  values.height = compute_padding_with_offset(stride_height, dilation_height, in_height,
                                              filter_height, *out_height, &values.height_offset);
  values.width = compute_padding_with_offset(stride_width, dilation_width, in_width, filter_width,
                                             *out_width, &values.width_offset);
  return values;
}

}  // namespace kernels
}  // namespace mote
