// Quantization parameters and requantization, bit-exact with TFLM.
//
// What Prepare computes from tensor scales (multiplier/shift pairs, activation
// clamps, softmax and log-softmax scalings, lookup tables) and what Eval uses
// to requantize an int32 accumulator. Each function follows one TFLite/TFLM
// function (named in its comment) operation for operation, including where
// TFLite computes in float rather than double, because the last bit of a
// multiplier decides whether our outputs match TFLM's.
//
// Rounding follows TFLM's default build: TFLITE_SINGLE_ROUNDING == 0 (double
// rounding: a rounding high multiply, then a rounding shift) and
// TFLITE_EMULATE_FLOAT off (frexp/round in double).
//
// Errors: TFLite aborts (TFLITE_CHECK) or fails Prepare (TF_LITE_ENSURE) on
// bad inputs; here those functions return false and are [[nodiscard]], so the
// caller turns them into a Status with its own context. Nothing allocates.
//
// Multiplier conventions ("Q31 multiplier, shift"): real_multiplier ~=
// multiplier * 2^(shift - 31), multiplier in [2^30, 2^31) (or 0), shift
// positive for a left shift.
//
// Usage (int8 per-channel convolution):
//
//   // Prepare
//   if (!mote::ref::populate_conv_per_channel_multipliers(in_scale, filter_scales,
//           out_channels, out_scale, multipliers, shifts)) { /* kInvalidModel */ }
//   int32_t act_min, act_max;
//   if (!mote::ref::calculate_activation_range_quantized(act, out_scale, out_zp,
//           -128, 127, &act_min, &act_max)) { /* kInvalidModel */ }
//   // Eval, per output value
//   int32_t v = mote::ref::multiply_by_quantized_multiplier(acc, multipliers[c], shifts[c]);
//   v = mote::ref::clamp_to(v + out_zp, act_min, act_max);
#ifndef MOTE_RUNTIME_KERNELS_REF_QUANTIZATION_H_
#define MOTE_RUNTIME_KERNELS_REF_QUANTIZATION_H_

#include <cmath>
#include <cstdint>
#include <limits>

#include "kernels/ref/fixed_point.h"

namespace mote {
namespace ref {

// TfLiteRound: std::round, i.e. halves rounded away from zero, in the
// argument's own precision (float stays float).
inline float round_half_away_from_zero(float x) { return std::round(x); }
inline double round_half_away_from_zero(double x) { return std::round(x); }

// ---------------------------------------------------------------------------
// Multiplier decomposition (TFLite quantization_util.cc).
// ---------------------------------------------------------------------------

// QuantizeMultiplier: real_multiplier = q * 2^shift with q = frexp mantissa in
// [0.5, 1); multiplier = round(q * 2^31). When rounding reaches 2^31 the
// multiplier is halved and shift incremented. A shift below -31 flushes to
// (0, 0) (multipliers under ~2^-32 act as zero). 0.0 gives (0, 0).
// Returns false (and writes (0, 0)) only for NaN or infinity, where TFLite
// has undefined behaviour. Negative multipliers are decomposed like TFLite
// does (negative q), although no kernel uses them.
[[nodiscard]] bool quantize_multiplier(double real_multiplier, int32_t* quantized_multiplier,
                                       int* shift);

// QuantizeMultiplierGreaterThanOne: real_multiplier must be > 1; the
// resulting left_shift is >= 1. False if real_multiplier <= 1 (or NaN).
[[nodiscard]] bool quantize_multiplier_greater_than_one(double real_multiplier,
                                                        int32_t* quantized_multiplier,
                                                        int* left_shift);

// QuantizeMultiplierSmallerThanOneExp: real_multiplier must be in (0, 1) and
// the resulting left_shift (a right shift, so <= 0) must stay <= 0. False if
// not (for example a value so close to 1 that the mantissa rounds up to 1.0,
// which TFLite rejects with a CHECK).
[[nodiscard]] bool quantize_multiplier_smaller_than_one_exp(double real_multiplier,
                                                            int32_t* quantized_multiplier,
                                                            int* left_shift);

// ---------------------------------------------------------------------------
// Requantization (TFLite common.h / common.cc, double-rounding build).
// ---------------------------------------------------------------------------

// x * multiplier * 2^(shift - 31), shift in [-31, 30]: x is first shifted
// left by max(shift, 0) (wrapping, as TFLite's `x * (1 << left_shift)` would
// on hardware; the caller keeps it in range), then
// saturating_rounding_doubling_high_mul (ties toward +infinity), then
// rounding_divide_by_pot by max(-shift, 0) (ties away from zero). Two
// roundings, so the result can differ by one from the exactly rounded
// product; that is TFLM's default and what the golden outputs contain.
inline int32_t multiply_by_quantized_multiplier(int32_t x, int32_t quantized_multiplier,
                                                int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  return rounding_divide_by_pot(
      saturating_rounding_doubling_high_mul(wrapping_shift_left(x, min_of(left_shift, 31)),
                                            quantized_multiplier),
      right_shift);
}

// int64 accumulator version (int16 activations x int8 weights), shift in
// [-31, 7], |x| < 2^47. TFLite rounds the multiplier to 16 bits
// ((m + 2^15) >> 16, or 0x7FFF at the top so it cannot reach 2^15) and does
// a single rounding shift by 15 - shift: add 2^(n-1), arithmetic shift
// right, so ties round toward +infinity (and the 16-bit multiplier loses
// precision compared to the int32 version). The int64 product cannot overflow for
// |x| < 2^47; outside that range the arithmetic wraps instead of being UB.
inline int32_t multiply_by_quantized_multiplier(int64_t x, int32_t quantized_multiplier,
                                                int shift) {
  const int32_t reduced_multiplier =
      (quantized_multiplier < 0x7FFF0000) ? ((quantized_multiplier + (1 << 15)) >> 16) : 0x7FFF;
  // Valid shifts give total_shift in [8, 46]; clamp so any input stays defined.
  const int total_shift = clamp_to(15 - shift, 1, 62);
  const uint64_t product =
      static_cast<uint64_t>(x) * static_cast<uint64_t>(static_cast<int64_t>(reduced_multiplier));
  const uint64_t rounded = product + (uint64_t{1} << (total_shift - 1));
  // Back to signed for an arithmetic shift; the uint64 -> int64 conversion is
  // the two's-complement reinterpretation (the value fits whenever the
  // preconditions hold).
  int64_t signed_rounded = 0;
  if (rounded <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    signed_rounded = static_cast<int64_t>(rounded);
  } else {
    signed_rounded =
        static_cast<int64_t>(rounded - (uint64_t{1} << 63)) + std::numeric_limits<int64_t>::min();
  }
  // TFLite assigns the int64 result to int32 (truncation).
  return wrap_to<int32_t>(signed_rounded >> total_shift);
}

// MultiplyByQuantizedMultiplierSmallerThanOneExp: left_shift <= 0.
inline int32_t multiply_by_quantized_multiplier_smaller_than_one_exp(int32_t x,
                                                                     int32_t quantized_multiplier,
                                                                     int left_shift) {
  return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(x, quantized_multiplier),
                                -left_shift);
}

// MultiplyByQuantizedMultiplierGreaterThanOne: left_shift >= 0. The left shift
// happens before the multiply, wrapping like TFLite's `x * (1 << left_shift)`.
inline int32_t multiply_by_quantized_multiplier_greater_than_one(int32_t x,
                                                                 int32_t quantized_multiplier,
                                                                 int left_shift) {
  return saturating_rounding_doubling_high_mul(wrapping_shift_left(x, clamp_to(left_shift, 0, 31)),
                                               quantized_multiplier);
}

// ---------------------------------------------------------------------------
// Softmax / log-softmax / logistic preprocessing (quantization_util.cc).
// ---------------------------------------------------------------------------

// PreprocessSoftmaxScaling: multiplier for input differences in
// Q(input_integer_bits).(31 - input_integer_bits):
// min(beta * input_scale * 2^(31 - input_integer_bits), 2^31 - 1), then
// quantize_multiplier_greater_than_one. input_integer_bits in [1, 31].
// False where TFLite would CHECK-fail (the product is <= 1).
[[nodiscard]] bool preprocess_softmax_scaling(double beta, double input_scale,
                                              int input_integer_bits, int32_t* quantized_multiplier,
                                              int* left_shift);

// PreprocessLogSoftmaxScalingExp: as above, plus the inverse scaling
// 2^(31 - left_shift) / quantized_multiplier decomposed with
// quantize_multiplier_smaller_than_one_exp.
[[nodiscard]] bool preprocess_log_softmax_scaling_exp(
    double beta, double input_scale, int input_integer_bits, int32_t* quantized_multiplier,
    int* left_shift, int32_t* reverse_scaling_divisor, int* reverse_scaling_left_shift);

// CalculateInputRadius: floor((2^iib - 1) * 2^(total_signed_bits - iib) /
// 2^input_left_shift), the largest input difference that does not overflow
// after rescaling. Computed in double exactly as TFLite (all factors are
// powers of two, so the value is exact); a negative input_left_shift, which
// TFLite would shift by (UB), multiplies instead. Saturates to the int range.
// input_integer_bits in [0, 30], total_signed_bits in [input_integer_bits,
// 62]; outside that the result is 0.
int calculate_input_radius(int input_integer_bits, int input_left_shift,
                           int total_signed_bits = 31);

// CheckedLog2: true if x is a power of two within 1e-3 in log2 (computed in
// float as log(x) * (1 / log(2))), with the rounded log2 in *log2_result.
// Used by int16 LOGISTIC/TANH and LSTM to detect power-of-two scales.
// x <= 0, NaN or infinity: false and *log2_result = 0.
[[nodiscard]] bool checked_log2(float x, int* log2_result);

// ---------------------------------------------------------------------------
// Fused activations (kernel_util.h/.cc, micro activation_utils.h).
// ---------------------------------------------------------------------------

// Values are the .tflite schema's ActivationFunctionType (and TfLiteFused
// Activation) codes, so a byte read from the model converts directly once
// the loader has checked it is <= 5.
enum class FusedActivation : uint8_t {
  kNone = 0,
  kRelu = 1,
  kReluN1To1 = 2,
  kRelu6 = 3,
  kTanh = 4,
  kSignBit = 5,
};

// CalculateActivationRange<float>: Relu -> [0, FLT_MAX], Relu6 -> [0, 6],
// ReluN1To1 -> [-1, 1], everything else (None, Tanh, SignBit) ->
// [lowest, max]. Note that TFLite does not apply Tanh or SignBit as a fused
// clamp at all.
void calculate_activation_range_f32(FusedActivation activation, float* activation_min,
                                    float* activation_max);

// CalculateActivationRangeQuantized: the clamp bounds are the real bounds
// quantized *in float*: zero_point + (int32)round(bound / output_scale), then
// intersected with [qmin, qmax]. None/Tanh/SignBit give [qmin, qmax].
// False where TFLite fails Prepare (round(bound / scale) outside the int32
// range, including NaN or infinite from a zero scale) and also where TFLite
// would hit undefined behaviour (the quotient equals 2^31, or adding the zero
// point overflows int32).
[[nodiscard]] bool calculate_activation_range_quantized(FusedActivation activation,
                                                        float output_scale,
                                                        int32_t output_zero_point, int32_t qmin,
                                                        int32_t qmax, int32_t* act_min,
                                                        int32_t* act_max);

// ActivationValFloat (TFLM activation_utils.h), used by float SVDF/LSTM-style
// kernels that apply the fused activation to each value: Relu/Relu6/ReluN1To1
// use fmax/fmin (so NaN inputs become the bound, as in TFLM's default
// TfLiteMax/TfLiteMin), Tanh is std::tanh, SignBit returns 1.0f for a set sign
// bit (including -0.0f) and 0.0f otherwise.
float apply_fused_activation_f32(FusedActivation activation, float x);

// ---------------------------------------------------------------------------
// Convolution / fully-connected multipliers (kernel_util.cc).
// ---------------------------------------------------------------------------

// GetQuantizedConvolutionMultipler (per-tensor, used by TFLM's per-tensor
// FULLY_CONNECTED): note the input * filter product is taken in FLOAT and
// only then widened: (double)(input_scale * filter_scale) / (double)
// output_scale. False if that product is negative or NaN (TF_LITE_ENSURE).
[[nodiscard]] bool get_quantized_convolution_multiplier(float input_scale, float filter_scale,
                                                        float output_scale, double* multiplier);

// The bias check of the bias-taking GetQuantizedConvolutionMultipler overload:
// |(double)input_scale * (double)filter_scale - (double)bias_scale| /
// (double)output_scale <= 0.02. TFLM's per-tensor FULLY_CONNECTED fails
// Prepare when a bias tensor is present and this is false; CONV_2D and
// DEPTHWISE_CONV_2D only run it for uint8 inputs.
[[nodiscard]] bool is_bias_scale_consistent(float input_scale, float filter_scale, float bias_scale,
                                            float output_scale);

// The per-channel loop of PopulateConvolutionQuantizationParams (CONV_2D,
// DEPTHWISE_CONV_2D, TRANSPOSE_CONV, per-channel FULLY_CONNECTED): for each
// channel, quantize_multiplier((double)input_scale * (double)filter_scale[c] /
// (double)output_scale), in that order, in double.
// filter_scales: num_channels floats, read with memcpy, so the pointer need not
// be 4-byte aligned (flatbuffer data may not be). multipliers, shifts:
// num_channels entries each. Returns false if any scale gives NaN/infinity
// (all entries are still written; bad ones as (0, 0)).
[[nodiscard]] bool populate_conv_per_channel_multipliers(float input_scale,
                                                         const float* filter_scales,
                                                         int32_t num_channels, float output_scale,
                                                         int32_t* multipliers, int32_t* shifts);

// The same loop for a per-tensor filter scale, which TFLM broadcasts to every
// output channel (and which therefore uses the double product, unlike
// get_quantized_convolution_multiplier).
[[nodiscard]] bool populate_conv_broadcast_multipliers(float input_scale, float filter_scale,
                                                       int32_t num_channels, float output_scale,
                                                       int32_t* multipliers, int32_t* shifts);

// ---------------------------------------------------------------------------
// Lookup tables (TFLite common.h LUTPopulate / LUTLookup; older TFLM: lut.h
// gen_lut / lut_lookup, generic_int16_table_lookup).
// ---------------------------------------------------------------------------

constexpr int kLutSizeS8 = 256;
// 512 intervals over the int16 input range plus one end point for the slope
// of the last interval.
constexpr int kLutSizeS16 = 513;

// Builds a 513-entry int16 table of transform over [input_min, input_max]
// (both FloatT), scaled so that [output_min, output_max) spans the int16 range
// (scale = 65536 / (output_max - output_min); there is no output offset, so
// symmetric output ranges are the intended use). Entry i samples
// x_i = input_min + i * step, step = (input_max - input_min) / 512, and is
// biased by half the error of linear interpolation at the interval midpoint,
// so that lut_lookup_s16 is more accurate between samples:
//   sample = round(f(x_i) * s)
//   interp = round((f(x_{i+1}) * s + round(f(x_i) * s)) / 2)
//   bias   = round((interp - round(f(x_i + step / 2) * s)) / 2)
//   lut[i] = clamp(sample - bias, -32768, 32767)
// and lut[512] = clamp(round(f(input_max) * s)). Every operation is done in
// FloatT in TFLite's order. This is the core of TFLite's LUTPopulateInt16 and
// of TFLM's older gen_lut<FloatT, int16_t, int16_t>.
// A NaN sample (TFLite: undefined behaviour) is stored as 0.
// Bit-exactness note: the result depends on the libm's transform and on the
// compiler not fusing a*b+c into an FMA, so build with -ffp-contract=off
// (GCC contracts by default on Cortex-M4F even in ISO mode).
template <typename FloatT, typename Transform>
void lut_populate_s16_range(Transform transform, FloatT input_min, FloatT input_max,
                            FloatT output_min, FloatT output_max, int16_t* lut) {
  constexpr int kSteps = kLutSizeS16 - 1;
  const FloatT step = (input_max - input_min) / kSteps;
  const FloatT half_step = step / 2;
  const FloatT output_scaling_inv = static_cast<FloatT>(65536) / (output_max - output_min);
  const FloatT table_min = static_cast<FloatT>(std::numeric_limits<int16_t>::min());
  const FloatT table_max = static_cast<FloatT>(std::numeric_limits<int16_t>::max());
  // std::min/std::max argument order, so NaN propagates as it does in TFLite
  // before the final cast.
  const auto to_entry = [table_min, table_max](FloatT v) -> int16_t {
    const FloatT clamped = min_of(max_of(v, table_min), table_max);
    return clamped != clamped ? int16_t{0} : static_cast<int16_t>(clamped);
  };
  for (int i = 0; i < kSteps; ++i) {
    // i and i + 1 (<= 512) convert to FloatT exactly, as in TFLite's i * step.
    const FloatT fi = static_cast<FloatT>(i);
    const FloatT fi_next = static_cast<FloatT>(i + 1);
    const FloatT val = transform(input_min + fi * step);
    const FloatT val_midpoint = transform(input_min + fi * step + half_step);
    const FloatT val_next = transform(input_min + fi_next * step);

    const FloatT sample_val = std::round(val * output_scaling_inv);
    const FloatT midpoint_interp_val =
        std::round((val_next * output_scaling_inv + std::round(val * output_scaling_inv)) / 2);
    const FloatT midpoint_val = std::round(val_midpoint * output_scaling_inv);
    const FloatT midpoint_err = midpoint_interp_val - midpoint_val;
    const FloatT bias = std::round(midpoint_err / 2);

    lut[i] = to_entry(sample_val - bias);
  }
  lut[kSteps] = to_entry(std::round(transform(input_max) * output_scaling_inv));
}

// LUTPopulate<int16_t> (TFLite common.h), what current TFLM uses for int16
// SOFTMAX: the input/output ranges are those of the int16 tensors,
//   input_min = input_scale * (-32768 - input_zero_point), input_max with 32767,
// and likewise for the output, all in FloatT (float in TFLM).
template <typename FloatT, typename Transform>
void lut_populate_s16(FloatT input_scale, int32_t input_zero_point, FloatT output_scale,
                      int32_t output_zero_point, Transform transform, int16_t* lut) {
  // The integer differences are taken in int64 so that no zero point can
  // overflow; for int16 zero points they equal TFLite's int arithmetic.
  const auto range_end = [](FloatT scale, int32_t q, int32_t zero_point) {
    return scale * static_cast<FloatT>(static_cast<int64_t>(q) - zero_point);
  };
  constexpr int32_t kMin = std::numeric_limits<int16_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int16_t>::max();
  lut_populate_s16_range<FloatT>(transform, range_end(input_scale, kMin, input_zero_point),
                                 range_end(input_scale, kMax, input_zero_point),
                                 range_end(output_scale, kMin, output_zero_point),
                                 range_end(output_scale, kMax, output_zero_point), lut);
}

// LUTPopulate<int8_t> (LUTPopulateInt8): lut[(uint8_t)q] =
// clamp(zp_out + round(transform(input_scale * (q - zp_in)) * (1 / output_scale))),
// in float. The table is indexed by the input byte reinterpreted as uint8_t
// (order 0..127, -128..-1), which lut_lookup_s8 does. TFLite casts the float
// to int32 without a range check; here out-of-range values saturate and NaN
// becomes 0 before the clamp (x86 and Arm disagree there in TFLite anyway).
template <typename Transform>
void lut_populate_s8(float input_scale, int32_t input_zero_point, float output_scale,
                     int32_t output_zero_point, Transform transform, int8_t* lut) {
  const float inverse_scale = 1 / output_scale;
  constexpr int32_t kMin = std::numeric_limits<int8_t>::min();
  constexpr int32_t kMax = std::numeric_limits<int8_t>::max();
  for (int32_t val = kMin; val <= kMax; ++val) {
    const float dequantized =
        input_scale * static_cast<float>(static_cast<int64_t>(val) - input_zero_point);
    const float transformed = transform(dequantized);
    const float rescaled = std::round(transformed * inverse_scale);
    const float shifted = rescaled + static_cast<float>(output_zero_point);
    int32_t quantized = 0;
    if (shifted != shifted) {
      quantized = 0;
    } else if (shifted >= 2147483648.0f) {
      quantized = std::numeric_limits<int32_t>::max();
    } else if (shifted < -2147483648.0f) {
      quantized = std::numeric_limits<int32_t>::min();
    } else {
      quantized = static_cast<int32_t>(shifted);
    }
    lut[static_cast<uint8_t>(static_cast<int8_t>(val))] =
        static_cast<int8_t>(clamp_to(quantized, kMin, kMax));
  }
}

// LUTLookup for int8: the table from lut_populate_s8 indexed by the byte.
inline int8_t lut_lookup_s8(int8_t value, const int8_t* lut) {
  return lut[static_cast<uint8_t>(value)];
}

// LUTLookup for int16 (== TFLM's older generic_int16_table_lookup and
// lut_lookup_with_interpolation): the top 9 bits pick the interval, the low 7
// bits interpolate linearly with rounding (+64 >> 7). The slope and the sum
// are narrowed to int16 exactly as TFLite's implicit conversions do.
// lut must have kLutSizeS16 entries.
inline int16_t lut_lookup_s16(int16_t value, const int16_t* lut) {
  const int index = 256 + (value >> 7);  // in [0, 511]
  const int32_t offset = value & 0x7f;
  const int16_t base = lut[index];
  const int16_t slope = wrap_to<int16_t>(static_cast<int32_t>(lut[index + 1]) - lut[index]);
  const int32_t delta = (slope * offset + 64) >> 7;
  return wrap_to<int16_t>(static_cast<int32_t>(base) + delta);
}

// The two tables TFLM's int16 SOFTMAX builds in Prepare, precomputed (so they
// live in flash and do not depend on the target's expf or FMA contraction):
//   exp:            lut_populate_s16(10.0f / 65535, 32767, 2.0f / 65535, 0, expf)
//                   i.e. exp(x) for x in [-10, 0], output Q0.15
//   1 / (1 + x):    lut_populate_s16(1.0f / 65535, -32768, 2.0f / 65535, 0,
//                   [](float x) { return 1.0f / (1.0f + x); }) for x in [0, 1]
// quantization_test.cc regenerates both with lut_populate_s16 and compares.
extern const int16_t kSoftmaxExpLutS16[kLutSizeS16];
extern const int16_t kSoftmaxOneOverOnePlusXLutS16[kLutSizeS16];

// ---------------------------------------------------------------------------
// int16 LOGISTIC / TANH table (reference_integer_ops logistic.h / tanh.h).
// ---------------------------------------------------------------------------

// TFLite's sigmoid_table_uint16: sigmoid(i / 24) in Q0.16 for i in [0, 255],
// the last entry clamped to 65535. The values are TFLite's data, kept
// verbatim: a few entries differ by one from round(65536 * sigmoid(i / 24)),
// so they cannot be regenerated by formula and still match TFLM.
extern const uint16_t kSigmoidTableU16[256];

// The per-element core of TFLite's int16 Logistic after the input rescale
// (input_data = (x * input_multiplier + round) >> input_left_shift, with
// input_multiplier == 0 meaning 3 << input_left_shift and no shift). The
// scaled input has 9 fractional table bits per table step of 1/24: the top
// bits select the entry, the low 9 bits interpolate, negative inputs use
// 1 - sigmoid(|x|). Returns Q0.15.
inline int16_t logistic_s16_from_table(int32_t input_data) {
  // abs() in unsigned arithmetic so that INT32_MIN is defined.
  const uint32_t abs_input =
      input_data < 0 ? 0U - static_cast<uint32_t>(input_data) : static_cast<uint32_t>(input_data);
  const uint32_t uh = abs_input >> 9;
  uint32_t result = 0;
  if (uh >= 255) {
    result = 0x7FFFU << 10;  // saturate to the maximum
  } else {
    const uint32_t ua = kSigmoidTableU16[uh];
    const uint32_t ub = kSigmoidTableU16[uh + 1];
    const uint32_t ut = abs_input & 0x1FFU;
    result = (ua << 9) + ut * (ub - ua);  // the table is increasing: ub >= ua
  }
  result = input_data >= 0 ? (result + (1U << 9)) : ((1U << (16 + 9)) - result + (1U << 9) - 1);
  return static_cast<int16_t>(result >> 10);  // <= 32767 for every input
}

// The per-element core of TFLite's int16 Tanh after the same input rescale,
// using tanh(x) = 2 * sigmoid(2x) - 1: 8 interpolation bits instead of 9.
// Returns Q0.15.
inline int16_t tanh_s16_from_table(int32_t input_data) {
  const uint32_t abs_input =
      input_data < 0 ? 0U - static_cast<uint32_t>(input_data) : static_cast<uint32_t>(input_data);
  const uint32_t uh = abs_input >> 8;
  int32_t result = 0;
  if (uh >= 255) {
    result = 0xFFFF << 8;  // saturate to the maximum
  } else {
    const uint32_t ua = kSigmoidTableU16[uh];
    const uint32_t ub = kSigmoidTableU16[uh + 1];
    const uint32_t ut = abs_input & 0xFFU;
    result = static_cast<int32_t>((ua << 8) + ut * (ub - ua));  // < 2^24
  }
  result = input_data >= 0 ? (result - (1 << (14 + 9)) + (1 << (9 - 2)))
                           : (-result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1);
  // Arithmetic shift (floor) of a possibly negative value, as in TFLite.
  return static_cast<int16_t>(result >> (9 - 1));
}

}  // namespace ref
}  // namespace mote

#endif  // MOTE_RUNTIME_KERNELS_REF_QUANTIZATION_H_
