// Optimized int8 ADD and SUB: the variants of ref::add_sub_quantized<int8_t> and the dispatcher.
//
// Variants (bit-exact with the reference; tests/parity/parity_add_sub.cc):
//   kReference    ref::add_sub_quantized<int8_t> (broadcasting, int16, anything else).
//   kElementwise  inputs of the output's shape: each element's three rescalings are
//                 prim::rescale (one SMMLAR each on the DSP), no broadcast bookkeeping.
//                 Needs the int8 left shift of 20 and multipliers/shifts in rescale's domain.
#pragma once

#include <cstdint>

#include "kernels/ref/add_sub.h"

namespace mote {
namespace opt {

enum class AddSubS8Variant : uint8_t { kReference, kElementwise };

bool can_use_add_sub_elementwise(const ref::BroadcastGeometry& g, const ref::AddSubQuant& q);

AddSubS8Variant select_add_sub_s8(const ref::BroadcastGeometry& g, const ref::AddSubQuant& q);

void add_sub_s8(AddSubS8Variant variant, ref::AddSubKind kind, const ref::BroadcastGeometry& g,
                const ref::AddSubQuant& q, const int8_t* input1, const int8_t* input2,
                int8_t* output);

void add_sub_s8_elementwise(ref::AddSubKind kind, const ref::BroadcastGeometry& g,
                            const ref::AddSubQuant& q, const int8_t* input1, const int8_t* input2,
                            int8_t* output);

}  // namespace opt
}  // namespace mote
