// Reading tensor values as real numbers, for tools that print or compare outputs.
#pragma once

#include <cstddef>

#include "mote/interpreter.h"

namespace mote::tools {

// Element i of `t` as a real number: float as is, a quantized integer dequantized with the
// tensor's scale and zero point (when it has a scale), other integers and bool as their value.
// 0 for types without a numeric reading (strings, complex).
double element_as_real(const TensorHandle& t, size_t i);

}  // namespace mote::tools
