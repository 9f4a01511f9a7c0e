// opt::depthwise_conv2d_s8 against ref::depthwise_conv2d_s8 over random shapes (including the
// 3x3 windows of real models, clipped at every border), strides, dilations, padding, depth
// multipliers (the others fall back to the reference), zero points and per-channel scales.
#include "kernels/opt/depthwise_conv2d_opt.h"
#include "kernels/padding.h"
#include "kernels/ref/depthwise_conv2d.h"
#include "parity_support.h"
#include "parity_tests_list.h"

namespace mote {
namespace parity {

void parity_depthwise_conv2d(uint64_t seed, uint32_t cases, Result* result) {
  Rng rng(seed);
  Pool pool;
  uint32_t optimized = 0;
  uint32_t covered = 0;  // cases an optimized variant covers: multiplier 1 or a multiple of 4
  for (uint32_t c = 0; c < cases; ++c) {
    pool.reset();
    ref::ConvGeometry g;
    g.batches = rng.range(1, 2);
    const bool three = rng.chance(50);
    g.filter_height = three ? 3 : rng.range(1, 5);
    g.filter_width = three ? 3 : rng.range(1, 5);
    g.input_height = rng.range(1, 10);
    g.input_width = rng.range(1, 10);
    g.input_depth = rng.chance(70) ? 4 * rng.range(1, 6) : rng.range(1, 13);
    const int32_t mult_pick = rng.range(0, 99);
    g.depth_multiplier =
        mult_pick < 70 ? 1 : (mult_pick < 90 ? 4 * rng.range(1, 2) : rng.range(2, 3));
    if (g.depth_multiplier > 1) g.input_depth = rng.range(1, 4);
    g.output_depth = g.input_depth * g.depth_multiplier;
    g.stride_height = rng.range(1, 3);
    g.stride_width = rng.range(1, 3);
    g.dilation_height = rng.chance(15) ? 2 : 1;
    g.dilation_width = rng.chance(15) ? 2 : 1;
    const auto padding = rng.chance(60) ? schema::Padding::kSame : schema::Padding::kValid;
    const kernels::PaddingValues pad = kernels::compute_padding_height_width(
        g.stride_height, g.stride_width, g.dilation_height, g.dilation_width, g.input_height,
        g.input_width, g.filter_height, g.filter_width, padding, &g.output_height, &g.output_width);
    if (g.output_height < 1 || g.output_width < 1) {
      --c;
      continue;
    }
    g.pad_height = pad.height;
    g.pad_width = pad.width;

    const size_t in_size =
        static_cast<size_t>(g.batches) * g.input_height * g.input_width * g.input_depth;
    const size_t w_size = static_cast<size_t>(g.filter_height) * g.filter_width * g.output_depth;
    const size_t out_size =
        static_cast<size_t>(g.batches) * g.output_height * g.output_width * g.output_depth;
    ++result->cases;
    int8_t* input = pool.take<int8_t>(in_size + 3) + rng.range(0, 3);
    int8_t* filter = pool.take<int8_t>(w_size + 3) + rng.range(0, 3);
    int32_t* bias = pool.take<int32_t>(g.output_depth);
    int32_t* multipliers = pool.take<int32_t>(g.output_depth);
    int32_t* shifts = pool.take<int32_t>(g.output_depth);
    int8_t* expected = pool.take<int8_t>(out_size);
    int8_t* actual = pool.take<int8_t>(out_size);
    rng.fill_s8(input, in_size);
    rng.fill_s8(filter, w_size);
    const bool has_bias = rng.chance(80);
    const int32_t bias_max = rng.chance(80) ? 5000 : 1 << 24;
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

    ref::depthwise_conv2d_s8(g, q, input, filter, b, expected);
    const opt::DepthwiseS8Variant variant = opt::select_depthwise_conv2d_s8(g, q, bound);
    if (variant != opt::DepthwiseS8Variant::kReference) ++optimized;
    if (g.depth_multiplier == 1 || g.depth_multiplier % 4 == 0) ++covered;
    opt::depthwise_conv2d_s8(variant, g, q, input, filter, b, actual);
    const int64_t bad = first_mismatch(expected, actual, out_size);
    if (bad >= 0) {
      record_failure(result,
                     "case {}: out[{}]={} ref {}; in {}x{}x{}x{} k {}x{} mult {} s {}x{} d {}x{} "
                     "p {}x{}",
                     c, bad, actual[bad], expected[bad], g.batches, g.input_height, g.input_width,
                     g.input_depth, g.filter_height, g.filter_width, g.depth_multiplier,
                     g.stride_height, g.stride_width, g.dilation_height, g.dilation_width,
                     g.pad_height, g.pad_width);
    }
  }
  if (optimized != covered) {
    record_failure(result, "{} of {} covered cases ran an optimized variant", optimized, covered);
  }
}

}  // namespace parity
}  // namespace mote
