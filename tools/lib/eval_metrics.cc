#include "eval_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <fmt/format.h>

#include "model_info.h"
#include "tensor_values.h"

namespace mote::tools {
namespace {

template <typename T>
void store_integer(uint8_t* p, size_t i, double q) {
  const double lo = static_cast<double>(std::numeric_limits<T>::lowest());
  const double hi = static_cast<double>(std::numeric_limits<T>::max());
  const T v = static_cast<T>(std::min(std::max(q, lo), hi));
  std::memcpy(p + sizeof(T) * i, &v, sizeof(T));
}

// Writes real value x into element i: float as is; integers quantized with the tensor's scale
// and zero point like TFLite's QUANTIZE (round half away from zero, then saturate).
void write_element(const TensorHandle& t, size_t i, double x) {
  auto* p = static_cast<uint8_t*>(t.data);
  if (t.type == TensorType::kFloat32) {
    const auto v = static_cast<float>(x);
    std::memcpy(p + 4 * i, &v, 4);
    return;
  }
  const double q =
      t.scale > 0.0f ? std::round(x / static_cast<double>(t.scale)) + t.zero_point : std::round(x);
  switch (t.type) {
    case TensorType::kInt8:
      store_integer<int8_t>(p, i, q);
      break;
    case TensorType::kUInt8:
      store_integer<uint8_t>(p, i, q);
      break;
    case TensorType::kBool:
      p[i] = x != 0.0 ? 1 : 0;
      break;
    case TensorType::kInt16:
      store_integer<int16_t>(p, i, q);
      break;
    case TensorType::kInt32:
      store_integer<int32_t>(p, i, q);
      break;
    case TensorType::kInt64:
      store_integer<int64_t>(p, i, q);
      break;
    default:
      break;
  }
}

struct Quant {
  TensorType type;
  float scale;
  int32_t zero_point;
};

// Fills input 0 of `into` from the sample. Raw samples are bytes in `raw_source`'s input type.
void fill_input(const TensorHandle& in, const Sample& s, const Quant& raw_source) {
  const size_t n = static_cast<size_t>(in.shape.num_elements());
  if (s.is_raw) {
    const bool same = in.type == raw_source.type && in.scale == raw_source.scale &&
                      in.zero_point == raw_source.zero_point;
    if (same) {
      std::memcpy(in.data, s.raw.data(), std::min(in.bytes, s.raw.size()));
      return;
    }
    // Dequantize with the source's parameters, then write in this model's type.
    TensorHandle src;
    src.data = const_cast<uint8_t*>(s.raw.data());
    src.type = raw_source.type;
    src.scale = raw_source.scale;
    src.zero_point = raw_source.zero_point;
    for (size_t i = 0; i < n; ++i) write_element(in, i, element_as_real(src, i));
    return;
  }
  for (size_t i = 0; i < n; ++i) write_element(in, i, s.real[i]);
}

std::string conversion_note(const std::string& who, const TensorHandle& in, const Dataset& data,
                            const Quant& raw_source) {
  const bool any_raw = std::any_of(data.samples.begin(), data.samples.end(),
                                   [](const Sample& s) { return s.is_raw; });
  const bool quantized = in.type != TensorType::kFloat32 && in.scale > 0.0f;
  const std::string quant =
      quantized ? fmt::format("quantized with scale {:g}, zero point {}", in.scale, in.zero_point)
                : "";
  if (any_raw) {
    const bool same = in.type == raw_source.type && in.scale == raw_source.scale &&
                      in.zero_point == raw_source.zero_point;
    if (same) return fmt::format("{}: raw {} inputs used as they are", who, type_name(in.type));
    return fmt::format("{}: raw {} inputs dequantized (scale {:g}, zero point {}){}", who,
                       type_name(raw_source.type), raw_source.scale, raw_source.zero_point,
                       quantized ? ", then " + quant : " to float32");
  }
  return quantized ? fmt::format("{}: real-valued inputs {}", who, quant)
                   : fmt::format("{}: real-valued inputs as {}", who, type_name(in.type));
}

size_t argmax(const std::vector<double>& v) {
  return static_cast<size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

bool run_one(PreparedModel& m, const Sample& s, const Quant& raw_source, std::vector<double>* out,
             std::string* error) {
  Interpreter& interp = m.interpreter();
  fill_input(interp.input(0), s, raw_source);
  m.log().clear();
  if (interp.invoke() != Status::kOk) {
    *error = fmt::format("{}: {}: {}", m.model().path, s.name, m.log().joined());
    return false;
  }
  const TensorHandle o = interp.output(0);
  const size_t n = static_cast<size_t>(o.shape.num_elements());
  out->resize(n);
  for (size_t i = 0; i < n; ++i) (*out)[i] = element_as_real(o, i);
  return true;
}

std::string percent(double share) { return fmt::format("{:.2f}%", share * 100.0); }

}  // namespace

InputLayout input_layout(const Interpreter& interpreter) {
  const TensorHandle t = interpreter.input(0);
  InputLayout layout;
  layout.type = t.type;
  layout.elements = static_cast<size_t>(t.shape.num_elements());
  layout.bytes = t.bytes;
  layout.description =
      fmt::format("input 0 '{}' {} {} ({} bytes)", t.name, type_name(t.type),
                  shape_string({t.shape.dims, t.shape.dims + t.shape.rank}), t.bytes);
  return layout;
}

bool evaluate(PreparedModel& model, PreparedModel* reference, const Dataset& data,
              const EvalOptions& options, EvalReport* report, std::string* error,
              bool* usage_error) {
  EvalReport& r = *report;
  r = EvalReport();
  *usage_error = true;
  r.model_path = model.model().path;
  r.reference_path = reference != nullptr ? reference->model().path : "";
  r.data_path = data.source;
  r.samples = data.samples.size();
  r.labelled = data.labelled;

  Interpreter& mi = model.interpreter();
  const TensorHandle min = mi.input(0);
  const Quant raw_source{min.type, min.scale, min.zero_point};
  const size_t out_n = static_cast<size_t>(mi.output(0).shape.num_elements());
  r.output_elements = out_n;
  if (reference != nullptr) {
    Interpreter& ri = reference->interpreter();
    if (ri.input_count() != 1 || ri.input(0).shape.num_elements() != min.shape.num_elements()) {
      *error = fmt::format("{}: its input has {} elements, the model's has {}", r.reference_path,
                           ri.input(0).shape.num_elements(), min.shape.num_elements());
      return false;
    }
    if (static_cast<size_t>(ri.output(0).shape.num_elements()) != out_n) {
      *error = fmt::format("{}: its output 0 has {} elements, the model's has {}", r.reference_path,
                           ri.output(0).shape.num_elements(), out_n);
      return false;
    }
  }
  if (!data.labelled && reference == nullptr) {
    *error = fmt::format(
        "{}: no labels (a directory needs labels.csv, a .csv needs label columns after the "
        "{} input values, a .npy needs --labels) and no --reference to compare with",
        data.source, min.shape.num_elements());
    return false;
  }

  // Task.
  auto integer_class = [&](const Sample& s) {
    return s.label.size() == 1 && s.label[0] == std::floor(s.label[0]) && s.label[0] >= 0 &&
           s.label[0] < static_cast<double>(out_n);
  };
  if (options.task == "classify" || options.task == "regress") {
    r.task = options.task;
  } else if (out_n >= 2 && (!data.labelled ||
                            std::all_of(data.samples.begin(), data.samples.end(), integer_class))) {
    r.task = "classify";
  } else {
    r.task = "regress";
  }
  for (const Sample& s : data.samples) {
    if (!data.labelled) break;
    if (r.task == "classify" && !integer_class(s)) {
      *error = fmt::format("{}: label {} is not a class index in [0, {}) for a classifier", s.name,
                           s.label.size() == 1 ? fmt::format("{:g}", s.label[0])
                                               : fmt::format("of {} values", s.label.size()),
                           out_n);
      return false;
    }
    if (r.task == "regress" && s.label.size() != out_n) {
      *error = fmt::format("{}: {} target value(s), but the model's output has {} elements", s.name,
                           s.label.size(), out_n);
      return false;
    }
  }
  r.input_notes.push_back(conversion_note("model", min, data, raw_source));
  if (reference != nullptr) {
    r.input_notes.push_back(
        conversion_note("reference", reference->interpreter().input(0), data, raw_source));
  }

  // Run.
  *usage_error = false;
  double m_abs = 0.0, m_sq = 0.0, r_abs = 0.0, r_sq = 0.0, a_abs = 0.0;
  size_t elements = 0;
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::vector<double> mo, ro;
  for (const Sample& s : data.samples) {
    if (!run_one(model, s, raw_source, &mo, error)) return false;
    const bool with_ref = reference != nullptr;
    if (with_ref && !run_one(*reference, s, raw_source, &ro, error)) return false;
    if (r.task == "classify") {
      const size_t mc = argmax(mo);
      if (data.labelled) {
        const auto label = static_cast<size_t>(s.label[0]);
        r.model.correct += mc == label ? 1 : 0;
        if (with_ref) r.reference.correct += argmax(ro) == label ? 1 : 0;
      }
      if (with_ref) r.agreement_matches += mc == argmax(ro) ? 1 : 0;
      continue;
    }
    for (size_t i = 0; i < out_n; ++i) {
      if (data.labelled) {
        const double t = s.label[i];
        lo = std::min(lo, t);
        hi = std::max(hi, t);
        const double em = std::abs(mo[i] - t);
        m_abs += em;
        m_sq += em * em;
        r.model.max_error = std::max(r.model.max_error, em);
        if (with_ref) {
          const double er = std::abs(ro[i] - t);
          r_abs += er;
          r_sq += er * er;
          r.reference.max_error = std::max(r.reference.max_error, er);
        }
      } else {
        lo = std::min(lo, ro[i]);
        hi = std::max(hi, ro[i]);
      }
      if (with_ref) {
        const double ea = std::abs(mo[i] - ro[i]);
        a_abs += ea;
        r.agreement_max_error = std::max(r.agreement_max_error, ea);
      }
      ++elements;
    }
  }
  const double n = static_cast<double>(r.samples);
  if (r.task == "classify") {
    r.model.accuracy = r.model.correct / n;
    r.reference.accuracy = r.reference.correct / n;
    r.agreement = r.agreement_matches / n;
  } else if (elements > 0) {
    const double e = static_cast<double>(elements);
    r.model.mae = m_abs / e;
    r.model.rmse = std::sqrt(m_sq / e);
    r.reference.mae = r_abs / e;
    r.reference.rmse = std::sqrt(r_sq / e);
    r.agreement_mae = a_abs / e;
    r.range_lo = lo;
    r.range_hi = hi;
  }
  return true;
}

nlohmann::json to_json(const EvalReport& r) {
  nlohmann::json j;
  j["model"] = r.model_path;
  j["reference"] =
      r.reference_path.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.reference_path);
  j["data"] = r.data_path;
  j["task"] = r.task;
  j["samples"] = r.samples;
  j["labelled"] = r.labelled;
  j["output_elements"] = r.output_elements;
  j["input_conversion"] = r.input_notes;
  const bool ref = !r.reference_path.empty();
  auto scores = [&](const EvalScores& s) {
    nlohmann::json o;
    if (r.task == "classify") {
      o["correct"] = s.correct;
      o["accuracy"] = s.accuracy;
    } else {
      const double range = r.range_hi - r.range_lo;
      o["mae"] = s.mae;
      o["rmse"] = s.rmse;
      o["max_error"] = s.max_error;
      o["mae_relative_to_range"] = range > 0 ? nlohmann::json(s.mae / range) : nullptr;
      o["max_error_relative_to_range"] = range > 0 ? nlohmann::json(s.max_error / range) : nullptr;
    }
    return o;
  };
  j["model_scores"] = r.labelled ? scores(r.model) : nlohmann::json(nullptr);
  j["reference_scores"] = r.labelled && ref ? scores(r.reference) : nlohmann::json(nullptr);
  if (ref) {
    if (r.task == "classify") {
      j["agreement"] = {{"matches", r.agreement_matches}, {"rate", r.agreement}};
    } else {
      const double range = r.range_hi - r.range_lo;
      j["agreement"] = {
          {"mae", r.agreement_mae},
          {"max_error", r.agreement_max_error},
          {"mae_relative_to_range", range > 0 ? nlohmann::json(r.agreement_mae / range) : nullptr},
          {"max_error_relative_to_range",
           range > 0 ? nlohmann::json(r.agreement_max_error / range) : nullptr}};
    }
  } else {
    j["agreement"] = nullptr;
  }
  if (r.task == "regress") j["range"] = {r.range_lo, r.range_hi};
  return j;
}

std::string to_text(const EvalReport& r) {
  const bool ref = !r.reference_path.empty();
  std::string out =
      fmt::format("{}{} on {}: {} samples, {} ({} output value{}){}\n", r.model_path,
                  ref ? " (reference: " + r.reference_path + ")" : "", r.data_path, r.samples,
                  r.task == "classify" ? "classifier" : "regression", r.output_elements,
                  r.output_elements == 1 ? "" : "s", r.labelled ? "" : ", no labels");
  for (const std::string& note : r.input_notes) out += "  " + note + "\n";
  out += "\n";
  const double range = r.range_hi - r.range_lo;
  auto rel = [&](double v) {
    return range > 0 ? fmt::format(" ({:.2f}% of range)", 100.0 * v / range) : "";
  };
  if (r.labelled) {
    out += fmt::format("  {:<26} {:>24}{}\n", "", "model",
                       ref ? fmt::format(" {:>24}", "reference") : "");
    auto row = [&](const std::string& name, const std::string& m, const std::string& rv) {
      out += fmt::format("  {:<26} {:>24}{}\n", name, m, ref ? fmt::format(" {:>24}", rv) : "");
    };
    if (r.task == "classify") {
      row("top-1 accuracy",
          fmt::format("{} ({}/{})", percent(r.model.accuracy), r.model.correct, r.samples),
          fmt::format("{} ({}/{})", percent(r.reference.accuracy), r.reference.correct, r.samples));
    } else {
      row("mean absolute error", fmt::format("{:.6g}", r.model.mae),
          fmt::format("{:.6g}", r.reference.mae));
      row("RMSE", fmt::format("{:.6g}", r.model.rmse), fmt::format("{:.6g}", r.reference.rmse));
      row("max error", fmt::format("{:.6g}", r.model.max_error),
          fmt::format("{:.6g}", r.reference.max_error));
      if (range > 0) {
        row("MAE / target range", fmt::format("{:.2f}%", 100.0 * r.model.mae / range),
            fmt::format("{:.2f}%", 100.0 * r.reference.mae / range));
        row("max error / target range", fmt::format("{:.2f}%", 100.0 * r.model.max_error / range),
            fmt::format("{:.2f}%", 100.0 * r.reference.max_error / range));
      }
      out += fmt::format("  target range [{:.6g}, {:.6g}]\n", r.range_lo, r.range_hi);
    }
  }
  if (ref) {
    if (r.task == "classify") {
      out += fmt::format("  agreement with the reference (same top-1 class): {} ({}/{})\n",
                         percent(r.agreement), r.agreement_matches, r.samples);
    } else {
      out += fmt::format("  model vs reference: mean absolute difference {:.6g}{}, max {:.6g}{}\n",
                         r.agreement_mae, rel(r.agreement_mae), r.agreement_max_error,
                         rel(r.agreement_max_error));
    }
  }
  return out;
}

}  // namespace mote::tools
