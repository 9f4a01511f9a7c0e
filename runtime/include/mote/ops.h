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
extern const OpKernel kSlice;
extern const OpKernel kGather;
extern const OpKernel kGatherNd;
extern const OpKernel kCast;
extern const OpKernel kSpaceToDepth;
extern const OpKernel kDepthToSpace;
extern const OpKernel kBatchToSpaceNd;
extern const OpKernel kSpaceToBatchNd;
extern const OpKernel kMirrorPad;
extern const OpKernel kResizeBilinear;
extern const OpKernel kShape;
extern const OpKernel kFill;
extern const OpKernel kZerosLike;
extern const OpKernel kBroadcastTo;
extern const OpKernel kSplitV;
extern const OpKernel kEmbeddingLookup;
extern const OpKernel kCumsum;
extern const OpKernel kReduceMax;
extern const OpKernel kReduceMin;
extern const OpKernel kReduceProd;
extern const OpKernel kArgMin;
extern const OpKernel kBatchMatmul;
extern const OpKernel kDiv;
extern const OpKernel kSquaredDifference;
extern const OpKernel kRsqrt;
extern const OpKernel kSqrt;
extern const OpKernel kExp;
extern const OpKernel kLog;
extern const OpKernel kAbs;
extern const OpKernel kNeg;
extern const OpKernel kFloor;
extern const OpKernel kCeil;
extern const OpKernel kRound;
extern const OpKernel kSquare;
extern const OpKernel kSin;
extern const OpKernel kCos;
extern const OpKernel kEqual;
extern const OpKernel kNotEqual;
extern const OpKernel kLess;
extern const OpKernel kLessEqual;
extern const OpKernel kGreater;
extern const OpKernel kGreaterEqual;
extern const OpKernel kLogicalAnd;
extern const OpKernel kLogicalOr;
extern const OpKernel kLogicalNot;
extern const OpKernel kSelect;
extern const OpKernel kSelectV2;
extern const OpKernel kAddN;
extern const OpKernel kPrelu;
extern const OpKernel kElu;
extern const OpKernel kGelu;
extern const OpKernel kLogSoftmax;
extern const OpKernel kL2Normalization;
extern const OpKernel kFloorDiv;
extern const OpKernel kFloorMod;
extern const OpKernel kReluN1To1;
extern const OpKernel kRelu0To1;

// int8-only kernels: the general kernel's Prepare and Eval with only the int8 path (int8
// activations; SOFTMAX: int8 in and out), so that an int8 model's firmware links no float32 or
// int16 code, like TFLM's Register_FULLY_CONNECTED_INT8(). Prepare refuses a node of another type
// with kUnsupported. `mote export` registers one when every node of its op has an int8 first
// input and int8 outputs, and the general kernel otherwise.
extern const OpKernel kAddInt8;
extern const OpKernel kSubInt8;
extern const OpKernel kConv2DInt8;
extern const OpKernel kDepthwiseConv2DInt8;
extern const OpKernel kFullyConnectedInt8;
extern const OpKernel kAveragePool2DInt8;
extern const OpKernel kMaxPool2DInt8;
extern const OpKernel kSoftmaxInt8;

}  // namespace ops

// A resolver with every general kernel above (links all of them; meant for the host).
const OpResolver& all_ops_resolver();

// A resolver with every int8-only kernel above (host tools: which ops have one).
const OpResolver& int8_ops_resolver();

}  // namespace mote
