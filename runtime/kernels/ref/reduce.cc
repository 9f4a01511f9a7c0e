#include "kernels/ref/reduce.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// Adds every input element into its output element (out = add(out, in)), visiting the input in
// row-major order. The innermost merged dimension runs as a plain loop; the outer ones advance
// an odometer that keeps the output offset up to date.
template <typename In, typename Acc, typename Add>
void accumulate(const ReduceGeometry& g, const In* input, Acc* output, Add add) {
  if (g.input_count == 0) return;
  const int32_t inner = g.rank - 1;
  const int32_t inner_size = g.dims[inner];
  const int32_t inner_stride = g.output_strides[inner];
  int32_t index[kMaxRank] = {};
  int32_t out_offset = 0;  // stays within [0, output_count)
  for (;;) {
    Acc* out = output + out_offset;
    if (inner_stride == 0) {
      for (int32_t i = 0; i < inner_size; ++i) *out = add(*out, input[i]);
    } else {
      for (int32_t i = 0; i < inner_size; ++i) {
        out[i * inner_stride] = add(out[i * inner_stride], input[i]);
      }
    }
    input += inner_size;
    int32_t d = inner - 1;
    for (; d >= 0; --d) {
      out_offset += g.output_strides[d];
      if (++index[d] < g.dims[d]) break;
      out_offset -= g.output_strides[d] * g.dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// Like accumulate(), but the first input element of each output (all its reduced indices 0, as
// TFLite's IsFirstReduction tests) sets it with out = first(in); the others apply
// out = next(out, in).
template <typename In, typename Acc, typename First, typename Next>
void accumulate_first_next(const ReduceGeometry& g, const In* input, Acc* output, First first,
                           Next next) {
  if (g.input_count == 0) return;
  const int32_t inner = g.rank - 1;
  const int32_t inner_size = g.dims[inner];
  const int32_t inner_stride = g.output_strides[inner];
  int32_t index[kMaxRank] = {};
  int32_t out_offset = 0;  // stays within [0, output_count)
  for (;;) {
    bool outer_first = true;  // every reduced outer index is 0
    for (int32_t d = 0; d < inner; ++d) {
      if (g.output_strides[d] == 0 && index[d] != 0) outer_first = false;
    }
    Acc* out = output + out_offset;
    for (int32_t i = 0; i < inner_size; ++i) {
      Acc& o = out[i * inner_stride];
      const bool is_first = outer_first && (inner_stride != 0 || i == 0);
      o = is_first ? first(input[i]) : next(o, input[i]);
    }
    input += inner_size;
    int32_t d = inner - 1;
    for (; d >= 0; --d) {
      out_offset += g.output_strides[d];
      if (++index[d] < g.dims[d]) break;
      out_offset -= g.output_strides[d] * g.dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

// ReduceGeneric: every output starts at `init`, then out = reducer(out, in) in input order.
template <typename T, typename Reducer>
void reduce_generic(const ReduceGeometry& g, T init, const T* input, T* output, Reducer reducer) {
  for (int32_t i = 0; i < g.output_count; ++i) output[i] = init;
  accumulate(g, input, output, reducer);
}

// in * current as TFLite's reducer computes it, wrapping (in the promoted type, then narrowed)
// where TFLite's signed multiplication would overflow.
template <typename T>
T multiply(T current, T in) {
  if constexpr (std::is_floating_point<T>::value) {
    return in * current;
  } else {
    using U = typename std::make_unsigned<decltype(+in * current)>::type;
    const U product = static_cast<U>(static_cast<U>(+in) * static_cast<U>(+current));
    return static_cast<T>(wrap_to<decltype(+in * current)>(static_cast<int64_t>(product)));
  }
}

template <typename T>
void quantized_reduce_prod(const ReduceGeometry& g, const ReduceQuant& q, const T* input,
                           int32_t* products, T* output) {
  const int32_t zero_point = q.input_zero_point;
  accumulate_first_next(
      g, input, products, [zero_point](T in) { return int32_t{in} - zero_point; },
      [zero_point, &q](int32_t current, T in) {
        const int64_t product = int64_t{current} * (int32_t{in} - zero_point);
        return multiply_by_quantized_multiplier(product, q.multiplier, q.shift);
      });
  constexpr int64_t kMin = std::numeric_limits<T>::min();
  constexpr int64_t kMax = std::numeric_limits<T>::max();
  for (int32_t i = 0; i < g.output_count; ++i) {
    const int64_t v =
        int64_t{multiply_by_quantized_multiplier(int64_t{products[i]}, q.multiplier, q.shift)} +
        q.output_zero_point;
    output[i] = static_cast<T>(clamp_to(v, kMin, kMax));
  }
}

// int32 sums that wrap on overflow, like TFLite's AddTensorValuesWithExpectedOverflow.
template <typename T>
void sum_to_s32(const ReduceGeometry& g, const T* input, int32_t* sums) {
  for (int32_t i = 0; i < g.output_count; ++i) sums[i] = 0;
  accumulate(g, input, sums, [](int32_t acc, T v) {
    return static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(int32_t{v}));
  });
}

template <typename T>
void mean_int(const ReduceGeometry& g, const T* input, int32_t* sums, T* output) {
  sum_to_s32(g, input, sums);
  const int32_t count = g.reduced_count;
  for (int32_t i = 0; i < g.output_count; ++i) {
    output[i] = count > 0 ? wrap_to<T>(sums[i] / count) : T{0};
  }
}

template <typename T>
void quantized_mean_or_sum(const ReduceGeometry& g, const ReduceQuant& q, const T* input,
                           int32_t* sums, T* output) {
  if (g.input_count == 0 || g.reduced_count == 0) {
    for (int32_t i = 0; i < g.output_count; ++i) output[i] = T{0};
    return;
  }
  sum_to_s32(g, input, sums);
  constexpr int64_t kMin = std::numeric_limits<T>::min();
  constexpr int64_t kMax = std::numeric_limits<T>::max();
  // TFLite subtracts the zero points in int64 and narrows the result to int32.
  const int64_t zero_point_sum = static_cast<int64_t>(q.input_zero_point) * g.reduced_count;
  for (int32_t i = 0; i < g.output_count; ++i) {
    const int32_t shifted = wrap_to<int32_t>(sums[i] - zero_point_sum);
    // The sum is formed in int64 so that no zero point can overflow it; where TFLite's int32
    // addition is defined the clamped result is the same.
    int64_t v =
        static_cast<int64_t>(multiply_by_quantized_multiplier(shifted, q.multiplier, q.shift)) +
        q.output_zero_point;
    v = v < kMin ? kMin : v;
    v = v > kMax ? kMax : v;
    output[i] = static_cast<T>(v);
  }
}

}  // namespace

bool make_reduce_geometry(const int32_t* dims, int32_t rank, const bool* reduced,
                          ReduceGeometry* g) {
  if (rank < 0 || rank > kMaxRank) return false;
  *g = ReduceGeometry();
  bool merged_reduced[kMaxRank] = {};
  int64_t input_count = 1;
  int64_t reduced_count = 1;
  for (int32_t i = 0; i < rank; ++i) {
    input_count *= dims[i];
    if (input_count > std::numeric_limits<int32_t>::max()) return false;
    if (reduced[i]) reduced_count *= dims[i];
    // An empty kept dimension lets the reduced ones multiply past the (zero) input size.
    if (reduced_count > std::numeric_limits<int32_t>::max()) return false;
    if (dims[i] == 1) continue;  // visits nothing new; drop it
    if (g->rank > 0 && merged_reduced[g->rank - 1] == reduced[i]) {
      g->dims[g->rank - 1] *= dims[i];  // at most input_count
    } else {
      g->dims[g->rank] = dims[i];
      merged_reduced[g->rank] = reduced[i];
      ++g->rank;
    }
  }
  if (g->rank == 0) {  // a single element
    g->rank = 1;
    g->dims[0] = 1;
  }
  int32_t stride = 1;
  for (int32_t i = g->rank - 1; i >= 0; --i) {
    if (merged_reduced[i]) {
      g->output_strides[i] = 0;
    } else {
      g->output_strides[i] = stride;
      stride *= g->dims[i];  // at most input_count
    }
  }
  g->input_count = static_cast<int32_t>(input_count);
  g->output_count = stride;
  g->reduced_count = static_cast<int32_t>(reduced_count);
  return true;
}

void fold_mean_count(int32_t count, int32_t* multiplier, int32_t* shift) {
  if (count <= 0) return;
  int s = 63 - count_leading_zeros(static_cast<uint64_t>(count));
  s = s < 32 ? s : 32;
  s = s < 31 + *shift ? s : 31 + *shift;
  // quantize_multiplier keeps shift >= -31, so s >= 0; the guard only keeps the shift defined.
  s = s > 0 ? s : 0;
  // multiplier < 2^31 and s <= 32, so the product fits in int64 (TFLite shifts left instead).
  *multiplier = static_cast<int32_t>(static_cast<int64_t>(*multiplier) * (int64_t{1} << s) / count);
  *shift -= s;
}

void sum_f32(const ReduceGeometry& g, const float* input, float* output) {
  for (int32_t i = 0; i < g.output_count; ++i) output[i] = 0.0f;
  accumulate(g, input, output, [](float acc, float v) { return acc + v; });
}

void mean_f32(const ReduceGeometry& g, const float* input, float* output) {
  sum_f32(g, input, output);
  if (g.reduced_count == 0) return;
  // TFLite divides by static_cast<float>(count) (the 4D special case by the int product
  // width * height converted to float: the same value).
  const float count = static_cast<float>(g.reduced_count);
  for (int32_t i = 0; i < g.output_count; ++i) output[i] = output[i] / count;
}

void mean_s8(const ReduceGeometry& g, const int8_t* input, int32_t* sums, int8_t* output) {
  mean_int(g, input, sums, output);
}

void mean_s16(const ReduceGeometry& g, const int16_t* input, int32_t* sums, int16_t* output) {
  mean_int(g, input, sums, output);
}

void quantized_mean_or_sum_s8(const ReduceGeometry& g, const ReduceQuant& q, const int8_t* input,
                              int32_t* sums, int8_t* output) {
  quantized_mean_or_sum(g, q, input, sums, output);
}

void quantized_mean_or_sum_s16(const ReduceGeometry& g, const ReduceQuant& q, const int16_t* input,
                               int32_t* sums, int16_t* output) {
  quantized_mean_or_sum(g, q, input, sums, output);
}

template <typename T>
void reduce_max(const ReduceGeometry& g, const T* input, T* output) {
  reduce_generic(g, std::numeric_limits<T>::lowest(), input, output,
                 [](T current, T in) { return (in > current) ? in : current; });
}

template <typename T>
void reduce_min(const ReduceGeometry& g, const T* input, T* output) {
  reduce_generic(g, std::numeric_limits<T>::max(), input, output,
                 [](T current, T in) { return (in < current) ? in : current; });
}

template <typename T>
void reduce_prod(const ReduceGeometry& g, const T* input, T* output) {
  reduce_generic(g, static_cast<T>(1), input, output, multiply<T>);
}

template void reduce_max<float>(const ReduceGeometry&, const float*, float*);
template void reduce_max<int8_t>(const ReduceGeometry&, const int8_t*, int8_t*);
template void reduce_max<int16_t>(const ReduceGeometry&, const int16_t*, int16_t*);
template void reduce_max<int32_t>(const ReduceGeometry&, const int32_t*, int32_t*);
template void reduce_min<float>(const ReduceGeometry&, const float*, float*);
template void reduce_min<int8_t>(const ReduceGeometry&, const int8_t*, int8_t*);
template void reduce_min<int16_t>(const ReduceGeometry&, const int16_t*, int16_t*);
template void reduce_min<int32_t>(const ReduceGeometry&, const int32_t*, int32_t*);
template void reduce_prod<float>(const ReduceGeometry&, const float*, float*);
template void reduce_prod<int8_t>(const ReduceGeometry&, const int8_t*, int8_t*);
template void reduce_prod<int16_t>(const ReduceGeometry&, const int16_t*, int16_t*);
template void reduce_prod<int32_t>(const ReduceGeometry&, const int32_t*, int32_t*);
template void reduce_prod<int64_t>(const ReduceGeometry&, const int64_t*, int64_t*);

double quantized_product_scaling(double input_scale, double output_scale, int32_t reduced_count) {
  return input_scale / std::pow(output_scale, 1.0 / reduced_count);
}

void quantized_reduce_prod_s8(const ReduceGeometry& g, const ReduceQuant& q, const int8_t* input,
                              int32_t* products, int8_t* output) {
  quantized_reduce_prod(g, q, input, products, output);
}

void quantized_reduce_prod_s16(const ReduceGeometry& g, const ReduceQuant& q, const int16_t* input,
                               int32_t* products, int16_t* output) {
  quantized_reduce_prod(g, q, input, products, output);
}

}  // namespace ref
}  // namespace mote
