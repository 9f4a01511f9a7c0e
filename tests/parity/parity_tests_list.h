// The parity test functions (one ParityFn per optimized variant or primitive), registered in
// parity_registry.cc.
#pragma once

#include <cstdint>

#include "parity_tests.h"

namespace mote {
namespace parity {

void parity_requantize(uint64_t seed, uint32_t cases, Result* result);
void parity_requantize_wide(uint64_t seed, uint32_t cases, Result* result);
void parity_rescale(uint64_t seed, uint32_t cases, Result* result);
void parity_conv2d(uint64_t seed, uint32_t cases, Result* result);
void parity_depthwise_conv2d(uint64_t seed, uint32_t cases, Result* result);
void parity_fully_connected(uint64_t seed, uint32_t cases, Result* result);
void parity_add_sub(uint64_t seed, uint32_t cases, Result* result);
void parity_average_pool(uint64_t seed, uint32_t cases, Result* result);
void parity_max_pool(uint64_t seed, uint32_t cases, Result* result);

}  // namespace parity
}  // namespace mote
