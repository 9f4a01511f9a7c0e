#include "tflite_writer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <flatbuffers/flatbuffers.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model_file.h"

namespace mote::tools {
namespace {

using flatbuffers::FieldIndexToOffset;
using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;
using flatbuffers::uoffset_t;

Offset<void> write_options(FlatBufferBuilder& b, const OptionsDef& options) {
  using Kind = OptionField::Kind;
  // Vectors and strings first: a table cannot be open while other objects are created.
  std::vector<std::pair<uint16_t, uoffset_t>> offsets;
  for (const OptionField& f : options.fields) {
    if (f.kind == Kind::kInt32Vector) offsets.emplace_back(f.id, b.CreateVector(f.vector).o);
    if (f.kind == Kind::kFloatVector) {
      offsets.emplace_back(f.id, b.CreateVector(f.float_vector).o);
    }
    if (f.kind == Kind::kString) offsets.emplace_back(f.id, b.CreateString(f.text).o);
  }
  const uoffset_t start = b.StartTable();
  for (const OptionField& f : options.fields) {
    const auto field = FieldIndexToOffset(f.id);
    switch (f.kind) {
      case Kind::kBool:
        b.AddElement<uint8_t>(field, static_cast<uint8_t>(f.int_value != 0));
        break;
      case Kind::kInt8:
        b.AddElement<int8_t>(field, static_cast<int8_t>(f.int_value));
        break;
      case Kind::kInt32:
        b.AddElement<int32_t>(field, static_cast<int32_t>(f.int_value));
        break;
      case Kind::kUInt32:
        b.AddElement<uint32_t>(field, static_cast<uint32_t>(f.int_value));
        break;
      case Kind::kInt64:
        b.AddElement<int64_t>(field, f.int_value);
        break;
      case Kind::kFloat:
        b.AddElement<float>(field, f.float_value);
        break;
      case Kind::kInt32Vector:
      case Kind::kFloatVector:
      case Kind::kString:
        break;
    }
  }
  for (const auto& [id, offset] : offsets)
    b.AddOffset(FieldIndexToOffset(id), Offset<void>(offset));
  return Offset<void>(b.EndTable(start));
}

}  // namespace

const OptionField* OptionsDef::find(uint16_t id) const {
  for (const OptionField& f : fields) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

int64_t OptionsDef::int_or(uint16_t id, int64_t fallback) const {
  const OptionField* f = find(id);
  return f != nullptr ? f->int_value : fallback;
}

void OptionsDef::set(OptionField field) {
  for (OptionField& f : fields) {
    if (f.id == field.id) {
      f = std::move(field);
      return;
    }
  }
  fields.push_back(std::move(field));
}

std::vector<uint8_t> write_tflite(const ModelDef& model) {
  namespace s = schema;
  FlatBufferBuilder b(1024);
  b.ForceDefaults(true);

  // Buffers: 0 is the empty sentinel; each constant tensor gets its own.
  std::vector<Offset<void>> buffers;
  std::vector<uint32_t> tensor_buffer(model.tensors.size(), 0);
  {
    const uoffset_t start = b.StartTable();
    buffers.push_back(Offset<void>(b.EndTable(start)));
  }
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const TensorDef& t = model.tensors[i];
    if (t.data.empty()) continue;
    b.ForceVectorAlignment(t.data.size(), 1, 16);
    const auto data = b.CreateVector(t.data);
    const uoffset_t start = b.StartTable();
    b.AddOffset(FieldIndexToOffset(s::buffer::kData), data);
    buffers.push_back(Offset<void>(b.EndTable(start)));
    tensor_buffer[i] = static_cast<uint32_t>(buffers.size() - 1);
  }

  // Metadata entries point at buffers of their own, after the tensors' buffers.
  std::vector<uint32_t> metadata_buffer;
  for (const MetadataDef& m : model.metadata) {
    b.ForceVectorAlignment(m.data.size(), 1, 16);
    const auto data = b.CreateVector(m.data);
    const uoffset_t start = b.StartTable();
    b.AddOffset(FieldIndexToOffset(s::buffer::kData), data);
    buffers.push_back(Offset<void>(b.EndTable(start)));
    metadata_buffer.push_back(static_cast<uint32_t>(buffers.size() - 1));
  }

  std::vector<Offset<void>> tensors;
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const TensorDef& t = model.tensors[i];
    const auto shape = b.CreateVector(t.shape);
    const auto name = b.CreateString(t.name);
    Offset<flatbuffers::Vector<int32_t>> signature;
    if (!t.shape_signature.empty()) signature = b.CreateVector(t.shape_signature);
    Offset<void> quant;
    const bool has_min_max = !t.quant.min.empty() || !t.quant.max.empty();
    const bool has_quant = !t.quant.empty() || has_min_max;
    if (has_quant) {
      Offset<flatbuffers::Vector<float>> min, max, scales;
      Offset<flatbuffers::Vector<int64_t>> zps;
      if (!t.quant.min.empty()) min = b.CreateVector(t.quant.min);
      if (!t.quant.max.empty()) max = b.CreateVector(t.quant.max);
      if (!t.quant.empty()) {
        scales = b.CreateVector(t.quant.scales);
        zps = b.CreateVector(t.quant.zero_points);
      }
      const uoffset_t start = b.StartTable();
      if (!t.quant.min.empty()) b.AddOffset(FieldIndexToOffset(s::quantization::kMin), min);
      if (!t.quant.max.empty()) b.AddOffset(FieldIndexToOffset(s::quantization::kMax), max);
      if (!t.quant.empty()) {
        b.AddOffset(FieldIndexToOffset(s::quantization::kScale), scales);
        b.AddOffset(FieldIndexToOffset(s::quantization::kZeroPoint), zps);
      }
      b.AddElement<int32_t>(FieldIndexToOffset(s::quantization::kQuantizedDimension),
                            t.quant.quantized_dimension);
      quant = Offset<void>(b.EndTable(start));
    }
    const uoffset_t start = b.StartTable();
    b.AddOffset(FieldIndexToOffset(s::tensor::kShape), shape);
    b.AddElement<int8_t>(FieldIndexToOffset(s::tensor::kType), static_cast<int8_t>(t.type));
    b.AddElement<uint32_t>(FieldIndexToOffset(s::tensor::kBuffer), tensor_buffer[i]);
    b.AddOffset(FieldIndexToOffset(s::tensor::kName), name);
    if (has_quant) b.AddOffset(FieldIndexToOffset(s::tensor::kQuantization), quant);
    if (t.is_variable) b.AddElement<uint8_t>(FieldIndexToOffset(s::tensor::kIsVariable), 1);
    if (!t.shape_signature.empty()) {
      b.AddOffset(FieldIndexToOffset(s::tensor::kShapeSignature), signature);
    }
    if (t.has_rank) b.AddElement<uint8_t>(FieldIndexToOffset(s::tensor::kHasRank), 1);
    tensors.push_back(Offset<void>(b.EndTable(start)));
  }

  // Operator codes, deduplicated by (code, version, custom name).
  std::map<std::tuple<int32_t, int32_t, std::string>, uint32_t> code_index;
  std::vector<Offset<void>> codes;
  std::vector<uint32_t> op_code(model.operators.size());
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const OperatorDef& op = model.operators[i];
    const auto key = std::make_tuple(op.builtin_code, op.version, op.custom_code);
    auto it = code_index.find(key);
    if (it == code_index.end()) {
      Offset<flatbuffers::String> custom;
      if (!op.custom_code.empty()) custom = b.CreateString(op.custom_code);
      const uoffset_t start = b.StartTable();
      // The byte-sized code saturates at 127 (PLACEHOLDER_FOR_GREATER_OP_CODES) for new ops.
      b.AddElement<int8_t>(FieldIndexToOffset(s::operator_code::kDeprecatedBuiltinCode),
                           static_cast<int8_t>(op.builtin_code < 127 ? op.builtin_code : 127));
      if (!op.custom_code.empty())
        b.AddOffset(FieldIndexToOffset(s::operator_code::kCustomCode), custom);
      b.AddElement<int32_t>(FieldIndexToOffset(s::operator_code::kVersion), op.version);
      b.AddElement<int32_t>(FieldIndexToOffset(s::operator_code::kBuiltinCode), op.builtin_code);
      codes.push_back(Offset<void>(b.EndTable(start)));
      it = code_index.emplace(key, static_cast<uint32_t>(codes.size() - 1)).first;
    }
    op_code[i] = it->second;
  }

  std::vector<Offset<void>> operators;
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const OperatorDef& op = model.operators[i];
    const auto inputs = b.CreateVector(op.inputs);
    const auto outputs = b.CreateVector(op.outputs);
    Offset<flatbuffers::Vector<int32_t>> intermediates;
    if (!op.intermediates.empty()) intermediates = b.CreateVector(op.intermediates);
    Offset<flatbuffers::Vector<uint8_t>> custom_options;
    if (!op.custom_options.empty()) custom_options = b.CreateVector(op.custom_options);
    Offset<void> options;
    const bool has_options = op.options.type != s::Options::kNone;
    if (has_options) options = write_options(b, op.options);
    const uoffset_t start = b.StartTable();
    b.AddElement<uint32_t>(FieldIndexToOffset(s::op::kOpcodeIndex), op_code[i]);
    b.AddOffset(FieldIndexToOffset(s::op::kInputs), inputs);
    b.AddOffset(FieldIndexToOffset(s::op::kOutputs), outputs);
    if (has_options) {
      b.AddElement<uint8_t>(FieldIndexToOffset(s::op::kBuiltinOptionsType),
                            static_cast<uint8_t>(op.options.type));
      b.AddOffset(FieldIndexToOffset(s::op::kBuiltinOptions), options);
    }
    if (!op.custom_options.empty())
      b.AddOffset(FieldIndexToOffset(s::op::kCustomOptions), custom_options);
    if (!op.intermediates.empty())
      b.AddOffset(FieldIndexToOffset(s::op::kIntermediates), intermediates);
    operators.push_back(Offset<void>(b.EndTable(start)));
  }

  const auto tensor_vec = b.CreateVector(tensors);
  const auto in_vec = b.CreateVector(model.inputs);
  const auto out_vec = b.CreateVector(model.outputs);
  const auto op_vec = b.CreateVector(operators);
  const auto sg_name = b.CreateString(model.subgraph_name);
  uoffset_t start = b.StartTable();
  b.AddOffset(FieldIndexToOffset(s::subgraph::kTensors), tensor_vec);
  b.AddOffset(FieldIndexToOffset(s::subgraph::kInputs), in_vec);
  b.AddOffset(FieldIndexToOffset(s::subgraph::kOutputs), out_vec);
  b.AddOffset(FieldIndexToOffset(s::subgraph::kOperators), op_vec);
  b.AddOffset(FieldIndexToOffset(s::subgraph::kName), sg_name);
  const Offset<void> subgraph(b.EndTable(start));

  const auto codes_vec = b.CreateVector(codes);
  const std::vector<Offset<void>> subgraphs = {subgraph};
  const auto sg_vec = b.CreateVector(subgraphs);
  const auto description = b.CreateString(model.description);
  const auto buffer_vec = b.CreateVector(buffers);
  std::vector<Offset<void>> metadata;
  for (size_t i = 0; i < model.metadata.size(); ++i) {
    const auto name = b.CreateString(model.metadata[i].name);
    const uoffset_t m = b.StartTable();
    b.AddOffset(FieldIndexToOffset(0), name);                           // Metadata.name
    b.AddElement<uint32_t>(FieldIndexToOffset(1), metadata_buffer[i]);  // Metadata.buffer
    metadata.push_back(Offset<void>(b.EndTable(m)));
  }
  Offset<flatbuffers::Vector<Offset<void>>> metadata_vec;
  if (!metadata.empty()) metadata_vec = b.CreateVector(metadata);
  start = b.StartTable();
  b.AddElement<uint32_t>(FieldIndexToOffset(s::model::kVersion), s::kSchemaVersion);
  b.AddOffset(FieldIndexToOffset(s::model::kOperatorCodes), codes_vec);
  b.AddOffset(FieldIndexToOffset(s::model::kSubgraphs), sg_vec);
  b.AddOffset(FieldIndexToOffset(s::model::kDescription), description);
  b.AddOffset(FieldIndexToOffset(s::model::kBuffers), buffer_vec);
  if (!metadata.empty()) b.AddOffset(FieldIndexToOffset(s::model::kMetadata), metadata_vec);
  const Offset<void> root(b.EndTable(start));
  b.Finish(root, s::kFileIdentifier);
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

namespace {

bool zero_point_fits(TensorType type, int64_t zp) {
  switch (type) {
    case TensorType::kInt8:
      return zp >= -128 && zp <= 127;
    case TensorType::kUInt8:
      return zp >= 0 && zp <= 255;
    case TensorType::kInt16:
      return zp >= -32768 && zp <= 32767;
    default:
      return true;
  }
}

std::string tensor_label(const ModelDef& model, int32_t index) {
  return fmt::format("tensor {} '{}'", index, model.tensors[static_cast<size_t>(index)].name);
}

bool check_tensor(const ModelDef& model, int32_t index, std::string* error) {
  const TensorDef& t = model.tensors[static_cast<size_t>(index)];
  int64_t elements = 1;
  for (size_t d = 0; d < t.shape.size(); ++d) {
    if (t.shape[d] < 0) {
      *error = fmt::format("{}: dimension {} is {}", tensor_label(model, index), d, t.shape[d]);
      return false;
    }
    elements *= t.shape[d];
  }
  const size_t element_size = type_size(t.type);
  if (!t.data.empty() && element_size != 0 &&
      static_cast<int64_t>(t.data.size()) != elements * static_cast<int64_t>(element_size)) {
    *error = fmt::format("{}: {} bytes of data but {} elements of {} need {}",
                         tensor_label(model, index), t.data.size(), elements, type_name(t.type),
                         elements * static_cast<int64_t>(element_size));
    return false;
  }
  const QuantDef& q = t.quant;
  if (q.empty()) {
    if (!q.zero_points.empty()) {
      *error = fmt::format("{}: zero points without scales", tensor_label(model, index));
      return false;
    }
    return true;
  }
  if (q.scales.size() != q.zero_points.size()) {
    *error = fmt::format("{}: {} scales but {} zero points", tensor_label(model, index),
                         q.scales.size(), q.zero_points.size());
    return false;
  }
  if (q.scales.size() > 1) {
    int32_t dim = q.quantized_dimension;
    // Converters write per-channel biases (rank 1) with the filter's quantized_dimension (e.g.
    // 3); TFLite and Mote's verifier read them along the only dimension there is.
    if (t.shape.size() == 1 && (dim < 0 || dim >= 1)) dim = 0;
    if (dim < 0 || static_cast<size_t>(dim) >= t.shape.size() ||
        static_cast<size_t>(t.shape[static_cast<size_t>(dim)]) != q.scales.size()) {
      *error =
          fmt::format("{}: {} per-channel scales do not match dimension {} of shape [{}]",
                      tensor_label(model, index), q.scales.size(), dim, fmt::join(t.shape, ", "));
      return false;
    }
  }
  for (size_t c = 0; c < q.scales.size(); ++c) {
    if (!std::isfinite(q.scales[c]) || q.scales[c] < 0.0f) {
      *error = fmt::format("{}: scale {} is {}", tensor_label(model, index), c, q.scales[c]);
      return false;
    }
    if (!zero_point_fits(t.type, q.zero_points[c])) {
      *error = fmt::format("{}: zero point {} does not fit {}", tensor_label(model, index),
                           q.zero_points[c], type_name(t.type));
      return false;
    }
  }
  return true;
}

}  // namespace

bool check_model_def(const ModelDef& model, std::string* error) {
  const auto count = static_cast<int32_t>(model.tensors.size());
  for (int32_t i = 0; i < count; ++i) {
    if (!check_tensor(model, i, error)) return false;
  }
  const auto check_list = [&](const std::vector<int32_t>& list, bool optional,
                              const std::string& what) {
    for (const int32_t index : list) {
      if ((optional && index == -1) || (index >= 0 && index < count)) continue;
      *error =
          fmt::format("{} refers to tensor {}, but the model has {} tensors", what, index, count);
      return false;
    }
    return true;
  };
  if (!check_list(model.inputs, false, "the graph input list") ||
      !check_list(model.outputs, false, "the graph output list")) {
    return false;
  }
  for (size_t i = 0; i < model.operators.size(); ++i) {
    const OperatorDef& op = model.operators[i];
    const std::string what =
        fmt::format("operator {} ({})", i,
                    op.builtin_code == static_cast<int32_t>(schema::BuiltinOp::kCustom)
                        ? op.custom_code
                        : schema::builtin_op_name(op.builtin_code));
    if (op.builtin_code < 0 || op.builtin_code > schema::kMaxBuiltinOp) {
      *error = fmt::format("{}: builtin code {} is outside the schema", what, op.builtin_code);
      return false;
    }
    if (static_cast<uint8_t>(op.options.type) > schema::kMaxOptions) {
      *error = fmt::format("{}: options type {} is outside the schema", what,
                           static_cast<int>(op.options.type));
      return false;
    }
    if (!check_list(op.inputs, true, what + " input") ||
        !check_list(op.outputs, false, what + " output") ||
        !check_list(op.intermediates, true, what + " intermediate")) {
      return false;
    }
  }
  return true;
}

bool write_verified_tflite(const ModelDef& model, std::vector<uint8_t>* out, std::string* error) {
  if (!check_model_def(model, error)) return false;
  std::vector<uint8_t> bytes = write_tflite(model);
  std::string load_error;
  if (load_model_bytes(bytes, "written model", &load_error) == nullptr) {
    *error = "Mote's verifier rejects the written model: " + load_error;
    return false;
  }
  *out = std::move(bytes);
  return true;
}

namespace {

// The facts op_version.cc looks at, for one operator.
struct OpSignature {
  const ModelDef& model;
  const OperatorDef& op;

  static constexpr TensorType kNone = TensorType::kVariant;  // stands for an omitted input

  TensorType in(size_t i) const {
    if (i >= op.inputs.size() || op.inputs[i] < 0) return kNone;
    return model.tensors[static_cast<size_t>(op.inputs[i])].type;
  }
  TensorType out(size_t i) const {
    if (i >= op.outputs.size()) return kNone;
    return model.tensors[static_cast<size_t>(op.outputs[i])].type;
  }
  const TensorDef* in_tensor(size_t i) const {
    if (i >= op.inputs.size() || op.inputs[i] < 0) return nullptr;
    return &model.tensors[static_cast<size_t>(op.inputs[i])];
  }
  size_t in_rank(size_t i) const {
    const TensorDef* t = in_tensor(i);
    return t != nullptr ? t->shape.size() : 0;
  }
  bool in_per_channel(size_t i) const {
    const TensorDef* t = in_tensor(i);
    return t != nullptr && t->quant.scales.size() > 1;
  }
  int64_t option(uint16_t id, int64_t fallback) const { return op.options.int_or(id, fallback); }
  bool broadcast_over_4d() const {
    const TensorDef* a = in_tensor(0);
    const TensorDef* b = in_tensor(1);
    if (a == nullptr || b == nullptr || a->shape == b->shape) return false;
    return std::max(a->shape.size(), b->shape.size()) > 4;
  }
};

int32_t version_for(const OpSignature& s) {
  using B = schema::BuiltinOp;
  using T = TensorType;
  const auto code = static_cast<B>(s.op.builtin_code);
  const T in0 = s.in(0);
  const T in1 = s.in(1);
  const T out0 = s.out(0);
  const bool hybrid = in0 == T::kFloat32 && in1 == T::kInt8 && out0 == T::kFloat32;
  switch (code) {
    case B::kConv2D: {
      // op_version.cc tests the 16x8 case with an int16 filter, which converters never write;
      // the int16-activation kernel arrived in version 4, so 16x8 (int8 filter) gets 4.
      const bool x16 = in0 == T::kInt16 && out0 == T::kInt16;
      if (x16 && s.option(schema::conv2d_options::kQuantizedBiasType, 0) != 0) return 8;
      const TensorDef* input = s.in_tensor(0);
      const TensorDef* filter = s.in_tensor(1);
      if (input != nullptr && filter != nullptr && input->shape.size() == 4 &&
          filter->shape.size() == 4 && input->shape[3] != filter->shape[3]) {
        return 6;
      }
      if (x16) return 4;
      if (in0 == T::kInt8 && in1 == T::kInt8 && out0 == T::kInt8) return 3;
      if (in0 == T::kInt8 && in1 == T::kInt4 && out0 == T::kInt8) return 7;
      if (hybrid) return s.in_per_channel(1) ? 5 : 2;
      return 1;
    }
    case B::kDepthwiseConv2D:
      if (in0 == T::kInt16 && out0 == T::kInt16) return 5;
      if (hybrid) return s.in_per_channel(1) ? 6 : 4;
      if (in0 == T::kInt8 && in1 == T::kInt8 && out0 == T::kInt8) return 3;
      if (in0 == T::kInt8 && in1 == T::kInt4 && out0 == T::kInt8) return 7;
      if (s.option(schema::depthwise_conv2d_options::kDilationW, 1) != 1 ||
          s.option(schema::depthwise_conv2d_options::kDilationH, 1) != 1) {
        return 2;
      }
      return 1;
    case B::kFullyConnected: {
      namespace o = schema::fully_connected_options;
      if (hybrid && s.in_per_channel(1)) return 12;
      const bool x16 = in0 == T::kInt16 && out0 == T::kInt16;
      if (x16 && s.option(o::kQuantizedBiasType, 0) != 0) return 11;
      if (x16) return 7;  // as for CONV_2D: the int16 kernel's version, whatever the weights
      if (s.op.inputs.size() == 2) return 6;
      if (s.option(o::kKeepNumDims, 0) != 0) return 5;
      if (in0 == T::kInt8 && in1 == T::kInt8 && out0 == T::kInt8) return 4;
      if (in0 == T::kInt8 && in1 == T::kInt4 && out0 == T::kInt8) return 10;
      if (hybrid) return s.option(o::kAsymmetricQuantizeInputs, 0) != 0 ? 9 : 3;
      if (s.option(o::kWeightsFormat, 0) != 0) return 2;
      return 1;
    }
    case B::kTransposeConv: {
      namespace o = schema::transpose_conv_options;
      if (in0 == T::kInt16 && out0 == T::kInt16 && s.option(o::kQuantizedBiasType, 0) != 0) {
        return 5;
      }
      if (s.option(o::kActivation, 0) != 0) return 4;
      if (s.op.inputs.size() == 4 && s.in(3) != OpSignature::kNone) return 3;
      if (in1 == T::kInt8) return 2;
      return 1;
    }
    case B::kAdd:
      if (in0 == T::kInt64) return 4;
      if (in0 == T::kInt16 && out0 == T::kInt16 &&
          s.option(schema::add_options::kPotScaleInt16, 1) == 0) {
        return 3;
      }
      return in0 == T::kInt8 ? 2 : 1;
    case B::kSub:
      if (in0 == T::kInt16 && out0 == T::kInt16 &&
          s.option(schema::sub_options::kPotScaleInt16, 1) == 0) {
        return 5;
      }
      if (in0 == T::kInt64) return 4;
      if (s.broadcast_over_4d()) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kMul: {
      if (in0 == T::kInt64) return 5;
      if (in0 == T::kInt16) return 4;
      const TensorDef* a = s.in_tensor(0);
      const TensorDef* b = s.in_tensor(1);
      const TensorDef* o =
          s.op.outputs.empty() ? nullptr : &s.model.tensors[static_cast<size_t>(s.op.outputs[0])];
      if (a != nullptr && b != nullptr && o != nullptr && !a->quant.empty() && !b->quant.empty() &&
          !o->quant.empty() && a->quant.scales[0] != 0.0f && b->quant.scales[0] != 0.0f &&
          o->quant.scales[0] != 0.0f &&
          a->quant.scales[0] * b->quant.scales[0] / o->quant.scales[0] >= 1.0f) {
        return 3;
      }
      return in0 == T::kInt8 ? 2 : 1;
    }
    case B::kMaxPool2D:
    case B::kAveragePool2D:
      if (in0 == T::kInt16 && out0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kSoftmax:
    case B::kMean:
    case B::kMirrorPad:
    case B::kReduceMax:
    case B::kReduceMin:
    case B::kRelu6:
    case B::kRsqrt:
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kLogistic:
    case B::kTanh:
      if (in0 == T::kInt16 && out0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kRelu:
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 || in0 == T::kUInt8 ? 2 : 1;
    case B::kLeakyRelu:
      return in0 == T::kInt16 ? 2 : 1;
    case B::kConcatenation:
      if (in0 == T::kUInt32) return 4;
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kPad:
    case B::kPadV2:
      if (s.in_rank(0) > 4) return 4;
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kQuantize:
      if (in0 == T::kInt4 || out0 == T::kInt4) return 4;
      if (!s.op.outputs.empty() &&
          s.model.tensors[static_cast<size_t>(s.op.outputs[0])].quant.scales.size() > 1) {
        return 3;
      }
      return out0 == T::kInt16 ? 2 : 1;
    case B::kDequantize:
      if (in0 == T::kInt4) return 6;
      if (in0 == T::kInt16 || in0 == T::kFloat16) return 3;
      if (in0 == T::kInt8) return s.in_per_channel(0) ? 5 : 2;
      return 1;
    case B::kTranspose:
      if (s.in_rank(0) > 5) return 6;
      if (in0 == T::kInt16) return 5;
      if (s.in_rank(0) > 4) return 4;
      if (in0 == T::kBool) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kStridedSlice: {
      namespace o = schema::strided_slice_options;
      if (s.option(o::kOffset, 0) != 0) return 8;
      if (in0 == T::kUInt32) return 7;
      if (s.option(o::kEllipsisMask, 0) != 0 || s.option(o::kNewAxisMask, 0) != 0) return 6;
      if (in0 == T::kString) return 5;
      if (s.in_rank(0) > 4) return 4;
      if (in0 == T::kBool) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    }
    case B::kSplit:
      if (in1 == T::kInt16) return 4;
      if (in1 == T::kInt32) return 3;
      return in1 == T::kInt8 ? 2 : 1;
    case B::kPack:
      if (in0 == T::kInt8) return 2;
      if (in0 == T::kInt16 && out0 == T::kInt16) return 3;
      return in0 == T::kUInt32 ? 4 : 1;
    case B::kUnpack:
      if (in0 == T::kInt8 || in0 == T::kUInt8) return 2;
      if (in0 == T::kBool) return 3;
      return in0 == T::kInt16 && out0 == T::kInt16 ? 4 : 1;
    case B::kMaximum:
    case B::kMinimum:
      if (in0 == T::kInt16 && out0 == T::kInt16) return 4;
      if (s.broadcast_over_4d()) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kArgMax:
    case B::kArgMin:
      if (in0 == T::kBool) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kResizeNearestNeighbor: {
      namespace o = schema::resize_nearest_neighbor_options;
      if (in0 == T::kInt16) return 4;
      if (s.option(o::kHalfPixelCenters, 0) != 0 || s.option(o::kAlignCorners, 0) != 0) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    }
    case B::kResizeBilinear:
      if (in0 == T::kInt16) return 4;
      if (s.option(3, 0) != 0) return 3;  // ResizeBilinearOptions.half_pixel_centers
      return in0 == T::kInt8 ? 2 : 1;
    case B::kGather:
      if (in0 == T::kInt4) return 7;
      if (in1 == T::kInt16) return 6;
      if (s.option(1, 0) != 0) return 5;  // GatherOptions.batch_dims
      if (in0 == T::kInt16) return 4;
      if (in0 == T::kBool) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kSvdf:
      if (in0 == T::kInt8) return 3;
      if (hybrid) return s.option(schema::svdf_options::kAsymmetricQuantizeInputs, 0) ? 4 : 2;
      return 1;
    case B::kUnidirectionalSequenceLstm: {
      namespace o = schema::unidirectional_sequence_lstm_options;
      if (in0 == T::kInt16 && s.in(2) == T::kInt8 && out0 == T::kInt16) return 5;
      if (s.option(o::kDiagonalRecurrentTensors, 0) != 0) return 4;
      if (in0 == T::kFloat32 && s.in(2) == T::kInt8 && out0 == T::kFloat32) {
        return s.option(o::kAsymmetricQuantizeInputs, 0) != 0 ? 3 : 2;
      }
      return 1;
    }
    case B::kSpaceToBatchNd:
    case B::kBatchToSpaceNd:
      if (in0 == T::kInt16) return 4;
      if (s.in_rank(0) != 4) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kSlice:
      if (in0 == T::kUInt32) return 6;
      if (s.in_rank(0) > 4) return 5;
      if (in0 == T::kInt16) return 4;
      if (in0 == T::kString) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kL2Normalization:
      return out0 == T::kInt8 ? 2 : 1;
    case B::kAbs:
      if (in0 == T::kInt32) return 5;
      if (in0 == T::kInt16) return s.in_tensor(0)->quant.empty() ? 4 : 3;
      return in0 == T::kInt8 || in0 == T::kUInt8 ? 2 : 1;
    case B::kEqual:
      if (in0 == T::kInt16) return 4;
      if (in0 == T::kString) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kNotEqual:
      if (in0 == T::kString) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kLess:
    case B::kGreaterEqual:
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kSpaceToDepth:
    case B::kSplitV:
    case B::kSum:
    case B::kLogSoftmax:
    case B::kGreater:
    case B::kLessEqual:
    case B::kSquaredDifference:
    case B::kDepthToSpace:
      return in0 == T::kInt8 ? 2 : 1;
    case B::kExp:
    case B::kLog:
    case B::kReduceProd:
      return in0 == T::kInt8 || in0 == T::kInt16 ? 2 : 1;
    case B::kBatchMatmul:
      if (in0 == T::kInt16) return 3;
      return in0 == T::kInt8 ? 2 : 1;
    case B::kBroadcastTo:
      return in0 == T::kInt8 || in0 == T::kInt16 ? 3 : 2;
    case B::kGelu:
      return in0 == T::kInt8 || in0 == T::kUInt8 ? 2 : 1;
    default:
      return 1;
  }
}

}  // namespace

int32_t tflite_op_version(const ModelDef& model, const OperatorDef& op) {
  if (op.builtin_code == static_cast<int32_t>(schema::BuiltinOp::kCustom)) return op.version;
  return version_for(OpSignature{model, op});
}

void set_op_versions(ModelDef* model) {
  for (OperatorDef& op : model->operators) op.version = tflite_op_version(*model, op);
}

}  // namespace mote::tools
