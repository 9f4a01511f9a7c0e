// The ISA primitive layer: the few operations whose best form depends on the instruction set,
// behind one interface, so that the optimized kernels (kernels/opt/) are written once and hold
// no #ifdef. The build selects one implementation with MOTE_KERNEL_ISA (runtime/CMakeLists.txt):
//
//   generic        generic.h       portable C++ (host, cores without the DSP extension)
//   cortex_m_dsp   cortex_m_dsp.h  Armv7E-M DSP extension: SMLAD, SXTB16, SMMLAR, SEL (M4, M7)
//   mve            mve.h           Armv8.1-M (M55): the DSP primitives for now
//
// Every implementation gives bit-identical results; tests/parity checks the kernels built on
// them against the reference kernels on the host (generic) and under QEMU (the others).
//
// The interface (namespace mote::prim; layouts of panels and vectors are private to each ISA and
// only ever touched through these functions):
//
//   Requantization (common.h explains the arithmetic and its exact domain)
//     RequantChannel requant_channel(multiplier, shift)   once per output channel
//     int32_t requantize(acc, channel, offset)            |acc| <= kRequantMaxAccumulator
//     int32_t requantize_wide(acc, channel, offset)       any acc (one more instruction)
//     RescaleChannel rescale_channel(multiplier, shift)   shift <= 0 (ADD/SUB input rescale)
//     int32_t rescale(x, channel)                         |x| <= kRequantMaxAccumulator
//     int32_t saturate_s8(v)                              clamp to [-128, 127]
//     void clamp_s8(data, n, lo, hi)                      in-place clamp of an int8 buffer
//   Convolution panel (im2col rows of two output pixels, input offset added, int16)
//     size_t panel_bytes(depth)
//     void panel_put(panel, depth, row, k, src, n, offset)   panel[row][k..k+n) = src + offset
//     void panel_zero(panel, depth, row, k, n)               panel[row][k..k+n) = 0
//     void dot_2x2(panel, depth, w0, w1, acc[4])             acc[2r+c] += panel[r] . wc
//   Fully connected vector
//     size_t vector_bytes(depth)
//     void vector_put(vector, src, depth, offset)            vector = src + offset
//     void fc_rows(job)                                      per unit of a chunk: init + vector .
//     w,
//                                                            then partial sum or requantized int8
//   Depthwise
//     void dw_mac4(acc[4], x, w, offset)                     acc[i] += (x[i] + offset) * w[i]
//     void dw_mac4_rows3(acc[4], x, w, channels, row_stride, rows, offset)
//                                                            dw_mac4 over rows x 3 taps
//     void dw_mac4_rows2(...)                                the same over rows x 2 taps
//     bool dw_run_3x3(&run)                                  fused 3x3 pixel run, or false
//     bool dw_run_3x2(&run)                                  the same, two taps per row, or false
//     bool panel_requant_pairs(&job)                         fused 2x2 block row, or false
//     void dw_mac4_broadcast(acc[4], x, w, offset)           acc[i] += (x + offset) * w[i]
//     void dw_mac4x2_broadcast(a[4], b[4], xa, xb, w, offset) the same for two pixels at once
//     void dw_row_mac4x2_broadcast(a, b, in, step, tap, w, w_step, n, offset)
//                                                            ... over a filter row of n taps
//   Pooling
//     Sum4, sum4_add(&sum, x), sum4_get(sum, out[4])         at most kSum4MaxTerms terms
//     Max4 max4_init(), max4_add(m, x), max4_store(m, out)   lane-wise int8 maximum
//
// Pointers to int8 data may have any alignment; panels and vectors must be 4-byte aligned (the
// arena's scratch buffers are 8-byte aligned).
#pragma once

#if defined(MOTE_KERNEL_ISA_MVE)
#include "kernels/primitives/mve.h"
namespace mote {
namespace prim {
constexpr const char* kIsaName = "mve";
}  // namespace prim
}  // namespace mote
#elif defined(MOTE_KERNEL_ISA_CORTEX_M_DSP)
#include "kernels/primitives/cortex_m_dsp.h"
namespace mote {
namespace prim {
constexpr const char* kIsaName = "cortex_m_dsp";
}  // namespace prim
}  // namespace mote
#else
#include "kernels/primitives/generic.h"
namespace mote {
namespace prim {
constexpr const char* kIsaName = "generic";
}  // namespace prim
}  // namespace mote
#endif
