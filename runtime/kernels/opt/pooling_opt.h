// Optimized int8 AVERAGE_POOL_2D and MAX_POOL_2D: the variants of ref::average_pool_s8 and
// ref::max_pool_s8 and their dispatchers (no scratch).
//
// Variants (bit-exact with the reference; tests/parity/parity_pooling.cc):
//   kReference  the reference kernels.
//   kChannels4  four channels at a time: prim::Sum4 (two SXTAB16 per four values on the DSP)
//               or prim::Max4 (SSUB8 + SEL), then TFLite's rounding division or the clamp.
//               Average pooling needs windows of at most prim::kSum4MaxTerms values.
#pragma once

#include <cstdint>

#include "kernels/ref/pooling.h"

namespace mote {
namespace opt {

enum class PoolS8Variant : uint8_t { kReference, kChannels4 };

bool can_use_average_pool_channels4(const ref::PoolGeometry& g);

PoolS8Variant select_average_pool_s8(const ref::PoolGeometry& g);
PoolS8Variant select_max_pool_s8(const ref::PoolGeometry& g);

void average_pool_s8(PoolS8Variant variant, const ref::PoolGeometry& g, int32_t activation_min,
                     int32_t activation_max, const int8_t* input, int8_t* output);
void max_pool_s8(PoolS8Variant variant, const ref::PoolGeometry& g, int32_t activation_min,
                 int32_t activation_max, const int8_t* input, int8_t* output);

void average_pool_s8_channels4(const ref::PoolGeometry& g, int32_t activation_min,
                               int32_t activation_max, const int8_t* input, int8_t* output);
void max_pool_s8_channels4(const ref::PoolGeometry& g, int32_t activation_min,
                           int32_t activation_max, const int8_t* input, int8_t* output);

}  // namespace opt
}  // namespace mote
