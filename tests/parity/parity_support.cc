#include "parity_support.h"

namespace mote {
namespace parity {
namespace {

// Big enough for the largest case the generators make (they check left() first).
alignas(16) uint8_t g_pool[96 * 1024];

}  // namespace

Pool::Pool() : data_(g_pool), capacity_(sizeof(g_pool)) {}

void* Pool::take_bytes(size_t bytes) {
  const size_t rounded = (bytes + 15) & ~static_cast<size_t>(15);
  if (rounded > capacity_ - used_) return nullptr;
  void* p = data_ + used_;
  used_ += rounded;
  return p;
}

int32_t random_multiplier(Rng& rng) {
  const int32_t pick = rng.range(0, 99);
  if (pick < 3) return 0;
  if (pick < 6) return int32_t{1} << 30;
  if (pick < 9) return 0x7FFFFFFF;
  return rng.range(int32_t{1} << 30, 0x7FFFFFFF);
}

int32_t random_shift(Rng& rng) { return rng.chance(85) ? rng.range(-14, -1) : rng.range(-31, -15); }

void random_channel_requant(Rng& rng, int32_t* multipliers, int32_t* shifts, int32_t channels) {
  for (int32_t c = 0; c < channels; ++c) {
    multipliers[c] = random_multiplier(rng);
    shifts[c] = multipliers[c] == 0 ? -1 : random_shift(rng);
  }
}

int64_t dead_channel_biases(Rng& rng, int32_t* bias, bool has_bias, const int32_t* multipliers,
                            int32_t channels, bool per_channel) {
  int64_t bound = 0;
  for (int32_t c = 0; c < channels; ++c) {
    if (multipliers[per_channel ? c : 0] == 0) {
      const int32_t pick = rng.range(0, 2);
      bias[c] = pick == 0 ? 0x7FFFFFFF
                          : (pick == 1 ? -0x7FFFFFFF - 1 : rng.range(-0x7FFFFFFF, 0x7FFFFFFF));
    } else {
      const int64_t a = bias[c] < 0 ? -static_cast<int64_t>(bias[c]) : bias[c];
      bound = a > bound ? a : bound;
    }
  }
  return has_bias ? bound : 0;
}

void random_activation(Rng& rng, int32_t* lo, int32_t* hi) {
  const int32_t pick = rng.range(0, 99);
  if (pick < 60) {
    *lo = -128;
    *hi = 127;
  } else if (pick < 80) {
    *lo = rng.range(-128, 0);
    *hi = 127;
  } else {
    *lo = rng.range(-128, 60);
    *hi = rng.range(*lo, 127);
  }
}

int64_t first_mismatch(const int8_t* expected, const int8_t* actual, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (expected[i] != actual[i]) return static_cast<int64_t>(i);
  }
  return -1;
}

}  // namespace parity
}  // namespace mote
