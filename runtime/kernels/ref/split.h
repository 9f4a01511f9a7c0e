// Reference SPLIT and UNPACK data movement, bit-exact with TFLM's SplitImpl and UnpackImpl
// (both only move bytes): the inverse of ref/concatenation.h.
//
// Around the split axis every tensor is viewed as [outer, axis, inner] in row-major order. Each
// output takes, from each of the `outer` rows of the input, one contiguous chunk of (its axis
// extent x inner) elements, which follows the chunks of the outputs before it. UNPACK is the
// same with an axis extent of 1 per output.
//
//   ref::SplitPart part{outer, chunk_bytes, row_bytes, offset_bytes};
//   ref::split_part(part, input, output_i);  // once per output
#pragma once

#include <cstdint>

namespace mote {
namespace ref {

// Where one output comes from in the input. All values are >= 0 and in bytes, except `outer`
// (a count of rows). offset_bytes + chunk_bytes <= row_bytes.
struct SplitPart {
  int64_t outer = 0;         // product of the dimensions before the axis
  int64_t chunk_bytes = 0;   // this output's axis extent x inner elements x element size
  int64_t row_bytes = 0;     // the input's axis extent x inner elements x element size
  int64_t offset_bytes = 0;  // start of this output's chunk inside an input row
};

// Gathers this output's chunk from every input row into the outer x chunk_bytes bytes of
// `output`.
void split_part(const SplitPart& part, const void* input, void* output);

}  // namespace ref
}  // namespace mote
