// Writes TFLite flatbuffers (schema v3) from a plain C++ description of a model.
//
// Used by tests to build small and hostile models, and by the quantizer and trainer to write
// their results. What it writes follows the schema: file identifier "TFL3", buffer 0 empty,
// constant data in 16-byte aligned buffers, operator codes with both the deprecated byte code
// and the extended code, and options tables written field by field (OptionsDef), so any builtin
// option can be expressed without a generated schema header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mote/tflite_schema.h"
#include "mote/types.h"

namespace mote::tools {

struct QuantDef {
  std::vector<float> scales;
  std::vector<int64_t> zero_points;
  int32_t quantized_dimension = 0;
  bool empty() const { return scales.empty(); }
};

struct TensorDef {
  std::string name;
  TensorType type = TensorType::kFloat32;
  std::vector<int32_t> shape;
  std::vector<uint8_t> data;  // constant contents; empty for activations
  QuantDef quant;
  bool is_variable = false;
};

// One scalar or vector field of an options table. Vectors are int32 (e.g. new_shape).
struct OptionField {
  enum class Kind : uint8_t { kBool, kInt8, kInt32, kFloat, kInt32Vector };
  uint16_t id = 0;
  Kind kind = Kind::kInt32;
  int64_t int_value = 0;
  float float_value = 0.0f;
  std::vector<int32_t> vector;

  static OptionField boolean(uint16_t id, bool v) { return {id, Kind::kBool, v, 0.0f, {}}; }
  static OptionField int8(uint16_t id, int8_t v) { return {id, Kind::kInt8, v, 0.0f, {}}; }
  static OptionField int32(uint16_t id, int32_t v) { return {id, Kind::kInt32, v, 0.0f, {}}; }
  static OptionField real(uint16_t id, float v) { return {id, Kind::kFloat, 0, v, {}}; }
  static OptionField ints(uint16_t id, std::vector<int32_t> v) {
    return {id, Kind::kInt32Vector, 0, 0.0f, std::move(v)};
  }
};

struct OptionsDef {
  schema::Options type = schema::Options::kNone;
  std::vector<OptionField> fields;
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

struct ModelDef {
  std::vector<TensorDef> tensors;
  std::vector<OperatorDef> operators;
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  std::string description = "Mote";
};

std::vector<uint8_t> write_tflite(const ModelDef& model);

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

}  // namespace mote::tools
