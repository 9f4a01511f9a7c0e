// Reads a verified mote::Model back into a ModelDef (tflite_writer.h), so that host tools can
// load -> transform -> write a model: the quantizer, the float-twin maker, the trainer.
//
// What is copied: the main subgraph's tensors (name, type, shape, constant data, quantization
// with min/max, is_variable, shape_signature, has_rank), operators (code, version, custom code,
// inputs, outputs, intermediates, builtin options, custom options), the graph inputs and outputs,
// the description, the metadata entries and the subgraph name. Builtin options are copied field
// by field through a typed field list for every options table of the schema's BuiltinOptions
// union (options_spec()), and only the fields present in the file: absent fields stay absent, so
// an options table reads back identically and keeps its schema defaults.
//
// What is rejected, with a message naming the tensor or operator: models with more than one
// subgraph (control flow), sparse tensors, custom quantization details, options tables with a
// field the schema does not have (a newer schema), and BuiltinOptions2 (StableHLO ops).
// What is dropped: signature_defs, the deprecated metadata_buffer list and
// mutating_variable_inputs (no runtime reads them).
//
// Ownership: the ModelDef owns copies of everything (constant data included); the Model may be
// released afterwards.
//
//   std::string error;
//   ModelDef def;
//   if (!read_model_def(loaded->model, &def, &error)) { ... }
//   ... transform def ...
//   std::vector<uint8_t> bytes;
//   if (!write_verified_tflite(def, &bytes, &error)) { ... }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "mote/model.h"
#include "tflite_writer.h"

namespace mote::tools {

// One field of an options table, as the schema declares it (field id = declaration order).
struct OptionFieldSpec {
  uint16_t id;
  OptionField::Kind kind;
  const char* name;
};

struct OptionsSpec {
  const char* name;  // "Conv2DOptions"
  const OptionFieldSpec* fields;
  size_t field_count;
};

// The field list of BuiltinOptions union type `type` (1 to schema::kMaxOptions), or nullptr.
const OptionsSpec* options_spec(uint8_t type);

// Copies the fields present in `table` (an options table of union type `type`) into *out.
// false and *error when a field is malformed or not in the schema.
bool read_options(uint8_t type, const fb::Table& table, OptionsDef* out, std::string* error);

// Reads the verified `model` into *out (replacing its contents).
bool read_model_def(const Model& model, ModelDef* out, std::string* error);

}  // namespace mote::tools
