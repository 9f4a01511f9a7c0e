// PrepareContext and EvalContext: what a kernel sees of the interpreter.
#include "mote/interpreter.h"
#include "mote/op_kernel.h"

namespace mote {
namespace {

void report_node_line(const Reporter& reporter, uint32_t node, const char* op_name,
                      const char* message) {
  reporter.report("node {} {}: {}", node, op_name, message);
}

}  // namespace

TensorDesc PrepareContext::input(int32_t i) const {
  if (!has_input(i)) return TensorDesc();
  return interpreter_.model_.tensor(static_cast<uint32_t>(op_.inputs[static_cast<uint32_t>(i)]));
}

TensorDesc PrepareContext::output(int32_t i) const {
  if (i < 0 || i >= output_count()) return TensorDesc();
  return interpreter_.model_.tensor(static_cast<uint32_t>(op_.outputs[static_cast<uint32_t>(i)]));
}

TensorDesc PrepareContext::tensor(int32_t index) const {
  if (index < 0 || static_cast<uint32_t>(index) >= interpreter_.model_.tensor_count()) {
    return TensorDesc();
  }
  return interpreter_.model_.tensor(static_cast<uint32_t>(index));
}

void* PrepareContext::allocate_persistent(size_t bytes) {
  return interpreter_.arena_.allocate_persistent(bytes);
}

void PrepareContext::set_op_data(void* data) { interpreter_.nodes_[node_index_].op_data = data; }

Status PrepareContext::request_scratch(size_t bytes, int32_t* index) {
  if (bytes > 0x7FFFFFFFu) return fail(Status::kUnsupported, "scratch of {} bytes", bytes);
  auto* request = static_cast<Interpreter::ScratchRequest*>(
      interpreter_.arena_.allocate_temporary(sizeof(Interpreter::ScratchRequest)));
  if (request == nullptr) return Status::kArenaTooSmall;
  request->size = static_cast<uint32_t>(bytes);
  request->node = static_cast<int32_t>(node_index_);
  *index = static_cast<int32_t>(interpreter_.scratch_count_++);
  return Status::kOk;
}

void PrepareContext::report_line(const char* message) const {
  report_node_line(interpreter_.reporter_, node_index_, op_.name(), message);
}

Status PrepareContext::expect_counts(int32_t min_inputs, int32_t max_inputs,
                                     int32_t outputs) const {
  if (input_count() < min_inputs || input_count() > max_inputs) {
    if (min_inputs == max_inputs) {
      return fail(Status::kInvalidModel, "has {} inputs, expected {}", input_count(), min_inputs);
    }
    return fail(Status::kInvalidModel, "has {} inputs, expected {} to {}", input_count(),
                min_inputs, max_inputs);
  }
  if (output_count() != outputs) {
    return fail(Status::kInvalidModel, "has {} outputs, expected {}", output_count(), outputs);
  }
  for (int32_t i = 0; i < min_inputs; ++i) {
    if (!has_input(i)) return fail(Status::kInvalidModel, "required input {} is omitted", i);
  }
  return Status::kOk;
}

Status PrepareContext::expect_type(const TensorDesc& tensor, const char* role,
                                   TensorType expected) const {
  if (tensor.type == expected) return Status::kOk;
  return fail(Status::kUnsupported, "{} tensor {} has type {}, expected {}", role, tensor.index,
              type_name(tensor.type), type_name(expected));
}

Status PrepareContext::expect_same_type(const TensorDesc& a, const TensorDesc& b) const {
  if (a.type == b.type) return Status::kOk;
  return fail(Status::kUnsupported, "tensor {} has type {} but tensor {} has type {}", a.index,
              type_name(a.type), b.index, type_name(b.type));
}

Status PrepareContext::expect_quantized(const TensorDesc& tensor, const char* role) const {
  if (tensor.quant.present()) return Status::kOk;
  return fail(Status::kInvalidModel, "{} tensor {} ({}) has no quantization parameters", role,
              tensor.index, type_name(tensor.type));
}

Status PrepareContext::unsupported_type(const TensorDesc& tensor, const char* role) const {
  return fail(Status::kUnsupported, "{} tensor {} has type {}, which this op does not support",
              role, tensor.index, type_name(tensor.type));
}

Shape EvalContext::input_shape(int32_t i) const {
  const int32_t t = i < input_count() ? node_.inputs[static_cast<uint32_t>(i)] : -1;
  return t < 0 ? Shape() : interpreter_.model_.tensor(static_cast<uint32_t>(t)).shape;
}

Shape EvalContext::output_shape(int32_t i) const {
  return interpreter_.model_.tensor(static_cast<uint32_t>(node_.outputs[static_cast<uint32_t>(i)]))
      .shape;
}

void EvalContext::report_line(const char* message) const {
  const OpKernel& kernel = *node_.kernel;
  const char* name = kernel.custom_name != nullptr ? kernel.custom_name
                                                   : schema::builtin_op_name(kernel.builtin_code);
  report_node_line(interpreter_.reporter_, node_index_, name, message);
}

const OpKernel* OpResolver::find(int32_t builtin_code, const char* custom_name) const {
  for (uint32_t i = 0; i < count_; ++i) {
    const OpKernel* k = kernels_[i];
    if (k->builtin_code != builtin_code) continue;
    if (custom_name == nullptr && k->custom_name == nullptr) return k;
    if (custom_name != nullptr && k->custom_name != nullptr &&
        std::strcmp(custom_name, k->custom_name) == 0) {
      return k;
    }
  }
  return nullptr;
}

}  // namespace mote
