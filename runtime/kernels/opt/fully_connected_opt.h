// Optimized int8 FULLY_CONNECTED: the variants of ref::fully_connected_s8, the dispatcher and
// the scratch each needs (see conv2d_opt.h for the calling pattern).
//
// Variants (bit-exact with the reference; tests/parity/parity_fully_connected.cc):
//   kReference  ref::fully_connected_s8.
//   kVector     the input row, offset added, is widened once into a prim vector (in chunks of
//               kVectorChunk values for long rows, with int32 partial sums per unit between
//               chunks), then prim::fc_rows runs every unit against it per chunk. Needs a
//               symmetric filter (filter_offset 0, or per-channel) and fast requantization.
//               Scratch: the vector chunk, plus the partial sums when there are several chunks.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/ref/fully_connected.h"
#include "mote/span.h"

namespace mote {
namespace opt {

enum class FullyConnectedS8Variant : uint8_t { kReference, kVector };

// Longest input run widened at once: 512 bytes of int16, so that the scratch stays below the
// arena TFLM needs for the same models (the anomaly detector's 640-wide layer included).
constexpr int32_t kVectorChunk = 256;

bool can_use_fully_connected_vector(const ref::FullyConnectedGeometry& g,
                                    const ref::FullyConnectedQuant& q, int64_t max_abs_bias);

FullyConnectedS8Variant select_fully_connected_s8(const ref::FullyConnectedGeometry& g,
                                                  const ref::FullyConnectedQuant& q,
                                                  int64_t max_abs_bias);

size_t fully_connected_s8_scratch_bytes(FullyConnectedS8Variant variant,
                                        const ref::FullyConnectedGeometry& g);

void fully_connected_s8(FullyConnectedS8Variant variant, const ref::FullyConnectedGeometry& g,
                        const ref::FullyConnectedQuant& q, const int8_t* input,
                        const int8_t* filter, const int32_t* bias, int8_t* output,
                        Span<uint8_t> scratch);

void fully_connected_s8_vector(const ref::FullyConnectedGeometry& g,
                               const ref::FullyConnectedQuant& q, const int8_t* input,
                               const int8_t* filter, const int32_t* bias, int8_t* output,
                               Span<uint8_t> scratch);

}  // namespace opt
}  // namespace mote
