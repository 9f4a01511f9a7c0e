// The parts of the TFLite schema (schema.fbs, version 3) that Mote reads: table field ids,
// enum values and union type ids. Field ids count union fields twice (type, then value), as
// FlatBuffers lays them out.
#pragma once

#include <cstdint>

namespace mote {
namespace schema {

inline constexpr uint32_t kSchemaVersion = 3;
inline constexpr char kFileIdentifier[5] = "TFL3";

namespace model {
inline constexpr uint16_t kVersion = 0, kOperatorCodes = 1, kSubgraphs = 2, kDescription = 3,
                          kBuffers = 4, kMetadataBuffer = 5, kMetadata = 6, kSignatureDefs = 7;
}
namespace operator_code {
inline constexpr uint16_t kDeprecatedBuiltinCode = 0, kCustomCode = 1, kVersion = 2,
                          kBuiltinCode = 3;
}
namespace subgraph {
inline constexpr uint16_t kTensors = 0, kInputs = 1, kOutputs = 2, kOperators = 3, kName = 4;
}
namespace tensor {
inline constexpr uint16_t kShape = 0, kType = 1, kBuffer = 2, kName = 3, kQuantization = 4,
                          kIsVariable = 5, kSparsity = 6, kShapeSignature = 7, kHasRank = 8,
                          kVariantTensors = 9;
}
namespace quantization {
inline constexpr uint16_t kMin = 0, kMax = 1, kScale = 2, kZeroPoint = 3, kDetailsType = 4,
                          kDetails = 5, kQuantizedDimension = 6;
}
namespace op {
inline constexpr uint16_t kOpcodeIndex = 0, kInputs = 1, kOutputs = 2, kBuiltinOptionsType = 3,
                          kBuiltinOptions = 4, kCustomOptions = 5, kCustomOptionsFormat = 6,
                          kMutatingVariableInputs = 7, kIntermediates = 8,
                          kLargeCustomOptionsOffset = 9, kLargeCustomOptionsSize = 10,
                          kBuiltinOptions2Type = 11, kBuiltinOptions2 = 12;
}
namespace buffer {
inline constexpr uint16_t kData = 0, kOffset = 1, kSize = 2;
}

// BuiltinOperator values used by Mote (the full name table is builtin_op_name()).
enum class BuiltinOp : int32_t {
  kAdd = 0,
  kAveragePool2D = 1,
  kConcatenation = 2,
  kConv2D = 3,
  kDepthwiseConv2D = 4,
  kDepthToSpace = 5,
  kDequantize = 6,
  kEmbeddingLookup = 7,
  kFloor = 8,
  kFullyConnected = 9,
  kL2Normalization = 11,
  kLogistic = 14,
  kMaxPool2D = 17,
  kMul = 18,
  kRelu = 19,
  kReluN1To1 = 20,
  kRelu6 = 21,
  kReshape = 22,
  kResizeBilinear = 23,
  kSoftmax = 25,
  kSpaceToDepth = 26,
  kSvdf = 27,
  kTanh = 28,
  kCustom = 32,
  kPad = 34,
  kGather = 36,
  kBatchToSpaceNd = 37,
  kSpaceToBatchNd = 38,
  kTranspose = 39,
  kMean = 40,
  kSub = 41,
  kDiv = 42,
  kSqueeze = 43,
  kUnidirectionalSequenceLstm = 44,
  kStridedSlice = 45,
  kExp = 47,
  kSplit = 49,
  kLogSoftmax = 50,
  kCast = 53,
  kPrelu = 54,
  kMaximum = 55,
  kArgMax = 56,
  kMinimum = 57,
  kLess = 58,
  kNeg = 59,
  kPadV2 = 60,
  kGreater = 61,
  kGreaterEqual = 62,
  kLessEqual = 63,
  kSelect = 64,
  kSlice = 65,
  kSin = 66,
  kTransposeConv = 67,
  kExpandDims = 70,
  kEqual = 71,
  kNotEqual = 72,
  kLog = 73,
  kSum = 74,
  kSqrt = 75,
  kRsqrt = 76,
  kShape = 77,
  kArgMin = 79,
  kReduceProd = 81,
  kReduceMax = 82,
  kPack = 83,
  kLogicalOr = 84,
  kLogicalAnd = 86,
  kLogicalNot = 87,
  kUnpack = 88,
  kReduceMin = 89,
  kFloorDiv = 90,
  kSquare = 92,
  kZerosLike = 93,
  kFill = 94,
  kFloorMod = 95,
  kResizeNearestNeighbor = 97,
  kLeakyRelu = 98,
  kSquaredDifference = 99,
  kMirrorPad = 100,
  kAbs = 101,
  kSplitV = 102,
  kCeil = 104,
  kAddN = 106,
  kGatherNd = 107,
  kCos = 108,
  kElu = 111,
  kQuantize = 114,
  kRound = 116,
  kHardSwish = 117,
  kSelectV2 = 123,
  kBatchMatmul = 126,
  kCumsum = 128,
  kBroadcastTo = 130,
  kGelu = 150,
  kRelu0To1 = 152,
};

// Largest BuiltinOperator value in schema v3 as of this writing.
inline constexpr int32_t kMaxBuiltinOp = 205;

// Name of a builtin operator ("CONV_2D"), or "UNKNOWN" outside the table. gnu::const, as
// type_name (types.h): a call whose result goes unused (a stripped message argument) is dropped.
[[gnu::const]] const char* builtin_op_name(int32_t code);

// BuiltinOptions union type ids (0 = NONE).
enum class Options : uint8_t {
  kNone = 0,
  kConv2D = 1,
  kDepthwiseConv2D = 2,
  kPool2D = 5,
  kSvdf = 6,
  kFullyConnected = 8,
  kSoftmax = 9,
  kConcatenation = 10,
  kAdd = 11,
  kL2Norm = 12,
  kResizeBilinear = 15,
  kReshape = 17,
  kSpaceToDepth = 19,
  kMul = 21,
  kPad = 22,
  kGather = 23,
  kBatchToSpaceNd = 24,
  kSpaceToBatchNd = 25,
  kTranspose = 26,
  kReducer = 27,
  kSub = 28,
  kDiv = 29,
  kSqueeze = 30,
  kStridedSlice = 32,
  kExp = 33,
  kSplit = 35,
  kLogSoftmax = 36,
  kCast = 37,
  kDequantize = 38,
  kMaximumMinimum = 39,
  kArgMax = 40,
  kLess = 41,
  kNeg = 42,
  kPadV2 = 43,
  kGreater = 44,
  kGreaterEqual = 45,
  kLessEqual = 46,
  kSelect = 47,
  kSlice = 48,
  kTransposeConv = 49,
  kExpandDims = 52,
  kEqual = 53,
  kNotEqual = 54,
  kShape = 55,
  kArgMin = 57,
  kPack = 59,
  kLogicalOr = 60,
  kLogicalAnd = 62,
  kLogicalNot = 63,
  kUnpack = 64,
  kFloorDiv = 65,
  kSquare = 66,
  kZerosLike = 67,
  kFill = 68,
  kUnidirectionalSequenceLstm = 71,
  kFloorMod = 72,
  kResizeNearestNeighbor = 74,
  kLeakyRelu = 75,
  kSquaredDifference = 76,
  kMirrorPad = 77,
  kAbs = 78,
  kSplitV = 79,
  kAddN = 82,
  kGatherNd = 83,
  kCos = 84,
  kQuantize = 89,
  kHardSwish = 91,
  kDepthToSpace = 94,
  kSelectV2 = 98,
  kBatchMatmul = 101,
  kCumsum = 102,
  kBroadcastTo = 104,
  kGelu = 116,
};
// Largest BuiltinOptions union id in schema v3 (RightShiftOptions).
inline constexpr uint8_t kMaxOptions = 126;

enum class Padding : int8_t { kSame = 0, kValid = 1 };

// Field ids inside the option tables.
namespace conv2d_options {
inline constexpr uint16_t kPadding = 0, kStrideW = 1, kStrideH = 2, kActivation = 3, kDilationW = 4,
                          kDilationH = 5, kQuantizedBiasType = 6;
}
namespace depthwise_conv2d_options {
inline constexpr uint16_t kPadding = 0, kStrideW = 1, kStrideH = 2, kDepthMultiplier = 3,
                          kActivation = 4, kDilationW = 5, kDilationH = 6;
}
namespace pool2d_options {
inline constexpr uint16_t kPadding = 0, kStrideW = 1, kStrideH = 2, kFilterWidth = 3,
                          kFilterHeight = 4, kActivation = 5;
}
namespace svdf_options {
inline constexpr uint16_t kRank = 0, kActivation = 1, kAsymmetricQuantizeInputs = 2;
}
namespace fully_connected_options {
inline constexpr uint16_t kActivation = 0, kWeightsFormat = 1, kKeepNumDims = 2,
                          kAsymmetricQuantizeInputs = 3, kQuantizedBiasType = 4;
}
namespace softmax_options {
inline constexpr uint16_t kBeta = 0;
}
namespace concatenation_options {
inline constexpr uint16_t kAxis = 0, kActivation = 1;
}
namespace add_options {
inline constexpr uint16_t kActivation = 0, kPotScaleInt16 = 1;
}
namespace sub_options {
inline constexpr uint16_t kActivation = 0, kPotScaleInt16 = 1;
}
namespace mul_options {
inline constexpr uint16_t kActivation = 0;
}
namespace reshape_options {
inline constexpr uint16_t kNewShape = 0;
}
namespace reducer_options {
inline constexpr uint16_t kKeepDims = 0;
}
namespace squeeze_options {
inline constexpr uint16_t kSqueezeDims = 0;
}
namespace strided_slice_options {
inline constexpr uint16_t kBeginMask = 0, kEndMask = 1, kEllipsisMask = 2, kNewAxisMask = 3,
                          kShrinkAxisMask = 4, kOffset = 5;
}
namespace split_options {
inline constexpr uint16_t kNumSplits = 0;
}
namespace arg_max_options {
inline constexpr uint16_t kOutputType = 0;
}
namespace transpose_conv_options {
inline constexpr uint16_t kPadding = 0, kStrideW = 1, kStrideH = 2, kActivation = 3,
                          kQuantizedBiasType = 4;
}
namespace pack_options {
inline constexpr uint16_t kValuesCount = 0, kAxis = 1;
}
namespace unpack_options {
inline constexpr uint16_t kNum = 0, kAxis = 1;
}
namespace unidirectional_sequence_lstm_options {
inline constexpr uint16_t kActivation = 0, kCellClip = 1, kProjClip = 2, kTimeMajor = 3,
                          kAsymmetricQuantizeInputs = 4, kDiagonalRecurrentTensors = 5;
}
namespace resize_nearest_neighbor_options {
inline constexpr uint16_t kAlignCorners = 0, kHalfPixelCenters = 1;
}
namespace leaky_relu_options {
inline constexpr uint16_t kAlpha = 0;
}

}  // namespace schema
}  // namespace mote
