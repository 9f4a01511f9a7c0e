// Decoding of tensors and operators from their FlatBuffers tables, with every check the loader
// needs. Shared by the verifier (which reports problems) and the Model accessors (which run only
// on verified data, so they never see a failure).
#pragma once

#include "mote/model.h"

namespace mote {
namespace detail {

struct ModelTables {
  fb::Buffer buffer;
  fb::Vector buffers;     // Model.buffers
  fb::Vector opcodes;     // Model.operator_codes
  uint32_t tensor_count;  // of the subgraph being decoded
};

// Fills *out from tensor table `table` (index `index` in its subgraph). Reports and returns
// kInvalidModel when the table is malformed; `reporter` may be nullptr.
Status decode_tensor(const ModelTables& model, const fb::Table& table, uint32_t index,
                     TensorDesc* out, const Reporter* reporter);

// Fills *out from operator table `table`. Checks the opcode index, every tensor index and the
// options tables.
Status decode_operator(const ModelTables& model, const fb::Table& table, uint32_t index,
                       OperatorDesc* out, const Reporter* reporter);

// Builtin code, version and custom name of operator code `index`.
Status decode_operator_code(const ModelTables& model, uint32_t index, int32_t* builtin_code,
                            int32_t* version, const char** custom_code, const Reporter* reporter);

// The bytes of buffer `index`: inline data or (schema 3c) an offset/size pair that points past
// the FlatBuffer inside the same file. Empty buffers give data == nullptr.
Status decode_buffer(const ModelTables& model, uint32_t index, const uint8_t** data,
                     uint32_t* bytes, const Reporter* reporter);

}  // namespace detail
}  // namespace mote
