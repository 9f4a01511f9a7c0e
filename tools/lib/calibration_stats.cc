#include "calibration_stats.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "quantize_math.h"

namespace mote::tools {
namespace {

template <typename T>
T load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

struct Accumulator {
  bool observed = false;
  float min = 0.0f, max = 0.0f;
  float ema_min = 0.0f, ema_max = 0.0f;
  std::vector<uint64_t> histogram;
};

// Quantization error of the histogram's values for the range [lo, hi] quantized as `type`:
// squared clipping error outside the representable range plus scale^2 / 12 per value inside.
double range_error(const std::vector<uint64_t>& counts, float hist_lo, float bin_width, float lo,
                   float hi, TensorType type) {
  const QuantParams p = activation_params(lo, hi, type);
  if (p.scale == 0.0f) return std::numeric_limits<double>::infinity();
  const bool wide = type == TensorType::kInt16;
  const double qmin = wide ? -32767 : -128;
  const double qmax = wide ? 32767 : 127;
  const double real_lo = p.scale * (qmin - p.zero_point);
  const double real_hi = p.scale * (qmax - p.zero_point);
  const double rounding = static_cast<double>(p.scale) * p.scale / 12.0;
  double error = 0.0;
  for (size_t b = 0; b < counts.size(); ++b) {
    if (counts[b] == 0) continue;
    const double x = hist_lo + (static_cast<double>(b) + 0.5) * bin_width;
    double e = rounding;
    if (x < real_lo) e = (real_lo - x) * (real_lo - x);
    if (x > real_hi) e = (x - real_hi) * (x - real_hi);
    error += static_cast<double>(counts[b]) * e;
  }
  return error;
}

}  // namespace

bool parse_range_method(const std::string& name, RangeMethod* out) {
  if (name == "minmax")
    *out = RangeMethod::kMinMax;
  else if (name == "moving-average")
    *out = RangeMethod::kMovingAverage;
  else if (name == "percentile")
    *out = RangeMethod::kPercentile;
  else if (name == "mse")
    *out = RangeMethod::kMse;
  else
    return false;
  return true;
}

const char* range_method_name(RangeMethod method) {
  switch (method) {
    case RangeMethod::kMinMax:
      return "minmax";
    case RangeMethod::kMovingAverage:
      return "moving-average";
    case RangeMethod::kPercentile:
      return "percentile";
    case RangeMethod::kMse:
      return "mse";
  }
  return "?";
}

bool tensor_real_values(const TensorHandle& t, std::vector<float>* out) {
  const size_t n = static_cast<size_t>(t.shape.num_elements());
  out->resize(n);
  const auto* p = static_cast<const uint8_t*>(t.data);
  if (p == nullptr && n > 0) return false;
  const float scale = t.scale > 0.0f ? t.scale : 1.0f;
  const auto zp = static_cast<float>(t.zero_point);
  switch (t.type) {
    case TensorType::kFloat32:
      std::memcpy(out->data(), p, n * 4);
      return true;
    case TensorType::kInt8:
      for (size_t i = 0; i < n; ++i) (*out)[i] = scale * (load<int8_t>(p + i) - zp);
      return true;
    case TensorType::kUInt8:
      for (size_t i = 0; i < n; ++i) (*out)[i] = scale * (p[i] - zp);
      return true;
    case TensorType::kInt16:
      for (size_t i = 0; i < n; ++i) (*out)[i] = scale * (load<int16_t>(p + 2 * i) - zp);
      return true;
    case TensorType::kInt32:
      for (size_t i = 0; i < n; ++i) {
        (*out)[i] = scale * (static_cast<float>(load<int32_t>(p + 4 * i)) - zp);
      }
      return true;
    default:
      return false;
  }
}

std::unique_ptr<ModelRunner> ModelRunner::create(const LoadedModel& model, std::string* error,
                                                 Status* status) {
  std::unique_ptr<ModelRunner> runner(new ModelRunner());
  runner->model_ = &model;
  runner->prepared_ = PreparedModel::create(model, error, status);
  if (runner->prepared_ == nullptr) return nullptr;
  return runner;
}

void ModelRunner::after_node(void* user, uint32_t node) {
  auto* self = static_cast<ModelRunner*>(user);
  const OperatorDesc op = self->model_->model.op(node);
  for (uint32_t o = 0; o < op.outputs.size(); ++o) {
    const int32_t index = op.outputs[o];
    if (index < 0) continue;
    (*self->visit_)(index, self->prepared_->interpreter().tensor(static_cast<uint32_t>(index)));
  }
}

bool ModelRunner::run(const std::vector<std::vector<uint8_t>>& inputs, const Visitor& visit,
                      std::string* error) {
  Interpreter& interpreter = prepared_->interpreter();
  if (inputs.size() != interpreter.input_count()) {
    *error =
        fmt::format("{} input buffer(s) for {} input(s)", inputs.size(), interpreter.input_count());
    return false;
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    const TensorHandle t = interpreter.input(i);
    if (inputs[i].size() != t.bytes) {
      *error = fmt::format("input {} takes {} bytes, got {}", i, t.bytes, inputs[i].size());
      return false;
    }
    std::memcpy(t.data, inputs[i].data(), t.bytes);
  }
  for (size_t i = 0; i < inputs.size(); ++i)
    visit(interpreter.input(i).index, interpreter.input(i));
  visit_ = &visit;
  prepared_->log().clear();
  const Status status = interpreter.invoke(NodeObserver{&ModelRunner::after_node, this});
  visit_ = nullptr;
  if (status != Status::kOk) {
    *error = prepared_->log().joined();
    return false;
  }
  return true;
}

void percentile_range(const std::vector<uint64_t>& counts, float lo, float hi, double percentile,
                      float* min, float* max) {
  uint64_t total = 0;
  for (uint64_t c : counts) total += c;
  *min = lo;
  *max = hi;
  if (total == 0 || counts.empty() || percentile >= 100.0) return;
  const double width = (static_cast<double>(hi) - lo) / static_cast<double>(counts.size());
  const double tail = static_cast<double>(total) * (100.0 - percentile) / 100.0;
  // Lower bound: the first bin edge with more than `tail` values below it (interpolated in the
  // bin); upper bound likewise from the top.
  double below = 0.0;
  for (size_t b = 0; b < counts.size(); ++b) {
    const auto c = static_cast<double>(counts[b]);
    if (below + c > tail) {
      *min = static_cast<float>(lo + width * (static_cast<double>(b) + (tail - below) / c));
      break;
    }
    below += c;
  }
  double above = 0.0;
  for (size_t b = counts.size(); b-- > 0;) {
    const auto c = static_cast<double>(counts[b]);
    if (above + c > tail) {
      *max = static_cast<float>(lo + width * (static_cast<double>(b + 1) - (tail - above) / c));
      break;
    }
    above += c;
  }
  *min = std::max(*min, lo);
  *max = std::min(*max, hi);
}

void mse_range(const std::vector<uint64_t>& counts, float lo, float hi, TensorType type, float* min,
               float* max) {
  *min = lo;
  *max = hi;
  if (counts.empty() || !(hi > lo)) return;
  const float width = (hi - lo) / static_cast<float>(counts.size());
  // Candidates shrink each end towards zero in steps of 1/128 of its extent, down to 1/16 of
  // it; coordinate descent (upper end, then lower end, twice) keeps the search linear.
  constexpr int kSteps = 128;
  const float top = std::max(hi, 0.0f);
  const float bottom = std::min(lo, 0.0f);
  float best_lo = bottom, best_hi = top;
  double best = range_error(counts, lo, width, best_lo, best_hi, type);
  for (int round = 0; round < 2; ++round) {
    for (int end = 0; end < 2; ++end) {
      const float extent = end == 0 ? top : bottom;
      if (extent == 0.0f) continue;
      for (int k = kSteps / 16; k <= kSteps; ++k) {
        const float candidate = extent * static_cast<float>(k) / kSteps;
        const float c_lo = end == 0 ? best_lo : candidate;
        const float c_hi = end == 0 ? candidate : best_hi;
        const double e = range_error(counts, lo, width, c_lo, c_hi, type);
        if (e < best) {
          best = e;
          best_lo = c_lo;
          best_hi = c_hi;
        }
      }
    }
  }
  *min = best_lo;
  *max = best_hi;
}

bool calibrate(const LoadedModel& model, const CalibrationSet& set, const RangeOptions& options,
               const ProgressFn& progress, std::vector<TensorRange>* ranges, std::string* error,
               Status* status) {
  *status = Status::kOk;
  auto runner = ModelRunner::create(model, error, status);
  if (runner == nullptr) return false;
  std::vector<Accumulator> acc(model.model.tensor_count());
  std::vector<float> values;
  const double decay = options.ema_decay;

  // Pass 1: extremes and moving averages.
  const ModelRunner::Visitor observe = [&](int32_t index, const TensorHandle& t) {
    if (t.type != TensorType::kFloat32 || t.data == nullptr) return;
    if (!tensor_real_values(t, &values) || values.empty()) return;
    float lo = std::numeric_limits<float>::infinity();
    float hi = -lo;
    for (float v : values) {
      if (std::isnan(v)) continue;  // as TFLite's calibrator: NaNs do not widen the range
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (lo > hi) return;
    Accumulator& a = acc[static_cast<size_t>(index)];
    if (!a.observed) {
      a.observed = true;
      a.min = a.ema_min = lo;
      a.max = a.ema_max = hi;
      return;
    }
    a.min = std::min(a.min, lo);
    a.max = std::max(a.max, hi);
    a.ema_min = static_cast<float>(decay * a.ema_min + (1.0 - decay) * lo);
    a.ema_max = static_cast<float>(decay * a.ema_max + (1.0 - decay) * hi);
  };
  for (size_t s = 0; s < set.samples.size(); ++s) {
    if (!runner->run(set.samples[s].inputs, observe, error)) {
      *error = fmt::format("{}: {}", set.samples[s].name, *error);
      *status = Status::kEvalFailed;
      return false;
    }
    if (progress) progress("calibration", s + 1, set.samples.size());
  }

  // Pass 2 (histogram methods): the distribution over each tensor's extremes.
  const bool histograms =
      options.method == RangeMethod::kPercentile || options.method == RangeMethod::kMse;
  if (histograms) {
    for (Accumulator& a : acc) {
      if (a.observed && a.max > a.min) a.histogram.assign(options.bins, 0);
    }
    const ModelRunner::Visitor count = [&](int32_t index, const TensorHandle& t) {
      Accumulator& a = acc[static_cast<size_t>(index)];
      if (a.histogram.empty() || t.type != TensorType::kFloat32) return;
      if (!tensor_real_values(t, &values)) return;
      const double scale = static_cast<double>(a.histogram.size()) / (a.max - a.min);
      for (float v : values) {
        if (std::isnan(v)) continue;
        const auto b = static_cast<size_t>(
            std::clamp((v - a.min) * scale, 0.0, static_cast<double>(a.histogram.size() - 1)));
        ++a.histogram[b];
      }
    };
    for (size_t s = 0; s < set.samples.size(); ++s) {
      if (!runner->run(set.samples[s].inputs, count, error)) {
        *error = fmt::format("{}: {}", set.samples[s].name, *error);
        *status = Status::kEvalFailed;
        return false;
      }
      if (progress) progress("histograms", s + 1, set.samples.size());
    }
  }

  ranges->assign(acc.size(), TensorRange());
  for (size_t i = 0; i < acc.size(); ++i) {
    const Accumulator& a = acc[i];
    if (!a.observed) continue;
    TensorRange& r = (*ranges)[i];
    r.observed = true;
    r.seen_min = a.min;
    r.seen_max = a.max;
    r.min = a.min;
    r.max = a.max;
    switch (options.method) {
      case RangeMethod::kMinMax:
        break;
      case RangeMethod::kMovingAverage:
        r.min = a.ema_min;
        r.max = a.ema_max;
        break;
      case RangeMethod::kPercentile:
        if (!a.histogram.empty()) {
          percentile_range(a.histogram, a.min, a.max, options.percentile, &r.min, &r.max);
        }
        break;
      case RangeMethod::kMse: {
        const TensorType type =
            i < options.mse_types.size() ? options.mse_types[i] : TensorType::kInt8;
        if (!a.histogram.empty()) mse_range(a.histogram, a.min, a.max, type, &r.min, &r.max);
        break;
      }
    }
  }
  return true;
}

}  // namespace mote::tools
