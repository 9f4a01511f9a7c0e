#include "model/decode.h"

#include <cmath>

#include "mote/tflite_schema.h"

namespace mote {
namespace detail {
namespace {

using fb::FieldState;

// Largest tensor Mote accepts, in elements and bytes: keeps all size arithmetic in range on
// 32-bit targets.
constexpr int64_t kMaxTensorBytes = int64_t{1} << 31;

template <typename... Args>
Status fail(const Reporter* reporter, const char* fmt, const Args&... args) {
  if (reporter != nullptr) reporter->report(fmt, args...);
  return Status::kInvalidModel;
}

bool zero_point_fits(TensorType type, int64_t zp) {
  switch (type) {
    case TensorType::kInt8:
      return zp >= -128 && zp <= 127;
    case TensorType::kUInt8:
      return zp >= 0 && zp <= 255;
    case TensorType::kInt16:
      return zp >= -32768 && zp <= 32767;
    default:
      return zp >= INT32_MIN && zp <= INT32_MAX;
  }
}

Status decode_indices(const fb::Table& table, uint16_t field, uint32_t tensor_count,
                      bool allow_omitted, const char* what, uint32_t op_index,
                      PackedArray<int32_t>* out, const Reporter* reporter) {
  fb::Vector v;
  const FieldState s = table.vector(field, 4, &v);
  if (s == FieldState::kBad) {
    return fail(reporter, "operator {}: {} vector is out of bounds", op_index, what);
  }
  if (s == FieldState::kAbsent) {
    *out = PackedArray<int32_t>();
    return Status::kOk;
  }
  *out = PackedArray<int32_t>(v);
  for (uint32_t i = 0; i < out->size(); ++i) {
    const int32_t t = (*out)[i];
    if (t == -1 && allow_omitted) continue;
    if (t < 0 || static_cast<uint32_t>(t) >= tensor_count) {
      return fail(reporter, "operator {}: {} {} is tensor {}, but the subgraph has {} tensors",
                  op_index, what, i, t, tensor_count);
    }
  }
  return Status::kOk;
}

}  // namespace

Status decode_buffer(const ModelTables& model, uint32_t index, const uint8_t** data,
                     uint32_t* bytes, const Reporter* reporter) {
  *data = nullptr;
  *bytes = 0;
  const fb::Table buffer = fb::table_element(model.buffers, index);
  if (!buffer.valid()) return fail(reporter, "buffer {}: table is out of bounds", index);
  fb::Vector v;
  const FieldState s = buffer.vector(schema::buffer::kData, 1, &v);
  if (s == FieldState::kBad) return fail(reporter, "buffer {}: data is out of bounds", index);
  if (s == FieldState::kPresent && v.length() > 0) {
    *data = v.data();
    *bytes = v.length();
    return Status::kOk;
  }
  FieldState so = FieldState::kAbsent, ss = FieldState::kAbsent;
  const uint64_t offset = buffer.scalar<uint64_t>(schema::buffer::kOffset, 0, &so);
  const uint64_t size = buffer.scalar<uint64_t>(schema::buffer::kSize, 0, &ss);
  if (so == FieldState::kBad || ss == FieldState::kBad) {
    return fail(reporter, "buffer {}: offset/size fields are out of bounds", index);
  }
  // Schema 3c: offset > 1 means the data lives outside the FlatBuffer, in the same file.
  if (offset > 1 && size > 0) {
    if (!model.buffer.contains(offset, size)) {
      return fail(reporter, "buffer {}: external data [{}, +{}) is outside the {}-byte file", index,
                  offset, size, model.buffer.size);
    }
    *data = model.buffer.base + offset;
    *bytes = static_cast<uint32_t>(size);
  }
  return Status::kOk;
}

Status decode_tensor(const ModelTables& model, const fb::Table& t, uint32_t index, TensorDesc* out,
                     const Reporter* reporter) {
  namespace f = schema::tensor;
  *out = TensorDesc();
  out->index = index;
  if (!t.valid()) return fail(reporter, "tensor {}: table is out of bounds", index);

  const char* name = nullptr;
  if (t.string(f::kName, &name) == FieldState::kBad) {
    return fail(reporter, "tensor {}: name is out of bounds", index);
  }
  out->name = name != nullptr ? name : "";

  FieldState s = FieldState::kAbsent;
  const int8_t type = t.scalar<int8_t>(f::kType, 0, &s);
  if (s == FieldState::kBad || type < 0 || type > kMaxTensorType) {
    return fail(reporter, "tensor {} '{}': invalid type {}", index, out->name, type);
  }
  out->type = static_cast<TensorType>(type);

  fb::Vector dims;
  s = t.vector(f::kShape, 4, &dims);
  if (s == FieldState::kBad) {
    return fail(reporter, "tensor {} '{}': shape is out of bounds", index, out->name);
  }
  if (dims.length() > static_cast<uint32_t>(kMaxRank)) {
    return fail(reporter, "tensor {} '{}': rank {} exceeds Mote's maximum of {}", index, out->name,
                dims.length(), kMaxRank);
  }
  out->shape.rank = static_cast<int32_t>(dims.length());
  int64_t elements = 1;
  for (uint32_t i = 0; i < dims.length(); ++i) {
    const int32_t d = dims.at<int32_t>(i);
    if (d < 0) {
      return fail(reporter, "tensor {} '{}': dimension {} is {} (dynamic shapes are not supported)",
                  index, out->name, i, d);
    }
    out->shape.dims[i] = d;
    elements *= d;
    if (elements > kMaxTensorBytes) {
      return fail(reporter, "tensor {} '{}': too many elements", index, out->name);
    }
  }
  const int64_t bytes = elements * static_cast<int64_t>(type_size(out->type));
  if (bytes > kMaxTensorBytes) {
    return fail(reporter, "tensor {} '{}': {} bytes is too large", index, out->name, bytes);
  }

  const uint32_t buffer_index = t.scalar<uint32_t>(f::kBuffer, 0, &s);
  if (s == FieldState::kBad || buffer_index >= model.buffers.length()) {
    return fail(reporter, "tensor {} '{}': buffer index {} is out of range ({} buffers)", index,
                out->name, buffer_index, model.buffers.length());
  }
  out->is_variable = t.scalar<uint8_t>(f::kIsVariable, 0, &s) != 0;
  if (s == FieldState::kBad) return fail(reporter, "tensor {}: bad is_variable", index);

  const uint8_t* data = nullptr;
  uint32_t data_bytes = 0;
  MOTE_TRY(decode_buffer(model, buffer_index, &data, &data_bytes, reporter));
  // Variable tensors are state: they live in the arena and start from their reset value.
  if (data != nullptr && !out->is_variable) {
    const size_t element_size = type_size(out->type);
    if (element_size != 0 && static_cast<int64_t>(data_bytes) != bytes) {
      return fail(reporter,
                  "tensor {} '{}': buffer {} holds {} bytes but {} elements of {} need {}", index,
                  out->name, buffer_index, data_bytes, elements, type_name(out->type), bytes);
    }
    out->data = data;
    out->data_bytes = data_bytes;
  }

  fb::Table sparsity;
  s = t.table(f::kSparsity, &sparsity);
  if (s == FieldState::kBad) {
    return fail(reporter, "tensor {} '{}': sparsity table is out of bounds", index, out->name);
  }
  out->is_sparse = s == FieldState::kPresent;

  fb::Vector shape_signature;
  if (t.vector(f::kShapeSignature, 4, &shape_signature) == FieldState::kBad) {
    return fail(reporter, "tensor {} '{}': shape_signature is out of bounds", index, out->name);
  }

  fb::Table q;
  s = t.table(f::kQuantization, &q);
  if (s == FieldState::kBad) {
    return fail(reporter, "tensor {} '{}': quantization table is out of bounds", index, out->name);
  }
  if (s == FieldState::kPresent) {
    namespace qf = schema::quantization;
    fb::Vector scales, zero_points, min, max;
    if (q.vector(qf::kScale, 4, &scales) == FieldState::kBad ||
        q.vector(qf::kZeroPoint, 8, &zero_points) == FieldState::kBad ||
        q.vector(qf::kMin, 4, &min) == FieldState::kBad ||
        q.vector(qf::kMax, 4, &max) == FieldState::kBad) {
      return fail(reporter, "tensor {} '{}': quantization vectors are out of bounds", index,
                  out->name);
    }
    fb::Table details;
    if (q.table(qf::kDetails, &details) == FieldState::kBad) {
      return fail(reporter, "tensor {} '{}': quantization details are out of bounds", index,
                  out->name);
    }
    const int32_t qdim = q.scalar<int32_t>(qf::kQuantizedDimension, 0, &s);
    if (s == FieldState::kBad) {
      return fail(reporter, "tensor {} '{}': bad quantized_dimension", index, out->name);
    }
    // As in TFLite, a tensor is quantized only when it has both scales and zero points.
    if (scales.length() > 0 && zero_points.length() > 0) {
      if (scales.length() != zero_points.length()) {
        return fail(reporter, "tensor {} '{}': {} quantization scales but {} zero points", index,
                    out->name, scales.length(), zero_points.length());
      }
      int32_t channel_dim = qdim;
      // Converters write per-channel biases (rank 1) with the filter's quantized_dimension
      // (e.g. 3); TFLite accepts them. The only dimension a rank-1 tensor has is 0.
      if (out->shape.rank == 1 && (qdim < 0 || qdim >= 1)) channel_dim = 0;
      if (scales.length() > 1) {
        if (channel_dim < 0 || channel_dim >= out->shape.rank) {
          return fail(reporter,
                      "tensor {} '{}': quantized_dimension {} is outside its rank-{} shape", index,
                      out->name, qdim, out->shape.rank);
        }
        if (static_cast<uint32_t>(out->shape.dims[channel_dim]) != scales.length()) {
          return fail(reporter,
                      "tensor {} '{}': {} per-channel scales but dimension {} has size {}", index,
                      out->name, scales.length(), channel_dim, out->shape.dims[channel_dim]);
        }
      }
      for (uint32_t i = 0; i < scales.length(); ++i) {
        const float scale = scales.at<float>(i);
        if (!std::isfinite(scale) || scale < 0.0f) {
          return fail(reporter, "tensor {} '{}': quantization scale {} is {}", index, out->name, i,
                      scale);
        }
        const int64_t zp = zero_points.at<int64_t>(i);
        if (!zero_point_fits(out->type, zp)) {
          return fail(reporter, "tensor {} '{}': zero point {} does not fit type {}", index,
                      out->name, zp, type_name(out->type));
        }
      }
      out->quant.scales = PackedArray<float>(scales);
      out->quant.zero_points = PackedArray<int64_t>(zero_points);
      out->quant.quantized_dimension = channel_dim;
    }
  }
  return Status::kOk;
}

Status decode_operator_code(const ModelTables& model, uint32_t index, int32_t* builtin_code,
                            int32_t* version, const char** custom_code, const Reporter* reporter) {
  namespace f = schema::operator_code;
  const fb::Table code = fb::table_element(model.opcodes, index);
  if (!code.valid()) return fail(reporter, "operator code {}: table is out of bounds", index);
  FieldState s1 = FieldState::kAbsent, s2 = FieldState::kAbsent, s3 = FieldState::kAbsent;
  const int32_t deprecated = code.scalar<int8_t>(f::kDeprecatedBuiltinCode, 0, &s1);
  const int32_t extended = code.scalar<int32_t>(f::kBuiltinCode, 0, &s2);
  *version = code.scalar<int32_t>(f::kVersion, 1, &s3);
  if (s1 == FieldState::kBad || s2 == FieldState::kBad || s3 == FieldState::kBad) {
    return fail(reporter, "operator code {}: fields are out of bounds", index);
  }
  // Files from before schema 3a only set the byte-sized deprecated code; newer ones set both
  // (the deprecated one saturated at 127). The larger of the two is the operator, as in TFLite.
  *builtin_code = deprecated > extended ? deprecated : extended;
  if (*builtin_code < 0) {
    return fail(reporter, "operator code {}: negative builtin code {}", index, *builtin_code);
  }
  if (*version < 1) {
    return fail(reporter, "operator code {} ({}): version {} is not a valid operator version",
                index, schema::builtin_op_name(*builtin_code), *version);
  }
  *custom_code = nullptr;
  const FieldState s = code.string(f::kCustomCode, custom_code);
  if (s == FieldState::kBad) {
    return fail(reporter, "operator code {}: custom_code is out of bounds", index);
  }
  if (*builtin_code == static_cast<int32_t>(schema::BuiltinOp::kCustom)) {
    if (*custom_code == nullptr || (*custom_code)[0] == '\0') {
      return fail(reporter, "operator code {}: CUSTOM operator without a custom_code", index);
    }
  } else {
    *custom_code = nullptr;
  }
  return Status::kOk;
}

Status decode_operator(const ModelTables& model, const fb::Table& t, uint32_t index,
                       OperatorDesc* out, const Reporter* reporter) {
  namespace f = schema::op;
  *out = OperatorDesc();
  out->index = index;
  if (!t.valid()) return fail(reporter, "operator {}: table is out of bounds", index);
  FieldState s = FieldState::kAbsent;
  const uint32_t opcode = t.scalar<uint32_t>(f::kOpcodeIndex, 0, &s);
  if (s == FieldState::kBad || opcode >= model.opcodes.length()) {
    return fail(reporter, "operator {}: opcode index {} is out of range ({} operator codes)", index,
                opcode, model.opcodes.length());
  }
  MOTE_TRY(decode_operator_code(model, opcode, &out->builtin_code, &out->version, &out->custom_code,
                                reporter));
  MOTE_TRY(decode_indices(t, f::kInputs, model.tensor_count, true, "input", index, &out->inputs,
                          reporter));
  MOTE_TRY(decode_indices(t, f::kOutputs, model.tensor_count, false, "output", index, &out->outputs,
                          reporter));
  MOTE_TRY(decode_indices(t, f::kIntermediates, model.tensor_count, true, "intermediate", index,
                          &out->intermediates, reporter));

  out->options_type = t.scalar<uint8_t>(f::kBuiltinOptionsType, 0, &s);
  if (s == FieldState::kBad || out->options_type > schema::kMaxOptions) {
    return fail(reporter, "operator {} ({}): invalid builtin options type {}", index, out->name(),
                out->options_type);
  }
  fb::Table options;
  s = t.table(f::kBuiltinOptions, &options);
  if (s == FieldState::kBad) {
    return fail(reporter, "operator {} ({}): builtin options are out of bounds", index,
                out->name());
  }
  if (out->options_type != 0) out->options = options;

  const uint8_t options2_type = t.scalar<uint8_t>(f::kBuiltinOptions2Type, 0, &s);
  fb::Table options2;
  if (s == FieldState::kBad || t.table(f::kBuiltinOptions2, &options2) == FieldState::kBad) {
    return fail(reporter, "operator {} ({}): builtin_options_2 are out of bounds", index,
                out->name());
  }
  (void)options2_type;

  fb::Vector custom;
  s = t.vector(f::kCustomOptions, 1, &custom);
  if (s == FieldState::kBad) {
    return fail(reporter, "operator {} ({}): custom options are out of bounds", index, out->name());
  }
  if (s == FieldState::kPresent) out->custom_options = PackedArray<uint8_t>(custom);
  FieldState so = FieldState::kAbsent, ss = FieldState::kAbsent;
  const uint64_t large_offset = t.scalar<uint64_t>(f::kLargeCustomOptionsOffset, 0, &so);
  const uint64_t large_size = t.scalar<uint64_t>(f::kLargeCustomOptionsSize, 0, &ss);
  if (so == FieldState::kBad || ss == FieldState::kBad) {
    return fail(reporter, "operator {}: large custom options fields are out of bounds", index);
  }
  if (large_offset > 1) {
    if (!model.buffer.contains(large_offset, large_size)) {
      return fail(reporter, "operator {}: custom options [{}, +{}) are outside the file", index,
                  large_offset, large_size);
    }
    out->custom_options =
        PackedArray<uint8_t>(model.buffer.base + large_offset, static_cast<uint32_t>(large_size));
  }

  fb::Vector mutating;
  s = t.vector(f::kMutatingVariableInputs, 1, &mutating);
  if (s == FieldState::kBad) {
    return fail(reporter, "operator {}: mutating_variable_inputs are out of bounds", index);
  }
  return Status::kOk;
}

}  // namespace detail

const char* OperatorDesc::name() const {
  return custom_code != nullptr ? custom_code : schema::builtin_op_name(builtin_code);
}

uint32_t TensorDesc::byte_size() const {
  return static_cast<uint32_t>(shape.num_elements() * static_cast<int64_t>(type_size(type)));
}

}  // namespace mote
