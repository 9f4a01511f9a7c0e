// What every ISA's primitives share: the parameter types of the primitive interface and the
// domain where the fast requantization is exact. Included by generic.h, cortex_m_dsp.h and
// mve.h; kernels include kernels/primitives/primitives.h instead.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace prim {

// ---------------------------------------------------------------------------------------------
// Requantization of an int32 accumulator (TFLite's MultiplyByQuantizedMultiplier, double
// rounding) plus the output zero point, in five instructions on a Cortex-M.
//
// TFLite computes, for a Q31 multiplier m and shift s <= 0 (a right shift by e = -s):
//   h = SaturatingRoundingDoublingHighMul(acc, m) = floor((acc * m + 2^30) / 2^31)
//       (the saturating case needs acc = m = INT32_MIN, impossible for m >= 0)
//   r = RoundingDivideByPOT(h, e)                 = floor((h + 2^(e-1) - [h < 0]) / 2^e)
// For |acc| < 2^30, 2 * acc fits in int32, and with SMMLAR(a, b, c) = floor((c * 2^32 + a * b +
// 2^31) / 2^32):
//   y = SMMLAR(2 * acc, m, -[acc < 0]) = floor((2 * acc * m + 2^31) / 2^32) - [acc < 0]
//     = h - [acc < 0]                                                              (exact)
// For m >= 0, h < 0 implies acc < 0, and acc < 0 with h = 0 gives floor((2^(e-1) - 1) / 2^e) = 0
// either way, so [h < 0] can be replaced by [acc < 0] when e >= 1. Then
//   r = floor((y + 2^(e-1)) / 2^e) = (y >> e) + bit e-1 of y,
// which is what ASRS (an arithmetic shift that leaves the last bit shifted out in the carry) and
// ADC compute; ADC adds the output zero point in the same instruction. |y| <= 2^30: no overflow.
//
// Accumulators beyond 2^30 (a huge bias, as models store for channels with tiny scales) need the
// product in 64 bits. requantize_wide() forms Z = 2 * acc * m + 2^31 - [acc < 0] * 2^32 with two
// SMLAL from that initial value (|Z| <= 2^63: no overflow for any int32 acc and m < 2^31); hi(Z)
// is the y above, now for any accumulator (the nested floors floor(floor(x / 2^a) / 2^b) =
// floor(x / 2^(a+b)) make the two equal), and the same ASRS/ADC finish.
//
// A channel whose multiplier underflowed (TFLite stores multiplier 0, shift 0) gives 0 for any
// shift, in TFLite's arithmetic and in this one; Prepare rewrites its shift to -1
// (opt::canonicalize_zero_multipliers) so that every channel has a right shift.
// ---------------------------------------------------------------------------------------------

// a + b and 2 * a modulo 2^32: the accumulators of zero-multiplier channels may wrap (see
// kernels/opt/requant.h), as the hardware does, without undefined behaviour in C++.
inline int32_t add_wrap(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
inline int32_t double_wrap(int32_t a) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) << 1);
}

// Accumulators of magnitude up to this requantize exactly (see above).
constexpr int64_t kRequantMaxAccumulator = (int64_t{1} << 30) - 1;

// True when requantize() is exact for (multiplier, shift): a non-negative multiplier and a right
// shift of 1 to 31. Left shifts (shift >= 0) are not covered; their ops use the reference.
constexpr bool requant_supported(int32_t multiplier, int32_t shift) {
  return multiplier >= 0 && shift <= -1 && shift >= -31;
}

// One output channel's requantization constants, built by requant_channel().
struct RequantChannel {
  int32_t multiplier = 0;   // Q31, >= 0
  int32_t right_shift = 1;  // e, in [1, 31]
};

// shift in [-31, -1].
inline RequantChannel requant_channel(int32_t multiplier, int32_t shift) {
  RequantChannel c;
  c.multiplier = multiplier;
  c.right_shift = -shift;
  return c;
}

// One row of a convolution's 2 x 2 blocks (two pixels in a panel, every pair of output channels)
// for an ISA that fuses the whole loop: bias, dot_2x2, requantize and store, per pair. Fields are
// read by assembly on the DSP path: keep the order (offsets in the comments, 32-bit targets).
struct PanelPairs {
  const int16_t* panel;        //  0: the panel (panel_put layout)
  int32_t groups;              //  4: depth / 4
  int32_t depth;               //  8: weights per output channel, a multiple of 4
  const int32_t* bias;         // 12: two per pair, advanced as consumed
  const int32_t* multipliers;  // 16: requantization, advanced as consumed
  const int32_t* shifts;       // 20: in [-31, -1]; advanced as consumed
  int8_t* out0;                // 24: the first pixel's outputs, advanced by 2 per pair
  int8_t* out1;                // 28: the second pixel's (may equal out0)
  int32_t output_offset;       // 32
  int32_t pairs;               // 36: >= 1
  const int8_t* weights;       // 40: the first pair's first row, advanced by 2 * depth per pair
  int32_t wide;                // 44: 1: requantize_wide's arithmetic (any accumulator)
};

// One chunk of a FULLY_CONNECTED batch row, every unit: initial accumulator, dot product with
// the vector, then either the partial sum (more chunks follow) or requantize and store. One call
// per chunk, so that the per-unit work stays in one loop (ad01 runs ~1,700 short rows).
struct FcRows {
  const int16_t* vector;       // vector_put layout, n values
  const int8_t* weights;       // unit 0's weights at this chunk's first k
  int32_t stride;              // bytes from one unit's weights to the next (accum depth)
  int32_t n;                   // k in this chunk, >= 1
  int32_t units;               // >= 1
  const int32_t* init;         // initial accumulators per unit (bias or partial), or nullptr: 0
  int32_t* partial;            // not nullptr: store the accumulators here, no requantization
  int8_t* out;                 // otherwise: the requantized, saturated outputs
  const int32_t* multipliers;  // advanced by channel_step per unit
  const int32_t* shifts;       // in [-31, -1]; advanced by channel_step per unit
  int32_t channel_step;        // 1: per-channel, 0: per-tensor
  int32_t output_offset;
};

// A run of output pixels of a 3x3 depthwise convolution (depth_multiplier 1, dilation 1 along x)
// whose windows are entirely inside the input, for four channels: bias, nine dw_mac4 taps,
// requantize and store, per pixel. Fields are read by assembly on the DSP path: keep the order
// (offsets in the comments, 32-bit targets).
struct DwRun3x3 {
  int32_t bias[4];         //  0
  int32_t multiplier[4];   // 16
  int32_t right_shift[4];  // 32: e in [1, 31]
  const int8_t* input;     // 48: the first pixel's top-left tap (+ channel), advanced per pixel
  const int8_t* weights;   // 52: the top-left tap's weights (+ channel)
  int8_t* output;          // 56: the first pixel's output (+ channel), advanced per pixel
  int32_t count;           // 60: pixels, >= 1
  int32_t channels;        // 64: tap stride along x (input and weights)
  int32_t row_stride;      // 68: tap stride along y in the input
  int32_t step;            // 72: input advance from one pixel to the next
  uint32_t offset2;        // 76: input offset in both halfwords
  int32_t output_offset;   // 80
  int32_t out_step;        // 84: output advance from one pixel to the next (dw_run_3x2 only)
};

// ADD/SUB rescale each input with a multiplier below one whose shift may be 0 (no rounding
// shift at all): then r = h, and the [acc < 0] term must be dropped. sign_mask is all ones when
// e >= 1 and 0 when e = 0, so one formula serves both.
struct RescaleChannel {
  int32_t multiplier = 0;   // Q31, >= 0
  int32_t right_shift = 0;  // e, in [0, 31]
  int32_t round = 0;        // 2^(e-1), 0 when e = 0
  int32_t sign_mask = 0;    // -1 when e >= 1, else 0
};

// shift <= 0 (TFLite's "smaller than one" multipliers), multiplier >= 0.
inline RescaleChannel rescale_channel(int32_t multiplier, int32_t shift) {
  RescaleChannel c;
  c.multiplier = multiplier;
  c.right_shift = -shift;
  c.round = c.right_shift > 0 ? int32_t{1} << (c.right_shift - 1) : 0;
  c.sign_mask = c.right_shift > 0 ? -1 : 0;
  return c;
}

}  // namespace prim
}  // namespace mote
