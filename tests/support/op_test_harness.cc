#include "op_test_harness.h"

#include <cstring>

namespace mote::testing {

tools::TensorDef GraphBuilder::tensor_f32(std::vector<int32_t> shape) {
  return tensor_of(TensorType::kFloat32, std::move(shape));
}

tools::TensorDef GraphBuilder::tensor_of(TensorType type, std::vector<int32_t> shape) {
  tools::TensorDef def;
  def.type = type;
  def.shape = std::move(shape);
  return def;
}

tools::TensorDef GraphBuilder::tensor_q(TensorType type, std::vector<int32_t> shape, float scale,
                                        int64_t zero_point) {
  tools::TensorDef def = tensor_of(type, std::move(shape));
  def.quant.scales = {scale};
  def.quant.zero_points = {zero_point};
  return def;
}

int32_t GraphBuilder::add(tools::TensorDef def) {
  if (def.name.empty()) def.name = "t" + std::to_string(model_.tensors.size());
  model_.tensors.push_back(std::move(def));
  return static_cast<int32_t>(model_.tensors.size() - 1);
}

int32_t GraphBuilder::input(tools::TensorDef def, std::vector<uint8_t> values) {
  def.data.clear();
  const int32_t index = add(std::move(def));
  model_.inputs.push_back(index);
  input_values_.push_back(std::move(values));
  return index;
}

int32_t GraphBuilder::constant(tools::TensorDef def, std::vector<uint8_t> values) {
  def.data = std::move(values);
  return add(std::move(def));
}

int32_t GraphBuilder::output(tools::TensorDef def) {
  const int32_t index = add(std::move(def));
  model_.outputs.push_back(index);
  return index;
}

int32_t GraphBuilder::intermediate(tools::TensorDef def) { return add(std::move(def)); }

int32_t GraphBuilder::variable(tools::TensorDef def) {
  def.is_variable = true;
  return add(std::move(def));
}

void GraphBuilder::op(schema::BuiltinOp code, std::vector<int32_t> inputs,
                      std::vector<int32_t> outputs, tools::OptionsDef options, int32_t version) {
  tools::OperatorDef def;
  def.builtin_code = static_cast<int32_t>(code);
  def.version = version;
  def.inputs = std::move(inputs);
  def.outputs = std::move(outputs);
  def.options = std::move(options);
  model_.operators.push_back(std::move(def));
}

Status GraphBuilder::prepare() {
  messages_.clear();
  std::string error;
  loaded_ = tools::load_model_bytes(tools::write_tflite(model_), "graph", &error);
  if (loaded_ == nullptr) {
    messages_ = error;
    return Status::kInvalidModel;
  }
  Status status = Status::kOk;
  prepared_ = tools::PreparedModel::create(*loaded_, &error, &status, *resolver_);
  if (prepared_ == nullptr) {
    messages_ = error;
    return status;
  }
  Interpreter& interpreter = prepared_->interpreter();
  for (size_t i = 0; i < input_values_.size(); ++i) {
    const TensorHandle t = interpreter.input(i);
    if (input_values_[i].size() != t.bytes) {
      messages_ = "test error: input " + std::to_string(i) + " has " +
                  std::to_string(input_values_[i].size()) + " bytes, tensor takes " +
                  std::to_string(t.bytes);
      return Status::kInvalidArgument;
    }
    if (t.bytes > 0) std::memcpy(t.data, input_values_[i].data(), t.bytes);
  }
  return Status::kOk;
}

Status GraphBuilder::invoke_again() {
  prepared_->log().clear();
  const Status status = prepared_->interpreter().invoke();
  messages_ = prepared_->log().joined();
  return status;
}

Status GraphBuilder::run() {
  MOTE_TRY(prepare());
  return invoke_again();
}

std::vector<uint8_t> GraphBuilder::output_bytes(size_t i) const {
  if (prepared_ == nullptr) return {};  // run() failed: no outputs
  const TensorHandle t = prepared_->interpreter().output(i);
  const auto* p = static_cast<const uint8_t*>(t.data);
  return std::vector<uint8_t>(p, p + t.bytes);
}

}  // namespace mote::testing
