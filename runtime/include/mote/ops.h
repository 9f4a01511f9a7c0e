// The operator kernels Mote provides, one constant each, for registration in an OpResolver:
//
//   mote::MutableOpResolver<2> resolver;
//   (void)resolver.add(mote::ops::kFullyConnected);
//   (void)resolver.add(mote::ops::kSoftmax);
//
// Each kernel lives in runtime/kernels/<op>.cc; referencing a constant links only that kernel.
// all_ops_resolver() references every one of them (host tools, tests).
#pragma once

#include "mote/op_kernel.h"
#include "mote/op_resolver.h"

namespace mote {
namespace ops {

extern const OpKernel kAdd;
extern const OpKernel kSub;
extern const OpKernel kMul;
extern const OpKernel kMaximum;
extern const OpKernel kMinimum;
extern const OpKernel kConv2D;
extern const OpKernel kDepthwiseConv2D;
extern const OpKernel kTransposeConv;
extern const OpKernel kFullyConnected;
extern const OpKernel kAveragePool2D;
extern const OpKernel kMaxPool2D;
extern const OpKernel kMean;
extern const OpKernel kSum;
extern const OpKernel kSoftmax;
extern const OpKernel kLogistic;
extern const OpKernel kTanh;
extern const OpKernel kRelu;
extern const OpKernel kRelu6;
extern const OpKernel kLeakyRelu;
extern const OpKernel kHardSwish;
extern const OpKernel kQuantize;
extern const OpKernel kDequantize;
extern const OpKernel kReshape;
extern const OpKernel kSqueeze;
extern const OpKernel kExpandDims;
extern const OpKernel kConcatenation;
extern const OpKernel kSplit;
extern const OpKernel kPack;
extern const OpKernel kUnpack;
extern const OpKernel kPad;
extern const OpKernel kPadV2;
extern const OpKernel kStridedSlice;
extern const OpKernel kTranspose;
extern const OpKernel kArgMax;
extern const OpKernel kResizeNearestNeighbor;
extern const OpKernel kSvdf;
extern const OpKernel kUnidirectionalSequenceLstm;

}  // namespace ops

// A resolver with every kernel above (links all of them; meant for the host).
const OpResolver& all_ops_resolver();

}  // namespace mote
