#include "kernels/opt/pooling_opt.h"

#include "kernels/opt/requant.h"
#include "kernels/primitives/primitives.h"

namespace mote {
namespace opt {
namespace {

// TFLite's clipped window along one axis, [start, end) in filter coordinates, and the first
// input index it covers. Formed in int64 as the reference does: extreme filter sizes put
// input - origin past INT32_MAX. Prepare guarantees that every window overlaps the input.
struct Window {
  int32_t start;
  int32_t end;
  int32_t first;
};

Window clip(int32_t out_index, int32_t stride, int32_t padding, int32_t filter,
            int32_t input_size) {
  const int64_t origin = static_cast<int64_t>(out_index) * stride - padding;
  const int64_t start = origin < 0 ? -origin : 0;
  const int64_t limit = static_cast<int64_t>(input_size) - origin;
  const int64_t end = limit < filter ? limit : filter;
  return {static_cast<int32_t>(start), static_cast<int32_t>(end > start ? end : start),
          static_cast<int32_t>(origin + start)};
}

// Walks the output positions, calling pixel(in, out, rows, cols) with the first input value of
// the clipped window and the output pixel; the window is rows x cols input pixels.
template <typename PixelFn>
void for_each_window(const ref::PoolGeometry& g, const int8_t* input, int8_t* output,
                     PixelFn pixel) {
  const ptrdiff_t row_stride = static_cast<ptrdiff_t>(g.input_width) * g.depth;
  const ptrdiff_t batch_stride = row_stride * g.input_height;
  int8_t* out = output;
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in_b = input + b * batch_stride;
    for (int32_t out_y = 0; out_y < g.output_height; ++out_y) {
      const Window wy =
          clip(out_y, g.stride_height, g.padding_height, g.filter_height, g.input_height);
      for (int32_t out_x = 0; out_x < g.output_width; ++out_x, out += g.depth) {
        const Window wx =
            clip(out_x, g.stride_width, g.padding_width, g.filter_width, g.input_width);
        pixel(in_b + wy.first * row_stride + static_cast<ptrdiff_t>(wx.first) * g.depth, out,
              wy.end - wy.start, wx.end - wx.start, row_stride);
      }
    }
  }
}

// TFLite's rounded average: ties away from zero, truncating division.
inline int32_t rounded_average(int32_t sum, int32_t count) {
  return sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
}

}  // namespace

bool can_use_average_pool_channels4(const ref::PoolGeometry& g) {
  const int64_t rows = g.filter_height < g.input_height ? g.filter_height : g.input_height;
  const int64_t cols = g.filter_width < g.input_width ? g.filter_width : g.input_width;
  return rows * cols <= prim::kSum4MaxTerms;
}

PoolS8Variant select_average_pool_s8(const ref::PoolGeometry& g) {
  return can_use_average_pool_channels4(g) ? PoolS8Variant::kChannels4 : PoolS8Variant::kReference;
}

PoolS8Variant select_max_pool_s8(const ref::PoolGeometry& /*g*/) {
  return PoolS8Variant::kChannels4;
}

void average_pool_s8(PoolS8Variant variant, const ref::PoolGeometry& g, int32_t activation_min,
                     int32_t activation_max, const int8_t* input, int8_t* output) {
  if (variant == PoolS8Variant::kChannels4) {
    average_pool_s8_channels4(g, activation_min, activation_max, input, output);
    return;
  }
  ref::average_pool_s8(g, activation_min, activation_max, input, output);
}

void max_pool_s8(PoolS8Variant variant, const ref::PoolGeometry& g, int32_t activation_min,
                 int32_t activation_max, const int8_t* input, int8_t* output) {
  if (variant == PoolS8Variant::kChannels4) {
    max_pool_s8_channels4(g, activation_min, activation_max, input, output);
    return;
  }
  ref::max_pool_s8(g, activation_min, activation_max, input, output);
}

void average_pool_s8_channels4(const ref::PoolGeometry& g, int32_t activation_min,
                               int32_t activation_max, const int8_t* input, int8_t* output) {
  const int32_t depth = g.depth;
  for_each_window(
      g, input, output,
      [=](const int8_t* in, int8_t* out, int32_t rows, int32_t cols, ptrdiff_t row_stride) {
        const int32_t count = rows * cols;
        int32_t c = 0;
        for (; c + 4 <= depth; c += 4) {
          prim::Sum4 sum;
          const int8_t* in_y = in + c;
          for (int32_t y = 0; y < rows; ++y, in_y += row_stride) {
            const int8_t* in_x = in_y;
            for (int32_t x = 0; x < cols; ++x, in_x += depth) prim::sum4_add(&sum, in_x);
          }
          int32_t sums[4];
          prim::sum4_get(sum, sums);
          for (int32_t i = 0; i < 4; ++i) {
            int32_t v = rounded_average(sums[i], count);
            v = v < activation_min ? activation_min : v;
            out[c + i] = static_cast<int8_t>(v > activation_max ? activation_max : v);
          }
        }
        for (; c < depth; ++c) {
          int32_t sum = 0;
          const int8_t* in_y = in + c;
          for (int32_t y = 0; y < rows; ++y, in_y += row_stride) {
            for (int32_t x = 0; x < cols; ++x) sum += in_y[x * depth];
          }
          int32_t v = rounded_average(sum, count);
          v = v < activation_min ? activation_min : v;
          out[c] = static_cast<int8_t>(v > activation_max ? activation_max : v);
        }
      });
}

void max_pool_s8_channels4(const ref::PoolGeometry& g, int32_t activation_min,
                           int32_t activation_max, const int8_t* input, int8_t* output) {
  const int32_t depth = g.depth;
  for_each_window(
      g, input, output,
      [=](const int8_t* in, int8_t* out, int32_t rows, int32_t cols, ptrdiff_t row_stride) {
        int32_t c = 0;
        for (; c + 4 <= depth; c += 4) {
          prim::Max4 m = prim::max4_init();
          const int8_t* in_y = in + c;
          for (int32_t y = 0; y < rows; ++y, in_y += row_stride) {
            const int8_t* in_x = in_y;
            for (int32_t x = 0; x < cols; ++x, in_x += depth) m = prim::max4_add(m, in_x);
          }
          prim::max4_store(m, out + c);
        }
        for (; c < depth; ++c) {
          int32_t m = -128;
          const int8_t* in_y = in + c;
          for (int32_t y = 0; y < rows; ++y, in_y += row_stride) {
            for (int32_t x = 0; x < cols; ++x) m = in_y[x * depth] > m ? in_y[x * depth] : m;
          }
          out[c] = static_cast<int8_t>(m);
        }
      });
  if (needs_clamp(activation_min, activation_max)) {
    const size_t n = static_cast<size_t>(g.batches) * g.output_height * g.output_width * depth;
    prim::clamp_s8(output, n, activation_min, activation_max);
  }
}

}  // namespace opt
}  // namespace mote
