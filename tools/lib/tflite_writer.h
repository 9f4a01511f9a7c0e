// Writes TFLite flatbuffers (schema v3) from a plain C++ description of a model (ModelDef).
//
// Used by tests to build small and hostile models, and by the quantizer and trainer to write
// their results. What it writes follows the schema: file identifier "TFL3", buffer 0 empty,
// constant data in 16-byte aligned buffers, operator codes with both the deprecated byte code
// and the extended code, and options tables written field by field (OptionsDef), so any builtin
// option can be expressed without a generated schema header.
//
// write_tflite() writes whatever it is given (tests use it to build hostile models).
// write_verified_tflite() is what tools use: it checks the ModelDef, writes it, and loads the
// result with Mote's own verifier, so a tool never hands out a file Mote would reject.
// model_def_reader.h is the reverse direction (a verified Model back into a ModelDef).
//
//   ModelDef def;                       // tensors, operators, inputs, outputs
//   set_op_versions(&def);              // the versions TFLite's converter would write
//   std::vector<uint8_t> bytes;
//   std::string error;
//   if (!write_verified_tflite(def, &bytes, &error)) { ... error names the tensor/op ... }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mote/tflite_schema.h"
#include "mote/types.h"

namespace mote::tools {

// Affine quantization, as in the schema's QuantizationParameters. Per-tensor when scales has one
// entry, per-channel along quantized_dimension otherwise. min/max are the optional calibration
// range (TFLite writes them "for importing back into TensorFlow"; no kernel reads them).
struct QuantDef {
  std::vector<float> scales;
  std::vector<int64_t> zero_points;
  int32_t quantized_dimension = 0;
  std::vector<float> min;
  std::vector<float> max;
  // No scales: the tensor is not quantized (it may still carry min/max).
  bool empty() const { return scales.empty(); }
};

struct TensorDef {
  std::string name;
  TensorType type = TensorType::kFloat32;
  std::vector<int32_t> shape;
  std::vector<uint8_t> data;  // constant contents; empty for activations
  QuantDef quant;
  bool is_variable = false;
  std::vector<int32_t> shape_signature;  // -1 marks a dynamic dimension; written when non-empty
  bool has_rank = false;                 // written when true (scalars from newer converters)
};

// One field of an options table. `kind` follows the schema type of the field: kBool (bool),
// kInt8 (byte and byte-sized enums: Padding, ActivationFunctionType, TensorType, ...), kInt32
// (int and int-sized enums), kUInt32 (uint), kInt64 (long), kFloat (float), vectors of int and
// float, and strings.
struct OptionField {
  enum class Kind : uint8_t {
    kBool,
    kInt8,
    kInt32,
    kFloat,
    kInt32Vector,
    kUInt32,
    kInt64,
    kFloatVector,
    kString
  };
  uint16_t id = 0;
  Kind kind = Kind::kInt32;
  int64_t int_value = 0;  // kBool, kInt8, kInt32, kUInt32, kInt64
  float float_value = 0.0f;
  std::vector<int32_t> vector;  // kInt32Vector
  std::vector<float> float_vector;
  std::string text;

  static OptionField of(uint16_t id, Kind kind, int64_t v) {
    OptionField f;
    f.id = id;
    f.kind = kind;
    f.int_value = v;
    return f;
  }
  static OptionField boolean(uint16_t id, bool v) { return of(id, Kind::kBool, v); }
  static OptionField int8(uint16_t id, int8_t v) { return of(id, Kind::kInt8, v); }
  static OptionField int32(uint16_t id, int32_t v) { return of(id, Kind::kInt32, v); }
  static OptionField uint32(uint16_t id, uint32_t v) { return of(id, Kind::kUInt32, v); }
  static OptionField int64(uint16_t id, int64_t v) { return of(id, Kind::kInt64, v); }
  static OptionField real(uint16_t id, float v) {
    OptionField f = of(id, Kind::kFloat, 0);
    f.float_value = v;
    return f;
  }
  static OptionField ints(uint16_t id, std::vector<int32_t> v) {
    OptionField f = of(id, Kind::kInt32Vector, 0);
    f.vector = std::move(v);
    return f;
  }
  static OptionField reals(uint16_t id, std::vector<float> v) {
    OptionField f = of(id, Kind::kFloatVector, 0);
    f.float_vector = std::move(v);
    return f;
  }
  static OptionField string(uint16_t id, std::string v) {
    OptionField f = of(id, Kind::kString, 0);
    f.text = std::move(v);
    return f;
  }

  bool operator==(const OptionField& o) const {
    return id == o.id && kind == o.kind && int_value == o.int_value &&
           float_value == o.float_value && vector == o.vector && float_vector == o.float_vector &&
           text == o.text;
  }
};

// A builtin options table: only the fields listed are written (absent fields read as the
// schema's defaults, e.g. dilation 1, pot_scale_int16 true).
struct OptionsDef {
  schema::Options type = schema::Options::kNone;
  std::vector<OptionField> fields;

  const OptionField* find(uint16_t id) const;
  // Integer value of field `id` (bool, byte, int, uint, long), or `fallback` when absent.
  int64_t int_or(uint16_t id, int64_t fallback) const;
  // Adds the field or replaces the one with the same id.
  void set(OptionField field);
  bool operator==(const OptionsDef& o) const { return type == o.type && fields == o.fields; }
};

struct OperatorDef {
  int32_t builtin_code = 0;
  int32_t version = 1;
  std::string custom_code;  // for CUSTOM ops
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  std::vector<int32_t> intermediates;
  OptionsDef options;
  std::vector<uint8_t> custom_options;
};

// A Model.metadata entry: a name and the bytes of the buffer it points to (e.g.
// "min_runtime_version").
struct MetadataDef {
  std::string name;
  std::vector<uint8_t> data;
};

struct ModelDef {
  std::vector<TensorDef> tensors;
  std::vector<OperatorDef> operators;
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  std::string description = "Mote";
  std::vector<MetadataDef> metadata;
  std::string subgraph_name = "main";
};

// Writes the model as is, without checks (tests build invalid models on purpose).
std::vector<uint8_t> write_tflite(const ModelDef& model);

// Structural checks a writer can make without running anything: tensor and operator indices in
// range, constant data sizes against shapes and types, per-channel quantization along an existing
// dimension of the right size, zero points inside the type. false and *error naming the tensor or
// operator at fault.
bool check_model_def(const ModelDef& model, std::string* error);

// check_model_def(), write_tflite(), then Mote's own verifier on the result. On success *out
// holds a file that Model::load() accepts.
bool write_verified_tflite(const ModelDef& model, std::vector<uint8_t>* out, std::string* error);

// The operator version TFLite's converter gives `op` in `model` (tflite/tools/versioning/
// op_version.cc: the version is the first one whose kernel supports the op's input and output
// types and options, e.g. CONV_2D 1 float, 3 int8, 4 int16 activations with int8 weights).
// Ops Mote does not know the rules for get 1.
int32_t tflite_op_version(const ModelDef& model, const OperatorDef& op);

// Sets every builtin operator's version to tflite_op_version().
void set_op_versions(ModelDef* model);

// Helpers to fill TensorDef::data from typed values.
template <typename T>
std::vector<uint8_t> to_bytes(const std::vector<T>& values) {
  std::vector<uint8_t> out(values.size() * sizeof(T));
  for (size_t i = 0; i < values.size(); ++i) {
    const auto* p = reinterpret_cast<const uint8_t*>(&values[i]);
    for (size_t b = 0; b < sizeof(T); ++b) out[i * sizeof(T) + b] = p[b];
  }
  return out;
}

template <typename T>
std::vector<T> from_bytes(const std::vector<uint8_t>& bytes) {
  std::vector<T> values(bytes.size() / sizeof(T));
  for (size_t i = 0; i < values.size(); ++i) {
    auto* p = reinterpret_cast<uint8_t*>(&values[i]);
    for (size_t b = 0; b < sizeof(T); ++b) p[b] = bytes[i * sizeof(T) + b];
  }
  return values;
}

}  // namespace mote::tools
