#include "quantize_ops.h"

#include <array>

#include "mote/tflite_schema.h"

namespace mote::tools {
namespace {

using B = schema::BuiltinOp;
using Output = OpQuantSpec::Output;

OpQuantSpec own(std::vector<int> inputs, bool int16) {
  OpQuantSpec s;
  s.supported = true;
  s.int16 = int16;
  s.real_inputs = std::move(inputs);
  return s;
}

OpQuantSpec same(std::vector<int> inputs, bool int16) {
  OpQuantSpec s = own(std::move(inputs), int16);
  s.output = Output::kSameAsInput;
  return s;
}

// Every input real, requantized to the output's parameters (TFLite's ApplyConstraints).
OpQuantSpec shared(bool int16) {
  OpQuantSpec s = own({}, int16);
  s.all_inputs_real = true;
  s.inputs_take_output_params = true;
  return s;
}

OpQuantSpec fixed(QuantParams int8, QuantParams int16, bool has_int16) {
  OpQuantSpec s = own({0}, has_int16);
  s.output = Output::kFixed;
  s.fixed_int8 = int8;
  s.fixed_int16 = int16;
  return s;
}

OpQuantSpec weighted(int input, int weights, int axis, int bias, bool per_channel_default) {
  OpQuantSpec s = own({input}, true);
  s.weight_input = weights;
  s.weight_axis = axis;
  s.bias_input = bias;
  s.weight_per_channel_default = per_channel_default;
  return s;
}

std::array<OpQuantSpec, schema::kMaxBuiltinOp + 1> make_table() {
  std::array<OpQuantSpec, schema::kMaxBuiltinOp + 1> t{};
  const auto set = [&t](B code, OpQuantSpec spec) { t[static_cast<size_t>(code)] = spec; };
  set(B::kAdd, own({0, 1}, true));
  set(B::kSub, own({0, 1}, true));
  set(B::kMul, own({0, 1}, true));
  set(B::kBatchMatmul, own({0, 1}, true));
  set(B::kMean, own({0}, true));
  set(B::kSum, own({0}, true));
  set(B::kRelu, own({0}, true));
  set(B::kRelu6, own({0}, true));
  set(B::kReluN1To1, own({0}, false));
  set(B::kLeakyRelu, own({0}, true));
  set(B::kHardSwish, own({0}, false));
  set(B::kPrelu, own({0, 1}, false));

  set(B::kConv2D, weighted(0, 1, 0, 2, true));
  set(B::kDepthwiseConv2D, weighted(0, 1, 3, 2, true));
  set(B::kTransposeConv, weighted(2, 1, 0, 3, true));
  // Converters quantize dense layers per tensor (every shipped int8 model does).
  set(B::kFullyConnected, weighted(0, 1, 0, 2, false));

  set(B::kAveragePool2D, same({0}, true));
  set(B::kMaxPool2D, same({0}, true));
  set(B::kReshape, same({0}, true));
  set(B::kSqueeze, same({0}, true));
  set(B::kExpandDims, same({0}, true));
  set(B::kTranspose, same({0}, true));
  set(B::kGather, same({0}, true));
  set(B::kStridedSlice, same({0}, true));
  set(B::kSlice, same({0}, true));
  set(B::kPad, same({0}, true));
  set(B::kPadV2, same({0, 2}, true));  // the pad value takes the input's parameters
  set(B::kMirrorPad, same({0}, true));
  set(B::kSplit, same({1}, true));
  set(B::kSplitV, same({0}, true));
  set(B::kUnpack, same({0}, true));
  set(B::kResizeNearestNeighbor, same({0}, true));
  set(B::kResizeBilinear, same({0}, true));
  set(B::kSpaceToDepth, same({0}, false));
  set(B::kDepthToSpace, same({0}, false));
  set(B::kBatchToSpaceNd, same({0}, true));
  set(B::kSpaceToBatchNd, same({0}, true));
  set(B::kReduceMax, same({0}, true));
  set(B::kReduceMin, same({0}, true));

  set(B::kConcatenation, shared(true));
  set(B::kPack, shared(true));
  set(B::kMaximum, shared(true));
  set(B::kMinimum, shared(true));

  set(B::kSoftmax, fixed({1.0f / 256.0f, -128}, {1.0f / 32768.0f, 0}, true));
  set(B::kLogistic, fixed({1.0f / 256.0f, -128}, {1.0f / 32768.0f, 0}, true));
  set(B::kTanh, fixed({1.0f / 128.0f, 0}, {1.0f / 32768.0f, 0}, true));
  set(B::kL2Normalization, fixed({1.0f / 128.0f, 0}, {}, false));
  set(B::kLogSoftmax, fixed({16.0f / 256.0f, 127}, {}, false));

  OpQuantSpec arg = own({0}, true);
  arg.output = Output::kNotReal;
  set(B::kArgMax, arg);
  set(B::kArgMin, arg);
  return t;
}

}  // namespace

const OpQuantSpec& op_quant_spec(int32_t builtin_code) {
  static const std::array<OpQuantSpec, schema::kMaxBuiltinOp + 1> kTable = make_table();
  static const OpQuantSpec kUnsupported;
  if (builtin_code < 0 || builtin_code > schema::kMaxBuiltinOp) return kUnsupported;
  return kTable[static_cast<size_t>(builtin_code)];
}

}  // namespace mote::tools
