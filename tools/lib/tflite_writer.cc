#include "tflite_writer.h"

#include <map>
#include <tuple>

#include <flatbuffers/flatbuffers.h>

namespace mote::tools {
namespace {

using flatbuffers::FieldIndexToOffset;
using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;
using flatbuffers::uoffset_t;

Offset<void> write_options(FlatBufferBuilder& b, const OptionsDef& options) {
  // Vectors first: a table cannot be open while other objects are created.
  std::vector<std::pair<uint16_t, Offset<flatbuffers::Vector<int32_t>>>> vectors;
  for (const OptionField& f : options.fields) {
    if (f.kind == OptionField::Kind::kInt32Vector)
      vectors.emplace_back(f.id, b.CreateVector(f.vector));
  }
  const uoffset_t start = b.StartTable();
  for (const OptionField& f : options.fields) {
    const auto field = FieldIndexToOffset(f.id);
    switch (f.kind) {
      case OptionField::Kind::kBool:
        b.AddElement<uint8_t>(field, static_cast<uint8_t>(f.int_value != 0));
        break;
      case OptionField::Kind::kInt8:
        b.AddElement<int8_t>(field, static_cast<int8_t>(f.int_value));
        break;
      case OptionField::Kind::kInt32:
        b.AddElement<int32_t>(field, static_cast<int32_t>(f.int_value));
        break;
      case OptionField::Kind::kFloat:
        b.AddElement<float>(field, f.float_value);
        break;
      case OptionField::Kind::kInt32Vector:
        break;
    }
  }
  for (const auto& [id, vec] : vectors) b.AddOffset(FieldIndexToOffset(id), vec);
  return Offset<void>(b.EndTable(start));
}

}  // namespace

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

  std::vector<Offset<void>> tensors;
  for (size_t i = 0; i < model.tensors.size(); ++i) {
    const TensorDef& t = model.tensors[i];
    const auto shape = b.CreateVector(t.shape);
    const auto name = b.CreateString(t.name);
    Offset<void> quant;
    if (!t.quant.empty()) {
      const auto scales = b.CreateVector(t.quant.scales);
      const auto zps = b.CreateVector(t.quant.zero_points);
      const uoffset_t start = b.StartTable();
      b.AddOffset(FieldIndexToOffset(s::quantization::kScale), scales);
      b.AddOffset(FieldIndexToOffset(s::quantization::kZeroPoint), zps);
      b.AddElement<int32_t>(FieldIndexToOffset(s::quantization::kQuantizedDimension),
                            t.quant.quantized_dimension);
      quant = Offset<void>(b.EndTable(start));
    }
    const uoffset_t start = b.StartTable();
    b.AddOffset(FieldIndexToOffset(s::tensor::kShape), shape);
    b.AddElement<int8_t>(FieldIndexToOffset(s::tensor::kType), static_cast<int8_t>(t.type));
    b.AddElement<uint32_t>(FieldIndexToOffset(s::tensor::kBuffer), tensor_buffer[i]);
    b.AddOffset(FieldIndexToOffset(s::tensor::kName), name);
    if (!t.quant.empty()) b.AddOffset(FieldIndexToOffset(s::tensor::kQuantization), quant);
    if (t.is_variable) b.AddElement<uint8_t>(FieldIndexToOffset(s::tensor::kIsVariable), 1);
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
  const auto sg_name = b.CreateString("main");
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
  start = b.StartTable();
  b.AddElement<uint32_t>(FieldIndexToOffset(s::model::kVersion), s::kSchemaVersion);
  b.AddOffset(FieldIndexToOffset(s::model::kOperatorCodes), codes_vec);
  b.AddOffset(FieldIndexToOffset(s::model::kSubgraphs), sg_vec);
  b.AddOffset(FieldIndexToOffset(s::model::kDescription), description);
  b.AddOffset(FieldIndexToOffset(s::model::kBuffers), buffer_vec);
  const Offset<void> root(b.EndTable(start));
  b.Finish(root, s::kFileIdentifier);
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

}  // namespace mote::tools
