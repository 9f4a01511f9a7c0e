#include "kernels/ref/concatenation.h"

#include <cstring>

namespace mote {
namespace ref {

void concatenate_part(const ConcatPart& part, const void* input, void* output) {
  // Zero-sized tensors may have no buffer at all; memcpy must not see those pointers.
  if (part.outer == 0 || part.chunk_bytes == 0) return;
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output) + part.offset_bytes;
  for (int64_t k = 0; k < part.outer; ++k) {
    std::memcpy(out + k * part.row_bytes, in + k * part.chunk_bytes,
                static_cast<size_t>(part.chunk_bytes));
  }
}

}  // namespace ref
}  // namespace mote
