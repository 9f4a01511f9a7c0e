#include "model_def_reader.h"

#include <fmt/format.h>

#include "mote/tflite_schema.h"

namespace mote::tools {
namespace {

using K = OptionField::Kind;
using fb::FieldState;

// The options tables of schema.fbs's BuiltinOptions union, in union order (type id = index).
// Byte-sized enums (Padding, ActivationFunctionType, TensorType, ...) are kInt8.
// clang-format off
constexpr OptionFieldSpec kFields1[] = {{0, K::kInt8, "padding"}, {1, K::kInt32, "stride_w"}, {2, K::kInt32, "stride_h"}, {3, K::kInt8, "fused_activation_function"}, {4, K::kInt32, "dilation_w_factor"}, {5, K::kInt32, "dilation_h_factor"}, {6, K::kInt8, "quantized_bias_type"}};
constexpr OptionFieldSpec kFields2[] = {{0, K::kInt8, "padding"}, {1, K::kInt32, "stride_w"}, {2, K::kInt32, "stride_h"}, {3, K::kInt32, "depth_multiplier"}, {4, K::kInt8, "fused_activation_function"}, {5, K::kInt32, "dilation_w_factor"}, {6, K::kInt32, "dilation_h_factor"}};
constexpr OptionFieldSpec kFields3[] = {{0, K::kInt32, "num_channels"}, {1, K::kInt32Vector, "num_columns_per_channel"}, {2, K::kInt32Vector, "embedding_dim_per_channel"}};
constexpr OptionFieldSpec kFields4[] = {{0, K::kInt8, "type"}};
constexpr OptionFieldSpec kFields5[] = {{0, K::kInt8, "padding"}, {1, K::kInt32, "stride_w"}, {2, K::kInt32, "stride_h"}, {3, K::kInt32, "filter_width"}, {4, K::kInt32, "filter_height"}, {5, K::kInt8, "fused_activation_function"}};
constexpr OptionFieldSpec kFields6[] = {{0, K::kInt32, "rank"}, {1, K::kInt8, "fused_activation_function"}, {2, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields7[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields8[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kInt8, "weights_format"}, {2, K::kBool, "keep_num_dims"}, {3, K::kBool, "asymmetric_quantize_inputs"}, {4, K::kInt8, "quantized_bias_type"}};
constexpr OptionFieldSpec kFields9[] = {{0, K::kFloat, "beta"}};
constexpr OptionFieldSpec kFields10[] = {{0, K::kInt32, "axis"}, {1, K::kInt8, "fused_activation_function"}};
constexpr OptionFieldSpec kFields11[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kBool, "pot_scale_int16"}};
constexpr OptionFieldSpec kFields12[] = {{0, K::kInt8, "fused_activation_function"}};
constexpr OptionFieldSpec kFields13[] = {{0, K::kInt32, "radius"}, {1, K::kFloat, "bias"}, {2, K::kFloat, "alpha"}, {3, K::kFloat, "beta"}};
constexpr OptionFieldSpec kFields14[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kFloat, "cell_clip"}, {2, K::kFloat, "proj_clip"}, {3, K::kInt8, "kernel_type"}, {4, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields15[] = {{0, K::kInt32, "new_height"}, {1, K::kInt32, "new_width"}, {2, K::kBool, "align_corners"}, {3, K::kBool, "half_pixel_centers"}};
constexpr OptionFieldSpec kFields16[] = {{0, K::kUInt32, "subgraph"}};
constexpr OptionFieldSpec kFields17[] = {{0, K::kInt32Vector, "new_shape"}};
constexpr OptionFieldSpec kFields18[] = {{0, K::kInt32, "ngram_size"}, {1, K::kInt32, "max_skip_size"}, {2, K::kBool, "include_all_ngrams"}};
constexpr OptionFieldSpec kFields19[] = {{0, K::kInt32, "block_size"}};
constexpr OptionFieldSpec kFields20[] = {{0, K::kInt8, "combiner"}};
constexpr OptionFieldSpec kFields21[] = {{0, K::kInt8, "fused_activation_function"}};
constexpr OptionFieldSpec kFields23[] = {{0, K::kInt32, "axis"}, {1, K::kInt32, "batch_dims"}};
constexpr OptionFieldSpec kFields27[] = {{0, K::kBool, "keep_dims"}};
constexpr OptionFieldSpec kFields28[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kBool, "pot_scale_int16"}};
constexpr OptionFieldSpec kFields29[] = {{0, K::kInt8, "fused_activation_function"}};
constexpr OptionFieldSpec kFields30[] = {{0, K::kInt32Vector, "squeeze_dims"}};
constexpr OptionFieldSpec kFields31[] = {{0, K::kBool, "time_major"}, {1, K::kInt8, "fused_activation_function"}, {2, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields32[] = {{0, K::kInt32, "begin_mask"}, {1, K::kInt32, "end_mask"}, {2, K::kInt32, "ellipsis_mask"}, {3, K::kInt32, "new_axis_mask"}, {4, K::kInt32, "shrink_axis_mask"}, {5, K::kBool, "offset"}};
constexpr OptionFieldSpec kFields35[] = {{0, K::kInt32, "num_splits"}};
constexpr OptionFieldSpec kFields37[] = {{0, K::kInt8, "in_data_type"}, {1, K::kInt8, "out_data_type"}};
constexpr OptionFieldSpec kFields40[] = {{0, K::kInt8, "output_type"}};
constexpr OptionFieldSpec kFields49[] = {{0, K::kInt8, "padding"}, {1, K::kInt32, "stride_w"}, {2, K::kInt32, "stride_h"}, {3, K::kInt8, "fused_activation_function"}, {4, K::kInt8, "quantized_bias_type"}};
constexpr OptionFieldSpec kFields50[] = {{0, K::kBool, "validate_indices"}};
constexpr OptionFieldSpec kFields55[] = {{0, K::kInt8, "out_type"}};
constexpr OptionFieldSpec kFields57[] = {{0, K::kInt8, "output_type"}};
constexpr OptionFieldSpec kFields58[] = {{0, K::kFloat, "min"}, {1, K::kFloat, "max"}, {2, K::kInt32, "num_bits"}, {3, K::kBool, "narrow_range"}};
constexpr OptionFieldSpec kFields59[] = {{0, K::kInt32, "values_count"}, {1, K::kInt32, "axis"}};
constexpr OptionFieldSpec kFields61[] = {{0, K::kInt32, "axis"}};
constexpr OptionFieldSpec kFields64[] = {{0, K::kInt32, "num"}, {1, K::kInt32, "axis"}};
constexpr OptionFieldSpec kFields69[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kFloat, "cell_clip"}, {2, K::kFloat, "proj_clip"}, {3, K::kBool, "merge_outputs"}, {4, K::kBool, "time_major"}, {5, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields70[] = {{0, K::kBool, "time_major"}, {1, K::kInt8, "fused_activation_function"}, {2, K::kBool, "merge_outputs"}, {3, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields71[] = {{0, K::kInt8, "fused_activation_function"}, {1, K::kFloat, "cell_clip"}, {2, K::kFloat, "proj_clip"}, {3, K::kBool, "time_major"}, {4, K::kBool, "asymmetric_quantize_inputs"}, {5, K::kBool, "diagonal_recurrent_tensors"}};
constexpr OptionFieldSpec kFields74[] = {{0, K::kBool, "align_corners"}, {1, K::kBool, "half_pixel_centers"}};
constexpr OptionFieldSpec kFields75[] = {{0, K::kFloat, "alpha"}};
constexpr OptionFieldSpec kFields77[] = {{0, K::kInt8, "mode"}};
constexpr OptionFieldSpec kFields79[] = {{0, K::kInt32, "num_splits"}};
constexpr OptionFieldSpec kFields80[] = {{0, K::kInt8, "idx_out_type"}};
constexpr OptionFieldSpec kFields87[] = {{0, K::kInt32, "seq_dim"}, {1, K::kInt32, "batch_dim"}};
constexpr OptionFieldSpec kFields92[] = {{0, K::kInt32, "then_subgraph_index"}, {1, K::kInt32, "else_subgraph_index"}};
constexpr OptionFieldSpec kFields93[] = {{0, K::kInt32, "cond_subgraph_index"}, {1, K::kInt32, "body_subgraph_index"}};
constexpr OptionFieldSpec kFields94[] = {{0, K::kInt32, "block_size"}};
constexpr OptionFieldSpec kFields101[] = {{0, K::kBool, "adj_x"}, {1, K::kBool, "adj_y"}, {2, K::kBool, "asymmetric_quantize_inputs"}};
constexpr OptionFieldSpec kFields102[] = {{0, K::kBool, "exclusive"}, {1, K::kBool, "reverse"}};
constexpr OptionFieldSpec kFields103[] = {{0, K::kInt32, "init_subgraph_index"}};
constexpr OptionFieldSpec kFields106[] = {{0, K::kInt8, "padding"}, {1, K::kInt32, "stride_d"}, {2, K::kInt32, "stride_w"}, {3, K::kInt32, "stride_h"}, {4, K::kInt8, "fused_activation_function"}, {5, K::kInt32, "dilation_d_factor"}, {6, K::kInt32, "dilation_w_factor"}, {7, K::kInt32, "dilation_h_factor"}};
constexpr OptionFieldSpec kFields107[] = {{0, K::kInt32, "table_id"}, {1, K::kInt8, "key_dtype"}, {2, K::kInt8, "value_dtype"}};
constexpr OptionFieldSpec kFields111[] = {{0, K::kString, "container"}, {1, K::kString, "shared_name"}};
constexpr OptionFieldSpec kFields114[] = {{0, K::kInt64, "seed"}, {1, K::kInt64, "seed2"}};
constexpr OptionFieldSpec kFields115[] = {{0, K::kFloatVector, "boundaries"}};
constexpr OptionFieldSpec kFields116[] = {{0, K::kBool, "approximate"}};
constexpr OptionsSpec kOptionsSpecs[] = {
    {"NONE", nullptr, 0},  // 0
    {"Conv2DOptions", kFields1, 7},  // 1
    {"DepthwiseConv2DOptions", kFields2, 7},  // 2
    {"ConcatEmbeddingsOptions", kFields3, 3},  // 3
    {"LSHProjectionOptions", kFields4, 1},  // 4
    {"Pool2DOptions", kFields5, 6},  // 5
    {"SVDFOptions", kFields6, 3},  // 6
    {"RNNOptions", kFields7, 2},  // 7
    {"FullyConnectedOptions", kFields8, 5},  // 8
    {"SoftmaxOptions", kFields9, 1},  // 9
    {"ConcatenationOptions", kFields10, 2},  // 10
    {"AddOptions", kFields11, 2},  // 11
    {"L2NormOptions", kFields12, 1},  // 12
    {"LocalResponseNormalizationOptions", kFields13, 4},  // 13
    {"LSTMOptions", kFields14, 5},  // 14
    {"ResizeBilinearOptions", kFields15, 4},  // 15
    {"CallOptions", kFields16, 1},  // 16
    {"ReshapeOptions", kFields17, 1},  // 17
    {"SkipGramOptions", kFields18, 3},  // 18
    {"SpaceToDepthOptions", kFields19, 1},  // 19
    {"EmbeddingLookupSparseOptions", kFields20, 1},  // 20
    {"MulOptions", kFields21, 1},  // 21
    {"PadOptions", nullptr, 0},  // 22
    {"GatherOptions", kFields23, 2},  // 23
    {"BatchToSpaceNDOptions", nullptr, 0},  // 24
    {"SpaceToBatchNDOptions", nullptr, 0},  // 25
    {"TransposeOptions", nullptr, 0},  // 26
    {"ReducerOptions", kFields27, 1},  // 27
    {"SubOptions", kFields28, 2},  // 28
    {"DivOptions", kFields29, 1},  // 29
    {"SqueezeOptions", kFields30, 1},  // 30
    {"SequenceRNNOptions", kFields31, 3},  // 31
    {"StridedSliceOptions", kFields32, 6},  // 32
    {"ExpOptions", nullptr, 0},  // 33
    {"TopKV2Options", nullptr, 0},  // 34
    {"SplitOptions", kFields35, 1},  // 35
    {"LogSoftmaxOptions", nullptr, 0},  // 36
    {"CastOptions", kFields37, 2},  // 37
    {"DequantizeOptions", nullptr, 0},  // 38
    {"MaximumMinimumOptions", nullptr, 0},  // 39
    {"ArgMaxOptions", kFields40, 1},  // 40
    {"LessOptions", nullptr, 0},  // 41
    {"NegOptions", nullptr, 0},  // 42
    {"PadV2Options", nullptr, 0},  // 43
    {"GreaterOptions", nullptr, 0},  // 44
    {"GreaterEqualOptions", nullptr, 0},  // 45
    {"LessEqualOptions", nullptr, 0},  // 46
    {"SelectOptions", nullptr, 0},  // 47
    {"SliceOptions", nullptr, 0},  // 48
    {"TransposeConvOptions", kFields49, 5},  // 49
    {"SparseToDenseOptions", kFields50, 1},  // 50
    {"TileOptions", nullptr, 0},  // 51
    {"ExpandDimsOptions", nullptr, 0},  // 52
    {"EqualOptions", nullptr, 0},  // 53
    {"NotEqualOptions", nullptr, 0},  // 54
    {"ShapeOptions", kFields55, 1},  // 55
    {"PowOptions", nullptr, 0},  // 56
    {"ArgMinOptions", kFields57, 1},  // 57
    {"FakeQuantOptions", kFields58, 4},  // 58
    {"PackOptions", kFields59, 2},  // 59
    {"LogicalOrOptions", nullptr, 0},  // 60
    {"OneHotOptions", kFields61, 1},  // 61
    {"LogicalAndOptions", nullptr, 0},  // 62
    {"LogicalNotOptions", nullptr, 0},  // 63
    {"UnpackOptions", kFields64, 2},  // 64
    {"FloorDivOptions", nullptr, 0},  // 65
    {"SquareOptions", nullptr, 0},  // 66
    {"ZerosLikeOptions", nullptr, 0},  // 67
    {"FillOptions", nullptr, 0},  // 68
    {"BidirectionalSequenceLSTMOptions", kFields69, 6},  // 69
    {"BidirectionalSequenceRNNOptions", kFields70, 4},  // 70
    {"UnidirectionalSequenceLSTMOptions", kFields71, 6},  // 71
    {"FloorModOptions", nullptr, 0},  // 72
    {"RangeOptions", nullptr, 0},  // 73
    {"ResizeNearestNeighborOptions", kFields74, 2},  // 74
    {"LeakyReluOptions", kFields75, 1},  // 75
    {"SquaredDifferenceOptions", nullptr, 0},  // 76
    {"MirrorPadOptions", kFields77, 1},  // 77
    {"AbsOptions", nullptr, 0},  // 78
    {"SplitVOptions", kFields79, 1},  // 79
    {"UniqueOptions", kFields80, 1},  // 80
    {"ReverseV2Options", nullptr, 0},  // 81
    {"AddNOptions", nullptr, 0},  // 82
    {"GatherNdOptions", nullptr, 0},  // 83
    {"CosOptions", nullptr, 0},  // 84
    {"WhereOptions", nullptr, 0},  // 85
    {"RankOptions", nullptr, 0},  // 86
    {"ReverseSequenceOptions", kFields87, 2},  // 87
    {"MatrixDiagOptions", nullptr, 0},  // 88
    {"QuantizeOptions", nullptr, 0},  // 89
    {"MatrixSetDiagOptions", nullptr, 0},  // 90
    {"HardSwishOptions", nullptr, 0},  // 91
    {"IfOptions", kFields92, 2},  // 92
    {"WhileOptions", kFields93, 2},  // 93
    {"DepthToSpaceOptions", kFields94, 1},  // 94
    {"NonMaxSuppressionV4Options", nullptr, 0},  // 95
    {"NonMaxSuppressionV5Options", nullptr, 0},  // 96
    {"ScatterNdOptions", nullptr, 0},  // 97
    {"SelectV2Options", nullptr, 0},  // 98
    {"DensifyOptions", nullptr, 0},  // 99
    {"SegmentSumOptions", nullptr, 0},  // 100
    {"BatchMatMulOptions", kFields101, 3},  // 101
    {"CumsumOptions", kFields102, 2},  // 102
    {"CallOnceOptions", kFields103, 1},  // 103
    {"BroadcastToOptions", nullptr, 0},  // 104
    {"Rfft2dOptions", nullptr, 0},  // 105
    {"Conv3DOptions", kFields106, 8},  // 106
    {"HashtableOptions", kFields107, 3},  // 107
    {"HashtableFindOptions", nullptr, 0},  // 108
    {"HashtableImportOptions", nullptr, 0},  // 109
    {"HashtableSizeOptions", nullptr, 0},  // 110
    {"VarHandleOptions", kFields111, 2},  // 111
    {"ReadVariableOptions", nullptr, 0},  // 112
    {"AssignVariableOptions", nullptr, 0},  // 113
    {"RandomOptions", kFields114, 2},  // 114
    {"BucketizeOptions", kFields115, 1},  // 115
    {"GeluOptions", kFields116, 1},  // 116
    {"DynamicUpdateSliceOptions", nullptr, 0},  // 117
    {"UnsortedSegmentProdOptions", nullptr, 0},  // 118
    {"UnsortedSegmentMaxOptions", nullptr, 0},  // 119
    {"UnsortedSegmentMinOptions", nullptr, 0},  // 120
    {"UnsortedSegmentSumOptions", nullptr, 0},  // 121
    {"ATan2Options", nullptr, 0},  // 122
    {"SignOptions", nullptr, 0},  // 123
    {"BitcastOptions", nullptr, 0},  // 124
    {"BitwiseXorOptions", nullptr, 0},  // 125
    {"RightShiftOptions", nullptr, 0},  // 126
};
// clang-format on
static_assert(sizeof(kOptionsSpecs) / sizeof(kOptionsSpecs[0]) == schema::kMaxOptions + 1,
              "one entry per BuiltinOptions union member");

// Highest field id probed for fields the schema does not have. A table's vtable bounds the ids
// it can hold, and Table::field() reports ids past it as absent, so probing is cheap and safe.
constexpr uint16_t kMaxProbedFieldId = 64;

template <typename T>
bool read_scalar(const fb::Table& table, uint16_t id, bool* present, T* value) {
  FieldState s = FieldState::kAbsent;
  *value = table.scalar<T>(id, T{}, &s);
  *present = s == FieldState::kPresent;
  return s != FieldState::kBad;
}

bool read_field(const fb::Table& table, const OptionFieldSpec& spec, OptionsDef* out) {
  bool present = false;
  OptionField field;
  field.id = spec.id;
  field.kind = spec.kind;
  switch (spec.kind) {
    case K::kBool:
    case K::kInt8: {
      int8_t v = 0;
      if (!read_scalar(table, spec.id, &present, &v)) return false;
      // Booleans are stored as one byte; any non-zero byte is true, and is written back as 1.
      field.int_value = spec.kind == K::kBool ? (v != 0) : v;
      break;
    }
    case K::kInt32: {
      int32_t v = 0;
      if (!read_scalar(table, spec.id, &present, &v)) return false;
      field.int_value = v;
      break;
    }
    case K::kUInt32: {
      uint32_t v = 0;
      if (!read_scalar(table, spec.id, &present, &v)) return false;
      field.int_value = v;
      break;
    }
    case K::kInt64: {
      int64_t v = 0;
      if (!read_scalar(table, spec.id, &present, &v)) return false;
      field.int_value = v;
      break;
    }
    case K::kFloat: {
      float v = 0.0f;
      if (!read_scalar(table, spec.id, &present, &v)) return false;
      field.float_value = v;
      break;
    }
    case K::kInt32Vector:
    case K::kFloatVector: {
      fb::Vector v;
      const FieldState s = table.vector(spec.id, 4, &v);
      if (s == FieldState::kBad) return false;
      present = s == FieldState::kPresent;
      for (uint32_t i = 0; present && i < v.length(); ++i) {
        if (spec.kind == K::kInt32Vector) {
          field.vector.push_back(v.at<int32_t>(i));
        } else {
          field.float_vector.push_back(v.at<float>(i));
        }
      }
      break;
    }
    case K::kString: {
      const char* text = nullptr;
      uint32_t length = 0;
      const FieldState s = table.string(spec.id, &text, &length);
      if (s == FieldState::kBad) return false;
      present = s == FieldState::kPresent;
      if (present) field.text.assign(text, length);
      break;
    }
  }
  if (present) out->fields.push_back(std::move(field));
  return true;
}

// Raw tables of the file, for the few fields the Model accessors do not expose.
struct RawTables {
  fb::Table root;
  fb::Vector buffers;
  fb::Table subgraph;
  fb::Vector tensors;
  fb::Vector operators;
};

bool raw_tables(const Model& model, RawTables* raw) {
  const fb::Buffer buffer{model.data(), model.size()};
  raw->root = fb::Table::root(buffer);
  fb::Vector subgraphs;
  if (!raw->root.valid() ||
      raw->root.vector(schema::model::kSubgraphs, 4, &subgraphs) != FieldState::kPresent ||
      subgraphs.length() == 0) {
    return false;
  }
  if (raw->root.vector(schema::model::kBuffers, 4, &raw->buffers) == FieldState::kBad) {
    return false;
  }
  raw->subgraph = fb::table_element(subgraphs, 0);
  return raw->subgraph.valid() &&
         raw->subgraph.vector(schema::subgraph::kTensors, 4, &raw->tensors) != FieldState::kBad &&
         raw->subgraph.vector(schema::subgraph::kOperators, 4, &raw->operators) != FieldState::kBad;
}

// The bytes of buffer `index` (inline, or schema 3c offset/size within the file).
bool buffer_bytes(const Model& model, const RawTables& raw, uint32_t index,
                  std::vector<uint8_t>* out) {
  out->clear();
  if (index >= raw.buffers.length()) return false;
  const fb::Table buffer = fb::table_element(raw.buffers, index);
  if (!buffer.valid()) return false;
  fb::Vector data;
  const FieldState s = buffer.vector(schema::buffer::kData, 1, &data);
  if (s == FieldState::kBad) return false;
  if (s == FieldState::kPresent && data.length() > 0) {
    out->assign(data.data(), data.data() + data.length());
    return true;
  }
  const uint64_t offset = buffer.scalar<uint64_t>(schema::buffer::kOffset, 0);
  const uint64_t size = buffer.scalar<uint64_t>(schema::buffer::kSize, 0);
  if (offset > 1 && size > 0) {
    if (offset > model.size() || size > model.size() - offset) return false;
    out->assign(model.data() + offset, model.data() + offset + size);
  }
  return true;
}

template <typename T>
std::vector<T> vector_field(const fb::Table& table, uint16_t id) {
  std::vector<T> values;
  fb::Vector v;
  if (table.vector(id, sizeof(T), &v) != FieldState::kPresent) return values;
  for (uint32_t i = 0; i < v.length(); ++i) values.push_back(v.at<T>(i));
  return values;
}

bool read_tensor(const Model& model, const RawTables& raw, uint32_t index, TensorDef* out,
                 std::string* error) {
  namespace f = schema::tensor;
  const TensorDesc desc = model.tensor(index);
  const fb::Table table = fb::table_element(raw.tensors, index);
  const std::string label = fmt::format("tensor {} '{}'", index, desc.name);
  if (!table.valid()) {
    *error = label + ": table is out of bounds";
    return false;
  }
  if (desc.is_sparse) {
    *error = label + ": sparse tensors cannot be read into a ModelDef (densify the model first)";
    return false;
  }
  out->name = desc.name;
  out->type = desc.type;
  out->shape.assign(desc.shape.dims, desc.shape.dims + desc.shape.rank);
  out->is_variable = desc.is_variable;
  out->shape_signature = vector_field<int32_t>(table, f::kShapeSignature);
  out->has_rank = table.scalar<uint8_t>(f::kHasRank, 0) != 0;
  if (desc.is_constant()) {
    out->data.assign(desc.data, desc.data + desc.data_bytes);
  } else if (desc.is_variable) {
    // The verifier does not expose a variable's initial contents (the runtime resets state
    // itself); copy the buffer so that the file round-trips.
    const uint32_t buffer = table.scalar<uint32_t>(f::kBuffer, 0);
    if (!buffer_bytes(model, raw, buffer, &out->data)) {
      *error = label + fmt::format(": buffer {} is malformed", buffer);
      return false;
    }
  }
  fb::Table q;
  if (table.table(f::kQuantization, &q) == FieldState::kPresent) {
    namespace qf = schema::quantization;
    fb::Table details;
    if (q.table(qf::kDetails, &details) == FieldState::kPresent) {
      *error = label + ": custom quantization details cannot be read into a ModelDef";
      return false;
    }
    out->quant.min = vector_field<float>(q, qf::kMin);
    out->quant.max = vector_field<float>(q, qf::kMax);
    std::vector<float> scales = vector_field<float>(q, qf::kScale);
    std::vector<int64_t> zero_points = vector_field<int64_t>(q, qf::kZeroPoint);
    // As in TFLite (and the verifier), a tensor is quantized only with both scales and zero
    // points; one without the other means nothing to any runtime and is not copied.
    if (!scales.empty() && !zero_points.empty()) {
      out->quant.scales = std::move(scales);
      out->quant.zero_points = std::move(zero_points);
    }
    out->quant.quantized_dimension = q.scalar<int32_t>(qf::kQuantizedDimension, 0);
  }
  return true;
}

bool read_operator(const Model& model, const RawTables& raw, uint32_t index, OperatorDef* out,
                   std::string* error) {
  const OperatorDesc desc = model.op(index);
  const std::string label = fmt::format("operator {} ({})", index, desc.name());
  const fb::Table table = fb::table_element(raw.operators, index);
  if (!table.valid()) {
    *error = label + ": table is out of bounds";
    return false;
  }
  if (table.scalar<uint8_t>(schema::op::kBuiltinOptions2Type, 0) != 0) {
    *error = label + ": builtin_options_2 (StableHLO options) cannot be read into a ModelDef";
    return false;
  }
  out->builtin_code = desc.builtin_code;
  out->version = desc.version;
  out->custom_code = desc.custom_code != nullptr ? desc.custom_code : "";
  for (uint32_t i = 0; i < desc.inputs.size(); ++i) out->inputs.push_back(desc.inputs[i]);
  for (uint32_t i = 0; i < desc.outputs.size(); ++i) out->outputs.push_back(desc.outputs[i]);
  for (uint32_t i = 0; i < desc.intermediates.size(); ++i) {
    out->intermediates.push_back(desc.intermediates[i]);
  }
  for (uint32_t i = 0; i < desc.custom_options.size(); ++i) {
    out->custom_options.push_back(desc.custom_options[i]);
  }
  if (desc.options_type != 0) {
    std::string options_error;
    if (!desc.options.valid()) {
      *error = label + ": builtin options table is missing";
      return false;
    }
    if (!read_options(desc.options_type, desc.options, &out->options, &options_error)) {
      *error = label + ": " + options_error;
      return false;
    }
  }
  return true;
}

bool read_metadata(const Model& model, const RawTables& raw, ModelDef* out, std::string* error) {
  fb::Vector entries;
  if (raw.root.vector(schema::model::kMetadata, 4, &entries) != FieldState::kPresent) return true;
  for (uint32_t i = 0; i < entries.length(); ++i) {
    const fb::Table entry = fb::table_element(entries, i);
    MetadataDef m;
    const char* name = nullptr;
    uint32_t length = 0;
    if (!entry.valid() || entry.string(0, &name, &length) == FieldState::kBad) {
      *error = fmt::format("metadata entry {} is malformed", i);
      return false;
    }
    if (name != nullptr) m.name.assign(name, length);
    const uint32_t buffer = entry.scalar<uint32_t>(1, 0);
    if (!buffer_bytes(model, raw, buffer, &m.data)) {
      *error = fmt::format("metadata entry {} '{}': buffer {} is malformed", i, m.name, buffer);
      return false;
    }
    out->metadata.push_back(std::move(m));
  }
  return true;
}

}  // namespace

const OptionsSpec* options_spec(uint8_t type) {
  if (type == 0 || type > schema::kMaxOptions) return nullptr;
  return &kOptionsSpecs[type];
}

bool read_options(uint8_t type, const fb::Table& table, OptionsDef* out, std::string* error) {
  const OptionsSpec* spec = options_spec(type);
  if (spec == nullptr) {
    *error = fmt::format("builtin options type {} is not in the schema", type);
    return false;
  }
  *out = OptionsDef();
  out->type = static_cast<schema::Options>(type);
  for (size_t i = 0; i < spec->field_count; ++i) {
    if (!read_field(table, spec->fields[i], out)) {
      *error = fmt::format("{}.{} is malformed", spec->name, spec->fields[i].name);
      return false;
    }
  }
  for (auto id = static_cast<uint16_t>(spec->field_count); id < kMaxProbedFieldId; ++id) {
    uint32_t pos = 0;
    if (table.field(id, 1, &pos) != FieldState::kAbsent) {
      *error = fmt::format(
          "{} has field {}, which the schema Mote knows does not have ({} "
          "fields); the model comes from a newer schema",
          spec->name, id, spec->field_count);
      return false;
    }
  }
  return true;
}

bool read_model_def(const Model& model, ModelDef* out, std::string* error) {
  *out = ModelDef();
  if (!model.loaded()) {
    *error = "the model is not loaded";
    return false;
  }
  if (model.subgraph_count() != 1) {
    *error = fmt::format(
        "the model has {} subgraphs; only single-subgraph models (no control flow) can be read "
        "into a ModelDef",
        model.subgraph_count());
    return false;
  }
  RawTables raw;
  if (!raw_tables(model, &raw)) {
    *error = "the model's tables are malformed";
    return false;
  }
  out->description = model.description();
  const char* name = nullptr;
  uint32_t length = 0;
  if (raw.subgraph.string(schema::subgraph::kName, &name, &length) == FieldState::kPresent) {
    out->subgraph_name.assign(name, length);
  } else {
    out->subgraph_name.clear();
  }
  out->tensors.resize(model.tensor_count());
  for (uint32_t i = 0; i < model.tensor_count(); ++i) {
    if (!read_tensor(model, raw, i, &out->tensors[i], error)) return false;
  }
  out->operators.resize(model.operator_count());
  for (uint32_t i = 0; i < model.operator_count(); ++i) {
    if (!read_operator(model, raw, i, &out->operators[i], error)) return false;
  }
  for (uint32_t i = 0; i < model.inputs().size(); ++i) out->inputs.push_back(model.inputs()[i]);
  for (uint32_t i = 0; i < model.outputs().size(); ++i) out->outputs.push_back(model.outputs()[i]);
  return read_metadata(model, raw, out, error);
}

}  // namespace mote::tools
