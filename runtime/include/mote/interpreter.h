// Runs a verified Model in one caller-provided arena, with no heap.
//
// Ownership and lifetime: the Interpreter borrows the Model (and through it the model bytes),
// the OpResolver and the arena; all three must outlive it. It never allocates: everything it
// needs lives in the arena (see memory/arena.h for the layout). It is not thread-safe.
//
// Lifecycle:
//   1. construct with model, resolver, arena and reporter;
//   2. prepare(): validates the graph and every node, precomputes per-op data, plans memory.
//      On success arena_usage() tells exactly how many bytes the model needs; an arena that is
//      too small gives Status::kArenaTooSmall and arena_usage().total says how many it needs;
//   3. write inputs through input(i).data, invoke(), read outputs through output(i).data;
//   4. reset_variables() returns state tensors (SVDF, LSTM) to their initial values.
//
//   alignas(16) static uint8_t arena[8 * 1024];
//   mote::Interpreter interpreter(model, resolver, {arena, sizeof(arena)}, reporter);
//   if (interpreter.prepare() != mote::Status::kOk) { ... }
//   int8_t* in = interpreter.input(0).data_as<int8_t>();
//   ... fill in ...
//   if (interpreter.invoke() != mote::Status::kOk) { ... }
#pragma once

#include <cstddef>
#include <cstdint>

#include "memory/arena.h"
#include "mote/model.h"
#include "mote/op_kernel.h"
#include "mote/op_resolver.h"
#include "mote/reporter.h"
#include "mote/span.h"
#include "mote/status.h"

namespace mote {

// Arena bytes, exact unless `exact` is false (the arena was too small even to measure; `total`
// is then a lower bound). total = persistent + planned, for an arena aligned to 16 bytes.
struct ArenaUsage {
  size_t persistent = 0;   // tail: tensor table, node table, per-op data, variables, scratch table
  size_t planned = 0;      // head: peak of activations and scratch (or prepare's working memory,
                           // when that is larger)
  size_t activations = 0;  // peak of activations and scratch alone, as placed by the planner
  size_t total = 0;
  bool exact = true;
};

// A tensor as the application sees it.
struct TensorHandle {
  void* data = nullptr;
  size_t bytes = 0;
  TensorType type = TensorType::kFloat32;
  Shape shape;
  float scale = 0.0f;  // per-tensor quantization; 0 when not quantized
  int32_t zero_point = 0;
  const char* name = "";
  int32_t index = -1;  // in the model's tensor list

  template <typename T>
  T* data_as() const {
    return type == TypeOf<T>::value ? static_cast<T*>(data) : nullptr;
  }
};

// Called after every operator during invoke(); for tracing and per-op checks in tests.
struct NodeObserver {
  void (*after_node)(void* user, uint32_t node_index) = nullptr;
  void* user = nullptr;
};

class Interpreter {
 public:
  Interpreter(const Model& model, const OpResolver& resolver, Span<uint8_t> arena,
              const Reporter& reporter = Reporter());
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  Status prepare();
  bool prepared() const { return prepared_; }
  const ArenaUsage& arena_usage() const { return usage_; }

  size_t input_count() const { return model_.inputs().size(); }
  size_t output_count() const { return model_.outputs().size(); }
  TensorHandle input(size_t i) const;
  TensorHandle output(size_t i) const;
  // Any tensor by model index; data is nullptr for tensors without memory (not yet written
  // tensors share memory with others, so read them right after the op that writes them).
  TensorHandle tensor(uint32_t index) const;

  Status invoke(const NodeObserver& observer = NodeObserver());
  Status reset_variables();

  // Introspection for tools: where a planned tensor or scratch buffer lives, relative to the
  // arena head; -1 when the tensor is constant, variable or unused.
  int64_t tensor_arena_offset(uint32_t index) const;
  uint32_t scratch_count() const { return scratch_count_; }
  ScratchSlot scratch_slot(uint32_t i) const { return scratch_[i]; }
  const Model& model() const { return model_; }
  const Reporter& reporter() const { return reporter_; }

 private:
  friend class PrepareContext;
  friend class EvalContext;
  struct TensorLife {
    int32_t first = -1;  // first operator that needs the tensor in the planned arena; -1: none
    int32_t last = -1;
  };
  struct ScratchRequest {
    uint32_t size;
    int32_t node;
  };

  Status prepare_once();
  Status check_graph(TensorLife* lives);
  Status prepare_node(uint32_t node);
  Status measure_remaining_nodes(uint32_t first_node, size_t tables_mark);
  Status bind_constants_and_variables(bool allocate);
  Status plan_memory(const TensorLife* lives, bool assign);
  Status fail_arena_too_small();
  void reset_variable_data();
  TensorHandle handle(int32_t tensor_index) const;

  template <typename... Args>
  Status fail(Status status, const char* fmt, const Args&... args) const {
    reporter_.report(fmt, args...);
    return status;
  }

  const Model& model_;
  const OpResolver& resolver_;
  Reporter reporter_;
  Span<uint8_t> arena_memory_;
  Arena arena_;
  ArenaUsage usage_;

  void** tensor_data_ = nullptr;
  NodeState* nodes_ = nullptr;
  ScratchSlot* scratch_ = nullptr;
  uint32_t scratch_count_ = 0;
  ScratchRequest* scratch_requests_ = nullptr;  // prepare-time, in the arena head
  size_t measured_persistent_ = 0;              // bytes counted while measuring
  bool measuring_ = false;
  bool measure_exact_ = true;
  bool prepared_ = false;
};

}  // namespace mote
