// Model::load: the bounded verification of a whole .tflite file.
//
// Walks every table Mote will ever read (and the optional ones it does not, such as metadata and
// signatures, so that tools can show them safely) and checks it with the bounds-checked readers
// of flatbuffer_view.h. Stops at the first problem with a message naming the buffer, tensor or
// operator at fault.
#include "model/decode.h"
#include "mote/model.h"
#include "mote/tflite_schema.h"

namespace mote {

class ModelVerifier {
 public:
  ModelVerifier(const fb::Buffer& buffer, const Reporter& reporter)
      : buffer_(buffer), reporter_(reporter) {}

  Status run(Model* out);

 private:
  template <typename... Args>
  Status fail(const char* fmt, const Args&... args) {
    reporter_.report(fmt, args...);
    return Status::kInvalidModel;
  }
  Status check_vector_of_tables(const fb::Table& table, uint16_t field, const char* what,
                                bool required, fb::Vector* out);
  Status check_subgraph(uint32_t index, const fb::Table& subgraph, Model* model);
  Status check_metadata(const fb::Vector& buffers);

  fb::Buffer buffer_;
  const Reporter& reporter_;
  fb::Table root_;
  fb::Vector opcodes_;
};

Status ModelVerifier::check_vector_of_tables(const fb::Table& table, uint16_t field,
                                             const char* what, bool required, fb::Vector* out) {
  *out = fb::Vector();
  const fb::FieldState s = table.vector(field, 4, out);
  if (s == fb::FieldState::kBad) return fail("model: {} vector is out of bounds", what);
  if (s == fb::FieldState::kAbsent && required) return fail("model: no {}", what);
  for (uint32_t i = 0; i < out->length(); ++i) {
    if (!fb::table_element(*out, i).valid()) {
      return fail("model: {} {} is out of bounds", what, i);
    }
  }
  return Status::kOk;
}

Status ModelVerifier::check_subgraph(uint32_t index, const fb::Table& subgraph, Model* model) {
  namespace f = schema::subgraph;
  fb::Vector tensors, operators;
  MOTE_TRY(check_vector_of_tables(subgraph, f::kTensors, "tensor", false, &tensors));
  MOTE_TRY(check_vector_of_tables(subgraph, f::kOperators, "operator", false, &operators));
  const char* name = nullptr;
  if (subgraph.string(f::kName, &name) == fb::FieldState::kBad) {
    return fail("subgraph {}: name is out of bounds", index);
  }
  const detail::ModelTables tables{buffer_, model->buffers_, opcodes_, tensors.length()};

  for (uint32_t i = 0; i < tensors.length(); ++i) {
    TensorDesc desc;
    MOTE_TRY(detail::decode_tensor(tables, fb::table_element(tensors, i), i, &desc, &reporter_));
  }
  PackedArray<int32_t> io[2];
  const uint16_t io_fields[2] = {f::kInputs, f::kOutputs};
  const char* io_names[2] = {"input", "output"};
  for (int k = 0; k < 2; ++k) {
    fb::Vector v;
    const fb::FieldState s = subgraph.vector(io_fields[k], 4, &v);
    if (s == fb::FieldState::kBad) {
      return fail("subgraph {}: {} list is out of bounds", index, io_names[k]);
    }
    if (s == fb::FieldState::kPresent) io[k] = PackedArray<int32_t>(v);
    for (uint32_t i = 0; i < io[k].size(); ++i) {
      const int32_t t = io[k][i];
      if (t < 0 || static_cast<uint32_t>(t) >= tensors.length()) {
        return fail("subgraph {}: {} {} is tensor {}, but the subgraph has {} tensors", index,
                    io_names[k], i, t, tensors.length());
      }
    }
  }
  for (uint32_t i = 0; i < operators.length(); ++i) {
    OperatorDesc op;
    MOTE_TRY(detail::decode_operator(tables, fb::table_element(operators, i), i, &op, &reporter_));
  }
  if (index == 0) {
    model->tensors_ = tensors;
    model->operators_ = operators;
    model->inputs_ = io[0];
    model->outputs_ = io[1];
  }
  return Status::kOk;
}

Status ModelVerifier::check_metadata(const fb::Vector& buffers) {
  namespace f = schema::model;
  fb::Vector metadata;
  MOTE_TRY(check_vector_of_tables(root_, f::kMetadata, "metadata", false, &metadata));
  for (uint32_t i = 0; i < metadata.length(); ++i) {
    const fb::Table m = fb::table_element(metadata, i);
    const char* name = nullptr;
    fb::FieldState s = fb::FieldState::kAbsent;
    const uint32_t buffer = m.scalar<uint32_t>(1, 0, &s);
    if (m.string(0, &name) == fb::FieldState::kBad || s == fb::FieldState::kBad ||
        buffer >= buffers.length()) {
      return fail("model: metadata {} is malformed (buffer {} of {})", i, buffer, buffers.length());
    }
  }
  fb::Vector metadata_buffer;
  if (root_.vector(f::kMetadataBuffer, 4, &metadata_buffer) == fb::FieldState::kBad) {
    return fail("model: metadata_buffer is out of bounds");
  }
  fb::Vector signatures;
  MOTE_TRY(check_vector_of_tables(root_, f::kSignatureDefs, "signature", false, &signatures));
  for (uint32_t i = 0; i < signatures.length(); ++i) {
    const fb::Table sig = fb::table_element(signatures, i);
    for (uint16_t field = 0; field < 2; ++field) {  // inputs, outputs: [TensorMap]
      fb::Vector maps;
      if (sig.vector(field, 4, &maps) == fb::FieldState::kBad) {
        return fail("model: signature {} tensor map is out of bounds", i);
      }
      for (uint32_t j = 0; j < maps.length(); ++j) {
        const fb::Table map = fb::table_element(maps, j);
        const char* name = nullptr;
        if (!map.valid() || map.string(0, &name) == fb::FieldState::kBad) {
          return fail("model: signature {} tensor map {} is malformed", i, j);
        }
      }
    }
    const char* key = nullptr;
    if (sig.string(2, &key) == fb::FieldState::kBad) {
      return fail("model: signature {} key is out of bounds", i);
    }
  }
  return Status::kOk;
}

Status ModelVerifier::run(Model* out) {
  namespace f = schema::model;
  if (buffer_.size < 8) return fail("model: {} bytes is too short for a TFLite file", buffer_.size);
  if (std::memcmp(buffer_.base + 4, schema::kFileIdentifier, 4) != 0) {
    return fail("model: file identifier is not 'TFL3' (not a TFLite flatbuffer)");
  }
  root_ = fb::Table::root(buffer_);
  if (!root_.valid()) return fail("model: root table is out of bounds");
  fb::FieldState s = fb::FieldState::kAbsent;
  const uint32_t version = root_.scalar<uint32_t>(f::kVersion, 0, &s);
  if (s == fb::FieldState::kBad) return fail("model: version field is out of bounds");
  if (version != schema::kSchemaVersion) {
    return fail("model: schema version {} is not supported (expected {})", version,
                schema::kSchemaVersion);
  }
  const char* description = nullptr;
  if (root_.string(f::kDescription, &description) == fb::FieldState::kBad) {
    return fail("model: description is out of bounds");
  }

  Model model;
  model.buffer_ = buffer_;
  model.root_ = root_;
  MOTE_TRY(check_vector_of_tables(root_, f::kOperatorCodes, "operator code", false, &opcodes_));
  model.opcodes_ = opcodes_;
  MOTE_TRY(check_vector_of_tables(root_, f::kBuffers, "buffer", false, &model.buffers_));
  const detail::ModelTables tables{buffer_, model.buffers_, opcodes_, 0};
  for (uint32_t i = 0; i < model.buffers_.length(); ++i) {
    const uint8_t* data = nullptr;
    uint32_t bytes = 0;
    MOTE_TRY(detail::decode_buffer(tables, i, &data, &bytes, &reporter_));
  }
  for (uint32_t i = 0; i < opcodes_.length(); ++i) {
    int32_t code = 0, op_version = 0;
    const char* custom = nullptr;
    MOTE_TRY(detail::decode_operator_code(tables, i, &code, &op_version, &custom, &reporter_));
  }
  MOTE_TRY(check_vector_of_tables(root_, f::kSubgraphs, "subgraph", true, &model.subgraphs_));
  if (model.subgraphs_.length() == 0) return fail("model: no subgraphs");
  for (uint32_t i = 0; i < model.subgraphs_.length(); ++i) {
    MOTE_TRY(check_subgraph(i, fb::table_element(model.subgraphs_, i), &model));
  }
  MOTE_TRY(check_metadata(model.buffers_));
  *out = model;
  return Status::kOk;
}

Status Model::load(const void* data, size_t size, const Reporter& reporter, Model* out) {
  if (out == nullptr) return Status::kInvalidArgument;
  *out = Model();
  if (data == nullptr) {
    reporter.report("model: no data (null pointer)");
    return Status::kInvalidArgument;
  }
  if (size > 0x7FFFFFFFu) {
    reporter.report("model: {} bytes exceeds the 2 GiB FlatBuffers limit", size);
    return Status::kInvalidModel;
  }
  const fb::Buffer buffer{static_cast<const uint8_t*>(data), static_cast<uint32_t>(size)};
  ModelVerifier verifier(buffer, reporter);
  return verifier.run(out);
}

}  // namespace mote
