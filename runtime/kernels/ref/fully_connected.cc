#include "kernels/ref/fully_connected.h"

#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

void fully_connected_f32(const FullyConnectedGeometry& g, float activation_min,
                         float activation_max, const float* input, const float* filter,
                         const float* bias, float* output) {
  for (int32_t b = 0; b < g.batches; ++b) {
    const float* in = input + static_cast<int64_t>(b) * g.accum_depth;
    for (int32_t o = 0; o < g.output_depth; ++o) {
      const float* w = filter + static_cast<int64_t>(o) * g.accum_depth;
      // Same summation order as TFLite (sequential, bias added last) so results agree to the
      // last bit when the compiler does not contract or reorder.
      float total = 0.0f;
      for (int32_t d = 0; d < g.accum_depth; ++d) total += in[d] * w[d];
      const float bias_value = bias != nullptr ? bias[o] : 0.0f;
      float v = total + bias_value;
      v = v < activation_min ? activation_min : v;
      v = v > activation_max ? activation_max : v;
      output[static_cast<int64_t>(b) * g.output_depth + o] = v;
    }
  }
}

void fully_connected_s8(const FullyConnectedGeometry& g, const FullyConnectedQuant& q,
                        const int8_t* input, const int8_t* filter, const int32_t* bias,
                        int8_t* output) {
  const int32_t filter_offset = q.per_channel ? 0 : q.filter_offset;
  // TFLite accumulates sum((w + fo) * (x + io)) in int32. Expanded, that is
  // sum(w * x) + io * sum(w) + fo * sum(x) + depth * fo * io: the same value modulo 2^32 (so
  // the same bits, wrap-around included), but the first two sums are plain dot products the
  // compiler vectorizes. Unsigned arithmetic keeps the wrap defined.
  const uint32_t io = static_cast<uint32_t>(q.input_offset);
  const uint32_t fo = static_cast<uint32_t>(filter_offset);
  const uint32_t depth = static_cast<uint32_t>(g.accum_depth);
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in = input + static_cast<int64_t>(b) * g.accum_depth;
    uint32_t sum_x = 0;
    for (int32_t d = 0; d < g.accum_depth; ++d) sum_x += static_cast<uint32_t>(in[d]);
    const uint32_t row_constant = fo * sum_x + depth * fo * io;
    for (int32_t o = 0; o < g.output_depth; ++o) {
      const int8_t* w = filter + static_cast<int64_t>(o) * g.accum_depth;
      uint32_t sum_wx = 0;
      uint32_t sum_w = 0;
      for (int32_t d = 0; d < g.accum_depth; ++d) {
        sum_wx += static_cast<uint32_t>(w[d] * in[d]);
        sum_w += static_cast<uint32_t>(w[d]);
      }
      uint32_t acc = sum_wx + io * sum_w + row_constant;
      if (bias != nullptr) acc += static_cast<uint32_t>(bias[o]);
      const int32_t c = q.per_channel ? o : 0;
      int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc), q.multipliers[c],
                                                   q.shifts[c]);
      v = wrapping_add(v, q.output_offset);  // TFLite's int32 add, without signed-overflow UB
      v = v < q.activation_min ? q.activation_min : v;
      v = v > q.activation_max ? q.activation_max : v;
      output[static_cast<int64_t>(b) * g.output_depth + o] = static_cast<int8_t>(v);
    }
  }
}

void fully_connected_s16(const FullyConnectedGeometry& g, const FullyConnectedQuant& q,
                         const int16_t* input, const int8_t* filter, const int64_t* bias64,
                         const int32_t* bias32, int16_t* output) {
  const int32_t filter_offset = q.per_channel ? 0 : q.filter_offset;
  for (int32_t b = 0; b < g.batches; ++b) {
    const int16_t* in = input + static_cast<int64_t>(b) * g.accum_depth;
    for (int32_t o = 0; o < g.output_depth; ++o) {
      const int8_t* w = filter + static_cast<int64_t>(o) * g.accum_depth;
      int64_t acc = 0;
      for (int32_t d = 0; d < g.accum_depth; ++d) {
        acc += static_cast<int64_t>((w[d] + filter_offset) * static_cast<int32_t>(in[d]));
      }
      if (bias64 != nullptr) acc += bias64[o];
      if (bias32 != nullptr) acc += bias32[o];
      const int32_t c = q.per_channel ? o : 0;
      int32_t v = multiply_by_quantized_multiplier(acc, q.multipliers[c], q.shifts[c]);
      v = wrapping_add(v, q.output_offset);  // TFLite's int32 add, without signed-overflow UB
      v = v < q.activation_min ? q.activation_min : v;
      v = v > q.activation_max ? q.activation_max : v;
      output[static_cast<int64_t>(b) * g.output_depth + o] = static_cast<int16_t>(v);
    }
  }
}

}  // namespace ref
}  // namespace mote
