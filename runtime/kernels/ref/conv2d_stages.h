// Internal to the reference convolutions (conv2d.cc, depthwise_conv2d.cc, transpose_conv.cc):
// the per-dtype multiply-accumulate and output stages, so that each op writes its loop nest
// once for every dtype.
//
// A stage type K provides:
//   K::Input, K::Filter, K::Output   element types
//   K::Acc                           accumulator (unsigned where TFLite's int32 sum may wrap)
//   Acc k.mac(Acc acc, Input x, Filter w)
//   Output k.finish(Acc acc, int32_t oc)     bias, requantization, clamp for output channel oc
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/ref/conv2d.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace conv_stages {

// float32: acc + x * w in TFLite's order; the bias is added after the sum. (TFLite's CONV_2D and
// DEPTHWISE_CONV_2D add 0.0f when there is no bias; that cannot change a sum that starts at
// +0.0f, which is never -0.0f, so the bias is simply skipped.)
struct F32 {
  using Input = float;
  using Filter = float;
  using Output = float;
  using Acc = float;
  const float* bias;
  float activation_min;
  float activation_max;

  static Acc mac(Acc acc, float x, float w) { return acc + x * w; }
  Output finish(Acc acc, int32_t oc) const {
    if (bias != nullptr) acc += bias[oc];
    acc = acc < activation_min ? activation_min : acc;
    return acc > activation_max ? activation_max : acc;
  }
};

// int8: int32 accumulation of w * (x + input_offset). TFLite sums in int32 and would overflow
// only for huge filters; uint32 gives the same bits without undefined behaviour.
struct S8 {
  using Input = int8_t;
  using Filter = int8_t;
  using Output = int8_t;
  using Acc = uint32_t;
  const ConvQuant* q;
  const int32_t* bias;
  // A copy of q->input_offset: the int8 output stores may alias anything, so a value held here
  // stays in a register through the loops.
  int32_t input_offset;

  Acc mac(Acc acc, int8_t x, int8_t w) const {
    // |x + input_offset| <= 255 (zero points are int8), so the product fits in int32.
    return acc + static_cast<uint32_t>(w * (x + input_offset));
  }
  Output finish(Acc acc, int32_t oc) const {
    if (bias != nullptr) acc += static_cast<uint32_t>(bias[oc]);
    int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc), q->multipliers[oc],
                                                 q->shifts[oc]);
    v = wrapping_add(v, q->output_offset);
    v = v < q->activation_min ? q->activation_min : v;
    v = v > q->activation_max ? q->activation_max : v;
    return static_cast<int8_t>(v);
  }
};

// 16x8 with an int64 accumulator (int64 bias, or int16 bias widened as TFLM's TRANSPOSE_CONV
// does). Zero points are 0 for int16, and TFLite ignores them here.
struct S16Acc64 {
  using Input = int16_t;
  using Filter = int8_t;
  using Output = int16_t;
  using Acc = int64_t;
  const ConvQuant* q;
  const int64_t* bias64;
  const int16_t* bias16;

  static Acc mac(Acc acc, int16_t x, int8_t w) { return acc + w * x; }
  Output finish(Acc acc, int32_t oc) const {
    // The bias is model data of any size: add in uint64 so an absurd bias wraps instead of
    // being undefined behaviour (TFLite's int64 sum would do the same on hardware).
    if (bias64 != nullptr) {
      acc = static_cast<int64_t>(static_cast<uint64_t>(acc) + static_cast<uint64_t>(bias64[oc]));
    } else if (bias16 != nullptr) {
      acc += bias16[oc];
    }
    int32_t v = multiply_by_quantized_multiplier(acc, q->multipliers[oc], q->shifts[oc]);
    v = v < q->activation_min ? q->activation_min : v;
    v = v > q->activation_max ? q->activation_max : v;
    return static_cast<int16_t>(v);
  }
};

// 16x8 with an int32 accumulator (CONV_2D with an int32 bias or none).
struct S16Acc32 {
  using Input = int16_t;
  using Filter = int8_t;
  using Output = int16_t;
  using Acc = uint32_t;
  const ConvQuant* q;
  const int32_t* bias;

  static Acc mac(Acc acc, int16_t x, int8_t w) { return acc + static_cast<uint32_t>(w * x); }
  Output finish(Acc acc, int32_t oc) const {
    if (bias != nullptr) acc += static_cast<uint32_t>(bias[oc]);
    int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc), q->multipliers[oc],
                                                 q->shifts[oc]);
    v = v < q->activation_min ? q->activation_min : v;
    v = v > q->activation_max ? q->activation_max : v;
    return static_cast<int16_t>(v);
  }
};

// acc + sum of x[i] * w[i] for i in [0, n), in index order.
template <typename K>
inline typename K::Acc dot(const K& k, typename K::Acc acc, const typename K::Input* x,
                           const typename K::Filter* w, int32_t n) {
  for (int32_t i = 0; i < n; ++i) acc = k.mac(acc, x[i], w[i]);
  return acc;
}

// The taps [*begin, *end) of a window whose coordinate origin + tap * step lies in [0, size).
// The coordinate grows with the tap, so the valid taps are contiguous; skipping the others is
// TFLite's zero padding. No division: this runs once per output row or column.
inline void valid_taps(int32_t origin, int32_t step, int32_t taps, int32_t size, int32_t* begin,
                       int32_t* end) {
  int32_t b = 0;
  while (b < taps && origin + b * step < 0) ++b;
  int32_t e = taps;
  while (e > b && origin + (e - 1) * step >= size) --e;
  *begin = b;
  *end = e;
}

// Element offset of a row-major index, in size_t: tensors are below 2^31 bytes, so this never
// wraps, on 32-bit targets included.
inline size_t at(int32_t index, size_t stride) { return static_cast<size_t>(index) * stride; }

}  // namespace conv_stages
}  // namespace ref
}  // namespace mote
