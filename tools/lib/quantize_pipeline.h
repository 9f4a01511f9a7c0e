// The whole post-training quantization in two calls, for `mote quantize`, tests and tools that
// quantize what they produce (the trainer):
//
//   QuantizeRun run;
//   // prepare_float_model + plan_precision, and the float model as calibration will run it:
//   if (quantize_begin(std::move(float_def), options, &run, &error) != QuantizeError::kNone) ...
//   CalibrationSet calib = ... (calibration_data.h, inputs from run.float_def)
//   // calibrate, quantize_model, write and verify the result, prepare it in the runtime:
//   if (quantize_finish(calib, range_options, progress, &run, &error) != ...) ...
//   run.bytes  // the .tflite
//
// Ownership: QuantizeRun owns everything, including the two loaded models (the float model as
// calibrated and the quantized one), so compare_models() (quantize_report.h) can run them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "calibration_data.h"
#include "calibration_stats.h"
#include "model_file.h"
#include "quantize_model.h"

namespace mote::tools {

struct QuantizeRun {
  QuantizeOptions options;
  ModelDef float_def;  // after prepare_float_model()
  std::unique_ptr<LoadedModel> float_model;
  QuantizePlan plan;
  std::vector<TensorRange> ranges;
  QuantizeResult result;
  std::vector<uint8_t> bytes;  // the quantized model: verified, and prepared by the runtime
  std::unique_ptr<LoadedModel> quant_model;
  size_t arena = 0;  // bytes the quantized model needs
  std::vector<std::string> notes;
  Status status = Status::kOk;  // the runtime's status when a model does not run
};

// The model's graph inputs, as the calibration loaders want them.
std::vector<CalibrationInput> calibration_inputs(const ModelDef& def);

// prepare_float_model(), plan_precision(), then writes the float model and prepares it in the
// runtime (it must run to be calibrated). A runtime failure gives kUnsupported or kInvalid with
// run->status set.
QuantizeError quantize_begin(ModelDef float_def, const QuantizeOptions& options, QuantizeRun* run,
                             std::string* error);

// calibrate() over `calib`, quantize_model(), write_verified_tflite(), and a prepare in the
// runtime. kInvalid with run->status set when calibration fails at run time.
QuantizeError quantize_finish(const CalibrationSet& calib, RangeOptions range_options,
                              const ProgressFn& progress, QuantizeRun* run, std::string* error);

}  // namespace mote::tools
