// Reference EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS and LESS_EQUAL with broadcasting,
// bit-exact with TFLM (comparisons.cc, reference_ops::Comparison* / Broadcast4DSlow*).
//
//  * Unquantized types (bool, float32, int32, int64) compare the raw values with the C++
//    operator, so a float NaN is unequal to everything and neither less nor greater.
//  * int8 / int16 compare the real values without rounding to the same scale: each input is
//    (x - zero_point) << 8, multiplied by its own scale (a Q31 multiplier from
//    QuantizeMultiplierSmallerThanOneExp(scale), so the scale must be below 1), and the two int32
//    results are compared.
//  * Bool tensors are read as bytes, any non-zero byte being true, so that no byte pattern is
//    undefined behaviour; outputs are written as 0 or 1.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

enum class Comparison : uint8_t { kEqual, kNotEqual, kGreater, kGreaterEqual, kLess, kLessEqual };

// TFLite ComparisonParams.
struct ComparisonQuantParams {
  int32_t left_shift = 0;  // 8
  int32_t input1_offset = 0;
  int32_t input1_multiplier = 0;
  int32_t input1_shift = 0;  // <= 0
  int32_t input2_offset = 0;
  int32_t input2_multiplier = 0;
  int32_t input2_shift = 0;  // <= 0
};

// TFLM ComparisonsPrepare for int8/int16. False where TFLite would CHECK-fail: a scale that is not
// in (0, 1) once quantized.
[[nodiscard]] bool prepare_comparison_quantized(float input1_scale, int32_t input1_zero_point,
                                                float input2_scale, int32_t input2_zero_point,
                                                ComparisonQuantParams* params);

// out[i] = map1(in1[...]) OP map2(in2[...]) over the broadcast geometry.
template <typename T, typename Map1, typename Map2>
void compare_mapped(Comparison op, const BroadcastGeometry& g, const T* input1, const T* input2,
                    bool* output, Map1 map1, Map2 map2) {
  switch (op) {
    case Comparison::kEqual:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) == map2(b); });
      break;
    case Comparison::kNotEqual:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) != map2(b); });
      break;
    case Comparison::kGreater:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) > map2(b); });
      break;
    case Comparison::kGreaterEqual:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) >= map2(b); });
      break;
    case Comparison::kLess:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) < map2(b); });
      break;
    case Comparison::kLessEqual:
      broadcast_binary(g, input1, input2, output, [&](T a, T b) { return map1(a) <= map2(b); });
      break;
  }
}

// T = float, int32_t or int64_t.
template <typename T>
void compare(Comparison op, const BroadcastGeometry& g, const T* input1, const T* input2,
             bool* output) {
  const auto identity = [](T x) { return x; };
  compare_mapped(op, g, input1, input2, output, identity, identity);
}

// Bool tensors as bytes.
inline void compare_bool(Comparison op, const BroadcastGeometry& g, const uint8_t* input1,
                         const uint8_t* input2, bool* output) {
  const auto truth = [](uint8_t x) { return x != 0; };
  compare_mapped(op, g, input1, input2, output, truth, truth);
}

// T = int8_t or int16_t.
template <typename T>
void compare_quantized(Comparison op, const ComparisonQuantParams& p, const BroadcastGeometry& g,
                       const T* input1, const T* input2, bool* output) {
  // |x - zero point| <= 65535, so the shift by 8 stays far inside int32.
  const auto rescale1 = [&p](T x) {
    const int32_t shifted = wrapping_shift_left(p.input1_offset + x, p.left_shift);
    return multiply_by_quantized_multiplier_smaller_than_one_exp(shifted, p.input1_multiplier,
                                                                 p.input1_shift);
  };
  const auto rescale2 = [&p](T x) {
    const int32_t shifted = wrapping_shift_left(p.input2_offset + x, p.left_shift);
    return multiply_by_quantized_multiplier_smaller_than_one_exp(shifted, p.input2_multiplier,
                                                                 p.input2_shift);
  };
  compare_mapped(op, g, input1, input2, output, rescale1, rescale2);
}

}  // namespace ref
}  // namespace mote
