#include "kernels/ref/svdf.h"

#include <cstring>
#include <limits>

namespace mote {
namespace ref {
namespace {

// The state is shifted left by one element over the whole buffer (all batches and filters), as
// TFLM does: the element that moves into each filter's last slot is overwritten by the new
// feature value right after, so the effect is a per-filter shift.
template <typename T>
void shift_state_left(const SvdfGeometry& g, T* state) {
  const size_t n = static_cast<size_t>(g.batches) * static_cast<size_t>(g.num_filters) *
                   static_cast<size_t>(g.memory_size);
  if (n > 1) std::memmove(state, state + 1, (n - 1) * sizeof(T));
}

template <typename T>
void svdf_integer(const SvdfGeometry& g, const SvdfQuant& q, const int8_t* input,
                  const int8_t* weights_feature, const T* weights_time, const int32_t* bias,
                  T* state, int32_t* scratch, int8_t* output) {
  const int64_t memory = g.memory_size;
  int32_t* filter_sums = scratch;  // [batches, filters]
  int32_t* unit_sums = scratch + static_cast<int64_t>(g.batches) * g.num_filters;  // [b, units]
  shift_state_left(g, state);

  // Feature matmul into the newest state column.
  constexpr int32_t kStateMin = std::numeric_limits<T>::min();
  constexpr int32_t kStateMax = std::numeric_limits<T>::max();
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in = input + static_cast<int64_t>(b) * g.input_size;
    T* newest = state + static_cast<int64_t>(b) * g.num_filters * memory + (memory - 1);
    for (int32_t f = 0; f < g.num_filters; ++f) {
      const int8_t* w = weights_feature + static_cast<int64_t>(f) * g.input_size;
      // int32 accumulation that wraps like TFLM's on its targets (unsigned keeps it defined).
      uint32_t acc = 0;
      for (int32_t i = 0; i < g.input_size; ++i) {
        acc += static_cast<uint32_t>(w[i] * (in[i] - q.input_zero_point));
      }
      int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc), q.feature_multiplier,
                                                   q.feature_shift);
      v = clamp_to(v, kStateMin, kStateMax);
      // TFLM adds the zero point after the clamp and narrows into T: out-of-range sums wrap.
      newest[f * memory] = wrap_to<T>(static_cast<int64_t>(q.state_zero_point) + v);
    }
  }

  // Time weights: one dot product over the memory per filter.
  for (int32_t b = 0; b < g.batches; ++b) {
    const T* s = state + static_cast<int64_t>(b) * g.num_filters * memory;
    int32_t* out = filter_sums + static_cast<int64_t>(b) * g.num_filters;
    for (int32_t f = 0; f < g.num_filters; ++f) {
      const T* wt = weights_time + f * memory;
      const T* sf = s + f * memory;
      uint32_t acc = 0;
      for (int64_t m = 0; m < memory; ++m) {
        // With an int16 state and a non-zero zero point the product can exceed int32; TFLM's
        // int arithmetic wraps there, so take it in 64 bits and keep the low 32.
        const int64_t product =
            static_cast<int64_t>(wt[m]) * (static_cast<int64_t>(sf[m]) - q.state_zero_point);
        acc += static_cast<uint32_t>(product);
      }
      out[f] = static_cast<int32_t>(acc);
    }
  }

  // Bias, rank reduction, requantization.
  for (int32_t b = 0; b < g.batches; ++b) {
    const int32_t* sums = filter_sums + static_cast<int64_t>(b) * g.num_filters;
    int32_t* units = unit_sums + static_cast<int64_t>(b) * g.num_units;
    for (int32_t u = 0; u < g.num_units; ++u) {
      uint32_t acc = bias != nullptr ? static_cast<uint32_t>(bias[u]) : 0U;
      for (int32_t r = 0; r < g.rank; ++r) acc += static_cast<uint32_t>(sums[u * g.rank + r]);
      units[u] = static_cast<int32_t>(acc);
    }
  }
  const int64_t count = static_cast<int64_t>(g.batches) * g.num_units;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t scaled =
        multiply_by_quantized_multiplier(unit_sums[i], q.time_multiplier, q.time_shift);
    // In 64 bits so that a value at the int32 limit plus the zero point clamps instead of
    // overflowing (TFLM's int32 sum would be undefined there).
    const int64_t shifted = static_cast<int64_t>(scaled) + q.output_zero_point;
    output[i] = static_cast<int8_t>(clamp_to<int64_t>(shifted, -128, 127));
  }
}

}  // namespace

size_t svdf_scratch_bytes_f32(const SvdfGeometry& g) {
  return static_cast<size_t>(g.batches) * static_cast<size_t>(g.num_filters) * sizeof(float);
}

size_t svdf_scratch_bytes_s8(const SvdfGeometry& g) {
  return (static_cast<size_t>(g.batches) * static_cast<size_t>(g.num_filters) +
          static_cast<size_t>(g.batches) * static_cast<size_t>(g.num_units)) *
         sizeof(int32_t);
}

void svdf_f32(const SvdfGeometry& g, FusedActivation activation, const float* input,
              const float* weights_feature, const float* weights_time, const float* bias,
              float* state, float* scratch, float* output) {
  const int64_t memory = g.memory_size;
  shift_state_left(g, state);

  // Feature matmul into the newest state column. Sums run in TFLM's order (sequential from
  // 0.0f), which fixes the float rounding.
  for (int32_t b = 0; b < g.batches; ++b) {
    const float* in = input + static_cast<int64_t>(b) * g.input_size;
    float* newest = state + static_cast<int64_t>(b) * g.num_filters * memory + (memory - 1);
    for (int32_t f = 0; f < g.num_filters; ++f) {
      const float* w = weights_feature + static_cast<int64_t>(f) * g.input_size;
      float dot = 0.0f;
      for (int32_t i = 0; i < g.input_size; ++i) dot += w[i] * in[i];
      newest[f * memory] = dot;
    }
  }

  // Time weights.
  for (int32_t b = 0; b < g.batches; ++b) {
    const float* s = state + static_cast<int64_t>(b) * g.num_filters * memory;
    float* out = scratch + static_cast<int64_t>(b) * g.num_filters;
    for (int32_t f = 0; f < g.num_filters; ++f) {
      const float* wt = weights_time + f * memory;
      const float* sf = s + f * memory;
      float dot = 0.0f;
      for (int64_t m = 0; m < memory; ++m) dot += wt[m] * sf[m];
      out[f] = dot;
    }
  }

  // Output starts from the bias (or 0), then adds the rank terms one by one, then the
  // activation (TFLM's ActivationValFloat, which includes TANH and SIGN_BIT).
  for (int32_t b = 0; b < g.batches; ++b) {
    const float* sums = scratch + static_cast<int64_t>(b) * g.num_filters;
    float* out = output + static_cast<int64_t>(b) * g.num_units;
    for (int32_t u = 0; u < g.num_units; ++u) {
      float v = bias != nullptr ? bias[u] : 0.0f;
      for (int32_t r = 0; r < g.rank; ++r) v += sums[u * g.rank + r];
      out[u] = apply_fused_activation_f32(activation, v);
    }
  }
}

void svdf_s8(const SvdfGeometry& g, const SvdfQuant& q, const int8_t* input,
             const int8_t* weights_feature, const int16_t* weights_time, const int32_t* bias,
             int16_t* state, int32_t* scratch, int8_t* output) {
  svdf_integer<int16_t>(g, q, input, weights_feature, weights_time, bias, state, scratch, output);
}

void svdf_s8(const SvdfGeometry& g, const SvdfQuant& q, const int8_t* input,
             const int8_t* weights_feature, const int8_t* weights_time, const int32_t* bias,
             int8_t* state, int32_t* scratch, int8_t* output) {
  svdf_integer<int8_t>(g, q, input, weights_feature, weights_time, bias, state, scratch, output);
}

}  // namespace ref
}  // namespace mote
