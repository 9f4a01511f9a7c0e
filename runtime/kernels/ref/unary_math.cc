#include "kernels/ref/unary_math.h"

#include <cmath>
#include <limits>

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

template <typename Function>
void map_f32(int64_t count, const float* input, float* output, Function function) {
  for (int64_t i = 0; i < count; ++i) output[i] = function(input[i]);
}

// TFLM computes the clamps in `long`; the int32 values here cannot overflow (|v| <= 2^16 plus a
// zero point), so int32 gives the same numbers.
template <typename T>
T saturate(int32_t value) {
  return static_cast<T>(
      clamp_to<int32_t>(value, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

template <typename T>
void abs_quantized(const AbsQuantParams& p, int64_t count, const T* input, T* output) {
  for (int64_t i = 0; i < count; ++i) {
    const int32_t v = static_cast<int32_t>(input[i]) - p.input_offset;
    const int32_t magnitude = v < 0 ? -v : v;
    const int32_t scaled =
        p.rescale ? multiply_by_quantized_multiplier(magnitude, p.multiplier, p.shift) : magnitude;
    output[i] = saturate<T>(scaled + p.output_offset);
  }
}

}  // namespace

float round_half_to_even(float value) {
  const float floor_value = std::floor(value);
  const float diff = value - floor_value;
  // diff == 0.5 only happens for |value| < 2^23, so the int conversion below is in range.
  if (diff < 0.5f || (diff == 0.5f && static_cast<int32_t>(floor_value) % 2 == 0)) {
    return floor_value;
  }
  return floor_value + 1.0f;
}

void unary_math_f32(UnaryMath op, int64_t count, const float* input, float* output) {
  // The float overloads of <cmath>, as TFLM's `float func(float)` pointers select them.
  switch (op) {
    case UnaryMath::kAbs:
      map_f32(count, input, output, [](float x) { return std::fabs(x); });
      break;
    case UnaryMath::kCeil:
      map_f32(count, input, output, [](float x) { return std::ceil(x); });
      break;
    case UnaryMath::kCos:
      map_f32(count, input, output, [](float x) { return std::cos(x); });
      break;
    case UnaryMath::kExp:
      map_f32(count, input, output, [](float x) { return std::exp(x); });
      break;
    case UnaryMath::kFloor:
      map_f32(count, input, output, [](float x) { return std::floor(x); });
      break;
    case UnaryMath::kLog:
      map_f32(count, input, output, [](float x) { return std::log(x); });
      break;
    case UnaryMath::kNeg:
      map_f32(count, input, output, [](float x) { return -x; });
      break;
    case UnaryMath::kRound:
      map_f32(count, input, output, round_half_to_even);
      break;
    case UnaryMath::kRsqrt:
      map_f32(count, input, output, [](float x) { return 1.0f / std::sqrt(x); });
      break;
    case UnaryMath::kSin:
      map_f32(count, input, output, [](float x) { return std::sin(x); });
      break;
    case UnaryMath::kSqrt:
      map_f32(count, input, output, [](float x) { return std::sqrt(x); });
      break;
    case UnaryMath::kSquare:
      map_f32(count, input, output, [](float x) { return x * x; });
      break;
  }
}

bool prepare_abs_quantized(float input_scale, int32_t input_zero_point, float output_scale,
                           int32_t output_zero_point, AbsQuantParams* p) {
  p->input_offset = input_zero_point;
  p->output_offset = output_zero_point;
  // Exact float comparison, as TFLM: equal scales skip the multiplier entirely.
  p->rescale = input_scale != output_scale;
  if (!p->rescale) return true;
  // Unlike RELU, TFLM widens both scales before dividing.
  int shift = 0;
  if (!quantize_multiplier(static_cast<double>(input_scale) / static_cast<double>(output_scale),
                           &p->multiplier, &shift)) {
    return false;
  }
  p->shift = shift;
  return true;
}

void abs_s8(const AbsQuantParams& params, int64_t count, const int8_t* input, int8_t* output) {
  abs_quantized(params, count, input, output);
}

void abs_s16(const AbsQuantParams& params, int64_t count, const int16_t* input, int16_t* output) {
  abs_quantized(params, count, input, output);
}

void abs_s16_unquantized(int64_t count, const int16_t* input, int16_t* output) {
  // TFLM's std::abs promotes to int; the narrowing back turns |-32768| into -32768.
  for (int64_t i = 0; i < count; ++i) {
    const int32_t v = input[i];
    output[i] = wrap_to<int16_t>(v < 0 ? -v : v);
  }
}

bool prepare_rsqrt_quantized(float input_scale, int32_t input_zero_point, float output_scale,
                             int32_t output_zero_point, RsqrtQuantParams* p) {
  p->input_offset = input_zero_point;
  p->output_offset = output_zero_point;
  const double scale =
      1.0 / (std::sqrt(static_cast<double>(input_scale)) * static_cast<double>(output_scale));
  int shift = 0;
  if (!quantize_multiplier(scale, &p->multiplier, &shift)) return false;
  p->shift = shift;
  return true;
}

int64_t rsqrt_s8(const RsqrtQuantParams& p, int64_t count, const int8_t* input, int8_t* output) {
  // 1 / sqrt(v) is formed as an integer scaled by 2^20 and the scale is taken back out of the
  // output multiplier's shift.
  constexpr int kShift = 20;
  constexpr int kReverseShift = -1;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t value = static_cast<int32_t>(input[i]) - p.input_offset;
    if (value < 0) return i;
    if (value == 0) {
      // TFLM: "any value close to 0 represents the max output value".
      output[i] = std::numeric_limits<int8_t>::max();
      continue;
    }
    int32_t inv_sqrt_multiplier = 0;
    int inv_sqrt_shift = 0;
    get_inv_sqrt_quantized_multiplier_exp(value, kReverseShift, &inv_sqrt_multiplier,
                                          &inv_sqrt_shift);
    const int32_t data =
        multiply_by_quantized_multiplier(int32_t{1}, inv_sqrt_multiplier, inv_sqrt_shift + kShift);
    const int32_t result =
        multiply_by_quantized_multiplier(data, p.multiplier, p.shift - kShift) + p.output_offset;
    output[i] = saturate<int8_t>(result);
  }
  return count;
}

}  // namespace ref
}  // namespace mote
