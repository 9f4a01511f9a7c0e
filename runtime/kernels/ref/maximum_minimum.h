// Reference MAXIMUM and MINIMUM with broadcasting, bit-exact with TFLM
// (reference_ops::MaximumMinimumBroadcastSlow with TFLM's MaximumOp / MinimumOp).
//
// The raw values are compared: quantized tensors are not rescaled (TFLM assumes the inputs and
// the output share one scale and zero point). For float, maximum is `a > b ? a : b` and minimum
// `a < b ? a : b`, so a NaN in the first input yields the second input and a NaN in the second
// input is returned as is.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

enum class MinMaxKind : uint8_t { kMaximum, kMinimum };

// T = float, int8_t, int16_t, int32_t or int64_t.
template <typename T>
void maximum_minimum(MinMaxKind kind, const BroadcastGeometry& g, const T* input1, const T* input2,
                     T* output) {
  if (kind == MinMaxKind::kMaximum) {
    broadcast_binary(g, input1, input2, output, [](T a, T b) { return a > b ? a : b; });
  } else {
    broadcast_binary(g, input1, input2, output, [](T a, T b) { return a < b ? a : b; });
  }
}

}  // namespace ref
}  // namespace mote
