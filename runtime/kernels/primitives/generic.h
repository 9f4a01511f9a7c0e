// Portable primitives: plain C++ with the same results as every other ISA's primitives, written
// so that a host compiler vectorizes the inner loops (int32 sums over int16 x int8 products).
// Used on the host and on cores without the DSP extension.
//
// Layouts (private to this file, read and written only through these functions):
//   panel:  two rows of `depth` int16 values, row r at panel + r * panel_stride(depth), natural
//           order;
//   vector: `depth` int16 values, natural order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernels/primitives/common.h"

namespace mote {
namespace prim {

// ---------------------------------------------------------------------------------------------
// Requantization: the SMMLAR formula of common.h, evaluated in int64. The int64 sum cannot
// overflow: |2 * acc * m| < 2^62 and |c * 2^32| <= 2^62.
// ---------------------------------------------------------------------------------------------

inline int32_t rounding_mul_high_add(int32_t a, int32_t b, int32_t c) {
  const int64_t sum = static_cast<int64_t>(c) * (int64_t{1} << 32) + static_cast<int64_t>(a) * b +
                      (int64_t{1} << 31);
  // floor(sum / 2^32): an arithmetic shift (C++20 semantics, what GCC and Clang always do).
  return static_cast<int32_t>(sum >> 32);
}

// floor((y + 2^(e-1)) / 2^e) + offset, as ASRS + ADC compute it.
inline int32_t round_shift_add(int32_t y, int32_t e, int32_t offset) {
  return (y >> e) + ((y >> (e - 1)) & 1) + offset;
}

// |acc| <= kRequantMaxAccumulator: TFLite's MultiplyByQuantizedMultiplier plus `offset`.
inline int32_t requantize(int32_t acc, const RequantChannel& c, int32_t offset) {
  const int32_t y = rounding_mul_high_add(double_wrap(acc), c.multiplier, acc < 0 ? -1 : 0);
  return round_shift_add(y, c.right_shift, offset);
}

// Any acc; the same result as requantize() (common.h: the wide form).
inline int32_t requantize_wide(int32_t acc, const RequantChannel& c, int32_t offset) {
  const int64_t z = 2 * static_cast<int64_t>(acc) * c.multiplier + (int64_t{1} << 31) -
                    (acc < 0 ? (int64_t{1} << 32) : 0);
  return round_shift_add(static_cast<int32_t>(z >> 32), c.right_shift, offset);
}

// |x| <= kRequantMaxAccumulator; TFLite's MultiplyByQuantizedMultiplierSmallerThanOneExp.
inline int32_t rescale(int32_t x, const RescaleChannel& c) {
  const int32_t t = c.round + ((x < 0 ? -1 : 0) & c.sign_mask);
  return rounding_mul_high_add(double_wrap(x), c.multiplier, t) >> c.right_shift;
}

inline int32_t saturate_s8(int32_t v) { return v < -128 ? -128 : (v > 127 ? 127 : v); }

// Clamps n int8 values in place to [lo, hi] (a fused activation tighter than the int8 range).
inline void clamp_s8(int8_t* data, size_t n, int32_t lo, int32_t hi) {
  for (size_t i = 0; i < n; ++i) {
    int32_t v = data[i];
    v = v < lo ? lo : v;
    data[i] = static_cast<int8_t>(v > hi ? hi : v);
  }
}

// ---------------------------------------------------------------------------------------------
// Panel: the im2col rows of two output pixels, input offset added, for dot_2x2.
// ---------------------------------------------------------------------------------------------

inline int32_t panel_stride(int32_t depth) { return (depth + 7) & ~7; }

inline size_t panel_bytes(int32_t depth) {
  return 2 * static_cast<size_t>(panel_stride(depth)) * sizeof(int16_t);
}

// panel[row][k + i] = src[i] + offset for i in [0, n).
inline void panel_put(int16_t* panel, int32_t depth, int32_t row, int32_t k, const int8_t* src,
                      int32_t n, int32_t offset) {
  int16_t* dst = panel + row * panel_stride(depth) + k;
  for (int32_t i = 0; i < n; ++i) dst[i] = static_cast<int16_t>(src[i] + offset);
}

// panel[row][k + i] = 0 for i in [0, n) (padding taps).
inline void panel_zero(int16_t* panel, int32_t depth, int32_t row, int32_t k, int32_t n) {
  std::memset(panel + row * panel_stride(depth) + k, 0, static_cast<size_t>(n) * sizeof(int16_t));
}

// acc[2 * r + c] += sum over k of panel[r][k] * wc[k], for rows r and weight rows c in {0, 1},
// modulo 2^32 (unsigned sums: the compiler vectorizes them just the same).
inline void dot_2x2(const int16_t* panel, int32_t depth, const int8_t* w0, const int8_t* w1,
                    int32_t* acc) {
  const int16_t* a0 = panel;
  const int16_t* a1 = panel + panel_stride(depth);
  uint32_t s00 = 0, s01 = 0, s10 = 0, s11 = 0;
  for (int32_t k = 0; k < depth; ++k) {
    const int32_t x0 = a0[k], x1 = a1[k], y0 = w0[k], y1 = w1[k];
    s00 += static_cast<uint32_t>(x0 * y0);
    s01 += static_cast<uint32_t>(x0 * y1);
    s10 += static_cast<uint32_t>(x1 * y0);
    s11 += static_cast<uint32_t>(x1 * y1);
  }
  acc[0] = add_wrap(acc[0], static_cast<int32_t>(s00));
  acc[1] = add_wrap(acc[1], static_cast<int32_t>(s01));
  acc[2] = add_wrap(acc[2], static_cast<int32_t>(s10));
  acc[3] = add_wrap(acc[3], static_cast<int32_t>(s11));
}

// No fused loop here: the kernel runs its own (dot_2x2, requantize) loop when this returns false.
inline bool panel_requant_pairs(PanelPairs* /*job*/) { return false; }

// ---------------------------------------------------------------------------------------------
// Vector: one int8 row plus the input offset, for fc_rows (FULLY_CONNECTED).
// ---------------------------------------------------------------------------------------------

// Whether FULLY_CONNECTED should widen its input into a scratch vector first. Not here: without
// dual 16-bit multiply-accumulate the widened copy saves nothing, and it would cost arena.
constexpr bool kFullyConnectedWidensInput = false;

inline size_t vector_bytes(int32_t depth) {
  return static_cast<size_t>((depth + 7) & ~7) * sizeof(int16_t);
}

inline void vector_put(int16_t* vector, const int8_t* src, int32_t depth, int32_t offset) {
  for (int32_t i = 0; i < depth; ++i) vector[i] = static_cast<int16_t>(src[i] + offset);
}

// FcRows (common.h), one unit at a time; |acc| <= kRequantMaxAccumulator (the kernel proves it).
inline void fc_rows(const FcRows& job) {
  const int8_t* w = job.weights;
  const int32_t* m = job.multipliers;
  const int32_t* s = job.shifts;
  for (int32_t o = 0; o < job.units; ++o, w += job.stride) {
    uint32_t acc = job.init != nullptr ? static_cast<uint32_t>(job.init[o]) : 0;
    for (int32_t k = 0; k < job.n; ++k) acc += static_cast<uint32_t>(job.vector[k] * w[k]);
    if (job.partial != nullptr) {
      job.partial[o] = static_cast<int32_t>(acc);
      continue;
    }
    const int32_t r =
        requantize(static_cast<int32_t>(acc), requant_channel(*m, *s), job.output_offset);
    job.out[o] = static_cast<int8_t>(saturate_s8(r));
    m += job.channel_step;
    s += job.channel_step;
  }
}

// ---------------------------------------------------------------------------------------------
// Depthwise: four channels of one tap.
// ---------------------------------------------------------------------------------------------

// acc[i] += (x[i] + offset) * w[i] for i in [0, 4), modulo 2^32.
inline void dw_mac4(int32_t* acc, const int8_t* x, const int8_t* w, int32_t offset) {
  for (int32_t i = 0; i < 4; ++i) acc[i] = add_wrap(acc[i], (x[i] + offset) * w[i]);
}

// dw_mac4 over `rows` rows of three adjacent taps: taps (fy, fx) at x + fy * row_stride +
// fx * channels and w + (3 * fy + fx) * channels, fy < rows, fx < 3 (a full row of a 3-wide
// filter with dilation 1 along x).
inline void dw_mac4_rows3(int32_t* acc, const int8_t* x, const int8_t* w, int32_t channels,
                          ptrdiff_t row_stride, int32_t rows, int32_t offset) {
  for (int32_t fy = 0; fy < rows; ++fy, x += row_stride, w += 3 * channels) {
    dw_mac4(acc, x, w, offset);
    dw_mac4(acc, x + channels, w + channels, offset);
    dw_mac4(acc, x + 2 * channels, w + 2 * channels, offset);
  }
}

// dw_mac4 over `rows` rows of two adjacent taps of a 3-wide filter (rows 3 * channels apart).
inline void dw_mac4_rows2(int32_t* acc, const int8_t* x, const int8_t* w, int32_t channels,
                          ptrdiff_t row_stride, int32_t rows, int32_t offset) {
  for (int32_t fy = 0; fy < rows; ++fy, x += row_stride, w += 3 * channels) {
    dw_mac4(acc, x, w, offset);
    dw_mac4(acc, x + channels, w + channels, offset);
  }
}

// No fused loop here: the kernel runs its own loop when this returns false.
inline bool dw_run_3x3(DwRun3x3* /*run*/) { return false; }
inline bool dw_run_3x2(DwRun3x3* /*run*/) { return false; }

// acc[i] += (x + offset) * w[i] for i in [0, 4): one input channel feeding four output channels
// (depth_multiplier > 1), modulo 2^32.
inline void dw_mac4_broadcast(int32_t* acc, int8_t x, const int8_t* w, int32_t offset) {
  const int32_t v = x + offset;
  for (int32_t i = 0; i < 4; ++i) acc[i] = add_wrap(acc[i], v * w[i]);
}

inline void dw_mac4x2_broadcast(int32_t* acc_a, int32_t* acc_b, int8_t xa, int8_t xb,
                                const int8_t* w, int32_t offset) {
  dw_mac4_broadcast(acc_a, xa, w, offset);
  dw_mac4_broadcast(acc_b, xb, w, offset);
}

inline void dw_row_mac4x2_broadcast(int32_t* acc_a, int32_t* acc_b, const int8_t* in,
                                    ptrdiff_t step, ptrdiff_t tap, const int8_t* w,
                                    ptrdiff_t w_step, int32_t n, int32_t offset) {
  for (; n > 0; --n, in += tap, w += w_step)
    dw_mac4x2_broadcast(acc_a, acc_b, in[0], in[step], w, offset);
}

// ---------------------------------------------------------------------------------------------
// Pooling: four channels at a time.
// ---------------------------------------------------------------------------------------------

// Running sums of four int8 channels. Valid for at most kSum4MaxTerms terms (the DSP version
// keeps them in 16-bit lanes).
struct Sum4 {
  int32_t s[4] = {0, 0, 0, 0};
};
constexpr int32_t kSum4MaxTerms = 255;

inline void sum4_add(Sum4* sum, const int8_t* x) {
  for (int32_t i = 0; i < 4; ++i) sum->s[i] += x[i];
}

inline void sum4_get(const Sum4& sum, int32_t* out) {
  for (int32_t i = 0; i < 4; ++i) out[i] = sum.s[i];
}

// Four int8 lanes packed in a word, and their lane-wise maximum.
using Max4 = uint32_t;
inline Max4 max4_init() { return 0x80808080u; }
inline Max4 max4_add(Max4 m, const int8_t* x) {
  Max4 out = 0;
  for (int32_t i = 0; i < 4; ++i) {
    const int8_t a = static_cast<int8_t>(static_cast<uint8_t>(m >> (8 * i)));
    const int8_t b = x[i];
    out |= static_cast<uint32_t>(static_cast<uint8_t>(a < b ? b : a)) << (8 * i);
  }
  return out;
}
inline void max4_store(Max4 m, int8_t* out) {
  for (int32_t i = 0; i < 4; ++i) out[i] = static_cast<int8_t>(static_cast<uint8_t>(m >> (8 * i)));
}

}  // namespace prim
}  // namespace mote
