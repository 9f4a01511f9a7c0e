#include "kernels/opt/add_sub_opt.h"

#include "kernels/opt/requant.h"
#include "kernels/primitives/primitives.h"

namespace mote {
namespace opt {
namespace {

bool rescale_supported(int32_t multiplier, int32_t shift) {
  return multiplier >= 0 && shift <= 0 && shift >= -31;
}

// The elementwise loop for one kind (a compile-time sign, so the loop holds no branch).
//   |x + offset| <= 255 and 255 << 20 < 2^28, so each shifted input is within rescale()'s
//   bound; each rescaled input is at most half of it (multipliers below one), so their sum or
//   difference is below 2^29 and within the bound for the output rescale too.
template <ref::AddSubKind kKind>
void elementwise(const ref::AddSubQuant& q, const int8_t* input1, const int8_t* input2,
                 int8_t* output, int64_t count) {
  const prim::RescaleChannel r1 = prim::rescale_channel(q.input1_multiplier, q.input1_shift);
  const prim::RescaleChannel r2 = prim::rescale_channel(q.input2_multiplier, q.input2_shift);
  const prim::RescaleChannel ro = prim::rescale_channel(q.output_multiplier, q.output_shift);
  const int32_t shift = q.left_shift;
  for (int64_t i = 0; i < count; ++i) {
    const int32_t s1 = prim::rescale((input1[i] + q.input1_offset) * (1 << shift), r1);
    const int32_t s2 = prim::rescale((input2[i] + q.input2_offset) * (1 << shift), r2);
    const int32_t raw = kKind == ref::AddSubKind::kAdd ? s1 + s2 : s1 - s2;
    output[i] = static_cast<int8_t>(prim::saturate_s8(prim::rescale(raw, ro) + q.output_offset));
  }
}

}  // namespace

bool can_use_add_sub_elementwise(const ref::BroadcastGeometry& g, const ref::AddSubQuant& q) {
  return g.same_shape && q.left_shift == 20 &&
         rescale_supported(q.input1_multiplier, q.input1_shift) &&
         rescale_supported(q.input2_multiplier, q.input2_shift) &&
         rescale_supported(q.output_multiplier, q.output_shift);
}

AddSubS8Variant select_add_sub_s8(const ref::BroadcastGeometry& g, const ref::AddSubQuant& q) {
  if (can_use_add_sub_elementwise(g, q)) return AddSubS8Variant::kElementwise;
  return AddSubS8Variant::kReference;
}

void add_sub_s8(AddSubS8Variant variant, ref::AddSubKind kind, const ref::BroadcastGeometry& g,
                const ref::AddSubQuant& q, const int8_t* input1, const int8_t* input2,
                int8_t* output) {
  if (variant == AddSubS8Variant::kElementwise) {
    add_sub_s8_elementwise(kind, g, q, input1, input2, output);
    return;
  }
  ref::add_sub_quantized(kind, g, q, input1, input2, output);
}

void add_sub_s8_elementwise(ref::AddSubKind kind, const ref::BroadcastGeometry& g,
                            const ref::AddSubQuant& q, const int8_t* input1, const int8_t* input2,
                            int8_t* output) {
  if (kind == ref::AddSubKind::kAdd) {
    elementwise<ref::AddSubKind::kAdd>(q, input1, input2, output, g.flat_size);
  } else {
    elementwise<ref::AddSubKind::kSub>(q, input1, input2, output, g.flat_size);
  }
  if (needs_clamp(q.activation_min, q.activation_max)) {
    prim::clamp_s8(output, static_cast<size_t>(g.flat_size), q.activation_min, q.activation_max);
  }
}

}  // namespace opt
}  // namespace mote
