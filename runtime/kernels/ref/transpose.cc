#include "kernels/ref/transpose.h"

#include <cstring>

namespace mote {
namespace ref {
namespace {

// Walks the output in row-major order with an odometer over the outer axes and a strided inner
// loop over the last one. kSize > 0 makes every element copy a fixed-size move; kSize == 0 uses
// the run-time element size.
template <size_t kSize>
void transpose_walk(const TransposeGeometry& g, size_t element_size, const uint8_t* in,
                    uint8_t* out) {
  const int64_t size = static_cast<int64_t>(kSize != 0 ? kSize : element_size);
  const auto copy = [element_size](uint8_t* dst, const uint8_t* src) {
    std::memcpy(dst, src, kSize != 0 ? kSize : element_size);
  };
  if (g.rank == 0) {
    copy(out, in);
    return;
  }
  for (int32_t d = 0; d < g.rank; ++d) {
    if (g.output_dims[d] == 0) return;
  }
  const int32_t last = g.rank - 1;
  const int32_t inner = g.output_dims[last];
  const int64_t inner_stride = g.input_strides[last];
  int32_t index[kTransposeMaxRank] = {};
  int64_t base = 0;  // input element offset of the outer indices
  for (;;) {
    for (int32_t i = 0; i < inner; ++i) {
      copy(out, in + (base + i * inner_stride) * size);
      out += size;
    }
    int32_t d = last - 1;
    for (; d >= 0; --d) {
      base += g.input_strides[d];
      if (++index[d] < g.output_dims[d]) break;
      base -= g.input_strides[d] * g.output_dims[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

}  // namespace

void transpose(const TransposeGeometry& g, size_t element_size, const void* input, void* output) {
  const auto* in = static_cast<const uint8_t*>(input);
  auto* out = static_cast<uint8_t*>(output);
  switch (element_size) {
    case 1:
      transpose_walk<1>(g, element_size, in, out);
      break;
    case 2:
      transpose_walk<2>(g, element_size, in, out);
      break;
    case 4:
      transpose_walk<4>(g, element_size, in, out);
      break;
    case 8:
      transpose_walk<8>(g, element_size, in, out);
      break;
    default:
      transpose_walk<0>(g, element_size, in, out);
      break;
  }
}

}  // namespace ref
}  // namespace mote
