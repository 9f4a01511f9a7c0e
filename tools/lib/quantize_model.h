// Full-integer post-training quantization of a float ModelDef, and the reverse (a float twin
// of a quantized model). The steps `mote quantize` runs:
//
//   ModelDef def = read_model_def(float model);
//   prepare_float_model(&def)        hybrid weights and DEQUANTIZE'd constants become float
//   plan_precision(def, options)     int8, 16x8 or float for every operator (--float-layers ...)
//   calibrate(def, data) -> ranges   calibration_stats.h
//   quantize_model(def, ranges, plan, options) -> the quantized ModelDef
//
// The quantized model keeps every tensor of the float model at its index (activations change
// type and gain scale/zero point; a constant's first quantized form takes its slot), and adds
// tensors and QUANTIZE/DEQUANTIZE operators only at precision boundaries: the graph inputs and
// outputs when --io differs from the activation type, around float or 16x8 layers, and before
// CONCATENATION-like operators whose inputs must share the output's parameters. So a tensor
// index of the float model names the same value in both models (the SQNR report uses this).
//
// Quantization rules (quantize_math.h has the arithmetic, quantize_ops.h the per-op table):
// weights symmetric int8 per channel (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV) or per tensor
// (FULLY_CONNECTED, as TFLite's converter; --fc-per-channel for per channel); bias int32 (int64
// in 16x8) with scale input x weight; activations asymmetric int8 (symmetric int16 in 16x8);
// other real constants (an ADD operand) symmetric like weights, as TFLite's quantizer does;
// fixed output parameters for SOFTMAX, LOGISTIC, TANH; shared parameters for data movement and
// CONCATENATION. Operator versions are set as TFLite's converter sets them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "calibration_stats.h"
#include "tflite_writer.h"

namespace mote::tools {

enum class Precision : uint8_t {
  kInt8,   // int8 activations and weights
  kInt16,  // 16x8: int16 activations, int8 weights, int64 bias
  kFloat,  // left in float32
};

const char* precision_name(Precision precision);  // "int8", "16x8", "float"

// Per-layer precision by pattern, applied in order (later ones win). A pattern is a glob on the
// layer's name (its first output tensor's name, e.g. "sequential/dense_1/*"), "#N" for operator
// N of the float model, or "type:CONV_2D" for every operator of that type.
struct LayerPrecision {
  std::string pattern;
  Precision precision = Precision::kInt8;
};

struct QuantizeOptions {
  Precision precision = Precision::kInt8;  // default for every layer: kInt8 or kInt16
  std::vector<LayerPrecision> layers;
  // Type of the graph inputs and outputs: kInt8, kInt16 or kFloat32 (QUANTIZE/DEQUANTIZE added
  // at the boundary when it differs from the layer's precision).
  TensorType io_type = TensorType::kInt8;
  bool per_channel = true;      // false: every weight per tensor
  bool fc_per_channel = false;  // FULLY_CONNECTED per channel too
};

enum class QuantizeError {
  kNone,
  kUsage,        // bad options (a pattern that matches no layer, ...)
  kUnsupported,  // an operator without a quantized form; an already quantized model
  kInvalid,      // the model cannot be quantized as it stands (non-constant weights, ...)
};

// Turns a hybrid or partly quantized float model into a plain float one: constant int8/int16
// weights with scales (hybrid CONV_2D/FULLY_CONNECTED weights) are dequantized to float32, and
// DEQUANTIZE operators of constants (int8 or float16 weights) are folded into float32
// constants. A model whose activations are already quantized is refused (kUnsupported).
// *notes says what was changed, for the user.
QuantizeError prepare_float_model(ModelDef* def, std::vector<std::string>* notes,
                                  std::string* error);

struct QuantizePlan {
  std::vector<Precision> op_precision;  // per operator of the float model
  // Per tensor: the type its value will have in the quantized model where it is produced
  // (kInt8, kInt16, or kFloat32 for tensors left in float or not real-valued).
  std::vector<TensorType> tensor_type;
};

QuantizeError plan_precision(const ModelDef& def, const QuantizeOptions& options,
                             QuantizePlan* plan, std::string* error);

struct QuantizeResult {
  ModelDef model;
  // Per operator of the quantized model: the float model's operator it comes from, or -1 for
  // an added QUANTIZE/DEQUANTIZE.
  std::vector<int32_t> op_origin;
  // Per operator of the float model: SQNR (dB) of its quantized weights, NaN without weights.
  std::vector<double> weight_sqnr;
  std::vector<std::string> notes;
};

QuantizeError quantize_model(const ModelDef& def, const std::vector<TensorRange>& ranges,
                             const QuantizePlan& plan, const QuantizeOptions& options,
                             QuantizeResult* result, std::string* error);

// The float twin of a quantized model: every quantized constant dequantized to float32, every
// quantized activation made float32, QUANTIZE/DEQUANTIZE operators that became float-to-float
// removed, quantization-only options cleared, versions reset. The twin computes in float what
// the quantized model approximates.
QuantizeError dequantize_model(ModelDef* def, std::vector<std::string>* notes, std::string* error);

// A layer's name: its first output tensor's name, or "#N" when that is empty.
std::string layer_name(const ModelDef& def, size_t op);

}  // namespace mote::tools
