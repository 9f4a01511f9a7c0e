// A verified, zero-copy view of a .tflite model (FlatBuffers, schema version 3).
//
// Ownership and lifetime: a Model does not own or copy the model bytes. The bytes (typically a
// const array in flash) must outlive the Model and every Interpreter built from it; weights are
// used in place. A Model is a few words and can live on the stack.
//
// Model::load() verifies the whole file, bounded, before anything else touches it: every offset
// and vector length, every tensor, buffer and operator-code index, buffer sizes against shapes
// and types, quantization parameters (per-channel array sizes, quantized dimension) and operator
// codes and versions. A bad file yields Status::kInvalidModel and one message naming the tensor,
// buffer or operator at fault. After a successful load the accessors below cannot fail.
//
//   mote::Model model;
//   if (mote::Model::load(g_model_data, g_model_size, reporter, &model) != mote::Status::kOk) {...}
//   for (uint32_t i = 0; i < model.operator_count(); ++i) { mote::OperatorDesc op = model.op(i); }
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "mote/flatbuffer_view.h"
#include "mote/reporter.h"
#include "mote/shape.h"
#include "mote/status.h"
#include "mote/types.h"

namespace mote {

// A little-endian array stored in the model, read element by element (any alignment).
template <typename T>
class PackedArray {
 public:
  PackedArray() = default;
  PackedArray(const uint8_t* data, uint32_t size) : data_(data), size_(size) {}
  explicit PackedArray(const fb::Vector& v) : data_(v.data()), size_(v.length()) {}

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T operator[](uint32_t i) const { return fb::load<T>(data_ + static_cast<size_t>(i) * sizeof(T)); }
  const uint8_t* bytes() const { return data_; }

 private:
  const uint8_t* data_ = nullptr;
  uint32_t size_ = 0;
};

// Affine quantization: real = scale * (q - zero_point). Per-tensor when size() == 1, per-channel
// along `quantized_dimension` when size() > 1. Verified: scales finite and >= 0, zero points in
// the range of the tensor's type, one per channel.
struct Quantization {
  PackedArray<float> scales;
  PackedArray<int64_t> zero_points;
  int32_t quantized_dimension = 0;

  bool present() const { return !scales.empty(); }
  bool per_channel() const { return scales.size() > 1; }
  uint32_t size() const { return scales.size(); }
  float scale(uint32_t i = 0) const { return scales[i]; }
  int32_t zero_point(uint32_t i = 0) const { return static_cast<int32_t>(zero_points[i]); }
};

struct TensorDesc {
  uint32_t index = 0;
  const char* name = "";  // points into the model; "" when absent
  TensorType type = TensorType::kFloat32;
  Shape shape;
  const uint8_t* data = nullptr;  // constant data in the model, or nullptr
  uint32_t data_bytes = 0;
  Quantization quant;
  bool is_variable = false;
  bool is_sparse = false;

  bool is_constant() const { return data != nullptr; }
  // Bytes of the tensor's contents (elements x type size; 0 for variable-size types).
  uint32_t byte_size() const;
};

struct OperatorDesc {
  uint32_t index = 0;
  int32_t builtin_code = 0;  // schema BuiltinOperator; 32 (CUSTOM) for custom ops
  int32_t version = 1;
  const char* custom_code = nullptr;  // custom op name, nullptr for builtins
  PackedArray<int32_t> inputs;        // tensor indices; -1 marks an omitted optional input
  PackedArray<int32_t> outputs;
  PackedArray<int32_t> intermediates;
  uint8_t options_type = 0;  // BuiltinOptions union type id (schema::Options)
  fb::Table options;         // the options table; invalid when absent
  PackedArray<uint8_t> custom_options;

  // "CONV_2D", or the custom code for custom ops. gnu::pure: no side effects, so a call whose
  // result goes unused (a stripped message argument) is dropped.
  [[gnu::pure]] const char* name() const;
};

class Model {
 public:
  Model() = default;

  // Verifies `data` and, on success, makes *out a view of it. `reporter` receives the reason for
  // a rejection. The model may sit at any address; constant tensors that kernels read as wider
  // types must be aligned, which the interpreter checks (16-byte alignment always suffices).
  static Status load(const void* data, size_t size, const Reporter& reporter, Model* out);

  bool loaded() const { return buffer_.base != nullptr; }
  const uint8_t* data() const { return buffer_.base; }
  uint32_t size() const { return buffer_.size; }

  uint32_t schema_version() const;
  const char* description() const;  // "" when absent
  uint32_t subgraph_count() const { return subgraphs_.length(); }
  uint32_t buffer_count() const { return buffers_.length(); }
  uint32_t operator_code_count() const { return opcodes_.length(); }

  // The main subgraph (0), which is what the interpreter runs.
  uint32_t tensor_count() const { return tensors_.length(); }
  uint32_t operator_count() const { return operators_.length(); }
  PackedArray<int32_t> inputs() const { return inputs_; }
  PackedArray<int32_t> outputs() const { return outputs_; }
  TensorDesc tensor(uint32_t index) const;
  OperatorDesc op(uint32_t index) const;

 private:
  friend class ModelVerifier;
  fb::Buffer buffer_;
  fb::Table root_;
  fb::Vector opcodes_;
  fb::Vector subgraphs_;
  fb::Vector buffers_;
  fb::Vector tensors_;
  fb::Vector operators_;
  PackedArray<int32_t> inputs_;
  PackedArray<int32_t> outputs_;
};

}  // namespace mote
