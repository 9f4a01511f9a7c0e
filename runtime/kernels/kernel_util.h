// Prepare-time helpers shared by kernels: fused activations, quantized clamps and per-channel
// output multipliers, with the validation and messages every kernel needs. Eval never calls these.
#pragma once

#include <cstdint>

#include "kernels/ref/quantization.h"
#include "mote/op_kernel.h"

namespace mote {
namespace kernels {

using ref::FusedActivation;

// Which element types a kernel constant runs. Ops that int8 models use have two constants built
// from the same Prepare and Eval templates: the general one (ops::kConv2D: kAll) and an int8-only
// one (ops::kConv2DInt8: kInt8), whose instantiations leave out the float32 and int16 paths, so
// an int8 model's firmware does not link them (TFLM's Register_CONV_2D_INT8()).
enum class Dtypes : uint8_t { kAll, kInt8 };

// For an int8-only kernel: checks that the tensor that selects the op's path (`role`) is int8,
// and otherwise says that the general kernel runs the other types.
Status expect_int8_kernel(const PrepareContext& ctx, const TensorDesc& tensor, const char* role);

// Reads a fused activation option (an ActivationFunctionType byte). TANH and SIGN_BIT are not
// clamps and TFLite does not apply them as fused activations; they are rejected, never ignored.
Status read_fused_activation(const PrepareContext& ctx, uint16_t field, FusedActivation* out);

// Smallest and largest value of an integer tensor type (int8, uint8, int16, int32).
bool integer_type_range(TensorType type, int32_t* min, int32_t* max);

// The clamp [min, max] in the output's quantized domain (TFLite's
// CalculateActivationRangeQuantized), for int8/int16 outputs.
Status quantized_activation_range(const PrepareContext& ctx, FusedActivation activation,
                                  const TensorDesc& output, int32_t* min, int32_t* max);

// Output multipliers for a convolution-like op (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV,
// FULLY_CONNECTED): one (multiplier, shift) per output channel from input_scale *
// filter_scale[c] / output_scale. A per-tensor filter scale is broadcast to every channel, as
// TFLM does. The arrays are allocated in the persistent arena (nullptr on kArenaTooSmall).
struct ChannelMultipliers {
  int32_t* multipliers = nullptr;
  int32_t* shifts = nullptr;
};
Status prepare_channel_multipliers(PrepareContext& ctx, const TensorDesc& input,
                                   const TensorDesc& filter, const TensorDesc& output,
                                   int32_t channels, ChannelMultipliers* out);

// Checks that a quantized tensor has per-tensor parameters and a positive scale.
Status expect_per_tensor_scale(const PrepareContext& ctx, const TensorDesc& tensor,
                               const char* role);

// Checks that `tensor` has exactly the `expected` shape (rank and every dimension).
Status expect_shape(const PrepareContext& ctx, const TensorDesc& tensor, const Shape& expected,
                    const char* role = "output");

// The common prologue of elementwise unary ops: one input and one output, of the same type and
// the same shape. Fills *input and *output.
Status expect_unary(const PrepareContext& ctx, TensorDesc* input, TensorDesc* output);

// True when `type` is one of `types` (an op's supported element types).
template <typename... Types>
constexpr bool is_one_of(TensorType type, Types... types) {
  return ((type == types) || ...);
}

// A shape as "[1, 2, 3]", for messages.
struct ShapeText {
  explicit ShapeText(const Shape& shape);
  const char* c_str() const { return text; }
  char text[8 + kMaxRank * 12] = {};
};

// Copies a count of elements as int64 (shapes are verified, so the product fits).
inline int64_t elements(const TensorDesc& t) { return t.shape.num_elements(); }

}  // namespace kernels
}  // namespace mote
