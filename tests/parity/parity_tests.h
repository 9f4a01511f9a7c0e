// Randomized parity checks: every optimized kernel variant against the reference kernel, bit for
// bit, over random shapes, strides, dilations, paddings, zero points and per-channel scales.
//
// Written once in freestanding C++ (the runtime's rules: no heap, only <cstdint> <cstddef>
// <cstring> <cmath> <limits> <type_traits>; static buffers), so that the same checks run
//   - on the host, through GoogleTest (tests/parity/parity_gtest.cc), with the portable
//     primitives, and
//   - on Cortex-M under QEMU (a firmware built by targets/cortex-m), with the DSP (or MVE)
//     primitives, reporting through semihosting.
#pragma once

#include <cstdint>

#include "mote/span.h"

namespace mote {
namespace parity {

struct Result {
  uint32_t cases = 0;            // random cases run
  uint32_t failures = 0;         // cases whose outputs differ from the reference
  char first_failure[192] = {};  // what differed first (shape, parameters, element), if any
};

// Runs `cases` random cases from `seed`; fills *result.
using ParityFn = void (*)(uint64_t seed, uint32_t cases, Result* result);

struct ParityTest {
  const char* name;
  ParityFn run;
  uint32_t default_cases;  // enough to cover the variant's paths; small enough for QEMU
};

// Every registered parity test (parity_registry.cc).
Span<const ParityTest> parity_tests();

}  // namespace parity
}  // namespace mote
