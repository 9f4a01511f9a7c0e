// opt::add_sub_s8 (ADD and SUB, inputs of the output's shape) against
// ref::add_sub_quantized<int8_t>, with the multipliers TFLM derives from random scales and zero
// points (ref::prepare_add_sub_quant), and random clamps.
#include "kernels/opt/add_sub_opt.h"
#include "kernels/ref/add_sub.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {
namespace {

// A scale in [2^-12, 2^2) with a random mantissa.
float random_scale(Rng& rng) {
  const float mantissa = 1.0f + static_cast<float>(rng.range(0, 1 << 20)) / (1 << 20);
  const int32_t exponent = rng.range(-12, 1);
  float scale = mantissa;
  for (int32_t i = 0; i < exponent; ++i) scale *= 2.0f;
  for (int32_t i = 0; i > exponent; --i) scale *= 0.5f;
  return scale;
}

}  // namespace

void parity_add_sub(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  Pool pool;
  uint32_t optimized = 0;
  uint32_t valid = 0;
  for (uint32_t c = 0; c < cases; ++c) {
    pool.reset();
    const ref::AddSubKind kind = rng.chance(70) ? ref::AddSubKind::kAdd : ref::AddSubKind::kSub;
    ref::AddSubQuant q;
    const float s1 = random_scale(rng);
    // Equal scales give shift-0 input multipliers (the max-scale input always has 1/2).
    const float s2 = rng.chance(20) ? s1 : random_scale(rng);
    if (!ref::prepare_add_sub_quant(kind, false, s1, rng.s8(), s2, rng.s8(), random_scale(rng),
                                    rng.s8(), &q)) {
      --c;  // TFLM rejects these scales; draw again
      continue;
    }
    random_activation(rng, &q.activation_min, &q.activation_max);
    const int32_t n = rng.chance(50) ? rng.range(1, 70) : rng.range(1, 3000);
    ref::BroadcastGeometry g;
    g.same_shape = true;
    g.flat_size = n;
    g.dims[ref::kMaxBroadcastRank - 1] = n;
    g.strides1[ref::kMaxBroadcastRank - 1] = 1;
    g.strides2[ref::kMaxBroadcastRank - 1] = 1;
    for (int32_t d = 0; d < ref::kMaxBroadcastRank - 1; ++d) g.dims[d] = 1;
    ++result->cases;
    ++valid;
    int8_t* a = pool.take<int8_t>(static_cast<size_t>(n));
    int8_t* b = pool.take<int8_t>(static_cast<size_t>(n));
    int8_t* expected = pool.take<int8_t>(static_cast<size_t>(n));
    int8_t* actual = pool.take<int8_t>(static_cast<size_t>(n));
    rng.fill_s8(a, static_cast<size_t>(n));
    rng.fill_s8(b, static_cast<size_t>(n));
    ref::add_sub_quantized(kind, g, q, a, b, expected);
    const opt::AddSubS8Variant variant = opt::select_add_sub_s8(g, q);
    if (variant != opt::AddSubS8Variant::kReference) ++optimized;
    opt::add_sub_s8(variant, kind, g, q, a, b, actual);
    const int64_t bad = first_mismatch(expected, actual, static_cast<size_t>(n));
    if (bad >= 0) {
      record_failure(result, "case {} {}: out[{}]={} ref {}; m {} {} {} shifts {} {} {}", c,
                     kind == ref::AddSubKind::kAdd ? "add" : "sub", bad, actual[bad], expected[bad],
                     q.input1_multiplier, q.input2_multiplier, q.output_multiplier, q.input1_shift,
                     q.input2_shift, q.output_shift);
    }
  }
  if (optimized != valid) {
    record_failure(result, "only {} of {} cases ran an optimized variant", optimized, valid);
  }
}

}  // namespace parity
}  // namespace mote
