// Test helpers shared by conv2d_test.cc, depthwise_conv2d_test.cc and transpose_conv_test.cc:
// TFLite's window arithmetic and requantization written out independently of the kernels, a
// seeded random source, and tensor definitions for per-channel filters.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "kernels/ref/quantization.h"
#include "op_test_harness.h"

namespace mote::testing::conv_test {

// Output size and leading padding along one axis, as TFLite's padding.h defines them
// (SAME: ceil(in / stride); VALID: the window must fit; odd total padding goes after).
struct Axis {
  int32_t out = 0;
  int32_t pad = 0;
};
inline Axis window_axis(bool same, int32_t in, int32_t filter, int32_t stride,
                        int32_t dilation = 1) {
  const int32_t effective = (filter - 1) * dilation + 1;
  Axis a;
  a.out = same ? (in + stride - 1) / stride : (in + stride - effective) / stride;
  a.pad = std::max(0, (a.out - 1) * stride + effective - in) / 2;
  return a;
}

// multiply_by_quantized_multiplier's parameters for one channel, derived as TFLite's
// PopulateConvolutionQuantizationParams does (double product, then QuantizeMultiplier).
struct Requant {
  int32_t multiplier = 0;
  int shift = 0;
};
inline Requant requant(float input_scale, float filter_scale, float output_scale) {
  Requant r;
  const double real = static_cast<double>(input_scale) * static_cast<double>(filter_scale) /
                      static_cast<double>(output_scale);
  if (!ref::quantize_multiplier(real, &r.multiplier, &r.shift)) r = Requant{};
  return r;
}

template <typename T>
T clamp_cast(int64_t v, int32_t lo, int32_t hi) {
  return static_cast<T>(std::min<int64_t>(std::max<int64_t>(v, lo), hi));
}

// Deterministic random values for the parity tests.
class Random {
 public:
  explicit Random(uint32_t seed) : gen_(seed) {}
  int32_t uniform(int32_t lo, int32_t hi) {  // inclusive
    return std::uniform_int_distribution<int32_t>(lo, hi)(gen_);
  }
  float real(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(gen_); }
  bool coin() { return uniform(0, 1) == 1; }
  template <typename T>
  std::vector<T> ints(size_t n, int32_t lo, int32_t hi) {
    std::vector<T> v(n);
    for (auto& x : v) x = static_cast<T>(uniform(lo, hi));
    return v;
  }
  std::vector<float> reals(size_t n, float lo, float hi) {
    std::vector<float> v(n);
    for (auto& x : v) x = real(lo, hi);
    return v;
  }

 private:
  std::mt19937 gen_;
};

// An int8 filter quantized per channel along `dim` (zero points 0).
inline tools::TensorDef filter_s8(std::vector<int32_t> shape, std::vector<float> scales,
                                  int32_t dim) {
  tools::TensorDef def = GraphBuilder::tensor_s8(std::move(shape), scales[0], 0);
  def.quant.scales = scales;
  def.quant.zero_points.assign(scales.size(), 0);
  def.quant.quantized_dimension = dim;
  return def;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace mote::testing::conv_test
