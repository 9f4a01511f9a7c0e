// prim::requantize, prim::requantize_wide and prim::rescale against TFLite's double-rounding
// requantization (ref::multiply_by_quantized_multiplier and ..._smaller_than_one_exp) plus an
// output zero point, over random and edge accumulators, multipliers, shifts and zero points in
// the documented domains. On the DSP this proves the SMMLAR / SMLAL + ASRS + ADC sequences; on
// the host, the same arithmetic in int64.
#include <cstdint>
#include "kernels/primitives/primitives.h"

#include "kernels/ref/quantization.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {
namespace {

constexpr int32_t kValuesPerCase = 256;
constexpr int32_t kMaxAcc = static_cast<int32_t>(prim::kRequantMaxAccumulator);

// Accumulators: edges of the domain, near zero, near rounding ties of the shift, and uniform.
int32_t random_accumulator(Rng& rng, int32_t shift) {
  const int32_t pick = rng.range(0, 99);
  if (pick < 5) return rng.chance(50) ? kMaxAcc : -kMaxAcc;
  if (pick < 15) return rng.range(-3, 3);
  if (pick < 35) {
    // Values whose product lands near a tie: multiples of 2^k, plus or minus one.
    const int32_t k = rng.range(0, -shift < 29 ? -shift : 29);
    const int32_t base = rng.range(-(kMaxAcc >> k), kMaxAcc >> k) * (int32_t{1} << k);
    const int32_t v = base + rng.range(-1, 1);
    return v > kMaxAcc ? kMaxAcc : (v < -kMaxAcc ? -kMaxAcc : v);
  }
  if (pick < 60) return rng.range(-70000, 70000);
  return rng.range(-kMaxAcc, kMaxAcc);
}

}  // namespace

void parity_requantize(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  for (uint32_t c = 0; c < cases; ++c) {
    ++result->cases;
    // Every shift in [-31, -1] appears among the first 31 cases.
    const int32_t shift = c < 31 ? -1 - static_cast<int32_t>(c) : random_shift(rng);
    int32_t multiplier = random_multiplier(rng);
    if (multiplier == 0 && rng.chance(50)) multiplier = 1;  // tiny non-zero multipliers too
    const prim::RequantChannel channel = prim::requant_channel(multiplier, shift);
    for (int32_t i = 0; i < kValuesPerCase; ++i) {
      const int32_t acc = random_accumulator(rng, shift);
      const int32_t zp = rng.s8();
      const int32_t expected = ref::multiply_by_quantized_multiplier(acc, multiplier, shift) + zp;
      const int32_t actual = prim::requantize(acc, channel, zp);
      if (actual != expected) {
        record_failure(result, "requantize({}, {}, {}) + {} = {}, reference {}", acc, multiplier,
                       shift, zp, actual, expected);
        break;
      }
    }
  }
}

// requantize_wide: any int32 accumulator, including INT32_MIN and INT32_MAX.
void parity_requantize_wide(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  for (uint32_t c = 0; c < cases; ++c) {
    ++result->cases;
    const int32_t shift = c < 31 ? -1 - static_cast<int32_t>(c) : random_shift(rng);
    const int32_t multiplier = random_multiplier(rng);
    const prim::RequantChannel channel = prim::requant_channel(multiplier, shift);
    for (int32_t i = 0; i < kValuesPerCase; ++i) {
      const int32_t pick = rng.range(0, 9);
      const int32_t acc = pick == 0   ? INT32_MIN + rng.range(0, 2)
                          : pick == 1 ? INT32_MAX - rng.range(0, 2)
                          : pick < 5  ? random_accumulator(rng, shift)
                                      : static_cast<int32_t>(static_cast<uint32_t>(rng.next()));
      const int32_t zp = rng.s8();
      const int32_t expected = ref::multiply_by_quantized_multiplier(acc, multiplier, shift) + zp;
      const int32_t actual = prim::requantize_wide(acc, channel, zp);
      if (actual != expected) {
        record_failure(result, "requantize_wide({}, {}, {}) + {} = {}, reference {}", acc,
                       multiplier, shift, zp, actual, expected);
        break;
      }
    }
  }
}

void parity_rescale(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  for (uint32_t c = 0; c < cases; ++c) {
    ++result->cases;
    // Shifts 0 .. -31: every one among the first 32 cases.
    const int32_t shift = c < 32 ? -static_cast<int32_t>(c) : rng.range(-31, 0);
    const int32_t multiplier = random_multiplier(rng);
    const prim::RescaleChannel channel = prim::rescale_channel(multiplier, shift);
    for (int32_t i = 0; i < kValuesPerCase; ++i) {
      const int32_t x = random_accumulator(rng, shift < 0 ? shift : -1);
      const int32_t expected =
          ref::multiply_by_quantized_multiplier_smaller_than_one_exp(x, multiplier, shift);
      const int32_t actual = prim::rescale(x, channel);
      if (actual != expected) {
        record_failure(result, "rescale({}, {}, {}) = {}, reference {}", x, multiplier, shift,
                       actual, expected);
        break;
      }
    }
  }
}

}  // namespace parity
}  // namespace mote
