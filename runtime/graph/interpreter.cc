// Interpreter: graph validation, per-node prepare, memory planning and invoke.
//
// Prepare works in one pass over the arena (layout in memory/arena.h). If the arena runs out,
// prepare switches to measuring: it discards per-op data it no longer needs (the call fails
// anyway), prepares each remaining node in the freed space only to count its bytes, and plans the
// activations, so that the error can name the exact arena size the model needs.
#include "mote/interpreter.h"

#include <cstring>

#include "memory/planner.h"
#include "mote/tflite_schema.h"

namespace mote {

namespace {

const char* kernel_name(const OpKernel& kernel) {
  return kernel.custom_name != nullptr ? kernel.custom_name
                                       : schema::builtin_op_name(kernel.builtin_code);
}

size_t required_alignment(TensorType type) {
  const size_t size = type_size(type);
  return size == 0 ? 1 : (size > 8 ? 8 : size);
}

}  // namespace

Interpreter::Interpreter(const Model& model, const OpResolver& resolver, Span<uint8_t> arena,
                         const Reporter& reporter)
    : model_(model), resolver_(resolver), reporter_(reporter), arena_memory_(arena) {}

Status Interpreter::prepare() {
  prepared_ = false;
  measuring_ = false;
  measure_exact_ = true;
  measured_persistent_ = 0;
  usage_ = ArenaUsage();
  tensor_data_ = nullptr;
  nodes_ = nullptr;
  scratch_ = nullptr;
  scratch_count_ = 0;
  if (!model_.loaded()) {
    reporter_.report("interpreter: the model is not loaded (Model::load failed or was not called)");
    return Status::kInvalidArgument;
  }
  arena_.reset(arena_memory_.data(), arena_memory_.size());
  const Status status = prepare_once();
  arena_.rollback_temporary(0);
  prepared_ = status == Status::kOk;
  return status;
}

Status Interpreter::prepare_once() {
  const uint32_t tensor_count = model_.tensor_count();
  const uint32_t node_count = model_.operator_count();
  // The planner indexes buffers with 16 bits.
  if (tensor_count > 30000 || node_count > 30000) {
    return fail(Status::kUnsupported, "model: {} tensors and {} operators exceed Mote's limit",
                tensor_count, node_count);
  }
  tensor_data_ = static_cast<void**>(arena_.allocate_persistent(sizeof(void*) * tensor_count));
  nodes_ = static_cast<NodeState*>(arena_.allocate_persistent(sizeof(NodeState) * node_count));
  auto* lives =
      static_cast<TensorLife*>(arena_.allocate_temporary(sizeof(TensorLife) * tensor_count));
  if (arena_.failed()) {
    // Not even the tables fit: report a lower bound.
    measure_exact_ = false;
    usage_.persistent = Arena::round_up(sizeof(void*) * tensor_count) +
                        Arena::round_up(sizeof(NodeState) * node_count);
    usage_.planned = Arena::round_up(sizeof(TensorLife) * tensor_count);
    return fail_arena_too_small();
  }
  for (uint32_t t = 0; t < tensor_count; ++t) lives[t] = TensorLife();
  MOTE_TRY(check_graph(lives));

  const size_t tables_mark = arena_.persistent_used();
  scratch_requests_ = reinterpret_cast<ScratchRequest*>(arena_.head() + arena_.temporary_used());
  for (uint32_t node = 0; node < node_count; ++node) {
    const size_t temporary_mark = arena_.temporary_used();
    const uint32_t scratch_mark = scratch_count_;
    const size_t persistent_mark = arena_.persistent_used();
    Status status = prepare_node(node);
    if (arena_.failed()) {
      if (!measuring_) {
        measuring_ = true;
        measured_persistent_ = persistent_mark - tables_mark;
      }
      arena_.clear_failure();
      arena_.rollback_persistent(tables_mark);
      arena_.rollback_temporary(temporary_mark);
      scratch_count_ = scratch_mark;
      status = prepare_node(node);  // alone in the freed space, to count its bytes
      if (arena_.failed()) {
        // This node's data alone does not fit: all we know is a lower bound.
        measure_exact_ = false;
        measured_persistent_ += arena_.free_bytes() + kPersistentAlignment;
        arena_.clear_failure();
        arena_.rollback_temporary(temporary_mark);
        scratch_count_ = scratch_mark;
        status = Status::kOk;
      }
    }
    MOTE_TRY(status);
    if (measuring_) {
      measured_persistent_ += arena_.persistent_used() - tables_mark;
      arena_.rollback_persistent(tables_mark);
    }
  }

  const size_t variables_mark = arena_.persistent_used();
  MOTE_TRY(bind_constants_and_variables(!measuring_));
  if (arena_.failed()) {
    // The variables did not fit: count them instead.
    measuring_ = true;
    measured_persistent_ = variables_mark - tables_mark;
    arena_.clear_failure();
    arena_.rollback_persistent(tables_mark);
    MOTE_TRY(bind_constants_and_variables(false));
  }

  const size_t scratch_table_bytes = Arena::round_up(sizeof(ScratchSlot) * scratch_count_);
  if (!measuring_ && scratch_count_ > 0) {
    scratch_ =
        static_cast<ScratchSlot*>(arena_.allocate_persistent(sizeof(ScratchSlot) * scratch_count_));
    if (scratch_ == nullptr) {
      measuring_ = true;
      measured_persistent_ = arena_.persistent_used() - tables_mark;
      arena_.clear_failure();
      arena_.rollback_persistent(tables_mark);
    }
  }
  if (measuring_) measured_persistent_ += scratch_table_bytes;
  if (scratch_ != nullptr) {
    for (uint32_t i = 0; i < scratch_count_; ++i) {
      scratch_[i].size = scratch_requests_[i].size;
      scratch_[i].node = scratch_requests_[i].node;
    }
  }

  Status plan_status = plan_memory(lives, !measuring_);
  if (plan_status == Status::kArenaTooSmall && !measuring_) {
    measuring_ = true;
    measured_persistent_ = arena_.persistent_used() - tables_mark;
    arena_.rollback_persistent(tables_mark);
    plan_status = plan_memory(lives, false);
  }
  if (plan_status == Status::kArenaTooSmall) {
    measure_exact_ = false;
  } else {
    MOTE_TRY(plan_status);
  }

  usage_.persistent = measuring_ ? tables_mark + measured_persistent_ : arena_.persistent_used();
  const size_t temporary_peak = arena_.temporary_peak();
  usage_.planned = usage_.activations > temporary_peak ? usage_.activations : temporary_peak;
  usage_.total = usage_.persistent + usage_.planned;
  usage_.exact = measure_exact_;
  if (measuring_ || usage_.total > arena_.size()) return fail_arena_too_small();
  reset_variable_data();
  return Status::kOk;
}

Status Interpreter::fail_arena_too_small() {
  usage_.total = usage_.persistent + usage_.planned;
  usage_.exact = measure_exact_;
  const size_t needed = usage_.total + arena_.alignment_loss();
  reporter_.report(
      "arena too small: the model needs {}{} bytes ({} persistent + {} planned), the arena has {}"
      "{}",
      usage_.exact ? "" : "at least ", needed, usage_.persistent, usage_.planned,
      arena_memory_.size(),
      arena_.alignment_loss() > 0 ? " (not 16-byte aligned: bytes lost to alignment)" : "");
  return Status::kArenaTooSmall;
}

Status Interpreter::check_graph(TensorLife* lives) {
  const uint32_t node_count = model_.operator_count();
  const PackedArray<int32_t> inputs = model_.inputs();
  const PackedArray<int32_t> outputs = model_.outputs();
  for (uint32_t i = 0; i < inputs.size(); ++i) {
    const TensorDesc t = model_.tensor(static_cast<uint32_t>(inputs[i]));
    if (t.is_constant() || t.is_variable) {
      return fail(Status::kInvalidModel, "model: graph input {} is tensor {} '{}', which is {}", i,
                  t.index, t.name, t.is_constant() ? "constant" : "a variable");
    }
    lives[t.index].first = 0;
    lives[t.index].last = 0;
  }
  for (uint32_t n = 0; n < node_count; ++n) {
    const OperatorDesc op = model_.op(n);
    for (uint32_t i = 0; i < op.inputs.size(); ++i) {
      if (op.inputs[i] < 0) continue;
      const TensorDesc t = model_.tensor(static_cast<uint32_t>(op.inputs[i]));
      if (t.is_sparse) {
        return fail(Status::kUnsupported, "node {} {}: tensor {} '{}' is sparse (not supported)", n,
                    op.name(), t.index, t.name);
      }
      if (t.is_constant() || t.is_variable) continue;
      // A zero-element tensor that nothing writes is an empty constant (e.g. an empty axis
      // list): converters give it a buffer with no bytes, which looks like an activation.
      if (lives[t.index].first < 0 && t.shape.num_elements() == 0) continue;
      if (lives[t.index].first < 0) {
        return fail(Status::kInvalidModel,
                    "node {} {}: reads tensor {} '{}', which is not constant, not a graph input "
                    "and not written by an earlier node",
                    n, op.name(), t.index, t.name);
      }
      lives[t.index].last = static_cast<int32_t>(n);
    }
    for (uint32_t i = 0; i < op.outputs.size(); ++i) {
      const TensorDesc t = model_.tensor(static_cast<uint32_t>(op.outputs[i]));
      if (t.is_constant()) {
        return fail(Status::kInvalidModel, "node {} {}: writes tensor {} '{}', which is constant",
                    n, op.name(), t.index, t.name);
      }
      if (t.is_variable) continue;
      if (lives[t.index].first >= 0) {
        return fail(Status::kInvalidModel,
                    "node {} {}: writes tensor {} '{}', which a graph input or an earlier node "
                    "already holds",
                    n, op.name(), t.index, t.name);
      }
      lives[t.index].first = static_cast<int32_t>(n);
      lives[t.index].last = static_cast<int32_t>(n);
    }
  }
  for (uint32_t i = 0; i < outputs.size(); ++i) {
    const TensorDesc t = model_.tensor(static_cast<uint32_t>(outputs[i]));
    if (t.is_constant() || t.is_variable) continue;
    if (lives[t.index].first < 0) {
      return fail(Status::kInvalidModel,
                  "model: graph output {} is tensor {} '{}', which no node "
                  "writes",
                  i, t.index, t.name);
    }
    // Outputs stay valid after invoke(): keep them alive to the end.
    const int32_t end = node_count > 0 ? static_cast<int32_t>(node_count) - 1 : 0;
    if (lives[t.index].last < end) lives[t.index].last = end;
  }
  return Status::kOk;
}

Status Interpreter::prepare_node(uint32_t node) {
  const OperatorDesc op = model_.op(node);
  const OpKernel* kernel = resolver_.find(op.builtin_code, op.custom_code);
  if (kernel == nullptr) {
    return fail(Status::kUnsupported,
                "node {} {}: no kernel for this op (version {}) in the op resolver", node,
                op.name(), op.version);
  }
  if (op.version > kernel->max_version) {
    return fail(Status::kUnsupported,
                "node {} {}: operator version {} is newer than the kernel supports ({})", node,
                op.name(), op.version, kernel->max_version);
  }
  if (op.options_type != 0 && op.options_type != kernel->options_type) {
    return fail(Status::kInvalidModel,
                "node {} {}: builtin options of union type {}, expected type {}", node, op.name(),
                op.options_type, kernel->options_type);
  }
  NodeState& state = nodes_[node];
  state.kernel = kernel;
  state.op_data = nullptr;
  state.inputs = op.inputs;
  state.outputs = op.outputs;
  PrepareContext ctx(*this, node, op);
  return kernel->prepare(ctx);
}

Status Interpreter::bind_constants_and_variables(bool allocate) {
  const uint32_t tensor_count = model_.tensor_count();
  for (uint32_t i = 0; i < tensor_count; ++i) {
    const TensorDesc t = model_.tensor(i);
    if (t.is_constant()) {
      if (reinterpret_cast<uintptr_t>(t.data) % required_alignment(t.type) != 0) {
        return fail(Status::kInvalidModel,
                    "tensor {} '{}': constant {} data is not aligned to {} bytes (place the "
                    "model at a 16-byte aligned address)",
                    i, t.name, type_name(t.type), required_alignment(t.type));
      }
      if (!measuring_) tensor_data_[i] = const_cast<uint8_t*>(t.data);
    } else if (t.is_variable) {
      if (allocate) {
        void* data = arena_.allocate_persistent(t.byte_size());
        if (data == nullptr) return Status::kOk;  // the caller sees arena_.failed()
        tensor_data_[i] = data;
      } else {
        measured_persistent_ += Arena::round_up(t.byte_size());
      }
    }
  }
  return Status::kOk;
}

Status Interpreter::plan_memory(const TensorLife* lives, bool assign) {
  const uint32_t tensor_count = model_.tensor_count();
  uint32_t tensor_buffers = 0;
  for (uint32_t t = 0; t < tensor_count; ++t) {
    if (lives[t].first >= 0) ++tensor_buffers;
  }
  const uint32_t count = tensor_buffers + scratch_count_;
  const size_t temporary_mark = arena_.temporary_used();
  auto* buffers = static_cast<PlanBuffer*>(arena_.allocate_temporary(sizeof(PlanBuffer) * count));
  auto* order = static_cast<uint16_t*>(arena_.allocate_temporary(sizeof(uint16_t) * count));
  if (arena_.failed()) {
    arena_.clear_failure();
    arena_.rollback_temporary(temporary_mark);  // a retry must start from the same place
    return Status::kArenaTooSmall;
  }
  uint32_t k = 0;
  for (uint32_t t = 0; t < tensor_count; ++t) {
    if (lives[t].first < 0) continue;
    buffers[k].size = model_.tensor(t).byte_size();
    buffers[k].first_use = lives[t].first;
    buffers[k].last_use = lives[t].last;
    ++k;
  }
  for (uint32_t i = 0; i < scratch_count_; ++i, ++k) {
    buffers[k].size = scratch_requests_[i].size;
    buffers[k].first_use = scratch_requests_[i].node;
    buffers[k].last_use = scratch_requests_[i].node;
  }
  const Span<PlanBuffer> plan(buffers, count);
  usage_.activations = plan_best(plan, Span<uint16_t>(order, count));
  if (!assign) return Status::kOk;
  k = 0;
  for (uint32_t t = 0; t < tensor_count; ++t) {
    if (lives[t].first < 0) continue;
    tensor_data_[t] = arena_.head() + buffers[k].offset;
    ++k;
  }
  for (uint32_t i = 0; i < scratch_count_; ++i, ++k) scratch_[i].offset = buffers[k].offset;
  // Empty tensors without memory still get a valid address, so kernels can pass them to memcpy.
  for (uint32_t t = 0; t < tensor_count; ++t) {
    if (tensor_data_[t] == nullptr && model_.tensor(t).byte_size() == 0) {
      tensor_data_[t] = arena_.head();
    }
  }
  return Status::kOk;
}

void Interpreter::reset_variable_data() {
  const uint32_t tensor_count = model_.tensor_count();
  for (uint32_t i = 0; i < tensor_count; ++i) {
    const TensorDesc t = model_.tensor(i);
    if (!t.is_variable || tensor_data_[i] == nullptr) continue;
    // As TFLM: int8 state starts at its zero point (real 0), everything else at 0.
    int value = 0;
    if (t.type == TensorType::kInt8 && t.quant.present()) value = t.quant.zero_point();
    std::memset(tensor_data_[i], value, t.byte_size());
  }
}

Status Interpreter::reset_variables() {
  if (!prepared_) {
    reporter_.report("reset_variables: the interpreter is not prepared");
    return Status::kNotPrepared;
  }
  reset_variable_data();
  return Status::kOk;
}

Status Interpreter::invoke(const NodeObserver& observer) {
  if (!prepared_) {
    reporter_.report("invoke: the interpreter is not prepared (call prepare() first)");
    return Status::kNotPrepared;
  }
  const uint32_t node_count = model_.operator_count();
  for (uint32_t n = 0; n < node_count; ++n) {
    const NodeState& node = nodes_[n];
    EvalContext ctx(*this, n, tensor_data_, node, scratch_, arena_.head());
    const Status status = node.kernel->eval(ctx);
    if (status != Status::kOk) {
      reporter_.report("node {} {}: eval failed ({})", n, kernel_name(*node.kernel),
                       status_name(status));
      return status;
    }
    if (observer.after_node != nullptr) observer.after_node(observer.user, n);
  }
  return Status::kOk;
}

TensorHandle Interpreter::handle(int32_t index) const {
  TensorHandle h;
  if (index < 0 || static_cast<uint32_t>(index) >= model_.tensor_count()) return h;
  const TensorDesc t = model_.tensor(static_cast<uint32_t>(index));
  h.index = index;
  h.name = t.name;
  h.type = t.type;
  h.shape = t.shape;
  h.bytes = t.byte_size();
  if (t.quant.present()) {
    h.scale = t.quant.scale();
    h.zero_point = t.quant.zero_point();
  }
  h.data = prepared_ ? tensor_data_[index] : nullptr;
  return h;
}

TensorHandle Interpreter::input(size_t i) const {
  return i < input_count() ? handle(model_.inputs()[static_cast<uint32_t>(i)]) : TensorHandle();
}

TensorHandle Interpreter::output(size_t i) const {
  return i < output_count() ? handle(model_.outputs()[static_cast<uint32_t>(i)]) : TensorHandle();
}

TensorHandle Interpreter::tensor(uint32_t index) const {
  return handle(static_cast<int32_t>(index));
}

int64_t Interpreter::tensor_arena_offset(uint32_t index) const {
  if (!prepared_ || index >= model_.tensor_count() || tensor_data_[index] == nullptr) return -1;
  const uint8_t* p = static_cast<const uint8_t*>(tensor_data_[index]);
  if (p < arena_.head() || p >= arena_.head() + arena_.size()) return -1;
  if (model_.tensor(index).is_variable) return -1;
  return p - arena_.head();
}

}  // namespace mote
