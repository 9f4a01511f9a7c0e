// Primitives for Armv7E-M (Cortex-M4, Cortex-M7) and other cores with the DSP extension: SMLAD on
// sign-extended byte pairs (SXTB16), SMMLAR for requantization, SEL for byte-wise max/clamp.
// Same results as generic.h; the layouts differ.
//
// Layouts (private to this file):
//   panel:  groups of four k. Group g holds 16 bytes: row 0 as int16 [k0, k2, k1, k3], then row 1
//           the same way. That is the lane order SXTB16 gives for four weight bytes ([w0, w2] and,
//           rotated by 8, [w1, w3]), so that one SMLAD pairs two panel values with two weights
//           without repacking; and one 16-byte load fetches four k of both rows.
//   vector: groups of four k, each int16 [k0, k2, k1, k3].
// A partial last group is allowed (depth % 4 != 0): its lanes are written and read one by one.
#pragma once

#include <arm_acle.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#include "kernels/primitives/common.h"

namespace mote {
namespace prim {

namespace dsp {

// Word access to int16/int8 buffers without breaking type-based alias analysis.
using WordAlias = uint32_t __attribute__((may_alias));

// Unaligned 32-bit read (LDR; the M4/M7 allow unaligned LDR/STR, not LDRD/LDM).
inline uint32_t read_u32(const void* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

// GCC does not fold a rotation into SXTB16/SXTAB16, so the rotated forms are spelled out.
inline uint32_t sxtb16_ror8(uint32_t x) {
  uint32_t r;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}
inline uint32_t sxtab16_ror8(uint32_t a, uint32_t x) {
  uint32_t r;
  __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
  return r;
}
// floor((c * 2^32 + a * b + 2^31) / 2^32), modulo 2^32.
inline int32_t smmlar(int32_t a, int32_t b, int32_t c) {
  int32_t r;
  __asm__("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(c));
  return r;
}

// Both halfwords = offset (an int16 value).
inline uint32_t pair(int32_t offset) {
  const uint32_t lo = static_cast<uint32_t>(offset) & 0xFFFFu;
  return lo | (lo << 16);
}

// Index of element k (row 0) in a panel, and in a vector: groups of four as [k0, k2, k1, k3].
inline int32_t lane(int32_t k) { return (k & ~3) * 2 + ((k & 1) << 1) + ((k >> 1) & 1); }
inline int32_t vector_lane(int32_t k) { return (k & ~3) + ((k & 1) << 1) + ((k >> 1) & 1); }

}  // namespace dsp

// ---------------------------------------------------------------------------------------------
// Requantization (common.h explains why these are exact).
// ---------------------------------------------------------------------------------------------

// LSL, ASR, SMMLAR, then ASRS leaves bit e-1 in the carry and ADC adds it with the offset.
inline int32_t requantize(int32_t acc, const RequantChannel& c, int32_t offset) {
  const int32_t y = dsp::smmlar(double_wrap(acc), c.multiplier, acc >> 31);
  int32_t r;
  __asm__(
      "asrs %[r], %[y], %[e]\n\t"
      "adc %[r], %[r], %[off]"
      : [r] "=&r"(r)
      : [y] "r"(y), [e] "r"(c.right_shift), [off] "r"(offset)
      : "cc");
  return r;
}

// Two SMLAL accumulate 2 * acc * m onto 2^31 - [acc < 0] * 2^32; the high word is finished like
// requantize's y.
inline int32_t requantize_wide(int32_t acc, const RequantChannel& c, int32_t offset) {
  uint32_t lo = 0x80000000u;
  int32_t hi = acc >> 31;
  __asm__(
      "smlal %[lo], %[hi], %[a], %[m]\n\t"
      "smlal %[lo], %[hi], %[a], %[m]"
      : [lo] "+&r"(lo), [hi] "+&r"(hi)
      : [a] "r"(acc), [m] "r"(c.multiplier));
  int32_t r;
  __asm__(
      "asrs %[r], %[hi], %[e]\n\t"
      "adc %[r], %[r], %[off]"
      : [r] "=&r"(r)
      : [hi] "r"(hi), [e] "r"(c.right_shift), [off] "r"(offset)
      : "cc");
  return r;
}

inline int32_t rescale(int32_t x, const RescaleChannel& c) {
  return dsp::smmlar(double_wrap(x), c.multiplier, c.round + ((x >> 31) & c.sign_mask)) >>
         c.right_shift;
}

inline int32_t saturate_s8(int32_t v) { return __ssat(v, 8); }

// Four bytes per step: SSUB8 sets a GE flag per byte lane where v - bound >= 0, SEL picks.
inline void clamp_s8(int8_t* data, size_t n, int32_t lo, int32_t hi) {
  const uint32_t lo4 = (static_cast<uint32_t>(lo) & 0xFFu) * 0x01010101u;
  const uint32_t hi4 = (static_cast<uint32_t>(hi) & 0xFFu) * 0x01010101u;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    uint32_t v = dsp::read_u32(data + i);
    (void)__ssub8(v, lo4);
    v = __sel(v, lo4);
    (void)__ssub8(hi4, v);
    v = __sel(v, hi4);
    std::memcpy(data + i, &v, sizeof(v));
  }
  for (; i < n; ++i) {
    int32_t v = data[i];
    v = v < lo ? lo : v;
    data[i] = static_cast<int8_t>(v > hi ? hi : v);
  }
}

// ---------------------------------------------------------------------------------------------
// Panel.
// ---------------------------------------------------------------------------------------------

inline size_t panel_bytes(int32_t depth) { return static_cast<size_t>((depth + 3) >> 2) * 16; }

__attribute__((noinline)) inline void panel_put(int16_t* panel, int32_t /*depth*/, int32_t row,
                                                int32_t k, const int8_t* src, int32_t n,
                                                int32_t offset) {
  const int32_t row_lane = row * 4;
  while (n > 0 && (k & 3) != 0) {
    panel[dsp::lane(k) + row_lane] = static_cast<int16_t>(*src++ + offset);
    ++k;
    --n;
  }
  const uint32_t offset2 = dsp::pair(offset);
  dsp::WordAlias* dst = reinterpret_cast<dsp::WordAlias*>(panel + (k >> 2) * 8 + row_lane);
  for (; n >= 4; n -= 4, k += 4, src += 4, dst += 4) {
    const uint32_t x = dsp::read_u32(src);
    dst[0] = __sxtab16(offset2, x);
    dst[1] = dsp::sxtab16_ror8(offset2, x);
  }
  for (; n > 0; --n, ++k) panel[dsp::lane(k) + row_lane] = static_cast<int16_t>(*src++ + offset);
}

__attribute__((noinline)) inline void panel_zero(int16_t* panel, int32_t /*depth*/, int32_t row,
                                                 int32_t k, int32_t n) {
  const int32_t row_lane = row * 4;
  while (n > 0 && (k & 3) != 0) {
    panel[dsp::lane(k) + row_lane] = 0;
    ++k;
    --n;
  }
  dsp::WordAlias* dst = reinterpret_cast<dsp::WordAlias*>(panel + (k >> 2) * 8 + row_lane);
  for (; n >= 4; n -= 4, k += 4, dst += 4) {
    dst[0] = 0;
    dst[1] = 0;
  }
  for (; n > 0; --n, ++k) panel[dsp::lane(k) + row_lane] = 0;
}

namespace dsp {

// The last depth % 4 values of dot_2x2, one at a time; w0 and w1 point at them. Out of line:
// only the odd-depth first layers need it.
__attribute__((noinline)) inline void dot_2x2_tail(const int16_t* panel, int32_t depth,
                                                   const int8_t* w0, const int8_t* w1,
                                                   int32_t* acc) {
  const int32_t k0 = depth & ~3;
  for (int32_t k = k0; k < depth; ++k) {
    const int32_t x0 = panel[lane(k)], x1 = panel[lane(k) + 4];
    const int32_t y0 = w0[k - k0], y1 = w1[k - k0];
    acc[0] = add_wrap(acc[0], x0 * y0);
    acc[1] = add_wrap(acc[1], x0 * y1);
    acc[2] = add_wrap(acc[2], x1 * y0);
    acc[3] = add_wrap(acc[3], x1 * y1);
  }
}

}  // namespace dsp

// Per group of four k: one LDM of 16 panel bytes (four k of both rows), one word of each weight
// row (LDR allows any alignment), two SXTB16 per weight word, eight SMLAD: 15 instructions for
// 16 MACs. The loop body holds two groups; an odd count enters at the second one. Written in
// assembly because GCC neither forms the LDM nor keeps the post-incremented loads, which costs a
// quarter more instructions. Out of line: the hot loop is panel_requant_pairs; this serves the
// cases it does not (no bias, an odd last channel).
__attribute__((noinline)) inline void dot_2x2(const int16_t* panel, int32_t depth, const int8_t* w0,
                                              const int8_t* w1, int32_t* acc) {
  const dsp::WordAlias* p = reinterpret_cast<const dsp::WordAlias*>(panel);
  int32_t a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3];
  const int32_t groups = depth >> 2;
  if (groups > 0) {
    // n = (groups + 1) >> 1 iterations; the shifted-out bit (set when groups is even) picks the
    // entry point.
    int32_t n = groups + 1;
    uint32_t w, wo;
    __asm__(
        "lsrs %[n], %[n], #1\n\t"
        "bcc 2f\n\t"
        "1:\n\t"
        "ldmia %[p]!, {r8, r9, r10, r11}\n\t"
        "ldr %[w], [%[w0]], #4\n\t"
        "sxtb16 %[wo], %[w], ror #8\n\t"
        "sxtb16 %[w], %[w]\n\t"
        "smlad %[a00], r8, %[w], %[a00]\n\t"
        "smlad %[a10], r10, %[w], %[a10]\n\t"
        "smlad %[a00], r9, %[wo], %[a00]\n\t"
        "smlad %[a10], r11, %[wo], %[a10]\n\t"
        "ldr %[w], [%[w1]], #4\n\t"
        "sxtb16 %[wo], %[w], ror #8\n\t"
        "sxtb16 %[w], %[w]\n\t"
        "smlad %[a01], r8, %[w], %[a01]\n\t"
        "smlad %[a11], r10, %[w], %[a11]\n\t"
        "smlad %[a01], r9, %[wo], %[a01]\n\t"
        "smlad %[a11], r11, %[wo], %[a11]\n\t"
        "2:\n\t"
        "ldmia %[p]!, {r8, r9, r10, r11}\n\t"
        "ldr %[w], [%[w0]], #4\n\t"
        "sxtb16 %[wo], %[w], ror #8\n\t"
        "sxtb16 %[w], %[w]\n\t"
        "smlad %[a00], r8, %[w], %[a00]\n\t"
        "smlad %[a10], r10, %[w], %[a10]\n\t"
        "smlad %[a00], r9, %[wo], %[a00]\n\t"
        "smlad %[a10], r11, %[wo], %[a10]\n\t"
        "ldr %[w], [%[w1]], #4\n\t"
        "sxtb16 %[wo], %[w], ror #8\n\t"
        "sxtb16 %[w], %[w]\n\t"
        "smlad %[a01], r8, %[w], %[a01]\n\t"
        "smlad %[a11], r10, %[w], %[a11]\n\t"
        "smlad %[a01], r9, %[wo], %[a01]\n\t"
        "smlad %[a11], r11, %[wo], %[a11]\n\t"
        "subs %[n], %[n], #1\n\t"
        "bne 1b\n\t"
        : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11), [p] "+r"(p),
          [w0] "+r"(w0), [w1] "+r"(w1), [n] "+r"(n), [w] "=&r"(w), [wo] "=&r"(wo)
        :
        : "r8", "r9", "r10", "r11", "cc", "memory");
  }
  acc[0] = a00;
  acc[1] = a01;
  acc[2] = a10;
  acc[3] = a11;
  if ((depth & 3) != 0) dsp::dot_2x2_tail(panel, depth, w0, w1, acc);
}

static_assert(sizeof(void*) == 4, "PanelPairs offsets assume 32-bit pointers");
static_assert(offsetof(PanelPairs, weights) == 40, "PanelPairs layout changed");

// The whole row of 2 x 2 blocks in one assembly loop, so that nothing spills around dot_2x2
// (which takes all fourteen registers): the loop state lives in *job, reloaded per pair with a
// few loads. Per pair, beside the dot product: 12 instructions to set up, 6 per output to
// requantize (LSL, ASR, SMMLAR, ASRS, ADC, SSAT, as requantize()), 4 stores and 9 to save the
// state (7 per output and 4 moves with the wide requantization). The dot product runs four
// groups of four k per iteration, entered at group 4 - groups % 4 (flags from one LSLS): one
// loop branch per 16 k. Handles a bias and
// depth % 4 == 0 (returns false otherwise, and the kernel's C loop runs).
inline bool panel_requant_pairs(PanelPairs* job) {
  if (job->bias == nullptr || (job->depth & 3) != 0 || job->pairs < 1 || job->depth < 4) {
    return false;
  }
  register PanelPairs* args __asm__("r0") = job;
  __asm__ volatile(
      "push {r0}\n\t"
      "b 3f\n\t"
      "8:\n\t"
      "bmi 11f\n\t"
      "b 12f\n\t"
      "3:\n\t"
      "ldr lr, [sp]\n\t"
      "ldr r8, [lr, #12]\n\t"
      "ldrd r0, r1, [r8], #8\n\t"
      "str r8, [lr, #12]\n\t"
      "mov r2, r0\n\t"
      "mov r3, r1\n\t"
      "ldrd r4, r7, [lr, #0]\n\t"
      "ldr r5, [lr, #40]\n\t"
      "ldr r9, [lr, #8]\n\t"
      "add r6, r5, r9\n\t"
      "lsls r8, r7, #31\n\t"
      "add r7, r7, #3\n\t"
      "lsr r7, r7, #2\n\t"
      "bcs 8b\n\t"
      "bmi 13f\n\t"
      "10:\n\t"
      "ldmia r4!, {r8, r9, r10, r11}\n\t"
      "ldr r12, [r5], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r0, r8, r12, r0\n\t"
      "smlad r2, r10, r12, r2\n\t"
      "smlad r0, r9, lr, r0\n\t"
      "smlad r2, r11, lr, r2\n\t"
      "ldr r12, [r6], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r1, r8, r12, r1\n\t"
      "smlad r3, r10, r12, r3\n\t"
      "smlad r1, r9, lr, r1\n\t"
      "smlad r3, r11, lr, r3\n\t"
      "11:\n\t"
      "ldmia r4!, {r8, r9, r10, r11}\n\t"
      "ldr r12, [r5], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r0, r8, r12, r0\n\t"
      "smlad r2, r10, r12, r2\n\t"
      "smlad r0, r9, lr, r0\n\t"
      "smlad r2, r11, lr, r2\n\t"
      "ldr r12, [r6], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r1, r8, r12, r1\n\t"
      "smlad r3, r10, r12, r3\n\t"
      "smlad r1, r9, lr, r1\n\t"
      "smlad r3, r11, lr, r3\n\t"
      "12:\n\t"
      "ldmia r4!, {r8, r9, r10, r11}\n\t"
      "ldr r12, [r5], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r0, r8, r12, r0\n\t"
      "smlad r2, r10, r12, r2\n\t"
      "smlad r0, r9, lr, r0\n\t"
      "smlad r2, r11, lr, r2\n\t"
      "ldr r12, [r6], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r1, r8, r12, r1\n\t"
      "smlad r3, r10, r12, r3\n\t"
      "smlad r1, r9, lr, r1\n\t"
      "smlad r3, r11, lr, r3\n\t"
      "13:\n\t"
      "ldmia r4!, {r8, r9, r10, r11}\n\t"
      "ldr r12, [r5], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r0, r8, r12, r0\n\t"
      "smlad r2, r10, r12, r2\n\t"
      "smlad r0, r9, lr, r0\n\t"
      "smlad r2, r11, lr, r2\n\t"
      "ldr r12, [r6], #4\n\t"
      "sxtb16 lr, r12, ror #8\n\t"
      "sxtb16 r12, r12\n\t"
      "smlad r1, r8, r12, r1\n\t"
      "smlad r3, r10, r12, r3\n\t"
      "smlad r1, r9, lr, r1\n\t"
      "smlad r3, r11, lr, r3\n\t"
      "subs r7, r7, #1\n\t"
      "bne 10b\n\t"
      "ldr lr, [sp]\n\t"
      "str r6, [lr, #40]\n\t"
      "ldr r8, [lr, #16]\n\t"
      "ldrd r4, r5, [r8], #8\n\t"
      "str r8, [lr, #16]\n\t"
      "ldr r8, [lr, #20]\n\t"
      "ldrd r6, r7, [r8], #8\n\t"
      "str r8, [lr, #20]\n\t"
      "rsb r6, r6, #0\n\t"
      "rsb r7, r7, #0\n\t"
      "ldr r12, [lr, #32]\n\t"
      "ldr r8, [lr, #44]\n\t"
      "cmp r8, #0\n\t"
      "beq 4f\n\t"
      "mov r8, #0x80000000\n\t"
      "asr r9, r0, #31\n\t"
      "smlal r8, r9, r0, r4\n\t"
      "smlal r8, r9, r0, r4\n\t"
      "asrs r0, r9, r6\n\t"
      "adc r0, r0, r12\n\t"
      "ssat r0, #8, r0\n\t"
      "mov r8, #0x80000000\n\t"
      "asr r9, r2, #31\n\t"
      "smlal r8, r9, r2, r4\n\t"
      "smlal r8, r9, r2, r4\n\t"
      "asrs r2, r9, r6\n\t"
      "adc r2, r2, r12\n\t"
      "ssat r2, #8, r2\n\t"
      "mov r8, #0x80000000\n\t"
      "asr r9, r1, #31\n\t"
      "smlal r8, r9, r1, r5\n\t"
      "smlal r8, r9, r1, r5\n\t"
      "asrs r1, r9, r7\n\t"
      "adc r1, r1, r12\n\t"
      "ssat r1, #8, r1\n\t"
      "mov r8, #0x80000000\n\t"
      "asr r9, r3, #31\n\t"
      "smlal r8, r9, r3, r5\n\t"
      "smlal r8, r9, r3, r5\n\t"
      "asrs r3, r9, r7\n\t"
      "adc r3, r3, r12\n\t"
      "ssat r3, #8, r3\n\t"
      "mov r8, r0\n\t"
      "mov r9, r2\n\t"
      "mov r10, r1\n\t"
      "mov r11, r3\n\t"
      "b 5f\n\t"
      "4:\n\t"
      "lsl r8, r0, #1\n\t"
      "asr r9, r0, #31\n\t"
      "smmlar r8, r8, r4, r9\n\t"
      "asrs r8, r8, r6\n\t"
      "adc r8, r8, r12\n\t"
      "ssat r8, #8, r8\n\t"
      "lsl r9, r2, #1\n\t"
      "asr r10, r2, #31\n\t"
      "smmlar r9, r9, r4, r10\n\t"
      "asrs r9, r9, r6\n\t"
      "adc r9, r9, r12\n\t"
      "ssat r9, #8, r9\n\t"
      "lsl r10, r1, #1\n\t"
      "asr r11, r1, #31\n\t"
      "smmlar r10, r10, r5, r11\n\t"
      "asrs r10, r10, r7\n\t"
      "adc r10, r10, r12\n\t"
      "ssat r10, #8, r10\n\t"
      "lsl r11, r3, #1\n\t"
      "asr r4, r3, #31\n\t"
      "smmlar r11, r11, r5, r4\n\t"
      "asrs r11, r11, r7\n\t"
      "adc r11, r11, r12\n\t"
      "ssat r11, #8, r11\n\t"
      "5:\n\t"
      "ldrd r0, r1, [lr, #24]\n\t"
      "strb r8, [r0], #1\n\t"
      "strb r10, [r0], #1\n\t"
      "strb r9, [r1], #1\n\t"
      "strb r11, [r1], #1\n\t"
      "strd r0, r1, [lr, #24]\n\t"
      "ldr r0, [lr, #36]\n\t"
      "subs r0, r0, #1\n\t"
      "str r0, [lr, #36]\n\t"
      "bne 3b\n\t"
      "add sp, sp, #4\n\t"
      : "+r"(args)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Vector.
// ---------------------------------------------------------------------------------------------

// FULLY_CONNECTED widens its input once into a scratch vector: SMLAD then takes two int16 pairs
// per instruction against SXTB16-widened weights.
constexpr bool kFullyConnectedWidensInput = true;

inline size_t vector_bytes(int32_t depth) { return static_cast<size_t>((depth + 7) >> 3) * 16; }

inline void vector_put(int16_t* vector, const int8_t* src, int32_t depth, int32_t offset) {
  const uint32_t offset2 = dsp::pair(offset);
  dsp::WordAlias* dst = reinterpret_cast<dsp::WordAlias*>(vector);
  int32_t k = 0;
  for (; k + 4 <= depth; k += 4, src += 4, dst += 2) {
    const uint32_t x = dsp::read_u32(src);
    dst[0] = __sxtab16(offset2, x);
    dst[1] = dsp::sxtab16_ror8(offset2, x);
  }
  for (; k < depth; ++k) vector[dsp::vector_lane(k)] = static_cast<int16_t>(*src++ + offset);
}

namespace dsp {

// The state of fc_rows's assembly loop, reloaded per pair of units (offsets in the comments: the
// assembly reads them).
struct FcPairs {
  const int16_t* vector;       //  0
  const int8_t* weights;       //  4: the pair's first row, advanced by 2 * stride per pair
  int32_t stride;              //  8
  int32_t skip;                // 12: stride - n (from the end of the second row to the next)
  int32_t steps;               // 16: n / 8, >= 1
  const int32_t* init;         // 20: two per pair, advanced as consumed
  int32_t* partial;            // 24: nullptr, or two per pair, advanced as consumed
  int8_t* out;                 // 28: advanced by 2 per pair
  const int32_t* multipliers;  // 32: advanced by step per unit
  const int32_t* shifts;       // 36: the same
  int32_t step;                // 40: bytes, 4 (per-channel) or 0
  int32_t output_offset;       // 44
  int32_t pairs;               // 48: >= 1
  int32_t multiplier;          // 52: per-tensor (step 0): the multiplier
  int32_t right_shift;         // 56: and e = -shift
};
static_assert(offsetof(FcPairs, right_shift) == 56, "FcPairs layout changed");

// Every pair of units in one assembly loop, as panel_requant_pairs (the dot product takes all
// fourteen registers, so the state lives in *job). Per eight k: one LDM of the vector's 16 bytes,
// then per weight row one LDRD, four SXTB16 and four SMLAD: 19 instructions for 16 MACs; two
// steps per iteration (four would save 2% for 150 bytes), entered in the second one for an odd
// count. Per pair beside that: 15 instructions, then 5 to store partial sums, or to requantize (as
// requantize()) and store 20 per-tensor, 32 per-channel.
inline void fc_pairs(FcPairs* job) {
  register FcPairs* args __asm__("r0") = job;
  __asm__ volatile(
      "1:\n\t"
      "ldrd r3, r4, [r0, #0]\n\t"
      "ldr r6, [r0, #8]\n\t"
      "add r5, r4, r6\n\t"
      "ldr r7, [r0, #20]\n\t"
      "ldrd r1, r2, [r7], #8\n\t"
      "str r7, [r0, #20]\n\t"
      "ldr r6, [r0, #16]\n\t"
      "lsrs r6, r6, #1\n\t"
      "bcc 10f\n\t"
      "adds r6, r6, #1\n\t"
      "b 11f\n\t"
      "10:\n\t"
      "ldmia r3!, {r8, r9, r10, r11}\n\t"
      "ldrd r7, r12, [r4], #8\n\t"
      "sxtb16 lr, r7\n\t"
      "smlad r1, r8, lr, r1\n\t"
      "sxtb16 r7, r7, ror #8\n\t"
      "smlad r1, r9, r7, r1\n\t"
      "sxtb16 lr, r12\n\t"
      "smlad r1, r10, lr, r1\n\t"
      "sxtb16 r12, r12, ror #8\n\t"
      "smlad r1, r11, r12, r1\n\t"
      "ldrd r7, r12, [r5], #8\n\t"
      "sxtb16 lr, r7\n\t"
      "smlad r2, r8, lr, r2\n\t"
      "sxtb16 r7, r7, ror #8\n\t"
      "smlad r2, r9, r7, r2\n\t"
      "sxtb16 lr, r12\n\t"
      "smlad r2, r10, lr, r2\n\t"
      "sxtb16 r12, r12, ror #8\n\t"
      "smlad r2, r11, r12, r2\n\t"
      "11:\n\t"
      "ldmia r3!, {r8, r9, r10, r11}\n\t"
      "ldrd r7, r12, [r4], #8\n\t"
      "sxtb16 lr, r7\n\t"
      "smlad r1, r8, lr, r1\n\t"
      "sxtb16 r7, r7, ror #8\n\t"
      "smlad r1, r9, r7, r1\n\t"
      "sxtb16 lr, r12\n\t"
      "smlad r1, r10, lr, r1\n\t"
      "sxtb16 r12, r12, ror #8\n\t"
      "smlad r1, r11, r12, r1\n\t"
      "ldrd r7, r12, [r5], #8\n\t"
      "sxtb16 lr, r7\n\t"
      "smlad r2, r8, lr, r2\n\t"
      "sxtb16 r7, r7, ror #8\n\t"
      "smlad r2, r9, r7, r2\n\t"
      "sxtb16 lr, r12\n\t"
      "smlad r2, r10, lr, r2\n\t"
      "sxtb16 r12, r12, ror #8\n\t"
      "smlad r2, r11, r12, r2\n\t"
      "subs r6, r6, #1\n\t"
      "bne 10b\n\t"
      "ldr r6, [r0, #12]\n\t"
      "add r5, r5, r6\n\t"
      "str r5, [r0, #4]\n\t"
      "ldr r7, [r0, #24]\n\t"
      "cbz r7, 4f\n\t"
      "strd r1, r2, [r7], #8\n\t"
      "str r7, [r0, #24]\n\t"
      "b 5f\n\t"
      "4:\n\t"
      "ldr r11, [r0, #44]\n\t"
      "ldr r6, [r0, #40]\n\t"
      "cbnz r6, 6f\n\t"
      "ldrd r7, r12, [r0, #52]\n\t"
      "lsl lr, r1, #1\n\t"
      "asr r1, r1, #31\n\t"
      "smmlar lr, lr, r7, r1\n\t"
      "asrs lr, lr, r12\n\t"
      "adc lr, lr, r11\n\t"
      "ssat r1, #8, lr\n\t"
      "lsl lr, r2, #1\n\t"
      "asr r2, r2, #31\n\t"
      "smmlar lr, lr, r7, r2\n\t"
      "asrs lr, lr, r12\n\t"
      "adc lr, lr, r11\n\t"
      "ssat r2, #8, lr\n\t"
      "b 7f\n\t"
      "6:\n\t"
      "mov r10, r6\n\t"
      "ldrd r8, r9, [r0, #32]\n\t"
      "ldr r7, [r8]\n\t"
      "ldr r12, [r9]\n\t"
      "add r8, r8, r10\n\t"
      "add r9, r9, r10\n\t"
      "rsb r12, r12, #0\n\t"
      "lsl lr, r1, #1\n\t"
      "asr r1, r1, #31\n\t"
      "smmlar lr, lr, r7, r1\n\t"
      "asrs lr, lr, r12\n\t"
      "adc lr, lr, r11\n\t"
      "ssat r1, #8, lr\n\t"
      "ldr r7, [r8]\n\t"
      "ldr r12, [r9]\n\t"
      "add r8, r8, r10\n\t"
      "add r9, r9, r10\n\t"
      "rsb r12, r12, #0\n\t"
      "lsl lr, r2, #1\n\t"
      "asr r2, r2, #31\n\t"
      "smmlar lr, lr, r7, r2\n\t"
      "asrs lr, lr, r12\n\t"
      "adc lr, lr, r11\n\t"
      "ssat r2, #8, lr\n\t"
      "strd r8, r9, [r0, #32]\n\t"
      "7:\n\t"
      "ldr r7, [r0, #28]\n\t"
      "strb r1, [r7], #1\n\t"
      "strb r2, [r7], #1\n\t"
      "str r7, [r0, #28]\n\t"
      "5:\n\t"
      "ldr r6, [r0, #48]\n\t"
      "subs r6, r6, #1\n\t"
      "str r6, [r0, #48]\n\t"
      "bne 1b\n\t"
      :
      : "r"(args)
      : "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
}

}  // namespace dsp

// FcRows (common.h): dsp::fc_pairs, two units per step, when the rows are word-aligned (LDRD),
// n % 8 == 0 and there are initial sums (ad01, kws); anything else one unit at a time in C. The
// kernel proves |acc| <= kRequantMaxAccumulator.
inline void fc_rows(const FcRows& job) {
  const int16_t* vector = job.vector;
  const int8_t* w = job.weights;
  const int32_t stride = job.stride;
  const int32_t n = job.n;
  const int32_t units = job.units;
  const int32_t* init = job.init;
  int32_t* partial = job.partial;
  int8_t* out = job.out;
  const int32_t* m = job.multipliers;
  const int32_t* sh = job.shifts;
  const int32_t step = job.channel_step;
  const int32_t offset = job.output_offset;
  const bool aligned = ((reinterpret_cast<uintptr_t>(w) | static_cast<uint32_t>(stride)) & 3) == 0;
  int32_t o = 0;
  if (aligned && (n & 7) == 0 && init != nullptr && units >= 2) {
    dsp::FcPairs p{vector, w,  stride,   stride - n, n >> 3,     init, partial, out,
                   m,      sh, step * 4, offset,     units >> 1, m[0], -sh[0]};
    dsp::fc_pairs(&p);
    o = units & ~1;
    w += static_cast<ptrdiff_t>(o) * stride;
    m = p.multipliers;
    sh = p.shifts;
  }
  // The rest (rows not word-aligned, n % 8 != 0, no initial sums, a last odd unit: rare) one
  // unit at a time, in C: short code matters more here than speed.
  for (; o < units; ++o, w += stride) {
    int32_t acc = init != nullptr ? init[o] : 0;
    for (int32_t k = 0; k < n; ++k) acc = add_wrap(acc, vector[dsp::vector_lane(k)] * w[k]);
    if (partial != nullptr) {
      partial[o] = acc;
      continue;
    }
    out[o] = static_cast<int8_t>(saturate_s8(requantize(acc, requant_channel(*m, *sh), offset)));
    m += step;
    sh += step;
  }
}

// ---------------------------------------------------------------------------------------------
// Depthwise.
// ---------------------------------------------------------------------------------------------

// acc[i] += (x[i] + offset) * w[i]: SXTAB16 adds the offset while sign-extending, and SMLABB /
// SMLATT multiply the bottom / top halfwords of each lane pair.
inline void dw_mac4(int32_t* acc, const int8_t* x, const int8_t* w, int32_t offset) {
  const uint32_t offset2 = dsp::pair(offset);
  const uint32_t xv = dsp::read_u32(x), wv = dsp::read_u32(w);
  const uint32_t xe = __sxtab16(offset2, xv), xo = dsp::sxtab16_ror8(offset2, xv);
  const uint32_t we = __sxtb16(wv), wo = dsp::sxtb16_ror8(wv);
  acc[0] = __smlabb(xe, we, acc[0]);
  acc[1] = __smlabb(xo, wo, acc[1]);
  acc[2] = __smlatt(xe, we, acc[2]);
  acc[3] = __smlatt(xo, wo, acc[3]);
}

// dw_mac4 over `rows` rows of three adjacent taps (generic.h). Per tap: one word of input and of
// filter (register-offset loads, the third one scaled by 2), two SXTAB16 adding the offset, two
// SXTB16, two SMLABB and two SMLATT: 10 instructions for 4 MACs, plus 5 per row. In assembly
// because GCC spills the accumulators of the unrolled C version (14 live registers).
__attribute__((always_inline)) inline void dw_mac4_rows3(int32_t* acc, const int8_t* x,
                                                         const int8_t* w, int32_t channels,
                                                         ptrdiff_t row_stride, int32_t rows,
                                                         int32_t offset) {
  int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  const uint32_t offset2 = dsp::pair(offset);
  uint32_t t1, t2, t3, t4;
  __asm__(
      "1:\n\t"
      "ldr %[t1], [%[x]]\n\t"
      "ldr %[t3], [%[w]]\n\t"
      "sxtab16 %[t2], %[off], %[t1], ror #8\n\t"
      "sxtab16 %[t1], %[off], %[t1]\n\t"
      "sxtb16 %[t4], %[t3], ror #8\n\t"
      "sxtb16 %[t3], %[t3]\n\t"
      "smlabb %[a0], %[t1], %[t3], %[a0]\n\t"
      "smlatt %[a2], %[t1], %[t3], %[a2]\n\t"
      "smlabb %[a1], %[t2], %[t4], %[a1]\n\t"
      "smlatt %[a3], %[t2], %[t4], %[a3]\n\t"
      "ldr %[t1], [%[x], %[ch]]\n\t"
      "ldr %[t3], [%[w], %[ch]]\n\t"
      "sxtab16 %[t2], %[off], %[t1], ror #8\n\t"
      "sxtab16 %[t1], %[off], %[t1]\n\t"
      "sxtb16 %[t4], %[t3], ror #8\n\t"
      "sxtb16 %[t3], %[t3]\n\t"
      "smlabb %[a0], %[t1], %[t3], %[a0]\n\t"
      "smlatt %[a2], %[t1], %[t3], %[a2]\n\t"
      "smlabb %[a1], %[t2], %[t4], %[a1]\n\t"
      "smlatt %[a3], %[t2], %[t4], %[a3]\n\t"
      "ldr %[t1], [%[x], %[ch], lsl #1]\n\t"
      "ldr %[t3], [%[w], %[ch], lsl #1]\n\t"
      "sxtab16 %[t2], %[off], %[t1], ror #8\n\t"
      "sxtab16 %[t1], %[off], %[t1]\n\t"
      "sxtb16 %[t4], %[t3], ror #8\n\t"
      "sxtb16 %[t3], %[t3]\n\t"
      "smlabb %[a0], %[t1], %[t3], %[a0]\n\t"
      "smlatt %[a2], %[t1], %[t3], %[a2]\n\t"
      "smlabb %[a1], %[t2], %[t4], %[a1]\n\t"
      "smlatt %[a3], %[t2], %[t4], %[a3]\n\t"
      "add %[x], %[x], %[rs]\n\t"
      "add %[w], %[w], %[ch], lsl #1\n\t"
      "add %[w], %[w], %[ch]\n\t"
      "subs %[rows], %[rows], #1\n\t"
      "bne 1b\n\t"
      : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [x] "+r"(x), [w] "+r"(w),
        [rows] "+r"(rows), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4)
      : [ch] "r"(channels), [rs] "r"(row_stride), [off] "r"(offset2)
      : "cc", "memory");
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

// dw_mac4 over `rows` rows of two adjacent taps of a 3-wide filter (its window clipped by the
// padding at the left or right edge). Same instructions as dw_mac4_rows3.
__attribute__((always_inline)) inline void dw_mac4_rows2(int32_t* acc, const int8_t* x,
                                                         const int8_t* w, int32_t channels,
                                                         ptrdiff_t row_stride, int32_t rows,
                                                         int32_t offset) {
  int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  const uint32_t offset2 = dsp::pair(offset);
  uint32_t t1, t2, t3, t4;
  __asm__(
      "1:\n\t"
      "ldr %[t1], [%[x]]\n\t"
      "ldr %[t3], [%[w]]\n\t"
      "sxtab16 %[t2], %[off], %[t1], ror #8\n\t"
      "sxtab16 %[t1], %[off], %[t1]\n\t"
      "sxtb16 %[t4], %[t3], ror #8\n\t"
      "sxtb16 %[t3], %[t3]\n\t"
      "smlabb %[a0], %[t1], %[t3], %[a0]\n\t"
      "smlatt %[a2], %[t1], %[t3], %[a2]\n\t"
      "smlabb %[a1], %[t2], %[t4], %[a1]\n\t"
      "smlatt %[a3], %[t2], %[t4], %[a3]\n\t"
      "ldr %[t1], [%[x], %[ch]]\n\t"
      "ldr %[t3], [%[w], %[ch]]\n\t"
      "sxtab16 %[t2], %[off], %[t1], ror #8\n\t"
      "sxtab16 %[t1], %[off], %[t1]\n\t"
      "sxtb16 %[t4], %[t3], ror #8\n\t"
      "sxtb16 %[t3], %[t3]\n\t"
      "smlabb %[a0], %[t1], %[t3], %[a0]\n\t"
      "smlatt %[a2], %[t1], %[t3], %[a2]\n\t"
      "smlabb %[a1], %[t2], %[t4], %[a1]\n\t"
      "smlatt %[a3], %[t2], %[t4], %[a3]\n\t"
      "add %[x], %[x], %[rs]\n\t"
      "add %[w], %[w], %[ch], lsl #1\n\t"
      "add %[w], %[w], %[ch]\n\t"
      "subs %[rows], %[rows], #1\n\t"
      "bne 1b\n\t"
      : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [x] "+r"(x), [w] "+r"(w),
        [rows] "+r"(rows), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4)
      : [ch] "r"(channels), [rs] "r"(row_stride), [off] "r"(offset2)
      : "cc", "memory");
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

static_assert(offsetof(DwRun3x3, output_offset) == 80, "DwRun3x3 layout changed");
static_assert(offsetof(DwRun3x3, out_step) == 84, "DwRun3x3 layout changed");

// Pieces of dw_run_fused's assembly, each written once (string literals that concatenate).
// Loop state from *run (lr): accumulators r0-r3 (the biases), input r4, weights r5, channel
// stride r6, row stride r7, the input offset in both halfwords r8.
#define MOTE_DW_LOAD_STATE       \
  "ldm lr, {r0, r1, r2, r3}\n\t" \
  "ldr r4, [lr, #48]\n\t"        \
  "ldr r5, [lr, #52]\n\t"        \
  "ldr r6, [lr, #64]\n\t"        \
  "ldr r7, [lr, #68]\n\t"        \
  "ldr r8, [lr, #76]\n\t"
// One tap: four channels of input (offset added by SXTAB16) times four weights into r0-r3.
#define MOTE_DW_TAP(input, weights) \
  "ldr r9, " input                  \
  "\n\t"                            \
  "ldr r11, " weights               \
  "\n\t"                            \
  "sxtab16 r10, r8, r9, ror #8\n\t" \
  "sxtab16 r9, r8, r9\n\t"          \
  "sxtb16 r12, r11, ror #8\n\t"     \
  "sxtb16 r11, r11\n\t"             \
  "smlabb r0, r9, r11, r0\n\t"      \
  "smlatt r2, r9, r11, r2\n\t"      \
  "smlabb r1, r10, r12, r1\n\t"     \
  "smlatt r3, r10, r12, r3\n\t"
// The next filter row: input one row stride on, weights three channel strides on.
#define MOTE_DW_NEXT_ROW       \
  "add r4, r4, r7\n\t"         \
  "add r5, r5, r6, lsl #1\n\t" \
  "add r5, r5, r6\n\t"

// dw_run_3x3 in one assembly loop (the C version spills: the nine taps alone take fourteen
// registers). Per pixel: nine taps of 10 instructions (dw_mac4_rows3's), 6 to step between rows,
// 6 per output to requantize (requantize()'s sequence), 4 stores, and 18 of loads and stores of
// the loop state in *run: about 37 instructions per output.
// The fused loop of dw_run_3x3 and dw_run_3x2: count > 0 runs 3x3 windows, count < 0 (INT32_MIN +
// pixels - 1, counting down to an overflow) windows of two taps per row; both share the
// requantization and stores, and the sign picks the loop to go back to without a test.
inline void dw_run_fused(DwRun3x3* run) {
  register DwRun3x3* args __asm__("r0") = run;
  __asm__ volatile(
      "push {r0}\n\t"
      "mov lr, r0\n\t"
      "ldr r9, [lr, #60]\n\t"
      "cmp r9, #0\n\t"
      "bgt 1f\n\t"
      "2:\n\t"
      MOTE_DW_LOAD_STATE
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      MOTE_DW_NEXT_ROW
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      MOTE_DW_NEXT_ROW
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      "b 3f\n\t"
      "1:\n\t"
      MOTE_DW_LOAD_STATE
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      MOTE_DW_TAP("[r4, r6, lsl #1]", "[r5, r6, lsl #1]")
      MOTE_DW_NEXT_ROW
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      MOTE_DW_TAP("[r4, r6, lsl #1]", "[r5, r6, lsl #1]")
      MOTE_DW_NEXT_ROW
      MOTE_DW_TAP("[r4]", "[r5]")
      MOTE_DW_TAP("[r4, r6]", "[r5, r6]")
      MOTE_DW_TAP("[r4, r6, lsl #1]", "[r5, r6, lsl #1]")
      "3:\n\t"
      "ldr r4, [lr, #48]\n\t"
      "ldr r5, [lr, #72]\n\t"
      "add r4, r4, r5\n\t"
      "str r4, [lr, #48]\n\t"
      "add r12, lr, #16\n\t"
      "ldm r12, {r4, r5, r6, r7, r8, r9, r10, r11}\n\t"
      "ldr r12, [lr, #80]\n\t"
      "asr lr, r0, #31\n\t"
      "lsl r0, r0, #1\n\t"
      "smmlar r0, r0, r4, lr\n\t"
      "asrs r0, r0, r8\n\t"
      "adc r0, r0, r12\n\t"
      "ssat r0, #8, r0\n\t"
      "asr lr, r1, #31\n\t"
      "lsl r1, r1, #1\n\t"
      "smmlar r1, r1, r5, lr\n\t"
      "asrs r1, r1, r9\n\t"
      "adc r1, r1, r12\n\t"
      "ssat r1, #8, r1\n\t"
      "asr lr, r2, #31\n\t"
      "lsl r2, r2, #1\n\t"
      "smmlar r2, r2, r6, lr\n\t"
      "asrs r2, r2, r10\n\t"
      "adc r2, r2, r12\n\t"
      "ssat r2, #8, r2\n\t"
      "asr lr, r3, #31\n\t"
      "lsl r3, r3, #1\n\t"
      "smmlar r3, r3, r7, lr\n\t"
      "asrs r3, r3, r11\n\t"
      "adc r3, r3, r12\n\t"
      "ssat r3, #8, r3\n\t"
      "ldr lr, [sp]\n\t"
      "ldr r4, [lr, #56]\n\t"
      "strb r0, [r4]\n\t"
      "strb r1, [r4, #1]\n\t"
      "strb r2, [r4, #2]\n\t"
      "strb r3, [r4, #3]\n\t"
      "ldr r5, [lr, #84]\n\t"
      "add r4, r4, r5\n\t"
      "str r4, [lr, #56]\n\t"
      "ldr r5, [lr, #60]\n\t"
      "subs r5, r5, #1\n\t"
      "str r5, [lr, #60]\n\t"
      "bgt 1b\n\t"
      "bmi 2b\n\t"
      "add sp, sp, #4\n\t"
      : "+r"(args)
      :
      : "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "lr", "cc",
        "memory");
}

#undef MOTE_DW_LOAD_STATE
#undef MOTE_DW_TAP
#undef MOTE_DW_NEXT_ROW

inline bool dw_run_3x3(DwRun3x3* run) {
  if (run->count < 1) return false;
  run->out_step = run->channels;
  dw_run_fused(run);
  return true;
}

// dw_run_3x3 with two taps per row (the window's column clipped by the padding on one side;
// input and weights point at the first valid tap), the output advanced by out_step: a run down
// an edge column, which the kernel's C path would take at about 70 instructions per output
// (kws: 40% of its depthwise pixels) against about 30 here.
inline bool dw_run_3x2(DwRun3x3* run) {
  if (run->count < 1) return false;
  run->count = std::numeric_limits<int32_t>::min() + (run->count - 1);
  dw_run_fused(run);
  return true;
}

// acc[i] += (x + offset) * w[i]: the offset input in both halfwords against the SXTB16 lanes of
// the four weights.
inline void dw_mac4_broadcast(int32_t* acc, int8_t x, const int8_t* w, int32_t offset) {
  const uint32_t v = static_cast<uint32_t>(x + offset) & 0xFFFFu;
  const uint32_t vv = v | (v << 16);
  const uint32_t wv = dsp::read_u32(w);
  const uint32_t we = __sxtb16(wv), wo = dsp::sxtb16_ror8(wv);
  acc[0] = __smlabb(vv, we, acc[0]);
  acc[1] = __smlabb(vv, wo, acc[1]);
  acc[2] = __smlatt(vv, we, acc[2]);
  acc[3] = __smlatt(vv, wo, acc[3]);
}

// Two output pixels at once (depth_multiplier a multiple of 4): their inputs share one halfword
// pair, so one weight word feeds eight 16x16 multiply-accumulates (SMLAxy picks the halves).
inline void dw_mac4x2_broadcast(int32_t* acc_a, int32_t* acc_b, int8_t xa, int8_t xb,
                                const int8_t* w, int32_t offset) {
  const uint32_t va = static_cast<uint32_t>(xa + offset) & 0xFFFFu;
  const uint32_t vb = static_cast<uint32_t>(xb + offset) << 16;
  const uint32_t vv = va | vb;
  const uint32_t wv = dsp::read_u32(w);
  const uint32_t we = __sxtb16(wv), wo = dsp::sxtb16_ror8(wv);
  acc_a[0] = __smlabb(vv, we, acc_a[0]);
  acc_a[1] = __smlabb(vv, wo, acc_a[1]);
  acc_a[2] = __smlabt(vv, we, acc_a[2]);
  acc_a[3] = __smlabt(vv, wo, acc_a[3]);
  acc_b[0] = __smlatb(vv, we, acc_b[0]);
  acc_b[1] = __smlatb(vv, wo, acc_b[1]);
  acc_b[2] = __smlatt(vv, we, acc_b[2]);
  acc_b[3] = __smlatt(vv, wo, acc_b[3]);
}

// dw_mac4x2_broadcast over one filter row of n taps: pixel a's taps at in, in + tap, ...;
// pixel b's `step` bytes further; weights w, w + w_step, ... The accumulators stay in registers
// for the whole row, and SXTAB16 adds the input offset to both pixels in one instruction.
inline void dw_row_mac4x2_broadcast(int32_t* acc_a, int32_t* acc_b, const int8_t* in,
                                    ptrdiff_t step, ptrdiff_t tap, const int8_t* w,
                                    ptrdiff_t w_step, int32_t n, int32_t offset) {
  const uint32_t offset2 = (static_cast<uint32_t>(offset) & 0xFFFFu) * 0x10001u;
  int32_t a0 = acc_a[0], a1 = acc_a[1], a2 = acc_a[2], a3 = acc_a[3];
  int32_t b0 = acc_b[0], b1 = acc_b[1], b2 = acc_b[2], b3 = acc_b[3];
  for (; n > 0; --n, in += tap, w += w_step) {
    const uint32_t packed = static_cast<uint32_t>(static_cast<uint8_t>(in[0])) |
                            (static_cast<uint32_t>(static_cast<uint8_t>(in[step])) << 16);
    const uint32_t vv = __sxtab16(offset2, packed);
    const uint32_t wv = dsp::read_u32(w);
    const uint32_t we = __sxtb16(wv), wo = dsp::sxtb16_ror8(wv);
    a0 = __smlabb(vv, we, a0);
    a1 = __smlabb(vv, wo, a1);
    a2 = __smlabt(vv, we, a2);
    a3 = __smlabt(vv, wo, a3);
    b0 = __smlatb(vv, we, b0);
    b1 = __smlatb(vv, wo, b1);
    b2 = __smlatt(vv, we, b2);
    b3 = __smlatt(vv, wo, b3);
  }
  acc_a[0] = a0;
  acc_a[1] = a1;
  acc_a[2] = a2;
  acc_a[3] = a3;
  acc_b[0] = b0;
  acc_b[1] = b1;
  acc_b[2] = b2;
  acc_b[3] = b3;
}

// ---------------------------------------------------------------------------------------------
// Pooling.
// ---------------------------------------------------------------------------------------------

// Channels 0 and 2 in the halfwords of `even`, 1 and 3 in `odd`: SXTAB16 adds two sign-extended
// bytes per instruction. 255 terms of magnitude <= 128 stay within int16.
struct Sum4 {
  uint32_t even = 0;
  uint32_t odd = 0;
};
constexpr int32_t kSum4MaxTerms = 255;

inline void sum4_add(Sum4* sum, const int8_t* x) {
  const uint32_t v = dsp::read_u32(x);
  sum->even = __sxtab16(sum->even, v);
  sum->odd = dsp::sxtab16_ror8(sum->odd, v);
}

inline void sum4_get(const Sum4& sum, int32_t* out) {
  out[0] = static_cast<int16_t>(sum.even & 0xFFFFu);
  out[1] = static_cast<int16_t>(sum.odd & 0xFFFFu);
  out[2] = static_cast<int16_t>(sum.even >> 16);
  out[3] = static_cast<int16_t>(sum.odd >> 16);
}

using Max4 = uint32_t;
inline Max4 max4_init() { return 0x80808080u; }
inline Max4 max4_add(Max4 m, const int8_t* x) {
  const uint32_t v = dsp::read_u32(x);
  (void)__ssub8(v, m);  // GE per byte where v >= m
  return __sel(v, m);
}
inline void max4_store(Max4 m, int8_t* out) { std::memcpy(out, &m, sizeof(m)); }

}  // namespace prim
}  // namespace mote
