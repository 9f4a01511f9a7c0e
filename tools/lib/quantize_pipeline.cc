#include "quantize_pipeline.h"

#include <cmath>

#include <fmt/format.h>

#include "model_def_reader.h"
#include "prepared_model.h"

namespace mote::tools {
namespace {

QuantizeError error_for(Status status) {
  return status == Status::kUnsupported ? QuantizeError::kUnsupported : QuantizeError::kInvalid;
}

}  // namespace

std::vector<CalibrationInput> calibration_inputs(const ModelDef& def) {
  std::vector<CalibrationInput> inputs;
  for (const int32_t t : def.inputs) {
    const TensorDef& tensor = def.tensors[static_cast<size_t>(t)];
    CalibrationInput in;
    in.name = tensor.name;
    in.type = tensor.type;
    in.shape = tensor.shape;
    in.elements = 1;
    for (const int32_t d : tensor.shape) in.elements *= static_cast<size_t>(d);
    in.bytes = in.elements * type_size(tensor.type);
    inputs.push_back(in);
  }
  return inputs;
}

QuantizeError quantize_begin(ModelDef float_def, const QuantizeOptions& options, QuantizeRun* run,
                             std::string* error) {
  run->options = options;
  run->float_def = std::move(float_def);
  QuantizeError e = prepare_float_model(&run->float_def, &run->notes, error);
  if (e != QuantizeError::kNone) return e;
  e = plan_precision(run->float_def, options, &run->plan, error);
  if (e != QuantizeError::kNone) return e;
  std::vector<uint8_t> bytes;
  if (!write_verified_tflite(run->float_def, &bytes, error)) {
    *error = "the float model does not verify once written: " + *error;
    return QuantizeError::kInvalid;
  }
  run->float_model = load_model_bytes(bytes, "float model", error);
  if (run->float_model == nullptr) return QuantizeError::kInvalid;
  if (PreparedModel::create(*run->float_model, error, &run->status) == nullptr) {
    *error =
        "the float model does not run in Mote's runtime, so it cannot be calibrated: " + *error;
    return error_for(run->status);
  }
  return QuantizeError::kNone;
}

QuantizeError quantize_finish(const CalibrationSet& calib, RangeOptions range_options,
                              const ProgressFn& progress, QuantizeRun* run, std::string* error) {
  range_options.mse_types = run->plan.tensor_type;
  if (!calibrate(*run->float_model, calib, range_options, progress, &run->ranges, error,
                 &run->status)) {
    *error = "calibration failed: " + *error;
    return QuantizeError::kInvalid;
  }
  for (size_t i = 0; i < run->ranges.size(); ++i) {
    const TensorRange& r = run->ranges[i];
    if (r.observed && !(std::isfinite(r.min) && std::isfinite(r.max))) {
      *error = fmt::format(
          "tensor {} '{}' takes non-finite values ([{}, {}]) on the calibration "
          "data; it cannot be quantized",
          i, run->float_def.tensors[i].name, r.min, r.max);
      return QuantizeError::kInvalid;
    }
  }
  const QuantizeError e =
      quantize_model(run->float_def, run->ranges, run->plan, run->options, &run->result, error);
  if (e != QuantizeError::kNone) return e;
  run->notes.insert(run->notes.end(), run->result.notes.begin(), run->result.notes.end());
  if (!write_verified_tflite(run->result.model, &run->bytes, error)) {
    *error = "internal error, the quantized model does not verify: " + *error;
    return QuantizeError::kInvalid;
  }
  run->quant_model = load_model_bytes(run->bytes, "quantized model", error);
  if (run->quant_model == nullptr) return QuantizeError::kInvalid;
  auto prepared = PreparedModel::create(*run->quant_model, error, &run->status);
  if (prepared == nullptr) {
    *error = "the quantized model does not run in Mote's runtime: " + *error;
    return error_for(run->status);
  }
  run->arena = prepared->usage().total;
  return QuantizeError::kNone;
}

}  // namespace mote::tools
