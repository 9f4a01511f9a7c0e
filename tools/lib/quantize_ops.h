// How each builtin operator is quantized: which inputs carry real values, which input holds
// weights (and along which dimension they are per-channel), where the bias is, and how the
// output's scale and zero point are chosen. One row per operator, after TFLite's
// tensorflow/lite/tools/optimize/operator_property.cc, with these deliberate differences:
//   - ops that only move data (RESHAPE, SQUEEZE, EXPAND_DIMS, TRANSPOSE, GATHER, ...) always
//     share their input's quantization (TFLite's table forgets EXPAND_DIMS; its kernels copy
//     bytes, so a different output scale would be wrong);
//   - SUB computes its own output range (TFLite's legacy table copies input 0's, which clips
//     whenever the difference exceeds the minuend's range; its kernels rescale anyway).
#pragma once

#include <cstdint>
#include <vector>

#include "quantize_math.h"

namespace mote::tools {

struct OpQuantSpec {
  enum class Output : uint8_t {
    kOwnRange,     // from the output's calibrated range
    kSameAsInput,  // the (first real) input's scale and zero point: data movement, max pool
    kFixed,        // a fixed scale and zero point (softmax, logistic, tanh)
    kNotReal,      // integer output (ARG_MAX): not quantized
  };

  bool supported = false;
  bool int16 = false;                      // has a 16x8 form (int16 activations, int8 weights)
  bool all_inputs_real = false;            // every input is real-valued (CONCATENATION, PACK, ...)
  std::vector<int> real_inputs;            // otherwise: the real-valued inputs
  int weight_input = -1;                   // symmetric int8 weights
  int weight_axis = -1;                    // their output-channel dimension
  bool weight_per_channel_default = true;  // FULLY_CONNECTED: per tensor unless asked
  int bias_input = -1;  // int32 (int64 in 16x8) bias, scale = input x weight scale
  Output output = Output::kOwnRange;
  bool inputs_take_output_params = false;  // inputs requantized to the output's parameters
  QuantParams fixed_int8;
  QuantParams fixed_int16;
};

// The row for `builtin_code`; a row with supported == false for operators without one.
const OpQuantSpec& op_quant_spec(int32_t builtin_code);

}  // namespace mote::tools
