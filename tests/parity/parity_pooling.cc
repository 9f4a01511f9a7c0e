// opt::average_pool_s8 and opt::max_pool_s8 against the reference pooling kernels over random
// shapes, windows (up to the full input, clipped at the borders), strides, SAME/VALID padding
// and clamps.
#include "kernels/opt/pooling_opt.h"
#include "kernels/padding.h"
#include "kernels/ref/pooling.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {
namespace {

// A pooling geometry as TFLM's PoolingPrepare makes it; false when VALID does not fit.
bool random_pool(Rng& rng, ref::PoolGeometry* g) {
  g->batches = rng.range(1, 2);
  g->input_height = rng.range(1, 12);
  g->input_width = rng.range(1, 12);
  g->depth = rng.chance(70) ? 4 * rng.range(1, 8) : rng.range(1, 13);
  const bool global = rng.chance(15);
  g->filter_height = global ? g->input_height : rng.range(1, 5);
  g->filter_width = global ? g->input_width : rng.range(1, 5);
  g->stride_height = rng.range(1, 3);
  g->stride_width = rng.range(1, 3);
  const auto padding = rng.chance(50) ? schema::Padding::kSame : schema::Padding::kValid;
  g->output_height =
      kernels::compute_out_size(padding, g->input_height, g->filter_height, g->stride_height);
  g->output_width =
      kernels::compute_out_size(padding, g->input_width, g->filter_width, g->stride_width);
  if (g->output_height < 1 || g->output_width < 1) return false;
  int32_t offset = 0;
  g->padding_height = kernels::compute_padding_with_offset(
      g->stride_height, 1, g->input_height, g->filter_height, g->output_height, &offset);
  g->padding_width = kernels::compute_padding_with_offset(
      g->stride_width, 1, g->input_width, g->filter_width, g->output_width, &offset);
  return true;
}

template <bool kAverage>
void run(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  Pool pool;
  uint32_t optimized = 0;
  for (uint32_t c = 0; c < cases; ++c) {
    pool.reset();
    ref::PoolGeometry g;
    if (!random_pool(rng, &g)) {
      --c;
      continue;
    }
    ++result->cases;
    const size_t in_size =
        static_cast<size_t>(g.batches) * g.input_height * g.input_width * g.depth;
    const size_t out_size =
        static_cast<size_t>(g.batches) * g.output_height * g.output_width * g.depth;
    int8_t* input = pool.take<int8_t>(in_size + 3) + rng.range(0, 3);
    int8_t* expected = pool.take<int8_t>(out_size);
    int8_t* actual = pool.take<int8_t>(out_size);
    rng.fill_s8(input, in_size);
    // Saturated inputs reach the 16-bit lane limits of the DSP sums.
    if (rng.chance(10)) {
      const int8_t v = rng.chance(50) ? -128 : 127;
      for (size_t i = 0; i < in_size; ++i) input[i] = v;
    }
    int32_t lo = 0, hi = 0;
    random_activation(rng, &lo, &hi);
    opt::PoolS8Variant variant;
    if (kAverage) {
      ref::average_pool_s8(g, lo, hi, input, expected);
      variant = opt::select_average_pool_s8(g);
      opt::average_pool_s8(variant, g, lo, hi, input, actual);
    } else {
      ref::max_pool_s8(g, lo, hi, input, expected);
      variant = opt::select_max_pool_s8(g);
      opt::max_pool_s8(variant, g, lo, hi, input, actual);
    }
    if (variant != opt::PoolS8Variant::kReference) ++optimized;
    const int64_t bad = first_mismatch(expected, actual, out_size);
    if (bad >= 0) {
      record_failure(result, "case {}: out[{}]={} ref {}; in {}x{}x{}x{} window {}x{} s {}x{}", c,
                     bad, actual[bad], expected[bad], g.batches, g.input_height, g.input_width,
                     g.depth, g.filter_height, g.filter_width, g.stride_height, g.stride_width);
    }
  }
  if (optimized != result->cases) {
    record_failure(result, "only {} of {} cases ran an optimized variant", optimized,
                   result->cases);
  }
}

}  // namespace

void parity_average_pool(uint64_t seed, uint32_t cases, Result* result) {
  run<true>(seed, cases, result);
}

void parity_max_pool(uint64_t seed, uint32_t cases, Result* result) {
  run<false>(seed, cases, result);
}

}  // namespace parity
}  // namespace mote
