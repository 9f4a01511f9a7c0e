// Calibration: runs a float model over representative inputs and chooses a real-valued range
// [min, max] for every float tensor the model computes (graph inputs and operator outputs).
// quantize_model.h turns those ranges into scales and zero points.
//
// Range choices (RangeMethod):
//   kMinMax         the smallest and largest value seen (TFLite's calibrator);
//   kMovingAverage  an exponential moving average of each sample's min and max
//                   (decay `ema_decay`, starting from the first sample), as TensorFlow's
//                   quantization-aware training tracks ranges: one outlier sample moves it less;
//   kPercentile     the `percentile` and (100 - percentile) percentiles of all values, from a
//                   histogram of `bins` bins over the min/max range (a second pass);
//   kMse            the range whose int8 (or int16) quantization has the least mean squared
//                   error over that histogram: clipping error for values outside the range plus
//                   scale^2 / 12 of rounding noise inside it (a second pass).
//
// ModelRunner is the loop shared with the quantization report: it runs one sample and hands
// every graph input and every operator output to a visitor right after the operator wrote it
// (the arena reuses memory, so a tensor is only valid then).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "calibration_data.h"
#include "model_file.h"
#include "prepared_model.h"

namespace mote::tools {

enum class RangeMethod { kMinMax, kMovingAverage, kPercentile, kMse };

// "minmax", "moving-average", "percentile", "mse"; false for other names.
bool parse_range_method(const std::string& name, RangeMethod* out);
const char* range_method_name(RangeMethod method);

struct RangeOptions {
  RangeMethod method = RangeMethod::kMinMax;
  double percentile = 99.99;  // kPercentile: keep this share of values inside the range
  double ema_decay = 0.9;     // kMovingAverage
  size_t bins = 2048;         // kPercentile, kMse: histogram resolution
  // kMse: the type the range will be quantized to (int8 asymmetric, int16 symmetric), per
  // tensor; tensors not listed use int8.
  std::vector<TensorType> mse_types;
};

struct TensorRange {
  bool observed = false;
  float min = 0.0f;  // chosen range
  float max = 0.0f;
  float seen_min = 0.0f;  // extremes over the whole set
  float seen_max = 0.0f;
};

// Progress of a long run: pass name ("calibration", "histograms", "evaluation"), samples done
// and total.
using ProgressFn = std::function<void(const char* pass, size_t done, size_t total)>;

// Real values of a tensor the interpreter holds: float32 as is, int8/uint8/int16/int32 through
// the tensor's (per-tensor) scale and zero point. false for other types.
bool tensor_real_values(const TensorHandle& tensor, std::vector<float>* out);

class ModelRunner {
 public:
  using Visitor = std::function<void(int32_t tensor_index, const TensorHandle& tensor)>;

  // Prepares `model` (which must outlive the runner). nullptr, *error and *status on failure.
  static std::unique_ptr<ModelRunner> create(const LoadedModel& model, std::string* error,
                                             Status* status);

  // Copies the sample into the inputs (each buffer must match its input's byte size), invokes,
  // and calls `visit` for every graph input (before the first op) and every output of every
  // operator (right after it ran).
  bool run(const std::vector<std::vector<uint8_t>>& inputs, const Visitor& visit,
           std::string* error);

  Interpreter& interpreter() { return prepared_->interpreter(); }

 private:
  ModelRunner() = default;
  static void after_node(void* user, uint32_t node);

  const LoadedModel* model_ = nullptr;
  std::unique_ptr<PreparedModel> prepared_;
  const Visitor* visit_ = nullptr;
};

// Runs `model` over `set` and returns one range per tensor of the model (observed == false for
// tensors that are not float32 or never computed).
bool calibrate(const LoadedModel& model, const CalibrationSet& set, const RangeOptions& options,
               const ProgressFn& progress, std::vector<TensorRange>* ranges, std::string* error,
               Status* status);

// The histogram-based range choices, exposed for tests. `counts` covers [lo, hi] in equal bins.
void percentile_range(const std::vector<uint64_t>& counts, float lo, float hi, double percentile,
                      float* min, float* max);
void mse_range(const std::vector<uint64_t>& counts, float lo, float hi, TensorType type, float* min,
               float* max);

}  // namespace mote::tools
