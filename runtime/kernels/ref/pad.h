// Reference PAD / PADV2, bit-exact with TFLite's reference_ops::PadImpl (which TFLM runs for
// both ops): every output element is either the next input element, in row-major order, or the
// pad value when any of its coordinates falls in a padding band.
//
// Written once over raw bytes: the element type only sets element_size, and the pad value is
// one element of that size (the caller picks it: 0, the output zero point for int8 PAD, or
// PADV2's constant).
//
//   ref::PadGeometry g;  // rank, input dims, paddings, element size
//   ref::pad(g, input, &pad_value, output);
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

constexpr int32_t kPadMaxRank = 6;

struct PadGeometry {
  int32_t rank = 0;                      // 0..kPadMaxRank
  int32_t input_dims[kPadMaxRank] = {};  // >= 0
  int32_t before[kPadMaxRank] = {};      // elements added before the input along each axis, >= 0
  int32_t after[kPadMaxRank] = {};       // elements added after, >= 0
  size_t element_size = 0;               // bytes, >= 1
};

// output dims are input_dims[d] + before[d] + after[d]. `pad_value` points to one element
// (any alignment); `input` and `output` must not overlap.
void pad(const PadGeometry& g, const void* input, const void* pad_value, void* output);

}  // namespace ref
}  // namespace mote
