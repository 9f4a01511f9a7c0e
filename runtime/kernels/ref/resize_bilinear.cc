#include "kernels/ref/resize_bilinear.h"

#include <cmath>
#include <cstddef>
#include <limits>

namespace mote {
namespace ref {
namespace {

constexpr int32_t kOne = 1 << 10;  // 1.0 in the integer version's 10 fractional bits

struct Sample {
  float position = 0.0f;
  int32_t low = 0;
  int32_t high = 0;
};

float float_scale(int32_t input_size, int32_t output_size, bool align_corners) {
  // TFLite divides a float by the int size, which converts to float first.
  if (align_corners && output_size > 1) {
    return static_cast<float>(input_size - 1) / static_cast<float>(output_size - 1);
  }
  return static_cast<float>(input_size) / static_cast<float>(output_size);
}

// ComputeInterpolationValues.
Sample float_sample(int32_t index, float scale, bool half_pixel_centers, int32_t input_size) {
  Sample s;
  const float value = static_cast<float>(index);
  s.position = half_pixel_centers ? (value + 0.5f) * scale - 0.5f : value * scale;
  const auto floor_index = static_cast<int32_t>(std::floor(s.position));
  const auto ceil_index = static_cast<int32_t>(std::ceil(s.position));
  s.low = floor_index > 0 ? floor_index : 0;
  s.high = ceil_index < input_size - 1 ? ceil_index : input_size - 1;
  return s;
}

int32_t integer_scale(int32_t input_size, int32_t output_size, bool align_corners) {
  if (align_corners && output_size > 1) {
    return (kOne * (input_size - 1) + (output_size - 1) / 2) / (output_size - 1);
  }
  return (kOne * input_size + output_size / 2) / output_size;
}

struct IntegerSample {
  int32_t position = 0;  // 10 fractional bits
  int32_t low = 0;
  int32_t high = 0;
};

// ComputeInterpolationValuesInteger.
IntegerSample integer_sample(int32_t index, int32_t scale_10, bool half_pixel_centers,
                             int32_t input_size) {
  IntegerSample s;
  s.position = half_pixel_centers ? index * scale_10 + scale_10 / 2 - (1 << 9) : index * scale_10;
  const int32_t low = s.position / kOne;
  const int32_t high = (s.position + kOne - 1) / kOne;
  s.low = low > 0 ? low : 0;
  s.high = high < input_size - 1 ? high : input_size - 1;
  return s;
}

size_t offset(const ResizeBilinearGeometry& g, int32_t b, int32_t y, int32_t x) {
  return ((static_cast<size_t>(b) * static_cast<size_t>(g.input_height) + static_cast<size_t>(y)) *
              static_cast<size_t>(g.input_width) +
          static_cast<size_t>(x)) *
         static_cast<size_t>(g.depth);
}

template <typename T>
void resize_integer(const ResizeBilinearGeometry& g, const T* input, T* output) {
  const int32_t height_scale = integer_scale(g.input_height, g.output_height, g.align_corners);
  const int32_t width_scale = integer_scale(g.input_width, g.output_width, g.align_corners);
  for (int32_t b = 0; b < g.batches; ++b) {
    for (int32_t y = 0; y < g.output_height; ++y) {
      const IntegerSample sy =
          integer_sample(y, height_scale, g.half_pixel_centers, g.input_height);
      const int64_t dy = sy.position - kOne * sy.low;
      for (int32_t x = 0; x < g.output_width; ++x) {
        const IntegerSample sx =
            integer_sample(x, width_scale, g.half_pixel_centers, g.input_width);
        const int64_t dx = sx.position - kOne * sx.low;
        const T* ll = input + offset(g, b, sy.low, sx.low);
        const T* lu = input + offset(g, b, sy.high, sx.low);
        const T* rl = input + offset(g, b, sy.low, sx.high);
        const T* ru = input + offset(g, b, sy.high, sx.high);
        for (int32_t c = 0; c < g.depth; ++c) {
          const int64_t sum = int64_t{ll[c]} * (kOne - dy) * (kOne - dx) +
                              int64_t{lu[c]} * dy * (kOne - dx) +
                              int64_t{rl[c]} * (kOne - dy) * dx + int64_t{ru[c]} * dy * dx;
          const int64_t round = sum > 0 ? (int64_t{1} << 19) : -(int64_t{1} << 19);
          *output++ = static_cast<T>((sum + round) / (int64_t{1} << 20));
        }
      }
    }
  }
}

}  // namespace

bool resize_bilinear_fits_int32(int32_t input_size, int32_t output_size, bool align_corners) {
  constexpr int64_t kMax = std::numeric_limits<int32_t>::max();
  if (input_size < 1 || output_size < 1) return false;
  const int64_t in = align_corners && output_size > 1 ? input_size - 1 : input_size;
  const int64_t out = align_corners && output_size > 1 ? output_size - 1 : output_size;
  if (kOne * in + out / 2 > kMax) return false;
  const int64_t scale = (kOne * in + out / 2) / out;
  // The largest position (the last index, with the half-pixel shift) plus the ceiling's 1023.
  return int64_t{output_size - 1} * scale + scale / 2 + (kOne - 1) <= kMax;
}

void resize_bilinear_f32(const ResizeBilinearGeometry& g, const float* input, float* output) {
  const float height_scale = float_scale(g.input_height, g.output_height, g.align_corners);
  const float width_scale = float_scale(g.input_width, g.output_width, g.align_corners);
  for (int32_t b = 0; b < g.batches; ++b) {
    for (int32_t y = 0; y < g.output_height; ++y) {
      const Sample sy = float_sample(y, height_scale, g.half_pixel_centers, g.input_height);
      // TFLite's (input_y - y0): float minus the int converted to float.
      const float dy = sy.position - static_cast<float>(sy.low);
      for (int32_t x = 0; x < g.output_width; ++x) {
        const Sample sx = float_sample(x, width_scale, g.half_pixel_centers, g.input_width);
        const float dx = sx.position - static_cast<float>(sx.low);
        const float* ll = input + offset(g, b, sy.low, sx.low);
        const float* lu = input + offset(g, b, sy.high, sx.low);
        const float* rl = input + offset(g, b, sy.low, sx.high);
        const float* ru = input + offset(g, b, sy.high, sx.high);
        for (int32_t c = 0; c < g.depth; ++c) {
          // Left to right as TFLite writes it; the trailing + 0.0f is TFLite's rounding offset
          // for float (it turns a -0.0f sum into +0.0f).
          *output++ = ll[c] * (1 - dy) * (1 - dx) + lu[c] * dy * (1 - dx) + rl[c] * (1 - dy) * dx +
                      ru[c] * dy * dx + 0.0f;
        }
      }
    }
  }
}

void resize_bilinear_s8(const ResizeBilinearGeometry& g, const int8_t* input, int8_t* output) {
  resize_integer(g, input, output);
}

void resize_bilinear_s16(const ResizeBilinearGeometry& g, const int16_t* input, int16_t* output) {
  resize_integer(g, input, output);
}

}  // namespace ref
}  // namespace mote
