#include "kernels/ref/cumsum.h"

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// Calls step(element_offset) along the axis of every (outer, inner) line, in summing order, and
// start() before each line.
template <typename Start, typename Step>
void walk(const CumsumGeometry& g, Start start, Step step) {
  for (int64_t o = 0; o < g.outer; ++o) {
    for (int64_t i = 0; i < g.inner; ++i) {
      start();
      for (int64_t k = 0; k < g.axis_size; ++k) {
        const int64_t a = g.reverse ? g.axis_size - 1 - k : k;
        step((o * g.axis_size + a) * g.inner + i);
      }
    }
  }
}

}  // namespace

void cumsum_f32(const CumsumGeometry& g, const float* input, float* output) {
  float sum = 0.0f;
  walk(
      g, [&sum] { sum = 0.0f; },
      [&](int64_t at) {
        if (g.exclusive) {
          output[at] = sum;
          sum = sum + input[at];
        } else {
          sum = sum + input[at];
          output[at] = sum;
        }
      });
}

void cumsum_s8(const CumsumGeometry& g, const CumsumQuant& q, const int8_t* input, int8_t* output) {
  const auto scale_input = [&q](int32_t y) {
    return multiply_by_quantized_multiplier_smaller_than_one_exp(
        wrapping_shift_left(y, kCumsumLeftShift), q.input_multiplier, q.input_shift);
  };
  const int32_t initial = scale_input(q.input_offset);
  int32_t sum = 0;
  walk(
      g, [&] { sum = initial; },
      [&](int64_t at) {
        const int32_t scaled = scale_input(q.input_offset + input[at]);
        int32_t total = 0;
        if (g.exclusive) {
          total = sum;
          sum = wrapping_add(sum, scaled);
        } else {
          sum = wrapping_add(sum, scaled);
          total = sum;
        }
        // Added in int64 so that no zero point can overflow it; the clamp gives TFLM's result.
        const int64_t raw = int64_t{multiply_by_quantized_multiplier_smaller_than_one_exp(
                                total, q.output_multiplier, q.output_shift)} +
                            q.output_offset;
        output[at] =
            static_cast<int8_t>(clamp_to<int64_t>(raw, q.activation_min, q.activation_max));
      });
}

}  // namespace ref
}  // namespace mote
