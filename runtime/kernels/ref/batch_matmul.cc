#include "kernels/ref/batch_matmul.h"

#include <limits>
#include <type_traits>

#include "kernels/ref/fixed_point.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {
namespace {

// Runs result(lhs_row, rhs_col) -> Out for every output element, batch by batch, writing the
// output in row-major order. lhs_row points at lhs[a][0], rhs_col at rhs[0][c].
template <typename In, typename Out, typename Element>
void for_each_output(const BatchMatmulGeometry& g, const In* lhs, const In* rhs, Out* output,
                     Element element) {
  for (int32_t b0 = 0; b0 < g.batch_dims[0]; ++b0) {
    for (int32_t b1 = 0; b1 < g.batch_dims[1]; ++b1) {
      for (int32_t b2 = 0; b2 < g.batch_dims[2]; ++b2) {
        const In* lhs_matrix = lhs + b0 * g.lhs_batch_strides[0] + b1 * g.lhs_batch_strides[1] +
                               b2 * g.lhs_batch_strides[2];
        const In* rhs_matrix = rhs + b0 * g.rhs_batch_strides[0] + b1 * g.rhs_batch_strides[1] +
                               b2 * g.rhs_batch_strides[2];
        for (int32_t a = 0; a < g.rows; ++a) {
          for (int32_t c = 0; c < g.cols; ++c) {
            *output++ =
                element(lhs_matrix + a * g.lhs_row_stride, rhs_matrix + c * g.rhs_col_stride);
          }
        }
      }
    }
  }
}

template <typename T, typename Acc>
void batch_matmul_quantized(const BatchMatmulGeometry& g, const BatchMatmulQuant& q, const T* lhs,
                            const T* rhs, T* output) {
  constexpr int64_t kMin = std::numeric_limits<T>::min();
  constexpr int64_t kMax = std::numeric_limits<T>::max();
  for_each_output(g, lhs, rhs, output, [&g, &q](const T* lhs_row, const T* rhs_col) {
    // Unsigned arithmetic so that an overflowing int32 sum wraps (int64 sums cannot overflow:
    // each product is below 2^32 and depth below 2^31).
    using UAcc = typename std::make_unsigned<Acc>::type;
    UAcc total = 0;
    for (int32_t k = 0; k < g.depth; ++k) {
      const Acc l = static_cast<Acc>(lhs_row[k * g.lhs_depth_stride]) - q.lhs_zero_point;
      const Acc r = static_cast<Acc>(rhs_col[k * g.rhs_depth_stride]) - q.rhs_zero_point;
      total += static_cast<UAcc>(l * r);
    }
    const Acc sum = wrap_to<Acc>(static_cast<int64_t>(total));
    const int64_t scaled =
        int64_t{multiply_by_quantized_multiplier(sum, q.multiplier, q.shift)} + q.output_zero_point;
    return static_cast<T>(clamp_to(scaled, kMin, kMax));
  });
}

}  // namespace

void batch_matmul_f32(const BatchMatmulGeometry& g, const float* lhs, const float* rhs,
                      float* output) {
  for_each_output(g, lhs, rhs, output, [&g](const float* lhs_row, const float* rhs_col) {
    float total = 0.0f;
    for (int32_t k = 0; k < g.depth; ++k) {
      total += lhs_row[k * g.lhs_depth_stride] * rhs_col[k * g.rhs_depth_stride];
    }
    return total;
  });
}

void batch_matmul_s8(const BatchMatmulGeometry& g, const BatchMatmulQuant& q, const int8_t* lhs,
                     const int8_t* rhs, int8_t* output) {
  batch_matmul_quantized<int8_t, int32_t>(g, q, lhs, rhs, output);
}

void batch_matmul_s16(const BatchMatmulGeometry& g, const BatchMatmulQuant& q, const int16_t* lhs,
                      const int16_t* rhs, int16_t* output) {
  batch_matmul_quantized<int16_t, int64_t>(g, q, lhs, rhs, output);
}

}  // namespace ref
}  // namespace mote
