#include "kernels/ref/mul.h"

#include "kernels/ref/elementwise_math.h"
#include "kernels/ref/quantization.h"

namespace mote {
namespace ref {

template <typename T>
void mul(const BroadcastGeometry& g, T activation_min, T activation_max, const T* input1,
         const T* input2, T* output) {
  broadcast_binary(g, input1, input2, output, [activation_min, activation_max](T a, T b) {
    return activation_function_with_min_max(plain_mul(a, b), activation_min, activation_max);
  });
}

template <typename T>
void mul_quantized(const BroadcastGeometry& g, const MulQuant& q, const T* input1, const T* input2,
                   T* output) {
  broadcast_binary(g, input1, input2, output, [&q](T a, T b) {
    // At most 255 * 255 (int8) or 32768 * 32768 (int16, zero points 0), so this never wraps
    // for the parameters Prepare accepts.
    const int32_t product = plain_mul(q.input1_offset + a, q.input2_offset + b);
    const int32_t out =
        wrapping_add(multiply_by_quantized_multiplier(product, q.output_multiplier, q.output_shift),
                     q.output_offset);
    return static_cast<T>(clamp_to(out, q.activation_min, q.activation_max));
  });
}

template void mul<float>(const BroadcastGeometry&, float, float, const float*, const float*,
                         float*);
template void mul<int32_t>(const BroadcastGeometry&, int32_t, int32_t, const int32_t*,
                           const int32_t*, int32_t*);
template void mul_quantized<int8_t>(const BroadcastGeometry&, const MulQuant&, const int8_t*,
                                    const int8_t*, int8_t*);
template void mul_quantized<int16_t>(const BroadcastGeometry&, const MulQuant&, const int16_t*,
                                     const int16_t*, int16_t*);

}  // namespace ref
}  // namespace mote
