// Model accessors. They run on data the verifier accepted, so decoding cannot fail here.
#include "mote/model.h"

#include "model/decode.h"
#include "mote/tflite_schema.h"

namespace mote {
namespace {

detail::ModelTables tables_of(const fb::Buffer& buffer, const fb::Vector& buffers,
                              const fb::Vector& opcodes, uint32_t tensor_count) {
  return detail::ModelTables{buffer, buffers, opcodes, tensor_count};
}

}  // namespace

uint32_t Model::schema_version() const {
  return root_.scalar<uint32_t>(schema::model::kVersion, 0);
}

const char* Model::description() const {
  const char* text = nullptr;
  if (root_.string(schema::model::kDescription, &text) != fb::FieldState::kPresent) return "";
  return text;
}

TensorDesc Model::tensor(uint32_t index) const {
  TensorDesc desc;
  const auto model = tables_of(buffer_, buffers_, opcodes_, tensors_.length());
  (void)detail::decode_tensor(model, fb::table_element(tensors_, index), index, &desc, nullptr);
  return desc;
}

OperatorDesc Model::op(uint32_t index) const {
  OperatorDesc desc;
  const auto model = tables_of(buffer_, buffers_, opcodes_, tensors_.length());
  (void)detail::decode_operator(model, fb::table_element(operators_, index), index, &desc, nullptr);
  return desc;
}

}  // namespace mote
