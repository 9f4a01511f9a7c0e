// The arithmetic of post-training quantization, as TensorFlow Lite's quantizer does it
// (tensorflow/lite/tools/optimize/quantization_utils.cc and
// kernels/internal/reference/portable_tensor_utils.cc). Pure functions over plain vectors; the
// graph rewriting is in quantize_model.h.
//
// Conventions reproduced exactly, in float (not double) arithmetic where TFLite uses float, so
// that a model quantized here gets the scales and values TFLite's quantizer would give it:
//   - rounding is TfLiteRound: half away from zero (std::round);
//   - activations, int8: asymmetric over [min(min, 0), max(max, 0)]: scale = (max - min) / 255,
//     zero point = round(-128 - min / scale), nudged into [-128, 127];
//   - activations, int16 (16x8): symmetric, scale = max(|min|, |max|) / 32767, zero point 0;
//   - weights: symmetric int8 in [-127, 127], scale = max|w| / 127 per channel (or per tensor),
//     values round(w * (127 / max|w|)); an all-zero per-tensor weight gets scale 1;
//   - bias: scale = input scale x weight scale (per channel), zero point 0, values
//     round(b * (1 / scale)) clamped to +-(2^31 - 1) (int32) or +-(2^63 - 1) (int64, 16x8);
//   - weights whose bias would not fit in half the int32 range are widened first
//     (AdjustWeightsForBiasScale).
#pragma once

#include <cstdint>
#include <vector>

#include "mote/types.h"

namespace mote::tools {

struct QuantParams {
  float scale = 1.0f;
  int32_t zero_point = 0;
};

// GetAsymmetricQuantizationParams over [qmin, qmax] (int8: -128, 127).
QuantParams asymmetric_params(float min, float max, int32_t qmin, int32_t qmax);

// GetSymmetricQuantizationParams: zero point 0, scale = max(|min|, |max|) / half_range.
QuantParams symmetric_params(float min, float max, int32_t half_range);

// Activation parameters for `type` (int8: asymmetric; int16: symmetric over 32767).
QuantParams activation_params(float min, float max, TensorType type);

// Quantizes `values` with one scale and zero point into `type` (int8 or int16), rounding half
// away from zero and saturating. Used for constants that are quantized like activations.
std::vector<uint8_t> quantize_values(const std::vector<float>& values, QuantParams params,
                                     TensorType type);

// Real values of quantized bytes: scale[c] * (q - zero_point[c]), with the channel taken along
// `axis` of `shape` when there are several scales. Types: int8, uint8, int16, int32, int64.
std::vector<float> dequantize_values(const std::vector<uint8_t>& bytes, TensorType type,
                                     const std::vector<int32_t>& shape,
                                     const std::vector<float>& scales,
                                     const std::vector<int64_t>& zero_points, int32_t axis);

// Per-channel (or per-tensor, axis = -1) min and max of `values` laid out as `shape`.
struct ChannelRanges {
  std::vector<float> min;
  std::vector<float> max;
};
ChannelRanges channel_ranges(const std::vector<float>& values, const std::vector<int32_t>& shape,
                             int32_t axis);

// AdjustWeightsForBiasScale: widens the weight ranges where |bias| >= 0.5 x input_scale x
// weight_scale x (2^31 - 1), so that the int32 bias keeps headroom.
void adjust_weight_ranges_for_bias(ChannelRanges* ranges, const std::vector<float>& bias,
                                   float input_scale);

struct QuantizedWeights {
  std::vector<int8_t> values;
  std::vector<float> scales;  // one per channel, or one
};

// Symmetric int8 weights from their (possibly adjusted) ranges; per-channel along `axis` when
// ranges hold several channels (SymmetricPerChannelQuantization), else per tensor
// (SymmetricQuantizeFloats).
QuantizedWeights quantize_weights(const std::vector<float>& values,
                                  const std::vector<int32_t>& shape, int32_t axis,
                                  const ChannelRanges& ranges);

// Symmetric int16 constant (SymmetricQuantizeFloatsToInt16): scale = max|x| / 32767.
std::vector<int16_t> quantize_int16_symmetric(const std::vector<float>& values, float* scale);

// Bias values for scales input_scale x weight_scales[c] (one scale: per tensor).
// `bits` is 32 or 64.
std::vector<uint8_t> quantize_bias(const std::vector<float>& bias, float input_scale,
                                   const std::vector<float>& weight_scales, int bits,
                                   std::vector<float>* bias_scales);

// Signal-to-quantization-noise ratio in dB: 10 log10(sum x^2 / sum (x - y)^2). +inf when the
// noise is zero; -inf when the signal is zero and the noise is not.
double sqnr_db(double signal_energy, double noise_energy);

}  // namespace mote::tools
