// opt::fully_connected_s8 against ref::fully_connected_s8: depths below, at and above the
// vector chunk (several chunks with partial sums), odd unit counts, per-tensor and per-channel
// filters, aligned and unaligned weight rows, batches, zero points and clamps.
#include "kernels/opt/fully_connected_opt.h"
#include "kernels/ref/fully_connected.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {

void parity_fully_connected(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  Pool pool;
  uint32_t optimized = 0;
  for (uint32_t c = 0; c < cases; ++c) {
    pool.reset();
    ref::FullyConnectedGeometry g;
    g.batches = rng.range(1, 3);
    const int32_t pick = rng.range(0, 99);
    g.accum_depth = pick < 50   ? rng.range(1, 40)
                    : pick < 80 ? 8 * rng.range(1, 40)
                                : rng.range(opt::kVectorChunk - 9, 3 * opt::kVectorChunk + 9);
    g.output_depth = rng.range(1, 17);
    const size_t in_size = static_cast<size_t>(g.batches) * g.accum_depth;
    const size_t w_size = static_cast<size_t>(g.accum_depth) * g.output_depth;
    const size_t out_size = static_cast<size_t>(g.batches) * g.output_depth;
    ++result->cases;
    int8_t* input = pool.take<int8_t>(in_size + 3) + rng.range(0, 3);
    int8_t* filter = pool.take<int8_t>(w_size + 3) + (rng.chance(70) ? 0 : rng.range(1, 3));
    int32_t* bias = pool.take<int32_t>(g.output_depth);
    int32_t* multipliers = pool.take<int32_t>(g.output_depth);
    int32_t* shifts = pool.take<int32_t>(g.output_depth);
    int8_t* expected = pool.take<int8_t>(out_size);
    int8_t* actual = pool.take<int8_t>(out_size);
    rng.fill_s8(input, in_size);
    rng.fill_s8(filter, w_size);
    const bool has_bias = rng.chance(80);
    const int32_t bias_max = rng.chance(80) ? 30000 : 1 << 22;
    for (int32_t i = 0; i < g.output_depth; ++i) bias[i] = rng.range(-bias_max, bias_max);
    ref::FullyConnectedQuant q;
    q.per_channel = rng.chance(40);
    random_channel_requant(rng, multipliers, shifts, q.per_channel ? g.output_depth : 1);
    const int64_t bound =
        dead_channel_biases(rng, bias, has_bias, multipliers, g.output_depth, q.per_channel);
    q.input_offset = -rng.s8();
    q.output_offset = rng.s8();
    q.filter_offset = 0;
    q.multipliers = multipliers;
    q.shifts = shifts;
    random_activation(rng, &q.activation_min, &q.activation_max);
    const int32_t* b = has_bias ? bias : nullptr;

    ref::fully_connected_s8(g, q, input, filter, b, expected);
    // The vector variant whenever it applies, even where the dispatcher would not pick it (the
    // generic ISA): its logic is the same on every ISA, only the primitives differ.
    const opt::FullyConnectedS8Variant variant = opt::can_use_fully_connected_vector(g, q, bound)
                                                     ? opt::FullyConnectedS8Variant::kVector
                                                     : opt::FullyConnectedS8Variant::kReference;
    const size_t scratch_bytes = opt::fully_connected_s8_scratch_bytes(variant, g);
    uint8_t* scratch = pool.take<uint8_t>(scratch_bytes);
    if (variant != opt::FullyConnectedS8Variant::kReference) ++optimized;
    opt::fully_connected_s8(variant, g, q, input, filter, b, actual,
                            Span<uint8_t>(scratch, scratch_bytes));
    const int64_t bad = first_mismatch(expected, actual, out_size);
    if (bad >= 0) {
      record_failure(result, "case {}: out[{}]={} ref {}; batches {} depth {} units {} {}", c, bad,
                     actual[bad], expected[bad], g.batches, g.accum_depth, g.output_depth,
                     q.per_channel ? "per-channel" : "per-tensor");
    }
  }
  if (optimized != result->cases) {
    record_failure(result, "only {} of {} cases ran an optimized variant", optimized,
                   result->cases);
  }
}

}  // namespace parity
}  // namespace mote
