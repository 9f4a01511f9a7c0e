// Reference CONCATENATION and PACK data movement, bit-exact with TFLite's
// reference_ops::Concatenation and TFLM's PackImpl (both only move bytes).
//
// Written once over raw bytes: the element type only sets the element size, which the caller
// folds into the byte counts below. Around the concatenation axis every tensor is viewed as
// [outer, axis, inner] in row-major order. Each input then contributes, to each of the `outer`
// rows of the output, one contiguous chunk of (its axis extent x inner) elements, placed after
// the chunks of the inputs before it. PACK is the same with an axis extent of 1 per input.
//
//   ref::ConcatPart part{outer, chunk_bytes, row_bytes, offset_bytes};
//   ref::concatenate_part(part, input_i, output);  // once per input, any order
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

// Where one input goes in the output. All values are >= 0 and in bytes, except `outer`
// (a count of rows). offset_bytes + chunk_bytes <= row_bytes.
struct ConcatPart {
  int64_t outer = 0;         // product of the dimensions before the axis
  int64_t chunk_bytes = 0;   // this input's axis extent x inner elements x element size
  int64_t row_bytes = 0;     // the output's axis extent x inner elements x element size
  int64_t offset_bytes = 0;  // start of this input's chunk inside an output row
};

// Copies the outer x chunk_bytes bytes of `input` into their chunks of `output`
// (outer x row_bytes bytes). Inputs write disjoint bytes, so parts can run in any order.
void concatenate_part(const ConcatPart& part, const void* input, void* output);

}  // namespace ref
}  // namespace mote
