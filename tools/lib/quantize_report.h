// How much quantization costs, layer by layer: runs the float model and the quantized model side
// by side on the same inputs and compares every layer's output (the quantized model keeps the
// float model's tensor indices, quantize_model.h) and the final outputs.
//
// Per layer: SQNR = 10 log10(sum f^2 / sum (f - q)^2) over all samples, f the float model's
// value and q the quantized model's value dequantized. Errors accumulate, so the SQNR of a layer
// includes what earlier layers lost; a layer whose SQNR drops sharply below its input's is the
// one that hurts. Per output: top-1 agreement for classifiers (an output produced by SOFTMAX or
// LOGISTIC with two or more classes), otherwise the largest absolute error and that error as a
// share of the float output's range over the set.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calibration_stats.h"
#include "quantize_model.h"

namespace mote::tools {

struct LayerError {
  int32_t op = -1;      // float model operator; -1 for a graph input
  std::string op_name;  // "CONV_2D", or "input"
  std::string layer;    // the output tensor's name
  int32_t tensor = -1;
  std::string precision;  // "int8", "16x8", "float"
  TensorType type = TensorType::kFloat32;
  float scale = 0.0f;
  int32_t zero_point = 0;
  float range_min = 0.0f;  // calibrated range
  float range_max = 0.0f;
  double signal = 0.0;  // sum of squares of the float values
  double noise = 0.0;   // sum of squared differences
  double weight_sqnr_db = std::numeric_limits<double>::quiet_NaN();
  // The lowest SQNR among the layer's computed inputs (+inf when it has none): what it
  // received. drop_db() = sqnr_db() - input_sqnr_db, what the layer itself lost (NaN when either
  // is not finite).
  double input_sqnr_db = std::numeric_limits<double>::infinity();

  double sqnr_db() const;
  double drop_db() const;
};

struct OutputAgreement {
  std::string name;
  bool classifier = false;
  size_t rows = 0;        // classifier rows compared (samples x batch)
  size_t top1_agree = 0;  // rows whose arg-max is the same
  double max_abs_error = 0.0;
  double float_min = 0.0, float_max = 0.0;  // float output range over the set
  double signal = 0.0, noise = 0.0;

  double top1_rate() const { return rows == 0 ? 0.0 : static_cast<double>(top1_agree) / rows; }
  // max_abs_error as a share of (float_max - float_min).
  double error_share_of_range() const;
};

struct QuantizeReport {
  size_t samples = 0;
  std::vector<LayerError> layers;
  std::vector<OutputAgreement> outputs;
};

// Compares `quant_model` with `float_model` (whose ModelDef is `float_def`, quantized with
// `plan`, `ranges` and `result`) over `set`.
bool compare_models(const LoadedModel& float_model, const ModelDef& float_def,
                    const LoadedModel& quant_model, const QuantizePlan& plan,
                    const std::vector<TensorRange>& ranges, const QuantizeResult& result,
                    const CalibrationSet& set, const ProgressFn& progress, QuantizeReport* report,
                    std::string* error);

nlohmann::json to_json(const QuantizeReport& report);
// The per-layer table and the output summary, for people.
std::string to_text(const QuantizeReport& report);

}  // namespace mote::tools
