// Reference MEAN, SUM, REDUCE_MAX and REDUCE_MIN, bit-exact with the TFLite reference kernels TFLM
// runs (reference_ops::Mean, ReduceGeneric and QuantizedMeanOrSum in reduce.h), and REDUCE_PROD,
// bit-exact with TFLite's (TFLM has none: ReduceGeneric and QuantizedReduceProd).
//
// The input is walked in row-major order and each element is added into the output element it
// maps to, exactly as TFLite's Reduce() does, so every float output is summed in the same order
// (increasing input index). TFLM's 4D float MEAN over axes {1, 2} with keep_dims takes a separate
// loop (reference_ops::Mean with MeanParams) that adds in that same order and divides by the same
// integer count, so it needs no separate code here.
//
// Quantized (int8, int16), with sums in int32 that wrap like TFLite's
// AddTensorValuesWithExpectedOverflow:
//   mean_s8/_s16:                 input and output share scale and zero point (TFLM's
//                                 EvalIntegerMean takes reference_ops::Mean<T, int32_t> then):
//                                 out = sum / count, truncating integer division.
//   quantized_mean_or_sum_s8/_s16: every other MEAN, and SUM:
//                                 out = clamp(MultiplyByQuantizedMultiplier(
//                                         sum - input_zero_point * count, multiplier, shift)
//                                         + output_zero_point), where for MEAN the multiplier
//                                 already contains 1/count (fold_mean_count, done in Prepare).
// Older TFLM also sent int8/int16 4D MEAN over axes {1, 2} with keep_dims to
// reference_integer_ops::Mean; the TFLM these kernels follow (90b983c) no longer does, and its
// QuantizedMeanOrSum is the integer-only version above (no float rescaling).
// An input with no elements gives outputs of 0 (TFLite's T()), as TFLite's early return does.
//
// REDUCE_MAX / REDUCE_MIN (ReduceGeneric with TFLM's reducers): each output starts at the type's
// lowest (max) / largest (min) value and an input replaces it when `in > current` (`in < current`),
// so a NaN never wins and an empty reduction leaves the start value.
// REDUCE_PROD (TFLite): float, int32, int64 and unquantized int8/int16 start at 1 and multiply
// (out = in * out; integers wrap where TFLite's would overflow). Quantized int8/int16
// (QuantizedReduceProd): the first element of each output gives q - input_zero_point, every
// further one p = MultiplyByQuantizedMultiplier(int64(p) * (q - input_zero_point)) (the int64
// version), and the output is MultiplyByQuantizedMultiplier(int64(p)) + output_zero_point, clamped;
// the multiplier is quantized_product_scaling().
//
// Scratch: the quantized functions take `sums` / `products`, g.output_count int32 values.
#pragma once

#include <cstdint>

#include "mote/shape.h"

namespace mote {
namespace ref {

// A reduction, with adjacent dimensions of the same kind (reduced or kept) merged and size-1
// dimensions dropped; neither changes the order in which inputs are visited. Every count fits in
// int32: make_reduce_geometry refuses larger ones.
struct ReduceGeometry {
  int32_t rank = 0;                       // after merging, 1..kMaxRank
  int32_t dims[kMaxRank] = {};            // merged input dimensions
  int32_t output_strides[kMaxRank] = {};  // output elements per step in each dim; 0 if reduced
  int32_t input_count = 0;
  int32_t output_count = 0;
  int32_t reduced_count = 0;  // input elements per output ("num_elements_in_axis")
};

// Builds the geometry for an input of `rank` dimensions (0..kMaxRank) where reduced[i] says
// whether dimension i is reduced. False if rank is out of range or the input, or the number of
// elements per output, is 2^31 or more.
bool make_reduce_geometry(const int32_t* dims, int32_t rank, const bool* reduced,
                          ReduceGeometry* g);

struct ReduceQuant {
  int32_t input_zero_point = 0;
  int32_t output_zero_point = 0;
  // Q31, from input_scale / output_scale (1/count folded in for MEAN), or for a quantized
  // REDUCE_PROD from quantized_product_scaling().
  int32_t multiplier = 0;
  int32_t shift = 0;
};

// TFLite QuantizedMeanOrSum's 1/count folding for MEAN: s = min(floor(log2(count)), 32,
// 31 + shift); multiplier = (multiplier * 2^s) / count (int64, truncating); shift -= s.
// count must be >= 1.
void fold_mean_count(int32_t count, int32_t* multiplier, int32_t* shift);

void sum_f32(const ReduceGeometry& g, const float* input, float* output);
void mean_f32(const ReduceGeometry& g, const float* input, float* output);

void mean_s8(const ReduceGeometry& g, const int8_t* input, int32_t* sums, int8_t* output);
void mean_s16(const ReduceGeometry& g, const int16_t* input, int32_t* sums, int16_t* output);

// REDUCE_MAX / REDUCE_MIN. T: float, int8_t, int16_t, int32_t.
template <typename T>
void reduce_max(const ReduceGeometry& g, const T* input, T* output);
template <typename T>
void reduce_min(const ReduceGeometry& g, const T* input, T* output);

// REDUCE_PROD without quantization. T: float, int8_t, int16_t, int32_t, int64_t.
template <typename T>
void reduce_prod(const ReduceGeometry& g, const T* input, T* output);

// TFLite's GetQuantProdScaling: input_scale / output_scale^(1 / reduced_count) in double
// (std::pow), the multiplier applied at each step of a quantized product. reduced_count >= 1.
double quantized_product_scaling(double input_scale, double output_scale, int32_t reduced_count);

void quantized_reduce_prod_s8(const ReduceGeometry& g, const ReduceQuant& q, const int8_t* input,
                              int32_t* products, int8_t* output);
void quantized_reduce_prod_s16(const ReduceGeometry& g, const ReduceQuant& q, const int16_t* input,
                               int32_t* products, int16_t* output);

void quantized_mean_or_sum_s8(const ReduceGeometry& g, const ReduceQuant& q, const int8_t* input,
                              int32_t* sums, int8_t* output);
void quantized_mean_or_sum_s16(const ReduceGeometry& g, const ReduceQuant& q, const int16_t* input,
                               int32_t* sums, int16_t* output);

}  // namespace ref
}  // namespace mote
