// Reference ARG_MAX and ARG_MIN, bit-exact with TFLite's reference_ops::ArgMinMax as TFLM calls
// it (with GreaterFn / LessFn, a plain `>` / `<`): along the axis the first largest (smallest)
// value wins; a NaN never replaces the running best, and a NaN in first position is never
// replaced (its index, 0, is returned).
//
// The input is viewed as [outer, axis_size, inner]; the output, [outer, inner], holds indices
// into the axis. An empty axis (axis_size 0) gives index 0 without reading the input.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

struct ArgMaxGeometry {
  int64_t outer = 1;      // product of the dimensions before the axis
  int32_t axis_size = 0;  // the reduced dimension
  int64_t inner = 1;      // product of the dimensions after the axis
};

// better(value, best) is true when `value` should replace the running `best`.
template <typename T, typename Index, typename Better>
void arg_min_max(const ArgMaxGeometry& g, const T* input, Index* output, Better better) {
  for (int64_t o = 0; o < g.outer; ++o) {
    const T* slice = input + o * g.axis_size * g.inner;
    for (int64_t i = 0; i < g.inner; ++i) {
      Index best_index = 0;
      if (g.axis_size > 0) {
        T best = slice[i];
        for (int32_t a = 1; a < g.axis_size; ++a) {
          const T value = slice[a * g.inner + i];
          if (better(value, best)) {
            best = value;
            best_index = static_cast<Index>(a);
          }
        }
      }
      *output++ = best_index;
    }
  }
}

// T: float, int8_t, int16_t, int32_t. Index: int32_t or int64_t.
template <typename T, typename Index>
void arg_max(const ArgMaxGeometry& g, const T* input, Index* output) {
  arg_min_max(g, input, output, [](T value, T best) { return value > best; });
}

template <typename T, typename Index>
void arg_min(const ArgMaxGeometry& g, const T* input, Index* output) {
  arg_min_max(g, input, output, [](T value, T best) { return value < best; });
}

}  // namespace ref
}  // namespace mote
