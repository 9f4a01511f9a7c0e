#include "kernels/ref/fill.h"

#include <cstring>

namespace mote {
namespace ref {

void fill(const void* value, size_t element_size, int64_t count, void* output) {
  auto* out = static_cast<uint8_t*>(output);
  for (int64_t i = 0; i < count; ++i) {
    std::memcpy(out, value, element_size);
    out += element_size;
  }
}

}  // namespace ref
}  // namespace mote
