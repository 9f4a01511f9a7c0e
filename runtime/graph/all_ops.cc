// The tables of every kernel Mote provides: the general ones and the int8-only ones. Linking this
// file links all kernels; applications that care about flash register only the ops their model
// needs (see op_resolver.h).
#include "mote/ops.h"

namespace mote {
namespace {

constexpr const OpKernel* kAllKernels[] = {
    &ops::kAdd,
    &ops::kSub,
    &ops::kMul,
    &ops::kMaximum,
    &ops::kMinimum,
    &ops::kConv2D,
    &ops::kDepthwiseConv2D,
    &ops::kTransposeConv,
    &ops::kFullyConnected,
    &ops::kAveragePool2D,
    &ops::kMaxPool2D,
    &ops::kMean,
    &ops::kSum,
    &ops::kSoftmax,
    &ops::kLogistic,
    &ops::kTanh,
    &ops::kRelu,
    &ops::kRelu6,
    &ops::kLeakyRelu,
    &ops::kHardSwish,
    &ops::kQuantize,
    &ops::kDequantize,
    &ops::kReshape,
    &ops::kSqueeze,
    &ops::kExpandDims,
    &ops::kConcatenation,
    &ops::kSplit,
    &ops::kPack,
    &ops::kUnpack,
    &ops::kPad,
    &ops::kPadV2,
    &ops::kStridedSlice,
    &ops::kTranspose,
    &ops::kArgMax,
    &ops::kResizeNearestNeighbor,
    &ops::kSvdf,
    &ops::kUnidirectionalSequenceLstm,
    &ops::kSlice,
    &ops::kGather,
    &ops::kGatherNd,
    &ops::kCast,
    &ops::kSpaceToDepth,
    &ops::kDepthToSpace,
    &ops::kBatchToSpaceNd,
    &ops::kSpaceToBatchNd,
    &ops::kMirrorPad,
    &ops::kResizeBilinear,
    &ops::kShape,
    &ops::kFill,
    &ops::kZerosLike,
    &ops::kBroadcastTo,
    &ops::kSplitV,
    &ops::kEmbeddingLookup,
    &ops::kCumsum,
    &ops::kReduceMax,
    &ops::kReduceMin,
    &ops::kReduceProd,
    &ops::kArgMin,
    &ops::kBatchMatmul,
    &ops::kDiv,
    &ops::kSquaredDifference,
    &ops::kRsqrt,
    &ops::kSqrt,
    &ops::kExp,
    &ops::kLog,
    &ops::kAbs,
    &ops::kNeg,
    &ops::kFloor,
    &ops::kCeil,
    &ops::kRound,
    &ops::kSquare,
    &ops::kSin,
    &ops::kCos,
    &ops::kEqual,
    &ops::kNotEqual,
    &ops::kLess,
    &ops::kLessEqual,
    &ops::kGreater,
    &ops::kGreaterEqual,
    &ops::kLogicalAnd,
    &ops::kLogicalOr,
    &ops::kLogicalNot,
    &ops::kSelect,
    &ops::kSelectV2,
    &ops::kAddN,
    &ops::kPrelu,
    &ops::kElu,
    &ops::kGelu,
    &ops::kLogSoftmax,
    &ops::kL2Normalization,
    &ops::kFloorDiv,
    &ops::kFloorMod,
    &ops::kReluN1To1,
    &ops::kRelu0To1,
};

constexpr OpResolver kAllOps(kAllKernels, sizeof(kAllKernels) / sizeof(kAllKernels[0]));

// The int8-only kernels, one per builtin code (a resolver holds one kernel per op).
constexpr const OpKernel* kInt8Kernels[] = {
    &ops::kAddInt8,
    &ops::kSubInt8,
    &ops::kConv2DInt8,
    &ops::kDepthwiseConv2DInt8,
    &ops::kFullyConnectedInt8,
    &ops::kAveragePool2DInt8,
    &ops::kMaxPool2DInt8,
    &ops::kSoftmaxInt8,
};

constexpr OpResolver kInt8Ops(kInt8Kernels, sizeof(kInt8Kernels) / sizeof(kInt8Kernels[0]));

}  // namespace

const OpResolver& all_ops_resolver() { return kAllOps; }

const OpResolver& int8_ops_resolver() { return kInt8Ops; }

}  // namespace mote
