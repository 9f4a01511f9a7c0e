// The contract between the interpreter and an operator implementation.
//
// Each op is one OpKernel: a Prepare function that runs once, validates the node (types, shapes,
// options), precomputes everything Eval needs (quantization multipliers, padding, activation
// range) into per-op data it allocates from the arena, and requests scratch memory; and an Eval
// function that runs every inference without allocation or validation.
//
//   Status prepare_relu(PrepareContext& ctx) {
//     MOTE_TRY(ctx.expect_counts(1, 1));
//     ...
//     auto* data = ctx.allocate<ReluData>();
//     if (data == nullptr) return Status::kArenaTooSmall;
//     ctx.set_op_data(data);
//     return Status::kOk;
//   }
//   Status eval_relu(EvalContext& ctx) {
//     const auto& data = ctx.op_data<ReluData>();
//     relu_s8(ctx.input<int8_t>(0), ctx.output<int8_t>(0), data.n, ...);
//     return Status::kOk;
//   }
//   constexpr OpKernel kRelu = {BuiltinOp::kRelu, nullptr, "RELU", 3, Options::kNone,
//                               prepare_relu, eval_relu};
//
// Messages from ctx.fail() are prefixed with the node: "node 7 CONV_2D: ...".
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "mote/model.h"
#include "mote/span.h"
#include "mote/status.h"
#include "mote/tflite_schema.h"

namespace mote {

class Interpreter;
class PrepareContext;
class EvalContext;

struct OpKernel {
  int32_t builtin_code;     // schema BuiltinOperator; BuiltinOp::kCustom for custom ops
  const char* custom_name;  // custom op name; nullptr for builtins
  int32_t max_version;      // highest operator version this kernel implements
  uint8_t options_type;     // expected BuiltinOptions union id; 0 accepts only NONE
  Status (*prepare)(PrepareContext& ctx);
  Status (*eval)(EvalContext& ctx);
};

// Per-operator state in the persistent arena.
struct NodeState {
  const OpKernel* kernel = nullptr;
  void* op_data = nullptr;
  PackedArray<int32_t> inputs;  // tensor indices in the model (flash)
  PackedArray<int32_t> outputs;
};

struct ScratchSlot {
  uint32_t offset = 0;  // from the arena head
  uint32_t size = 0;
  int32_t node = 0;  // the operator that requested it
};

class PrepareContext {
 public:
  PrepareContext(Interpreter& interpreter, uint32_t node_index, const OperatorDesc& op)
      : interpreter_(interpreter), node_index_(node_index), op_(op) {}

  const OperatorDesc& op() const { return op_; }
  uint32_t node_index() const { return node_index_; }
  int32_t version() const { return op_.version; }
  int32_t input_count() const { return static_cast<int32_t>(op_.inputs.size()); }
  int32_t output_count() const { return static_cast<int32_t>(op_.outputs.size()); }
  // False for inputs past the end and for omitted optional inputs (index -1 in the model).
  bool has_input(int32_t i) const { return i >= 0 && i < input_count() && op_.inputs[i] >= 0; }
  TensorDesc input(int32_t i) const;
  TensorDesc output(int32_t i) const;
  TensorDesc tensor(int32_t index) const;

  // The op's builtin options; defaults apply to absent fields (and to an absent table).
  const fb::Table& options() const { return op_.options; }
  template <typename T>
  T option(uint16_t field, T fallback) const {
    return op_.options.valid() ? op_.options.template scalar<T>(field, fallback) : fallback;
  }

  // Zero-filled, 8-byte aligned memory that lives as long as the interpreter. Returns nullptr
  // when the arena is full; the kernel then returns Status::kArenaTooSmall and the interpreter
  // works out how many bytes it would need.
  void* allocate_persistent(size_t bytes);
  template <typename T>
  T* allocate(size_t count = 1) {
    static_assert(std::is_trivially_copyable<T>::value, "op data must be plain data");
    static_assert(alignof(T) <= 8, "op data alignment above 8 is not supported");
    T* data = static_cast<T*>(allocate_persistent(sizeof(T) * count));
    // Copy in a value-initialized T, so default member initializers hold (plain data, no
    // placement new needed).
    if (data != nullptr) {
      const T initial{};
      for (size_t i = 0; i < count; ++i) std::memcpy(&data[i], &initial, sizeof(T));
    }
    return data;
  }
  void set_op_data(void* data);

  // Scratch memory that is valid only during this op's Eval; placed by the memory planner.
  Status request_scratch(size_t bytes, int32_t* index);

  // Reports "node N OP: <message>" and returns `status`.
  template <typename... Args>
  Status fail(Status status, const char* fmt, const Args&... args) const {
    if constexpr (kErrorStrings) {
      char message[Reporter::kMaxLine];
      format_to(message, sizeof(message), fmt, args...);
      report_line(message);
    }
    return status;
  }

  // Common validations with standard messages.
  Status expect_counts(int32_t min_inputs, int32_t max_inputs, int32_t outputs) const;
  Status expect_type(const TensorDesc& tensor, const char* role, TensorType expected) const;
  Status expect_same_type(const TensorDesc& a, const TensorDesc& b) const;
  Status expect_quantized(const TensorDesc& tensor, const char* role) const;
  Status unsupported_type(const TensorDesc& tensor, const char* role) const;

 private:
  void report_line(const char* message) const;

  Interpreter& interpreter_;
  uint32_t node_index_;
  const OperatorDesc& op_;
};

class EvalContext {
 public:
  EvalContext(Interpreter& interpreter, uint32_t node_index, void* const* tensor_data,
              const NodeState& node, const ScratchSlot* scratch, uint8_t* arena_head)
      : interpreter_(interpreter),
        node_index_(node_index),
        tensor_data_(tensor_data),
        node_(node),
        scratch_(scratch),
        arena_head_(arena_head) {}

  int32_t input_count() const { return static_cast<int32_t>(node_.inputs.size()); }
  int32_t output_count() const { return static_cast<int32_t>(node_.outputs.size()); }
  bool has_input(int32_t i) const { return i < input_count() && node_.inputs[i] >= 0; }

  template <typename T>
  const T* input(int32_t i) const {
    return static_cast<const T*>(input_data(i));
  }
  template <typename T>
  T* output(int32_t i) const {
    return static_cast<T*>(output_data(i));
  }
  // Variable (state) inputs such as SVDF or LSTM state are written in place.
  template <typename T>
  T* mutable_input(int32_t i) const {
    return static_cast<T*>(input_data(i));
  }
  void* input_data(int32_t i) const {
    const int32_t t = i < input_count() ? node_.inputs[i] : -1;
    return t < 0 ? nullptr : tensor_data_[t];
  }
  void* output_data(int32_t i) const { return tensor_data_[node_.outputs[i]]; }
  // Model tensor index of an input (-1 when omitted) or output.
  int32_t input_tensor_index(int32_t i) const { return i < input_count() ? node_.inputs[i] : -1; }
  int32_t output_tensor_index(int32_t i) const { return node_.outputs[i]; }

  template <typename T>
  const T& op_data() const {
    return *static_cast<const T*>(node_.op_data);
  }
  template <typename T>
  T& mutable_op_data() const {
    return *static_cast<T*>(node_.op_data);
  }

  Span<uint8_t> scratch(int32_t index) const {
    return Span<uint8_t>(arena_head_ + scratch_[index].offset, scratch_[index].size);
  }

  // Shape of an input or output, decoded from the model. For ops that did not keep it in their
  // op data; costs a few table lookups.
  Shape input_shape(int32_t i) const;
  Shape output_shape(int32_t i) const;

  // Reports "node N OP: <message>" and returns Status::kEvalFailed (for data-dependent errors,
  // e.g. an index tensor pointing outside its table).
  template <typename... Args>
  Status fail(const char* fmt, const Args&... args) const {
    if constexpr (kErrorStrings) {
      char message[Reporter::kMaxLine];
      format_to(message, sizeof(message), fmt, args...);
      report_line(message);
    }
    return Status::kEvalFailed;
  }

 private:
  void report_line(const char* message) const;

  Interpreter& interpreter_;
  uint32_t node_index_;
  void* const* tensor_data_;
  const NodeState& node_;
  const ScratchSlot* scratch_;
  uint8_t* arena_head_;
};

}  // namespace mote
