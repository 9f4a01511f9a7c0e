#include "kernels/ref/mirror_pad.h"

#include <cstring>

namespace mote {
namespace ref {

int32_t mirror_pad_source(int32_t padded, int32_t before, int32_t input_size, int32_t offset) {
  if (padded < before) {
    const int32_t original = before + offset - 1;
    const int32_t step = original - offset;
    return original - (padded < step ? padded : step);
  }
  padded -= before;
  if (padded >= input_size) {
    padded -= input_size;
    const int32_t original = input_size - (1 + offset);
    return original - (padded < original ? padded : original);
  }
  return padded;
}

void mirror_pad(const MirrorPadGeometry& g, size_t element_size, const void* input, void* output) {
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output);
  if (g.rank == 0) {
    std::memcpy(out, in, element_size);
    return;
  }
  for (int32_t d = 0; d < g.rank; ++d) {
    if (g.output_dims[d] == 0) return;
  }
  int64_t strides[kMaxRank] = {};  // input elements per step along each axis
  int64_t stride = 1;
  for (int32_t d = g.rank - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= g.input_dims[d];
  }
  // Odometer over the outer output axes; `base` is the input offset of their mirrored
  // coordinates. The innermost axis is mirrored element by element.
  const int32_t last = g.rank - 1;
  int32_t index[kMaxRank] = {};
  for (;;) {
    int64_t base = 0;
    for (int32_t d = 0; d < last; ++d) {
      base += mirror_pad_source(index[d], g.before[d], g.input_dims[d], g.offset) * strides[d];
    }
    for (int32_t i = 0; i < g.output_dims[last]; ++i) {
      const int32_t source = mirror_pad_source(i, g.before[last], g.input_dims[last], g.offset);
      std::memcpy(out, in + static_cast<size_t>(base + source) * element_size, element_size);
      out += element_size;
    }
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      if (++index[d] < g.output_dims[d]) break;
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace ref
}  // namespace mote
