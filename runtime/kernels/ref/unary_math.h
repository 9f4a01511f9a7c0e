// Reference elementwise unary math (ABS, CEIL, COS, EXP, FLOOR, LOG, NEG, ROUND, RSQRT, SIN, SQRT,
// SQUARE), bit-exact with TFLM (elementwise.cc, exp.cc, neg.cc, floor.cc, ceil.cc, round.cc).
//
//  * float32: one libm call (float overload) or one float operation per element, as TFLM:
//    std::abs, std::ceil, std::cos, std::exp, std::floor, std::log, -x, round half to even
//    (TFLite's RoundToNearest), 1.f / std::sqrt(x), std::sin, std::sqrt, x * x. NaN and
//    infinities follow from those (e.g. LOG(0) = -inf, SQRT(-1) = NaN, RSQRT(0) = +inf).
//  * ABS int8 / int16 (quantized): |x - in_zp| requantized to the output scale when the scales
//    differ (QuantizeMultiplier of in_scale / out_scale, in double), plus out_zp, saturated.
//    int16 without quantization is a plain std::abs narrowed back to int16 (|-32768| wraps).
//  * RSQRT int8: v = x - in_zp must be >= 0; v == 0 gives 127 (TFLM's "largest value"), other v
//    go through the fixed-point 1/sqrt(v) of GetInvSqrtQuantizedMultiplierExp, scaled by 2^20,
//    then requantized with QuantizeMultiplier(1 / (sqrt(in_scale) * out_scale)) and 2^-20.
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

enum class UnaryMath : uint8_t {
  kAbs,
  kCeil,
  kCos,
  kExp,
  kFloor,
  kLog,
  kNeg,
  kRound,
  kRsqrt,
  kSin,
  kSqrt,
  kSquare,
};

void unary_math_f32(UnaryMath op, int64_t count, const float* input, float* output);

// TFLite RoundToNearest: halves go to the even neighbour; NaN and infinities pass through.
float round_half_to_even(float value);

struct AbsQuantParams {
  int32_t input_offset = 0;   // input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t multiplier = 0;     // Q31, only used when rescale is set
  int32_t shift = 0;
  bool rescale = false;  // input and output scales differ
};

// TFLM PrepareAbsRsqrt for ABS. False when the scale ratio is not finite.
[[nodiscard]] bool prepare_abs_quantized(float input_scale, int32_t input_zero_point,
                                         float output_scale, int32_t output_zero_point,
                                         AbsQuantParams* params);

void abs_s8(const AbsQuantParams& params, int64_t count, const int8_t* input, int8_t* output);
void abs_s16(const AbsQuantParams& params, int64_t count, const int16_t* input, int16_t* output);
void abs_s16_unquantized(int64_t count, const int16_t* input, int16_t* output);

struct RsqrtQuantParams {
  int32_t input_offset = 0;   // input zero point
  int32_t output_offset = 0;  // output zero point
  int32_t multiplier = 0;     // Q31 of 1 / (sqrt(in_scale) * out_scale)
  int32_t shift = 0;
};

// TFLM PrepareAbsRsqrt for RSQRT. False when the multiplier is not finite.
[[nodiscard]] bool prepare_rsqrt_quantized(float input_scale, int32_t input_zero_point,
                                           float output_scale, int32_t output_zero_point,
                                           RsqrtQuantParams* params);

// Returns the index of the first element below the input zero point (a negative real value,
// which TFLM rejects at Eval), or count when every element was written.
int64_t rsqrt_s8(const RsqrtQuantParams& params, int64_t count, const int8_t* input,
                 int8_t* output);

}  // namespace ref
}  // namespace mote
