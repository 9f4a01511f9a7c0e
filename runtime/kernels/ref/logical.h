// Reference LOGICAL_AND, LOGICAL_OR (with broadcasting) and LOGICAL_NOT, as TFLM (logical.cc,
// elementwise.cc). Bool tensors are read as bytes, any non-zero byte being true, so that no byte
// pattern is undefined behaviour; outputs are 0 or 1.
#pragma once

#include <cstdint>

#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

enum class Logical : uint8_t { kAnd, kOr, kNot };

// op is kAnd or kOr.
inline void logical_binary(Logical op, const BroadcastGeometry& g, const uint8_t* input1,
                           const uint8_t* input2, bool* output) {
  if (op == Logical::kAnd) {
    broadcast_binary(g, input1, input2, output,
                     [](uint8_t a, uint8_t b) { return a != 0 && b != 0; });
  } else {
    broadcast_binary(g, input1, input2, output,
                     [](uint8_t a, uint8_t b) { return a != 0 || b != 0; });
  }
}

inline void logical_not(int64_t count, const uint8_t* input, bool* output) {
  for (int64_t i = 0; i < count; ++i) output[i] = input[i] == 0;
}

}  // namespace ref
}  // namespace mote
