#include "kernels/ref/split.h"

#include <cstring>

namespace mote {
namespace ref {

void split_part(const SplitPart& part, const void* input, void* output) {
  // Zero-sized tensors may have no buffer at all; memcpy must not see those pointers.
  if (part.outer == 0 || part.chunk_bytes == 0) return;
  const auto* in = static_cast<const uint8_t*>(input) + part.offset_bytes;
  auto* out = static_cast<uint8_t*>(output);
  for (int64_t k = 0; k < part.outer; ++k) {
    std::memcpy(out + k * part.chunk_bytes, in + k * part.row_bytes,
                static_cast<size_t>(part.chunk_bytes));
  }
}

}  // namespace ref
}  // namespace mote
