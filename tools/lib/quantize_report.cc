#include "quantize_report.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "mote/tflite_schema.h"
#include "quantize_math.h"

namespace mote::tools {
namespace {

using B = schema::BuiltinOp;

// The operator that produces `tensor`, looking through RESHAPE/SQUEEZE/DEQUANTIZE.
int32_t producer_code(const ModelDef& def, int32_t tensor) {
  for (int hops = 0; hops < 4; ++hops) {
    const OperatorDef* producer = nullptr;
    for (const OperatorDef& op : def.operators) {
      if (std::find(op.outputs.begin(), op.outputs.end(), tensor) != op.outputs.end()) {
        producer = &op;
      }
    }
    if (producer == nullptr) return -1;
    const auto code = static_cast<B>(producer->builtin_code);
    if ((code != B::kReshape && code != B::kSqueeze && code != B::kDequantize) ||
        producer->inputs.empty()) {
      return producer->builtin_code;
    }
    tensor = producer->inputs[0];
  }
  return -1;
}

size_t arg_max(const float* v, size_t n) {
  size_t best = 0;
  for (size_t i = 1; i < n; ++i) {
    if (v[i] > v[best]) best = i;
  }
  return best;
}

std::string format_db(double db) {
  if (std::isnan(db)) return "-";
  if (std::isinf(db)) return db > 0 ? "exact" : "-inf";
  return fmt::format("{:.1f}", db);
}

nlohmann::json db_json(double db) {
  if (std::isnan(db) || std::isinf(db)) return nullptr;
  return db;
}

}  // namespace

double LayerError::sqnr_db() const { return tools::sqnr_db(signal, noise); }

double LayerError::drop_db() const {
  const double out = sqnr_db();
  if (!std::isfinite(out) || !std::isfinite(input_sqnr_db)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return out - input_sqnr_db;
}

double OutputAgreement::error_share_of_range() const {
  const double range = float_max - float_min;
  return range > 0.0 ? max_abs_error / range : (max_abs_error > 0.0 ? 1.0 : 0.0);
}

bool compare_models(const LoadedModel& float_model, const ModelDef& float_def,
                    const LoadedModel& quant_model, const QuantizePlan& plan,
                    const std::vector<TensorRange>& ranges, const QuantizeResult& result,
                    const CalibrationSet& set, const ProgressFn& progress, QuantizeReport* report,
                    std::string* error) {
  *report = QuantizeReport();
  report->samples = set.samples.size();
  Status status = Status::kOk;
  auto float_runner = ModelRunner::create(float_model, error, &status);
  if (float_runner == nullptr) return false;
  auto quant_runner = ModelRunner::create(quant_model, error, &status);
  if (quant_runner == nullptr) return false;
  const ModelDef& q = result.model;
  const size_t n = float_def.tensors.size();

  // One row per graph input, then per operator output, in execution order.
  std::vector<int32_t> row_of(n, -1);
  const auto add_row = [&](int32_t op, int32_t tensor) {
    const TensorDef& ft = float_def.tensors[static_cast<size_t>(tensor)];
    if (ft.type != TensorType::kFloat32 || row_of[static_cast<size_t>(tensor)] >= 0) return;
    LayerError row;
    row.op = op;
    row.op_name =
        op < 0 ? "input"
               : schema::builtin_op_name(float_def.operators[static_cast<size_t>(op)].builtin_code);
    row.layer = ft.name;
    row.tensor = tensor;
    row.precision =
        op < 0 ? precision_name(plan.tensor_type[static_cast<size_t>(tensor)] == TensorType::kInt16
                                    ? Precision::kInt16
                                : plan.tensor_type[static_cast<size_t>(tensor)] == TensorType::kInt8
                                    ? Precision::kInt8
                                    : Precision::kFloat)
               : precision_name(plan.op_precision[static_cast<size_t>(op)]);
    const TensorDef& qt = q.tensors[static_cast<size_t>(tensor)];
    row.type = qt.type;
    if (!qt.quant.empty()) {
      row.scale = qt.quant.scales[0];
      row.zero_point = static_cast<int32_t>(qt.quant.zero_points[0]);
    }
    if (static_cast<size_t>(tensor) < ranges.size() &&
        ranges[static_cast<size_t>(tensor)].observed) {
      row.range_min = ranges[static_cast<size_t>(tensor)].min;
      row.range_max = ranges[static_cast<size_t>(tensor)].max;
    }
    if (op >= 0 && static_cast<size_t>(op) < result.weight_sqnr.size()) {
      row.weight_sqnr_db = result.weight_sqnr[static_cast<size_t>(op)];
    }
    row_of[static_cast<size_t>(tensor)] = static_cast<int32_t>(report->layers.size());
    report->layers.push_back(row);
  };
  for (const int32_t t : float_def.inputs) add_row(-1, t);
  for (size_t k = 0; k < float_def.operators.size(); ++k) {
    for (const int32_t t : float_def.operators[k].outputs) add_row(static_cast<int32_t>(k), t);
  }
  for (const int32_t t : float_def.outputs) {
    OutputAgreement out;
    out.name = float_def.tensors[static_cast<size_t>(t)].name;
    const int32_t code = producer_code(float_def, t);
    const std::vector<int32_t>& shape = float_def.tensors[static_cast<size_t>(t)].shape;
    out.classifier =
        (code == static_cast<int32_t>(B::kSoftmax) || code == static_cast<int32_t>(B::kLogistic)) &&
        !shape.empty() && shape.back() >= 2;
    out.float_min = std::numeric_limits<double>::infinity();
    out.float_max = -out.float_min;
    report->outputs.push_back(out);
  }

  std::vector<std::vector<float>> captured(n);
  std::vector<float> values;
  const ModelRunner::Visitor capture = [&](int32_t index, const TensorHandle& t) {
    if (static_cast<size_t>(index) < n && row_of[static_cast<size_t>(index)] >= 0) {
      tensor_real_values(t, &captured[static_cast<size_t>(index)]);
    }
  };
  const ModelRunner::Visitor compare = [&](int32_t index, const TensorHandle& t) {
    if (static_cast<size_t>(index) >= n) return;
    const int32_t row = row_of[static_cast<size_t>(index)];
    if (row < 0 || !tensor_real_values(t, &values)) return;
    const std::vector<float>& expected = captured[static_cast<size_t>(index)];
    if (expected.size() != values.size()) return;
    LayerError& r = report->layers[static_cast<size_t>(row)];
    for (size_t i = 0; i < values.size(); ++i) {
      const double f = expected[i];
      const double d = f - values[i];
      r.signal += f * f;
      r.noise += d * d;
    }
  };

  Interpreter& qi = quant_runner->interpreter();
  for (size_t s = 0; s < set.samples.size(); ++s) {
    const CalibrationSample& sample = set.samples[s];
    if (!float_runner->run(sample.inputs, capture, error)) {
      *error = fmt::format("float model, {}: {}", sample.name, *error);
      return false;
    }
    // The quantized model's inputs: the same values, quantized where its inputs are.
    std::vector<std::vector<uint8_t>> inputs;
    for (size_t i = 0; i < sample.inputs.size(); ++i) {
      const TensorHandle qt = qi.input(i);
      const TensorDef& ft = float_def.tensors[static_cast<size_t>(float_def.inputs[i])];
      if (qt.type == ft.type) {
        inputs.push_back(sample.inputs[i]);
        continue;
      }
      const std::vector<float> real = from_bytes<float>(sample.inputs[i]);
      inputs.push_back(quantize_values(real, {qt.scale, qt.zero_point}, qt.type));
    }
    if (!quant_runner->run(inputs, compare, error)) {
      *error = fmt::format("quantized model, {}: {}", sample.name, *error);
      return false;
    }
    for (size_t o = 0; o < report->outputs.size(); ++o) {
      OutputAgreement& out = report->outputs[o];
      const std::vector<float>& f = captured[static_cast<size_t>(float_def.outputs[o])];
      if (!tensor_real_values(qi.output(o), &values) || values.size() != f.size()) continue;
      for (size_t i = 0; i < f.size(); ++i) {
        const double d = static_cast<double>(f[i]) - values[i];
        out.max_abs_error = std::max(out.max_abs_error, std::abs(d));
        out.float_min = std::min(out.float_min, static_cast<double>(f[i]));
        out.float_max = std::max(out.float_max, static_cast<double>(f[i]));
        out.signal += static_cast<double>(f[i]) * f[i];
        out.noise += d * d;
      }
      if (out.classifier) {
        const std::vector<int32_t>& shape =
            float_def.tensors[static_cast<size_t>(float_def.outputs[o])].shape;
        const auto classes = static_cast<size_t>(shape.back());
        for (size_t row = 0; row + classes <= f.size(); row += classes) {
          ++out.rows;
          if (arg_max(f.data() + row, classes) == arg_max(values.data() + row, classes)) {
            ++out.top1_agree;
          }
        }
      }
    }
    if (progress) progress("evaluation", s + 1, set.samples.size());
  }
  for (LayerError& r : report->layers) {
    if (r.op < 0) continue;
    for (const int32_t t : float_def.operators[static_cast<size_t>(r.op)].inputs) {
      if (t < 0 || row_of[static_cast<size_t>(t)] < 0) continue;
      r.input_sqnr_db =
          std::min(r.input_sqnr_db,
                   report->layers[static_cast<size_t>(row_of[static_cast<size_t>(t)])].sqnr_db());
    }
  }
  return true;
}

nlohmann::json to_json(const QuantizeReport& report) {
  nlohmann::json j;
  j["samples"] = report.samples;
  j["layers"] = nlohmann::json::array();
  for (const LayerError& r : report.layers) {
    nlohmann::json l = {{"op_index", r.op < 0 ? nlohmann::json(nullptr) : nlohmann::json(r.op)},
                        {"op", r.op_name},
                        {"layer", r.layer},
                        {"tensor", r.tensor},
                        {"precision", r.precision},
                        {"dtype", type_name(r.type)},
                        {"range", {r.range_min, r.range_max}},
                        {"sqnr_db", db_json(r.sqnr_db())},
                        {"sqnr_change_db", db_json(r.drop_db())},
                        {"weights_sqnr_db", db_json(r.weight_sqnr_db)}};
    if (r.type != TensorType::kFloat32) {
      l["scale"] = r.scale;
      l["zero_point"] = r.zero_point;
    }
    j["layers"].push_back(l);
  }
  j["outputs"] = nlohmann::json::array();
  for (const OutputAgreement& o : report.outputs) {
    nlohmann::json out = {{"name", o.name},
                          {"kind", o.classifier ? "classifier" : "regressor"},
                          {"sqnr_db", db_json(sqnr_db(o.signal, o.noise))},
                          {"max_abs_error", o.max_abs_error},
                          {"float_range", {o.float_min, o.float_max}},
                          {"error_share_of_range", o.error_share_of_range()}};
    if (o.classifier) {
      out["top1_agreement"] = o.top1_rate();
      out["top1_agree"] = o.top1_agree;
      out["rows"] = o.rows;
    }
    j["outputs"].push_back(out);
  }
  return j;
}

std::string to_text(const QuantizeReport& report) {
  std::string s = fmt::format(
      "{:>4}  {:<18} {:<5} {:<7} {:>11} {:>6}  {:>23}  {:>8} {:>7} {:>8}  {}\n", "#", "op", "prec",
      "dtype", "scale", "zp", "calibrated range", "SQNR dB", "change", "weights", "layer");
  const LayerError* worst = nullptr;
  for (const LayerError& r : report.layers) {
    const bool quantized = r.type != TensorType::kFloat32;
    const std::string scale = quantized ? fmt::format("{:.6g}", r.scale) : "-";
    const std::string zp = quantized ? fmt::format("{}", r.zero_point) : "-";
    std::string name = r.layer;
    if (name.size() > 48) name = "..." + name.substr(name.size() - 45);
    const double drop = r.drop_db();
    const std::string change = std::isnan(drop) ? "" : fmt::format("{:+.1f}", drop);
    s += fmt::format(
        "{:>4}  {:<18} {:<5} {:<7} {:>11} {:>6}  [{:>10.4g}, {:>10.4g}]  {:>8} {:>7} {:>8}  {}\n",
        r.op < 0 ? std::string("in") : std::to_string(r.op), r.op_name, r.precision,
        type_name(r.type), scale, zp, r.range_min, r.range_max, format_db(r.sqnr_db()), change,
        format_db(r.weight_sqnr_db), name);
    if (!std::isnan(drop) && (worst == nullptr || drop < worst->drop_db())) {
      worst = &r;
    }
  }
  s += fmt::format(
      "\n{} sample(s). SQNR: float vs quantized value of each layer's output; "
      "change: against the layer's worst input.",
      report.samples);
  if (worst != nullptr && worst->drop_db() < 0) {
    s += fmt::format("\nLargest loss: {:.1f} dB at #{} {} '{}'.", -worst->drop_db(), worst->op,
                     worst->op_name, worst->layer);
  }
  s += "\n";
  for (const OutputAgreement& o : report.outputs) {
    if (o.classifier) {
      s += fmt::format(
          "output '{}': top-1 agreement with the float model {:.2f}% ({}/{}), "
          "SQNR {} dB\n",
          o.name, 100.0 * o.top1_rate(), o.top1_agree, o.rows,
          format_db(sqnr_db(o.signal, o.noise)));
    } else {
      s += fmt::format(
          "output '{}': max |error| {:.4g} = {:.2f}% of the float output range "
          "[{:.4g}, {:.4g}], SQNR {} dB\n",
          o.name, o.max_abs_error, 100.0 * o.error_share_of_range(), o.float_min, o.float_max,
          format_db(sqnr_db(o.signal, o.noise)));
    }
  }
  return s;
}

}  // namespace mote::tools
