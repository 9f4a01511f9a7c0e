// The table of every kernel Mote provides. Linking this file links all kernels; applications
// that care about flash register only the ops their model needs (see op_resolver.h).
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
};

constexpr OpResolver kAllOps(kAllKernels, sizeof(kAllKernels) / sizeof(kAllKernels[0]));

}  // namespace

const OpResolver& all_ops_resolver() { return kAllOps; }

}  // namespace mote
