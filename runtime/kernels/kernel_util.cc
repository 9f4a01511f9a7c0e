#include "kernels/kernel_util.h"

#include "mote/format.h"

namespace mote {
namespace kernels {

Status read_fused_activation(const PrepareContext& ctx, uint16_t field, FusedActivation* out) {
  const int8_t value = ctx.option<int8_t>(field, 0);
  switch (value) {
    case 0:
    case 1:
    case 2:
    case 3:
      *out = static_cast<FusedActivation>(value);
      return Status::kOk;
    case 4:
    case 5:
      return ctx.fail(Status::kUnsupported, "fused activation {} is not supported",
                      value == 4 ? "TANH" : "SIGN_BIT");
    default:
      return ctx.fail(Status::kInvalidModel, "invalid fused activation {}", value);
  }
}

Status expect_int8_kernel(const PrepareContext& ctx, const TensorDesc& tensor, const char* role) {
  if (tensor.type == TensorType::kInt8) return Status::kOk;
  return ctx.fail(Status::kUnsupported,
                  "{} tensor {} has type {}, but this kernel is the int8-only one; register the "
                  "general kernel for other types",
                  role, tensor.index, type_name(tensor.type));
}

bool integer_type_range(TensorType type, int32_t* min, int32_t* max) {
  switch (type) {
    case TensorType::kInt8:
      *min = -128;
      *max = 127;
      return true;
    case TensorType::kUInt8:
      *min = 0;
      *max = 255;
      return true;
    case TensorType::kInt16:
      *min = -32768;
      *max = 32767;
      return true;
    case TensorType::kInt32:
      *min = INT32_MIN;
      *max = INT32_MAX;
      return true;
    default:
      return false;
  }
}

Status expect_per_tensor_scale(const PrepareContext& ctx, const TensorDesc& tensor,
                               const char* role) {
  if (!tensor.quant.present()) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} ({}) has no quantization parameters", role,
                    tensor.index, type_name(tensor.type));
  }
  if (tensor.quant.per_channel()) {
    return ctx.fail(Status::kUnsupported,
                    "{} tensor {} is quantized per channel; expected one "
                    "scale",
                    role, tensor.index);
  }
  if (!(tensor.quant.scale() > 0.0f)) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} has scale {}, expected > 0", role,
                    tensor.index, tensor.quant.scale());
  }
  return Status::kOk;
}

Status quantized_activation_range(const PrepareContext& ctx, FusedActivation activation,
                                  const TensorDesc& output, int32_t* min, int32_t* max) {
  int32_t qmin = 0, qmax = 0;
  if (!integer_type_range(output.type, &qmin, &qmax)) return ctx.unsupported_type(output, "output");
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (!ref::calculate_activation_range_quantized(activation, output.quant.scale(),
                                                 output.quant.zero_point(), qmin, qmax, min, max)) {
    return ctx.fail(Status::kInvalidModel, "output scale {} gives no valid activation range",
                    output.quant.scale());
  }
  return Status::kOk;
}

Status prepare_channel_multipliers(PrepareContext& ctx, const TensorDesc& input,
                                   const TensorDesc& filter, const TensorDesc& output,
                                   int32_t channels, ChannelMultipliers* out) {
  MOTE_TRY(expect_per_tensor_scale(ctx, input, "input"));
  MOTE_TRY(expect_per_tensor_scale(ctx, output, "output"));
  if (!filter.quant.present()) {
    return ctx.fail(Status::kInvalidModel, "filter tensor {} has no quantization parameters",
                    filter.index);
  }
  const uint32_t scales = filter.quant.size();
  if (scales != 1 && scales != static_cast<uint32_t>(channels)) {
    return ctx.fail(Status::kInvalidModel, "filter tensor {} has {} scales for {} channels",
                    filter.index, scales, channels);
  }
  out->multipliers = ctx.allocate<int32_t>(static_cast<size_t>(channels));
  out->shifts = ctx.allocate<int32_t>(static_cast<size_t>(channels));
  if (out->multipliers == nullptr || out->shifts == nullptr) return Status::kArenaTooSmall;
  // A per-tensor filter scale gives every channel the multiplier of channel 0 (TFLM broadcasts
  // the scale, ref::populate_conv_broadcast_multipliers): compute it once and copy it, which
  // keeps one multiplier loop in flash instead of two.
  const bool ok = ref::populate_conv_per_channel_multipliers(
      input.quant.scale(), reinterpret_cast<const float*>(filter.quant.scales.bytes()),
      scales == 1 && channels > 1 ? 1 : channels, output.quant.scale(), out->multipliers,
      out->shifts);
  for (int32_t c = 1; scales == 1 && c < channels; ++c) {
    out->multipliers[c] = out->multipliers[0];
    out->shifts[c] = out->shifts[0];
  }
  if (!ok) {
    return ctx.fail(Status::kInvalidModel, "filter tensor {} scales give invalid multipliers",
                    filter.index);
  }
  return Status::kOk;
}

Status expect_shape(const PrepareContext& ctx, const TensorDesc& tensor, const Shape& expected,
                    const char* role) {
  if (tensor.shape.rank != expected.rank) {
    return ctx.fail(Status::kInvalidModel, "{} tensor {} has rank {}, expected {}", role,
                    tensor.index, tensor.shape.rank, expected.rank);
  }
  for (int32_t d = 0; d < expected.rank; ++d) {
    if (tensor.shape.dims[d] != expected.dims[d]) {
      return ctx.fail(Status::kInvalidModel,
                      "{} tensor {} has dimension {} of size {}, expected {}", role, tensor.index,
                      d, tensor.shape.dims[d], expected.dims[d]);
    }
  }
  return Status::kOk;
}

Status expect_unary(const PrepareContext& ctx, TensorDesc* input, TensorDesc* output) {
  MOTE_TRY(ctx.expect_counts(1, 1, 1));
  *input = ctx.input(0);
  *output = ctx.output(0);
  MOTE_TRY(ctx.expect_same_type(*input, *output));
  return expect_shape(ctx, *output, input->shape);
}

ShapeText::ShapeText(const Shape& shape) {
  TextBuffer out(text, sizeof(text));
  out.append('[');
  for (int32_t i = 0; i < shape.rank; ++i) {
    if (i > 0) out.append(", ");
    out.append_int(shape.dims[i]);
  }
  out.append(']');
}

}  // namespace kernels
}  // namespace mote
