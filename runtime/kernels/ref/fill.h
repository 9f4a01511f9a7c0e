// Reference FILL (and ZEROS_LIKE, a fill with zero): every output element is a copy of one value
// element, as TFLite's reference_ops::Fill writes it. Written once over the element size.
//
//   ref::fill(&value, sizeof(float), count, output);
#pragma once

#include <cstddef>
#include <cstdint>

namespace mote {
namespace ref {

// value: one element of element_size bytes (any alignment); output: count elements.
void fill(const void* value, size_t element_size, int64_t count, void* output);

}  // namespace ref
}  // namespace mote
