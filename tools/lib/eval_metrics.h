// `mote eval`: how well a model does over a labelled dataset, alone or beside a reference model
// (typically the float original of an int8 model).
//
// Each sample's input is converted to what each model takes: real values are quantized with the
// model's input scale and zero point (q = round(x / scale) + zero_point, saturated, as TFLite's
// QUANTIZE does), raw bytes of a quantized input are dequantized first when the other model
// wants floats or other quantization. Outputs (output 0) are dequantized to real values.
//
// Tasks: "classify" (top-1 accuracy against integer class labels; agreement = the share of
// samples where model and reference pick the same top class) and "regress" (mean absolute
// error, RMSE and max error against the targets, and relative to the targets' range; agreement
// = the same errors between model and reference outputs). "auto" picks classify for an output
// of 2+ values with one integer label per sample (or no labels), else regress.
//
//   tools::EvalReport report;
//   if (!tools::evaluate(model, reference_or_null, dataset, options, &report, &error)) ...
//   fmt::print("{}", tools::to_text(report));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset_reader.h"
#include "mote/interpreter.h"
#include "prepared_model.h"

namespace mote::tools {

struct EvalOptions {
  std::string task = "auto";  // "auto", "classify", "regress"
};

// Scores of one model against the labels.
struct EvalScores {
  int64_t correct = 0;  // classify: top-1 hits
  double accuracy = 0.0;
  double mae = 0.0;  // regress
  double rmse = 0.0;
  double max_error = 0.0;
};

struct EvalReport {
  std::string model_path;
  std::string reference_path;  // "" without a reference
  std::string data_path;
  std::string task;  // "classify" or "regress"
  size_t samples = 0;
  size_t output_elements = 0;
  bool labelled = false;
  std::vector<std::string> input_notes;  // how inputs were converted, per model
  EvalScores model;
  EvalScores reference;
  // Model vs reference (with a reference).
  int64_t agreement_matches = 0;  // classify
  double agreement = 0.0;         // classify: share of matching top-1
  double agreement_mae = 0.0;     // regress
  double agreement_max_error = 0.0;
  // Range of the targets (labels, else the reference's outputs) for relative errors.
  double range_lo = 0.0;
  double range_hi = 0.0;
};

// Describes input 0 of a prepared model for the dataset reader.
InputLayout input_layout(const Interpreter& interpreter);

// Runs `model` (and `reference`, may be nullptr) over every sample. False with *error (and
// *usage_error = true for data/shape problems, false for a kernel failure) on failure.
bool evaluate(PreparedModel& model, PreparedModel* reference, const Dataset& data,
              const EvalOptions& options, EvalReport* report, std::string* error,
              bool* usage_error);

nlohmann::json to_json(const EvalReport& report);
std::string to_text(const EvalReport& report);

}  // namespace mote::tools
