// opt::conv2d_s8 (every variant select_conv2d_s8 picks: kPanel, and kPanelWide for huge biases)
// against ref::conv2d_s8 over random shapes, strides, dilations, SAME/VALID padding, zero
// points, per-channel requantization, biases and activation clamps.
#include "kernels/opt/conv2d_opt.h"
#include "kernels/padding.h"
#include "kernels/ref/conv2d.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {

void parity_conv2d(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  Pool pool;
  uint32_t optimized = 0;
  for (uint32_t c = 0; c < cases; ++c) {
    pool.reset();
    ref::ConvGeometry g;
    g.batches = rng.range(1, 2);
    const bool pointwise = rng.chance(30);
    g.filter_height = pointwise ? 1 : rng.range(1, 5);
    g.filter_width = pointwise ? 1 : rng.range(1, 5);
    g.input_height = rng.range(1, 9);
    g.input_width = rng.range(1, 9);
    // Depths around the 4- and 8-wide steps of the primitives, and one-channel inputs.
    g.input_depth = rng.chance(20) ? rng.range(1, 3) : rng.range(1, 40);
    g.filter_depth = g.input_depth;
    g.output_depth = rng.range(1, 9);
    g.stride_height = rng.range(1, 3);
    g.stride_width = rng.range(1, 3);
    g.dilation_height = rng.chance(20) ? rng.range(2, 3) : 1;
    g.dilation_width = rng.chance(20) ? rng.range(2, 3) : 1;
    const auto padding = rng.chance(50) ? schema::Padding::kSame : schema::Padding::kValid;
    const kernels::PaddingValues pad = kernels::compute_padding_height_width(
        g.stride_height, g.stride_width, g.dilation_height, g.dilation_width, g.input_height,
        g.input_width, g.filter_height, g.filter_width, padding, &g.output_height, &g.output_width);
    if (g.output_height < 1 || g.output_width < 1) {
      --c;  // VALID with a filter larger than the input: draw again
      continue;
    }
    g.pad_height = pad.height;
    g.pad_width = pad.width;

    const size_t in_size =
        static_cast<size_t>(g.batches) * g.input_height * g.input_width * g.input_depth;
    const size_t depth = static_cast<size_t>(g.filter_height) * g.filter_width * g.filter_depth;
    const size_t w_size = depth * g.output_depth;
    const size_t out_size =
        static_cast<size_t>(g.batches) * g.output_height * g.output_width * g.output_depth;
    ++result->cases;
    int8_t* input = pool.take<int8_t>(in_size);
    // Offset by 0..3 bytes: the kernels must not assume aligned tensors.
    int8_t* filter = pool.take<int8_t>(w_size + 3) + rng.range(0, 3);
    int32_t* bias = pool.take<int32_t>(g.output_depth);
    int32_t* multipliers = pool.take<int32_t>(g.output_depth);
    int32_t* shifts = pool.take<int32_t>(g.output_depth);
    int8_t* expected = pool.take<int8_t>(out_size);
    int8_t* actual = pool.take<int8_t>(out_size);
    rng.fill_s8(input, in_size);
    rng.fill_s8(filter, w_size);
    // Saturated filters push the accumulator to its bound.
    if (rng.chance(10)) {
      for (size_t i = 0; i < w_size; ++i) filter[i] = -128;
    }
    const bool has_bias = rng.chance(80);
    // Huge biases (beyond the fast requantization's bound) select kPanelWide.
    const int32_t bias_pick = rng.range(0, 99);
    const int32_t bias_max = bias_pick < 70 ? 20000 : (bias_pick < 85 ? 1 << 20 : 0x7FFFFFFF);
    for (int32_t i = 0; i < g.output_depth; ++i) bias[i] = rng.range(-bias_max, bias_max);
    random_channel_requant(rng, multipliers, shifts, g.output_depth);
    const int64_t bound =
        dead_channel_biases(rng, bias, has_bias, multipliers, g.output_depth, true);
    ref::ConvQuant q;
    q.input_offset = -rng.s8();
    q.output_offset = rng.s8();
    q.multipliers = multipliers;
    q.shifts = shifts;
    random_activation(rng, &q.activation_min, &q.activation_max);
    const int32_t* b = has_bias ? bias : nullptr;

    ref::conv2d_s8(g, q, input, filter, b, expected);
    const opt::Conv2DS8Variant variant = opt::select_conv2d_s8(g, q, bound);
    const size_t scratch_bytes = opt::conv2d_s8_scratch_bytes(variant, g);
    uint8_t* scratch = pool.take<uint8_t>(scratch_bytes);
    if (scratch == nullptr || actual == nullptr) {
      record_failure(result, "case {} does not fit the test pool", c);
      return;
    }
    if (variant != opt::Conv2DS8Variant::kReference) ++optimized;
    opt::conv2d_s8(variant, g, q, input, filter, b, actual, Span<uint8_t>(scratch, scratch_bytes));
    const int64_t bad = first_mismatch(expected, actual, out_size);
    if (bad >= 0) {
      record_failure(result,
                     "case {}: out[{}]={} ref {}; in {}x{}x{}x{} k {}x{} oc {} s {}x{} d {}x{} "
                     "p {}x{}",
                     c, bad, actual[bad], expected[bad], g.batches, g.input_height, g.input_width,
                     g.input_depth, g.filter_height, g.filter_width, g.output_depth,
                     g.stride_height, g.stride_width, g.dilation_height, g.dilation_width,
                     g.pad_height, g.pad_width);
    }
  }
  // Every generated case is in the optimized variant's domain: none may fall back.
  if (optimized != result->cases) {
    record_failure(result, "only {} of {} cases ran an optimized variant", optimized,
                   result->cases);
  }
}

}  // namespace parity
}  // namespace mote
