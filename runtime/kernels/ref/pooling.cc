#include "kernels/ref/pooling.h"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace mote {
namespace ref {
namespace {

// The clipped filter window of one output position, in filter coordinates [start, end).
struct WindowRange {
  int32_t start = 0;
  int32_t end = 0;
};

// TFLite clips the window with max(0, -origin) and min(filter, input - origin). The origin is
// formed in 64 bits: a filter wider than the input (SAME padding) puts input - origin past
// INT32_MAX for extreme option values, where TFLite's int arithmetic would overflow.
WindowRange clip_window(int32_t out_index, int32_t stride, int32_t padding, int32_t filter,
                        int32_t input_size) {
  const int64_t origin = static_cast<int64_t>(out_index) * stride - padding;
  const int64_t start = origin < 0 ? -origin : 0;
  const int64_t limit = static_cast<int64_t>(input_size) - origin;
  const int64_t end = limit < filter ? limit : filter;
  return {static_cast<int32_t>(start), static_cast<int32_t>(end > start ? end : start)};
}

// Walks every output position (batch, y, x, channel, in memory order) and folds the input values
// of its window, row by row, with `reducer`: Acc init(), Acc add(Acc, T), T finish(Acc, count).
template <typename T, typename Reducer>
void pool(const PoolGeometry& g, const Reducer& reducer, const T* input, T* output) {
  const ptrdiff_t row_stride = static_cast<ptrdiff_t>(g.input_width) * g.depth;
  const ptrdiff_t batch_stride = row_stride * g.input_height;
  for (int32_t b = 0; b < g.batches; ++b) {
    const T* batch_in = input + batch_stride * b;
    for (int32_t out_y = 0; out_y < g.output_height; ++out_y) {
      const WindowRange wy =
          clip_window(out_y, g.stride_height, g.padding_height, g.filter_height, g.input_height);
      const ptrdiff_t in_y0 = static_cast<ptrdiff_t>(out_y) * g.stride_height - g.padding_height;
      for (int32_t out_x = 0; out_x < g.output_width; ++out_x) {
        const WindowRange wx =
            clip_window(out_x, g.stride_width, g.padding_width, g.filter_width, g.input_width);
        const ptrdiff_t in_x0 = static_cast<ptrdiff_t>(out_x) * g.stride_width - g.padding_width;
        const int64_t count = static_cast<int64_t>(wy.end - wy.start) * (wx.end - wx.start);
        for (int32_t c = 0; c < g.depth; ++c) {
          auto acc = reducer.init();
          for (int32_t fy = wy.start; fy < wy.end; ++fy) {
            const T* row = batch_in + (in_y0 + fy) * row_stride + c;
            for (int32_t fx = wx.start; fx < wx.end; ++fx) {
              acc = reducer.add(acc, row[(in_x0 + fx) * g.depth]);
            }
          }
          *output++ = reducer.finish(acc, count);
        }
      }
    }
  }
}

// TFLite's ActivationFunctionWithMinMax: min(max(x, lo), hi) with std::max/std::min, so a NaN
// average passes through unclamped.
float clamp_f32(float x, float lo, float hi) {
  const float y = x < lo ? lo : x;
  return hi < y ? hi : y;
}

struct AverageF32 {
  float activation_min;
  float activation_max;
  float init() const { return 0.0f; }
  float add(float acc, float v) const { return acc + v; }
  float finish(float acc, int64_t count) const {
    // TFLite counts the window in a float (filter_count++), which stops growing at 2^24; below
    // that the count is exact.
    constexpr int64_t kFloatCountLimit = int64_t{1} << 24;
    const float filter_count =
        static_cast<float>(count < kFloatCountLimit ? count : kFloatCountLimit);
    return clamp_f32(acc / filter_count, activation_min, activation_max);
  }
};

struct MaxF32 {
  float activation_min;
  float activation_max;
  float init() const { return std::numeric_limits<float>::lowest(); }
  // std::max(acc, v): a NaN input never replaces the running maximum.
  float add(float acc, float v) const { return acc < v ? v : acc; }
  float finish(float acc, int64_t) const { return clamp_f32(acc, activation_min, activation_max); }
};

// Acc is int32 (TFLite's accumulator) when the largest window cannot overflow it, else int64,
// which gives the same result wherever TFLite's int32 sum is defined.
template <typename T, typename Acc>
struct AverageInt {
  int32_t activation_min;
  int32_t activation_max;
  Acc init() const { return 0; }
  Acc add(Acc acc, T v) const { return acc + v; }
  T finish(Acc acc, int64_t count) const {
    // Round to nearest, ties away from zero, with truncating division (TFLite's expression).
    // Prepare guarantees non-empty windows; the guard only keeps the division defined.
    const Acc n = count > 0 ? static_cast<Acc>(count) : 1;
    Acc v = acc > 0 ? (acc + n / 2) / n : (acc - n / 2) / n;
    v = v < activation_min ? activation_min : v;
    v = v > activation_max ? activation_max : v;
    return static_cast<T>(v);
  }
};

template <typename T>
struct MaxInt {
  int32_t activation_min;
  int32_t activation_max;
  T init() const { return std::numeric_limits<T>::lowest(); }
  T add(T acc, T v) const { return acc < v ? v : acc; }
  T finish(T acc, int64_t) const {
    int32_t v = acc < activation_min ? activation_min : acc;
    v = v > activation_max ? activation_max : v;
    return static_cast<T>(v);
  }
};

template <typename T>
void average_pool_int(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                      const T* input, T* output) {
  // Largest window actually summed, and whether |sum| + count / 2 stays below 2^31 for it.
  const int64_t rows = g.filter_height < g.input_height ? g.filter_height : g.input_height;
  const int64_t cols = g.filter_width < g.input_width ? g.filter_width : g.input_width;
  const int64_t max_count = rows * cols;
  constexpr int64_t kMaxMagnitude = int64_t{1} << (sizeof(T) * 8 - 1);
  if (max_count * kMaxMagnitude + max_count / 2 < (int64_t{1} << 31)) {
    pool(g, AverageInt<T, int32_t>{activation_min, activation_max}, input, output);
  } else {
    pool(g, AverageInt<T, int64_t>{activation_min, activation_max}, input, output);
  }
}

}  // namespace

void average_pool_f32(const PoolGeometry& g, float activation_min, float activation_max,
                      const float* input, float* output) {
  pool(g, AverageF32{activation_min, activation_max}, input, output);
}

void average_pool_s8(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                     const int8_t* input, int8_t* output) {
  average_pool_int(g, activation_min, activation_max, input, output);
}

void average_pool_s16(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                      const int16_t* input, int16_t* output) {
  average_pool_int(g, activation_min, activation_max, input, output);
}

void max_pool_f32(const PoolGeometry& g, float activation_min, float activation_max,
                  const float* input, float* output) {
  pool(g, MaxF32{activation_min, activation_max}, input, output);
}

void max_pool_s8(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                 const int8_t* input, int8_t* output) {
  pool(g, MaxInt<int8_t>{activation_min, activation_max}, input, output);
}

void max_pool_s16(const PoolGeometry& g, int32_t activation_min, int32_t activation_max,
                  const int16_t* input, int16_t* output) {
  pool(g, MaxInt<int16_t>{activation_min, activation_max}, input, output);
}

}  // namespace ref
}  // namespace mote
