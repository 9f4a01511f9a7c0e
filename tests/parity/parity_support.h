// Freestanding helpers shared by the parity tests: a splitmix64 generator, a bump allocator over
// one static pool (the tests run one at a time, on the host and on a Cortex-M with little RAM),
// random quantization parameters inside and at the edges of the optimized kernels' domains, and
// the comparison that fills Result. No heap, no <cstdio>: messages go through mote::format_to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "mote/format.h"
#include "parity_tests.h"

namespace mote {
namespace parity {

// splitmix64 (Steele, Lea, Flood 2014): tiny, full-period, good enough for test inputs.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi] (hi - lo < 2^32).
  int32_t range(int32_t lo, int32_t hi) {
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
    return static_cast<int32_t>(lo + static_cast<int64_t>(next() % span));
  }
  // True with probability percent / 100.
  bool chance(int32_t percent) { return range(0, 99) < percent; }
  int8_t s8() { return static_cast<int8_t>(range(-128, 127)); }
  void fill_s8(int8_t* data, size_t n) {
    for (size_t i = 0; i < n; ++i) data[i] = s8();
  }

 private:
  uint64_t state_;
};

// Bump allocation from a static pool; reset() before each case. 16-byte aligned blocks.
class Pool {
 public:
  Pool();
  template <typename T>
  T* take(size_t count) {
    return static_cast<T*>(take_bytes(count * sizeof(T)));
  }
  void* take_bytes(size_t bytes);
  // Bytes left; a case that would not fit is skipped by its generator (cases are kept small).
  size_t left() const { return capacity_ - used_; }
  void reset() { used_ = 0; }

 private:
  uint8_t* data_;
  size_t capacity_;
  size_t used_ = 0;
};

// A Q31 multiplier: usually in [2^30, 2^31), sometimes 0 (an underflowed scale) or the ends.
int32_t random_multiplier(Rng& rng);
// A right shift for prim::requantize: usually typical (-14 .. -1), sometimes -31 .. -15.
int32_t random_shift(Rng& rng);
// Per-channel multipliers/shifts in the canonical form Prepare leaves them in (a zero
// multiplier has shift -1).
void random_channel_requant(Rng& rng, int32_t* multipliers, int32_t* shifts, int32_t channels);
// Gives channels whose multiplier is 0 a bias anywhere in int32 (real models quantize the bias
// of a dead channel with its tiny scale), and returns the bound Prepare would compute: the
// largest |bias| over the other channels (multipliers[per_channel ? c : 0]), 0 without a bias.
int64_t dead_channel_biases(Rng& rng, int32_t* bias, bool has_bias, const int32_t* multipliers,
                            int32_t channels, bool per_channel);
// [lo, hi] inside [-128, 127]: usually the full range, sometimes a ReLU-like or random clamp.
void random_activation(Rng& rng, int32_t* lo, int32_t* hi);

// Index of the first differing element of two n-element outputs, or -1 when they are equal.
int64_t first_mismatch(const int8_t* expected, const int8_t* actual, size_t n);

// Records a failure message (only the first one is kept).
template <typename... Args>
void record_failure(Result* result, const char* fmt, const Args&... args) {
  ++result->failures;
  if (result->failures == 1)
    format_to(result->first_failure, sizeof(result->first_failure), fmt, args...);
}

}  // namespace parity
}  // namespace mote
