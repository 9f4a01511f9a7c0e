#include "quantize_model.h"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "mote/tflite_schema.h"
#include "quantize_math.h"
#include "quantize_ops.h"

namespace mote::tools {
namespace {

using B = schema::BuiltinOp;

bool is_constant(const TensorDef& t) { return !t.data.empty() && !t.is_variable; }

bool is_integer_quantized_type(TensorType type) {
  return type == TensorType::kInt8 || type == TensorType::kUInt8 || type == TensorType::kInt16 ||
         type == TensorType::kInt32 || type == TensorType::kInt64;
}

std::string op_label(const ModelDef& def, size_t k) {
  const OperatorDef& op = def.operators[k];
  return fmt::format("operator {} ({}, layer '{}')", k, schema::builtin_op_name(op.builtin_code),
                     layer_name(def, k));
}

// IEEE half to float (float16 weights behind DEQUANTIZE).
float half_to_float(uint16_t h) {
  const uint32_t sign = (h >> 15) & 1u;
  const uint32_t exponent = (h >> 10) & 0x1fu;
  const uint32_t mantissa = h & 0x3ffu;
  float value;
  if (exponent == 0) {
    value = std::ldexp(static_cast<float>(mantissa), -24);
  } else if (exponent == 31) {
    value = mantissa == 0 ? std::numeric_limits<float>::infinity()
                          : std::numeric_limits<float>::quiet_NaN();
  } else {
    value = std::ldexp(static_cast<float>(mantissa | 0x400u), static_cast<int>(exponent) - 25);
  }
  return sign ? -value : value;
}

// The real values of a quantized constant (per-channel along its quantized dimension).
std::vector<float> real_values(const TensorDef& t) {
  if (t.type == TensorType::kFloat32) return from_bytes<float>(t.data);
  if (t.type == TensorType::kFloat16) {
    const std::vector<uint16_t> halves = from_bytes<uint16_t>(t.data);
    std::vector<float> out(halves.size());
    for (size_t i = 0; i < halves.size(); ++i) out[i] = half_to_float(halves[i]);
    return out;
  }
  int32_t axis = t.quant.quantized_dimension;
  if (t.shape.size() == 1) axis = 0;
  return dequantize_values(t.data, t.type, t.shape, t.quant.scales, t.quant.zero_points, axis);
}

void make_float_constant(TensorDef* t, const std::vector<float>& values) {
  t->type = TensorType::kFloat32;
  t->data = to_bytes(values);
  t->quant = QuantDef();
}

bool matches(const std::string& pattern, const ModelDef& def, size_t k) {
  if (pattern.size() > 1 && pattern[0] == '#') return pattern.substr(1) == std::to_string(k);
  if (pattern.rfind("type:", 0) == 0) {
    return pattern.substr(5) == schema::builtin_op_name(def.operators[k].builtin_code);
  }
  return fnmatch(pattern.c_str(), layer_name(def, k).c_str(), 0) == 0;
}

// True when the operator touches float32 values (otherwise it is integer bookkeeping, e.g. a
// shape computation, and is left as it is).
bool has_real_values(const ModelDef& def, const OperatorDef& op) {
  for (const int32_t t : op.inputs) {
    if (t >= 0 && def.tensors[static_cast<size_t>(t)].type == TensorType::kFloat32) return true;
  }
  for (const int32_t t : op.outputs) {
    if (def.tensors[static_cast<size_t>(t)].type == TensorType::kFloat32) return true;
  }
  return false;
}

std::string quant_suffix(TensorType type) { return std::string("_") + type_name(type); }

class Quantizer {
 public:
  Quantizer(const ModelDef& def, const std::vector<TensorRange>& ranges, const QuantizePlan& plan,
            const QuantizeOptions& options, QuantizeResult* result)
      : f_(def),
        ranges_(ranges),
        plan_(plan),
        options_(options),
        result_(*result),
        q_(result->model) {}

  QuantizeError run(std::string* error);

 private:
  QuantizeError quantize_op(size_t k, std::string* error);
  QuantizeError set_interface(std::string* error);

  bool observed(int32_t t, std::string* error) const;
  QuantParams natural_params(int32_t t, TensorType type) const;
  QuantParams constant_params(int32_t t, TensorType type) const;
  int32_t convert(int32_t t, TensorType to, QuantParams params);
  int32_t constant_version(int32_t t, const std::string& key, TensorDef def);
  int32_t constant_with(int32_t t, TensorType type, const QuantParams* required);
  void emit(OperatorDef op, int32_t origin);

  const ModelDef& f_;
  const std::vector<TensorRange>& ranges_;
  const QuantizePlan& plan_;
  const QuantizeOptions& options_;
  QuantizeResult& result_;
  ModelDef& q_;
  std::vector<bool> real_;           // non-constant float32 tensors of the float model
  std::vector<TensorType> home_;     // their type in the quantized model
  std::vector<QuantParams> params_;  // and parameters (when quantized)
  std::vector<bool> claimed_;        // a constant's slot holds one of its quantized forms
  std::map<std::string, int32_t> versions_;
};

bool Quantizer::observed(int32_t t, std::string* error) const {
  if (static_cast<size_t>(t) < ranges_.size() && ranges_[static_cast<size_t>(t)].observed) {
    return true;
  }
  *error = fmt::format("tensor {} '{}' was not computed during calibration, so it has no range", t,
                       f_.tensors[static_cast<size_t>(t)].name);
  return false;
}

QuantParams Quantizer::natural_params(int32_t t, TensorType type) const {
  const auto i = static_cast<size_t>(t);
  if (home_[i] == type) return params_[i];
  return activation_params(ranges_[i].min, ranges_[i].max, type);
}

// A real-valued constant quantized on its own: symmetric per tensor, as TFLite quantizes
// constant operands (int8 like weights over [-127, 127]; int16 over [-32767, 32767]).
QuantParams Quantizer::constant_params(int32_t t, TensorType type) const {
  const std::vector<float> values = from_bytes<float>(f_.tensors[static_cast<size_t>(t)].data);
  float max_abs = 0.0f;
  for (float v : values) max_abs = std::max(max_abs, std::abs(v));
  QuantParams p;
  if (type == TensorType::kInt16) {
    p.scale = max_abs / 32767.0f;
  } else {
    p.scale = max_abs == 0.0f ? 1.0f : max_abs / 127.0f;
  }
  return p;
}

void Quantizer::emit(OperatorDef op, int32_t origin) {
  q_.operators.push_back(std::move(op));
  result_.op_origin.push_back(origin);
}

int32_t Quantizer::convert(int32_t t, TensorType to, QuantParams params) {
  const auto i = static_cast<size_t>(t);
  const TensorType from = home_[i];
  if (from == to && (to == TensorType::kFloat32 || (params_[i].scale == params.scale &&
                                                    params_[i].zero_point == params.zero_point))) {
    return t;
  }
  const std::string key = fmt::format("a{}:{}:{:a}:{}", t, static_cast<int>(to),
                                      to == TensorType::kFloat32 ? 0.0f : params.scale,
                                      to == TensorType::kFloat32 ? 0 : params.zero_point);
  const auto it = versions_.find(key);
  if (it != versions_.end()) return it->second;
  TensorDef def;
  def.name = f_.tensors[i].name + (from == to ? "_requantized" : quant_suffix(to));
  def.shape = f_.tensors[i].shape;
  def.shape_signature = f_.tensors[i].shape_signature;
  def.type = to;
  if (to != TensorType::kFloat32) {
    def.quant.scales = {params.scale};
    def.quant.zero_points = {params.zero_point};
  }
  q_.tensors.push_back(def);
  const auto index = static_cast<int32_t>(q_.tensors.size() - 1);
  OperatorDef op;
  op.builtin_code =
      static_cast<int32_t>(to == TensorType::kFloat32 ? B::kDequantize : B::kQuantize);
  op.inputs = {t};
  op.outputs = {index};
  emit(std::move(op), -1);
  versions_[key] = index;
  return index;
}

int32_t Quantizer::constant_version(int32_t t, const std::string& key, TensorDef def) {
  const auto it = versions_.find(key);
  if (it != versions_.end()) return it->second;
  int32_t index = t;
  if (!claimed_[static_cast<size_t>(t)]) {
    claimed_[static_cast<size_t>(t)] = true;
    q_.tensors[static_cast<size_t>(t)] = std::move(def);
  } else {
    q_.tensors.push_back(std::move(def));
    index = static_cast<int32_t>(q_.tensors.size() - 1);
  }
  versions_[key] = index;
  return index;
}

// Constant `t` as `type`: float32 as it is, or quantized with `required` parameters (when the
// operator needs them) or its own symmetric ones.
int32_t Quantizer::constant_with(int32_t t, TensorType type, const QuantParams* required) {
  const TensorDef& original = f_.tensors[static_cast<size_t>(t)];
  if (type == TensorType::kFloat32)
    return constant_version(t, fmt::format("c{}:float", t), original);
  const QuantParams p = required != nullptr ? *required : constant_params(t, type);
  TensorDef def = original;
  def.type = type;
  def.quant = QuantDef();
  def.quant.scales = {p.scale};
  def.quant.zero_points = {p.zero_point};
  const std::vector<float> values = from_bytes<float>(original.data);
  if (required == nullptr && type == TensorType::kInt16) {
    float scale = 0.0f;
    def.data = to_bytes(quantize_int16_symmetric(values, &scale));
  } else if (required == nullptr) {
    const ChannelRanges r = channel_ranges(values, original.shape, -1);
    const QuantizedWeights w = quantize_weights(values, original.shape, -1, r);
    def.data = to_bytes(w.values);
  } else {
    def.data = quantize_values(values, p, type);
  }
  return constant_version(
      t, fmt::format("c{}:{}:{:a}:{}", t, static_cast<int>(type), p.scale, p.zero_point), def);
}

QuantizeError Quantizer::quantize_op(size_t k, std::string* error) {
  const OperatorDef& fop = f_.operators[k];
  OperatorDef op = fop;
  const Precision precision = plan_.op_precision[k];
  if (precision == Precision::kFloat) {
    for (int32_t& t : op.inputs) {
      if (t < 0) continue;
      const auto i = static_cast<size_t>(t);
      if (real_[i]) {
        t = convert(t, TensorType::kFloat32, {});
      } else if (is_constant(f_.tensors[i]) && f_.tensors[i].type == TensorType::kFloat32) {
        t = constant_with(t, TensorType::kFloat32, nullptr);
      }
    }
    emit(std::move(op), static_cast<int32_t>(k));
    return QuantizeError::kNone;
  }

  const TensorType type = precision == Precision::kInt16 ? TensorType::kInt16 : TensorType::kInt8;
  const OpQuantSpec& spec = op_quant_spec(fop.builtin_code);
  std::vector<int> real_inputs = spec.real_inputs;
  if (spec.all_inputs_real) {
    real_inputs.clear();
    for (size_t i = 0; i < fop.inputs.size(); ++i) real_inputs.push_back(static_cast<int>(i));
  }
  // Only inputs that are present and float count (an optional input may be -1).
  std::vector<int> present;
  for (const int i : real_inputs) {
    if (static_cast<size_t>(i) >= fop.inputs.size() || fop.inputs[static_cast<size_t>(i)] < 0) {
      continue;
    }
    const TensorDef& t = f_.tensors[static_cast<size_t>(fop.inputs[static_cast<size_t>(i)])];
    if (t.type != TensorType::kFloat32) {
      *error = fmt::format("{}: input {} ('{}') is {}, not float32", op_label(f_, k), i, t.name,
                           type_name(t.type));
      return QuantizeError::kInvalid;
    }
    present.push_back(i);
  }
  const auto input_params = [&](int i) {
    const int32_t t = fop.inputs[static_cast<size_t>(i)];
    return real_[static_cast<size_t>(t)] ? natural_params(t, type) : constant_params(t, type);
  };
  for (const int i : present) {
    const int32_t t = fop.inputs[static_cast<size_t>(i)];
    if (real_[static_cast<size_t>(t)] && !observed(t, error)) return QuantizeError::kInvalid;
  }

  // Outputs.
  QuantParams out_params;
  bool have_out_params = false;
  for (const int32_t u : fop.outputs) {
    const auto ui = static_cast<size_t>(u);
    if (!real_[ui] || spec.output == OpQuantSpec::Output::kNotReal) continue;
    QuantParams p;
    switch (spec.output) {
      case OpQuantSpec::Output::kOwnRange:
        if (!observed(u, error)) return QuantizeError::kInvalid;
        p = activation_params(ranges_[ui].min, ranges_[ui].max, type);
        break;
      case OpQuantSpec::Output::kFixed:
        p = type == TensorType::kInt16 ? spec.fixed_int16 : spec.fixed_int8;
        break;
      case OpQuantSpec::Output::kSameAsInput:
        if (present.empty()) {
          *error = fmt::format("{}: no float input to take the quantization from", op_label(f_, k));
          return QuantizeError::kInvalid;
        }
        p = input_params(present[0]);
        break;
      case OpQuantSpec::Output::kNotReal:
        break;
    }
    home_[ui] = type;
    params_[ui] = p;
    TensorDef& out = q_.tensors[ui];
    out.type = type;
    out.quant = QuantDef();
    out.quant.scales = {p.scale};
    out.quant.zero_points = {p.zero_point};
    if (!have_out_params) out_params = p;
    have_out_params = true;
  }

  // Real inputs, converted or requantized where the operator needs it.
  QuantParams first_params;
  for (size_t n = 0; n < present.size(); ++n) {
    const int i = present[n];
    int32_t& t = op.inputs[static_cast<size_t>(i)];
    const QuantParams* required = nullptr;
    if (spec.inputs_take_output_params && have_out_params) required = &out_params;
    if (spec.output == OpQuantSpec::Output::kSameAsInput && n > 0) required = &first_params;
    if (real_[static_cast<size_t>(t)]) {
      const QuantParams p = required != nullptr ? *required : natural_params(t, type);
      t = convert(t, type, p);
    } else {
      t = constant_with(t, type, required);
    }
    if (n == 0) {
      const TensorDef& now = q_.tensors[static_cast<size_t>(t)];
      first_params = {now.quant.scales[0], static_cast<int32_t>(now.quant.zero_points[0])};
    }
  }

  // Weights and bias.
  if (spec.weight_input >= 0 && static_cast<size_t>(spec.weight_input) < fop.inputs.size()) {
    const int32_t w = fop.inputs[static_cast<size_t>(spec.weight_input)];
    const TensorDef& weights = f_.tensors[static_cast<size_t>(w)];
    if (!is_constant(weights) || weights.type != TensorType::kFloat32) {
      *error = fmt::format(
          "{}: the weights ('{}') must be a float32 constant to be quantized (they are {} {})",
          op_label(f_, k), weights.name, is_constant(weights) ? "a constant of" : "computed, ",
          type_name(weights.type));
      return QuantizeError::kInvalid;
    }
    const bool per_channel =
        options_.per_channel && (spec.weight_per_channel_default || options_.fc_per_channel);
    const int32_t axis = per_channel ? spec.weight_axis : -1;
    const std::vector<float> values = from_bytes<float>(weights.data);
    ChannelRanges ranges = channel_ranges(values, weights.shape, axis);
    int32_t b = -1;
    if (spec.bias_input >= 0 && static_cast<size_t>(spec.bias_input) < fop.inputs.size()) {
      b = fop.inputs[static_cast<size_t>(spec.bias_input)];
    }
    const float input_scale = first_params.scale;
    std::vector<float> bias;
    if (b >= 0) {
      const TensorDef& bias_def = f_.tensors[static_cast<size_t>(b)];
      if (!is_constant(bias_def) || bias_def.type != TensorType::kFloat32) {
        *error = fmt::format("{}: the bias ('{}') must be a float32 constant", op_label(f_, k),
                             bias_def.name);
        return QuantizeError::kInvalid;
      }
      bias = from_bytes<float>(bias_def.data);
      adjust_weight_ranges_for_bias(&ranges, bias, input_scale);
    }
    const QuantizedWeights qw = quantize_weights(values, weights.shape, axis, ranges);
    TensorDef wdef = weights;
    wdef.type = TensorType::kInt8;
    wdef.data = to_bytes(qw.values);
    wdef.quant = QuantDef();
    wdef.quant.scales = qw.scales;
    wdef.quant.zero_points.assign(qw.scales.size(), 0);
    wdef.quant.quantized_dimension = qw.scales.size() > 1 ? axis : 0;
    op.inputs[static_cast<size_t>(spec.weight_input)] = constant_version(
        w, fmt::format("c{}:w:{}:{}:{:a}", w, axis, b, b >= 0 ? input_scale : 0.0f), wdef);
    // How much the weights alone lose.
    double signal = 0.0, noise = 0.0;
    const std::vector<float> back = dequantize_values(wdef.data, TensorType::kInt8, wdef.shape,
                                                      qw.scales, wdef.quant.zero_points, axis);
    for (size_t e = 0; e < values.size(); ++e) {
      signal += static_cast<double>(values[e]) * values[e];
      noise += (static_cast<double>(values[e]) - back[e]) * (values[e] - back[e]);
    }
    result_.weight_sqnr[k] = sqnr_db(signal, noise);

    if (b >= 0) {
      const int bits = type == TensorType::kInt16 ? 64 : 32;
      std::vector<float> bias_scales;
      TensorDef bdef = f_.tensors[static_cast<size_t>(b)];
      bdef.data = quantize_bias(bias, input_scale, qw.scales, bits, &bias_scales);
      bdef.type = bits == 64 ? TensorType::kInt64 : TensorType::kInt32;
      bdef.quant = QuantDef();
      bdef.quant.scales = bias_scales;
      bdef.quant.zero_points.assign(bias_scales.size(), 0);
      bdef.quant.quantized_dimension = 0;
      op.inputs[static_cast<size_t>(spec.bias_input)] =
          constant_version(b, fmt::format("c{}:b:{:a}:{}:{}", b, input_scale, w, axis), bdef);
    }
  }

  // 16x8 ADD/SUB rescale with general scales, not only powers of two (TFLite's quantizer sets
  // the same).
  if (type == TensorType::kInt16 && (fop.builtin_code == static_cast<int32_t>(B::kAdd) ||
                                     fop.builtin_code == static_cast<int32_t>(B::kSub))) {
    op.options.type = fop.builtin_code == static_cast<int32_t>(B::kAdd) ? schema::Options::kAdd
                                                                        : schema::Options::kSub;
    op.options.set(OptionField::boolean(schema::add_options::kPotScaleInt16, false));
  }
  emit(std::move(op), static_cast<int32_t>(k));
  return QuantizeError::kNone;
}

QuantizeError Quantizer::set_interface(std::string* error) {
  const TensorType want = options_.io_type;
  // Inputs: the graph takes `want`; an operator at the front converts to the layer's type.
  std::vector<OperatorDef> front;
  std::vector<int32_t> front_origin;
  for (int32_t& t : q_.inputs) {
    const auto i = static_cast<size_t>(t);
    if (i >= real_.size() || !real_[i] || home_[i] == want) continue;
    if (!observed(t, error)) return QuantizeError::kInvalid;
    TensorDef outer;
    outer.name = f_.tensors[i].name;
    outer.shape = f_.tensors[i].shape;
    outer.shape_signature = f_.tensors[i].shape_signature;
    outer.type = want;
    if (want != TensorType::kFloat32) {
      const QuantParams p = activation_params(ranges_[i].min, ranges_[i].max, want);
      outer.quant.scales = {p.scale};
      outer.quant.zero_points = {p.zero_point};
    }
    q_.tensors[i].name += quant_suffix(home_[i]);
    q_.tensors.push_back(outer);
    OperatorDef op;
    op.builtin_code =
        static_cast<int32_t>(home_[i] == TensorType::kFloat32 ? B::kDequantize : B::kQuantize);
    op.inputs = {static_cast<int32_t>(q_.tensors.size() - 1)};
    op.outputs = {t};
    front.push_back(op);
    front_origin.push_back(-1);
    t = static_cast<int32_t>(q_.tensors.size() - 1);
  }
  q_.operators.insert(q_.operators.begin(), front.begin(), front.end());
  result_.op_origin.insert(result_.op_origin.begin(), front_origin.begin(), front_origin.end());

  for (int32_t& t : q_.outputs) {
    const auto i = static_cast<size_t>(t);
    if (i >= real_.size() || !real_[i] || home_[i] == want) continue;
    TensorDef outer;
    outer.name = f_.tensors[i].name;
    outer.shape = f_.tensors[i].shape;
    outer.shape_signature = f_.tensors[i].shape_signature;
    outer.type = want;
    if (want != TensorType::kFloat32) {
      // The calibrated range of the value it converts, in the interface type.
      const QuantParams p = ranges_[i].observed
                                ? activation_params(ranges_[i].min, ranges_[i].max, want)
                                : params_[i];
      outer.quant.scales = {p.scale};
      outer.quant.zero_points = {p.zero_point};
    }
    q_.tensors[i].name += quant_suffix(home_[i]);
    q_.tensors.push_back(outer);
    OperatorDef op;
    op.builtin_code =
        static_cast<int32_t>(want == TensorType::kFloat32 ? B::kDequantize : B::kQuantize);
    op.inputs = {t};
    t = static_cast<int32_t>(q_.tensors.size() - 1);
    op.outputs = {t};
    emit(std::move(op), -1);
  }
  return QuantizeError::kNone;
}

QuantizeError Quantizer::run(std::string* error) {
  const size_t n = f_.tensors.size();
  q_ = f_;
  q_.operators.clear();
  result_.op_origin.clear();
  result_.weight_sqnr.assign(f_.operators.size(), std::numeric_limits<double>::quiet_NaN());
  real_.assign(n, false);
  home_.assign(n, TensorType::kFloat32);
  params_.assign(n, QuantParams());
  claimed_.assign(n, false);
  for (size_t i = 0; i < n; ++i) {
    real_[i] = f_.tensors[i].type == TensorType::kFloat32 && !is_constant(f_.tensors[i]);
  }
  // Graph inputs live in the type their first consumer computes in.
  for (const int32_t t : f_.inputs) {
    const auto i = static_cast<size_t>(t);
    if (!real_[i]) continue;
    home_[i] = i < plan_.tensor_type.size() ? plan_.tensor_type[i] : TensorType::kFloat32;
    if (home_[i] != TensorType::kFloat32) {
      if (!observed(t, error)) return QuantizeError::kInvalid;
      params_[i] = activation_params(ranges_[i].min, ranges_[i].max, home_[i]);
      q_.tensors[i].type = home_[i];
      q_.tensors[i].quant.scales = {params_[i].scale};
      q_.tensors[i].quant.zero_points = {params_[i].zero_point};
    }
  }
  for (size_t k = 0; k < f_.operators.size(); ++k) {
    const QuantizeError e = quantize_op(k, error);
    if (e != QuantizeError::kNone) return e;
  }
  const QuantizeError e = set_interface(error);
  if (e != QuantizeError::kNone) return e;

  // min_runtime_version describes the float model; a quantized one needs a newer runtime, and
  // a stale figure would mislead.
  q_.metadata.erase(
      std::remove_if(q_.metadata.begin(), q_.metadata.end(),
                     [](const MetadataDef& m) { return m.name == "min_runtime_version"; }),
      q_.metadata.end());
  set_op_versions(&q_);
  return QuantizeError::kNone;
}

}  // namespace

const char* precision_name(Precision precision) {
  switch (precision) {
    case Precision::kInt8:
      return "int8";
    case Precision::kInt16:
      return "16x8";
    case Precision::kFloat:
      return "float";
  }
  return "?";
}

std::string layer_name(const ModelDef& def, size_t op) {
  const OperatorDef& o = def.operators[op];
  if (!o.outputs.empty() && o.outputs[0] >= 0 &&
      !def.tensors[static_cast<size_t>(o.outputs[0])].name.empty()) {
    return def.tensors[static_cast<size_t>(o.outputs[0])].name;
  }
  return fmt::format("#{}", op);
}

QuantizeError prepare_float_model(ModelDef* def, std::vector<std::string>* notes,
                                  std::string* error) {
  // An already quantized model: a graph input or an operator output with a quantized type.
  std::vector<bool> produced(def->tensors.size(), false);
  for (const OperatorDef& op : def->operators) {
    for (const int32_t t : op.outputs) produced[static_cast<size_t>(t)] = true;
  }
  for (const int32_t t : def->inputs) produced[static_cast<size_t>(t)] = true;
  size_t quantized_ops = 0;
  for (const OperatorDef& op : def->operators) {
    if (op.builtin_code == static_cast<int32_t>(B::kDequantize) ||
        op.builtin_code == static_cast<int32_t>(B::kQuantize)) {
      continue;
    }
    for (const int32_t t : op.outputs) {
      const TensorDef& tensor = def->tensors[static_cast<size_t>(t)];
      if (!tensor.quant.empty() && is_integer_quantized_type(tensor.type)) ++quantized_ops;
    }
  }
  for (size_t i = 0; i < def->tensors.size(); ++i) {
    const TensorDef& t = def->tensors[i];
    if (!produced[i] || t.quant.empty() || !is_integer_quantized_type(t.type)) continue;
    *error = fmt::format(
        "the model is already quantized: tensor {} '{}' is {} (scale {}, zero point {}), and {} "
        "operator(s) compute quantized values; quantize takes a float model (`mote quantize "
        "--dequantize` writes the float twin of a quantized model)",
        i, t.name, type_name(t.type), t.quant.scales[0], t.quant.zero_points[0], quantized_ops);
    return QuantizeError::kUnsupported;
  }

  // DEQUANTIZE of a constant (int8 or float16 weights): fold into a float32 constant.
  std::vector<OperatorDef> kept;
  size_t folded = 0;
  for (const OperatorDef& op : def->operators) {
    if (op.builtin_code == static_cast<int32_t>(B::kDequantize) && op.inputs.size() == 1 &&
        op.outputs.size() == 1 && op.inputs[0] >= 0) {
      const TensorDef& in = def->tensors[static_cast<size_t>(op.inputs[0])];
      TensorDef& out = def->tensors[static_cast<size_t>(op.outputs[0])];
      if (is_constant(in) && out.type == TensorType::kFloat32 &&
          (in.type == TensorType::kFloat16 || !in.quant.empty())) {
        make_float_constant(&out, real_values(in));
        ++folded;
        continue;
      }
    }
    kept.push_back(op);
  }
  def->operators = std::move(kept);
  if (folded > 0) {
    notes->push_back(
        fmt::format("folded {} DEQUANTIZE operator(s) of constant weights into "
                    "float32 constants",
                    folded));
  }

  // Hybrid weights: quantized integer constants read by float operators.
  size_t hybrid = 0;
  for (const OperatorDef& op : def->operators) {
    if (!has_real_values(*def, op)) continue;
    for (const int32_t t : op.inputs) {
      if (t < 0) continue;
      TensorDef& tensor = def->tensors[static_cast<size_t>(t)];
      if (is_constant(tensor) && !tensor.quant.empty() &&
          (tensor.type == TensorType::kInt8 || tensor.type == TensorType::kUInt8 ||
           tensor.type == TensorType::kInt16)) {
        make_float_constant(&tensor, real_values(tensor));
        ++hybrid;
      }
    }
  }
  if (hybrid > 0) {
    notes->push_back(fmt::format(
        "hybrid model: dequantized {} int8 weight tensor(s) to float32 before quantizing", hybrid));
  }
  // Constants unused after folding would keep their int8/float16 bytes in the file.
  std::vector<bool> used(def->tensors.size(), false);
  for (const OperatorDef& op : def->operators) {
    for (const int32_t t : op.inputs) {
      if (t >= 0) used[static_cast<size_t>(t)] = true;
    }
  }
  for (size_t i = 0; i < def->tensors.size(); ++i) {
    if (!used[i] && is_constant(def->tensors[i])) {
      def->tensors[i].data.clear();
      def->tensors[i].quant = QuantDef();
    }
  }
  set_op_versions(def);
  return QuantizeError::kNone;
}

QuantizeError plan_precision(const ModelDef& def, const QuantizeOptions& options,
                             QuantizePlan* plan, std::string* error) {
  const size_t ops = def.operators.size();
  plan->op_precision.assign(ops, options.precision);
  std::vector<bool> real_op(ops, false);
  for (size_t k = 0; k < ops; ++k) {
    real_op[k] = has_real_values(def, def.operators[k]);
    if (!real_op[k]) plan->op_precision[k] = Precision::kFloat;  // left exactly as it is
  }
  for (const LayerPrecision& layer : options.layers) {
    size_t matched = 0;
    for (size_t k = 0; k < ops; ++k) {
      if (!matches(layer.pattern, def, k)) continue;
      ++matched;
      if (real_op[k]) plan->op_precision[k] = layer.precision;
    }
    if (matched == 0) {
      std::string names;
      for (size_t k = 0; k < ops && k < 8; ++k)
        names += "\n  #" + std::to_string(k) + " " + layer_name(def, k);
      *error = fmt::format(
          "layer pattern '{}' ({}) matches no layer; layers are named by their output tensor "
          "(glob), #N (operator index) or type:OP. The first layers:{}{}",
          layer.pattern, precision_name(layer.precision), names, ops > 8 ? "\n  ..." : "");
      return QuantizeError::kUsage;
    }
  }
  for (size_t k = 0; k < ops; ++k) {
    const Precision p = plan->op_precision[k];
    if (p == Precision::kFloat) continue;
    const OpQuantSpec& spec = op_quant_spec(def.operators[k].builtin_code);
    if (!spec.supported) {
      *error = fmt::format(
          "{} has no quantized form in Mote's quantizer; keep it in float with --float-layers "
          "'#{}'",
          op_label(def, k), k);
      return QuantizeError::kUnsupported;
    }
    if (p == Precision::kInt16 && !spec.int16) {
      *error = fmt::format(
          "{} has no 16x8 form; quantize it to int8 (--int8-layers '#{}') or keep it in float "
          "(--float-layers '#{}')",
          op_label(def, k), k, k);
      return QuantizeError::kUnsupported;
    }
  }
  plan->tensor_type.assign(def.tensors.size(), TensorType::kFloat32);
  const auto type_of = [](Precision p) {
    return p == Precision::kInt8    ? TensorType::kInt8
           : p == Precision::kInt16 ? TensorType::kInt16
                                    : TensorType::kFloat32;
  };
  for (size_t k = 0; k < ops; ++k) {
    const OpQuantSpec& spec = op_quant_spec(def.operators[k].builtin_code);
    if (spec.output == OpQuantSpec::Output::kNotReal) continue;
    for (const int32_t t : def.operators[k].outputs) {
      if (def.tensors[static_cast<size_t>(t)].type == TensorType::kFloat32) {
        plan->tensor_type[static_cast<size_t>(t)] = type_of(plan->op_precision[k]);
      }
    }
  }
  for (const int32_t t : def.inputs) {
    if (def.tensors[static_cast<size_t>(t)].type != TensorType::kFloat32) continue;
    Precision p = options.precision;
    for (size_t k = 0; k < ops; ++k) {
      const auto& in = def.operators[k].inputs;
      if (std::find(in.begin(), in.end(), t) != in.end()) {
        p = plan->op_precision[k];
        break;
      }
    }
    plan->tensor_type[static_cast<size_t>(t)] = type_of(p);
  }
  return QuantizeError::kNone;
}

QuantizeError quantize_model(const ModelDef& def, const std::vector<TensorRange>& ranges,
                             const QuantizePlan& plan, const QuantizeOptions& options,
                             QuantizeResult* result, std::string* error) {
  *result = QuantizeResult();
  Quantizer quantizer(def, ranges, plan, options, result);
  const QuantizeError e = quantizer.run(error);
  if (e != QuantizeError::kNone) return e;
  result->model.description = fmt::format(
      "{} quantized by Mote ({})", def.description.empty() ? std::string("model") : def.description,
      precision_name(options.precision));
  return QuantizeError::kNone;
}

QuantizeError dequantize_model(ModelDef* def, std::vector<std::string>* notes, std::string* error) {
  for (size_t k = 0; k < def->operators.size(); ++k) {
    if (!def->operators[k].intermediates.empty()) {
      *error = fmt::format(
          "{} has intermediate tensors (quantized LSTM); its float twin is not "
          "defined",
          op_label(*def, k));
      return QuantizeError::kUnsupported;
    }
  }
  size_t constants = 0, activations = 0;
  for (TensorDef& t : def->tensors) {
    if (t.quant.empty() || !is_integer_quantized_type(t.type)) continue;
    if (is_constant(t)) {
      make_float_constant(&t, real_values(t));
      ++constants;
    } else {
      t.type = TensorType::kFloat32;
      t.quant = QuantDef();
      t.data.clear();
      ++activations;
    }
  }
  // QUANTIZE/DEQUANTIZE between float tensors are identities now: drop them and let their
  // readers read the input directly.
  std::vector<int32_t> alias(def->tensors.size());
  for (size_t i = 0; i < alias.size(); ++i) alias[i] = static_cast<int32_t>(i);
  const auto resolve = [&alias](int32_t t) {
    while (t >= 0 && alias[static_cast<size_t>(t)] != t) t = alias[static_cast<size_t>(t)];
    return t;
  };
  std::vector<OperatorDef> kept;
  size_t removed = 0;
  for (OperatorDef op : def->operators) {
    for (int32_t& t : op.inputs) t = resolve(t);
    const bool conversion = op.builtin_code == static_cast<int32_t>(B::kQuantize) ||
                            op.builtin_code == static_cast<int32_t>(B::kDequantize);
    if (conversion && op.inputs.size() == 1 && op.outputs.size() == 1 &&
        def->tensors[static_cast<size_t>(op.inputs[0])].type == TensorType::kFloat32 &&
        def->tensors[static_cast<size_t>(op.outputs[0])].type == TensorType::kFloat32) {
      alias[static_cast<size_t>(op.outputs[0])] = op.inputs[0];
      ++removed;
      continue;
    }
    // Options that only mean something for quantized kernels.
    if (op.builtin_code == static_cast<int32_t>(B::kConv2D)) {
      op.options.fields.erase(std::remove_if(op.options.fields.begin(), op.options.fields.end(),
                                             [](const OptionField& f) {
                                               return f.id ==
                                                      schema::conv2d_options::kQuantizedBiasType;
                                             }),
                              op.options.fields.end());
    }
    kept.push_back(std::move(op));
  }
  def->operators = std::move(kept);
  for (int32_t& t : def->outputs) t = resolve(t);
  // A graph input that only fed a removed QUANTIZE is still an input; if a graph output now is
  // a graph input, the model passes it through, which the runtime allows.
  set_op_versions(def);
  def->description += " (float twin by Mote)";
  notes->push_back(fmt::format(
      "dequantized {} constant(s) and {} activation tensor(s); removed {} QUANTIZE/DEQUANTIZE "
      "operator(s)",
      constants, activations, removed));
  return QuantizeError::kNone;
}

}  // namespace mote::tools
