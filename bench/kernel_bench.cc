// The optimized int8 kernels on the host (portable primitives, kernels/primitives/generic.h)
// against the reference kernels, on layer shapes of the shared models: the issue asks that the
// host path be no slower than the reference. Google Benchmark, interleaved pairs (ref, opt) so
// both see the same machine load.
//
//   build/host-release/bench/mote_kernel_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "kernels/opt/conv2d_opt.h"
#include "kernels/opt/depthwise_conv2d_opt.h"
#include "kernels/ref/conv2d.h"
#include "kernels/ref/depthwise_conv2d.h"
#include "mote/span.h"

namespace {

// A layer: geometry plus deterministic data and typical requantization (multiplier 0.75 * 2^31,
// shift -8: outputs in range for int8 inputs and weights).
struct Layer {
  mote::ref::ConvGeometry g;
  std::vector<int8_t> input, filter, output;
  std::vector<int32_t> bias, multipliers, shifts;
  mote::ref::ConvQuant q;
};

Layer make_layer(int32_t h, int32_t w, int32_t in_depth, int32_t k, int32_t stride,
                 int32_t out_depth, bool depthwise) {
  Layer l;
  mote::ref::ConvGeometry& g = l.g;
  g.batches = 1;
  g.input_height = h;
  g.input_width = w;
  g.input_depth = in_depth;
  g.filter_height = k;
  g.filter_width = k;
  g.filter_depth = depthwise ? 1 : in_depth;
  g.stride_height = stride;
  g.stride_width = stride;
  g.output_height = (h + stride - 1) / stride;  // SAME padding
  g.output_width = (w + stride - 1) / stride;
  g.output_depth = out_depth;
  g.depth_multiplier = depthwise ? out_depth / in_depth : 1;
  g.pad_height = ((g.output_height - 1) * stride + k - h) / 2;
  g.pad_width = ((g.output_width - 1) * stride + k - w) / 2;
  if (g.pad_height < 0) g.pad_height = 0;
  if (g.pad_width < 0) g.pad_width = 0;
  uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<int8_t>(seed >> 24);
  };
  l.input.resize(static_cast<size_t>(h) * w * in_depth);
  l.filter.resize(static_cast<size_t>(k) * k * (depthwise ? out_depth : out_depth * in_depth));
  l.output.resize(static_cast<size_t>(g.output_height) * g.output_width * out_depth);
  for (int8_t& v : l.input) v = next();
  for (int8_t& v : l.filter) v = next();
  l.bias.assign(static_cast<size_t>(out_depth), 1000);
  l.multipliers.assign(static_cast<size_t>(out_depth), 1610612736);
  l.shifts.assign(static_cast<size_t>(out_depth), -8);
  l.q.input_offset = 5;
  l.q.output_offset = -3;
  l.q.multipliers = l.multipliers.data();
  l.q.shifts = l.shifts.data();
  l.q.activation_min = -128;
  l.q.activation_max = 127;
  return l;
}

void conv_ref(benchmark::State& state, Layer l) {
  for (auto _ : state) {
    mote::ref::conv2d_s8(l.g, l.q, l.input.data(), l.filter.data(), l.bias.data(), l.output.data());
    benchmark::DoNotOptimize(l.output.data());
  }
}

void conv_opt(benchmark::State& state, Layer l) {
  const mote::opt::Conv2DS8Variant v = mote::opt::select_conv2d_s8(l.g, l.q, 1000);
  std::vector<uint8_t> scratch(mote::opt::conv2d_s8_scratch_bytes(v, l.g));
  for (auto _ : state) {
    mote::opt::conv2d_s8(v, l.g, l.q, l.input.data(), l.filter.data(), l.bias.data(),
                         l.output.data(), mote::Span<uint8_t>(scratch.data(), scratch.size()));
    benchmark::DoNotOptimize(l.output.data());
  }
  state.SetLabel(v == mote::opt::Conv2DS8Variant::kReference ? "reference" : "optimized");
}

void dw_ref(benchmark::State& state, Layer l) {
  for (auto _ : state) {
    mote::ref::depthwise_conv2d_s8(l.g, l.q, l.input.data(), l.filter.data(), l.bias.data(),
                                   l.output.data());
    benchmark::DoNotOptimize(l.output.data());
  }
}

void dw_opt(benchmark::State& state, Layer l) {
  const mote::opt::DepthwiseS8Variant v = mote::opt::select_depthwise_conv2d_s8(l.g, l.q, 1000);
  for (auto _ : state) {
    mote::opt::depthwise_conv2d_s8(v, l.g, l.q, l.input.data(), l.filter.data(), l.bias.data(),
                                   l.output.data());
    benchmark::DoNotOptimize(l.output.data());
  }
  state.SetLabel(v == mote::opt::DepthwiseS8Variant::kReference ? "reference" : "optimized");
}

// kws_ref_model: 1x1 conv 25x5x64 -> 64 and 3x3 depthwise over 25x5x64; vww_96_int8: its first
// layer (3x3 stride 2 over 96x96x3 -> 8); micro_speech: 10x8-like depthwise with multiplier 8
// (square 9x9 here) over 49x40x1.
BENCHMARK_CAPTURE(conv_ref, kws_pointwise_25x5x64, make_layer(25, 5, 64, 1, 1, 64, false));
BENCHMARK_CAPTURE(conv_opt, kws_pointwise_25x5x64, make_layer(25, 5, 64, 1, 1, 64, false));
BENCHMARK_CAPTURE(conv_ref, vww_first_96x96x3, make_layer(96, 96, 3, 3, 2, 8, false));
BENCHMARK_CAPTURE(conv_opt, vww_first_96x96x3, make_layer(96, 96, 3, 3, 2, 8, false));
BENCHMARK_CAPTURE(dw_ref, kws_depthwise_25x5x64, make_layer(25, 5, 64, 3, 1, 64, true));
BENCHMARK_CAPTURE(dw_opt, kws_depthwise_25x5x64, make_layer(25, 5, 64, 3, 1, 64, true));
BENCHMARK_CAPTURE(dw_ref, micro_depthwise_x8_49x40x1, make_layer(49, 40, 1, 9, 2, 8, true));
BENCHMARK_CAPTURE(dw_opt, micro_depthwise_x8_49x40x1, make_layer(49, 40, 1, 9, 2, 8, true));

}  // namespace

BENCHMARK_MAIN();
