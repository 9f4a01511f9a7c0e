#include "kernels/ref/gather.h"

#include <cstring>

namespace mote {
namespace ref {
namespace {

// The loops of TFLM's Gather: for each (batch, outer, coord) one memcpy of `inner` elements.
template <typename Index>
int64_t gather_impl(const GatherGeometry& g, size_t element_size, const void* params,
                    const Index* indices, void* output) {
  const auto* in = static_cast<const uint8_t*>(params);
  auto* out = static_cast<uint8_t*>(output);
  const size_t slice_bytes = static_cast<size_t>(g.inner) * element_size;
  for (int64_t b = 0; b < g.batch; ++b) {
    for (int64_t o = 0; o < g.outer; ++o) {
      const int64_t in_row = (b * g.outer + o) * g.axis_size;
      for (int64_t c = 0; c < g.coords; ++c) {
        const int64_t position = b * g.coords + c;
        const int64_t index = indices[position];
        if (index < 0 || index >= g.axis_size) return position;
        if (slice_bytes != 0) {
          std::memcpy(out, in + static_cast<size_t>(in_row + index) * slice_bytes, slice_bytes);
        }
        out += slice_bytes;
      }
    }
  }
  return kIndicesInRange;
}

// TFLM's GatherNd, with every index checked against its own dimension (TFLM only checks that the
// whole slice lies inside params, which lets an index overflow into the next row).
template <typename Index>
int64_t gather_nd_impl(const GatherNdGeometry& g, size_t element_size, const void* params,
                       const Index* indices, void* output) {
  const auto* in = static_cast<const uint8_t*>(params);
  auto* out = static_cast<uint8_t*>(output);
  const size_t slice_bytes = static_cast<size_t>(g.slice_size) * element_size;
  for (int64_t i = 0; i < g.slices; ++i) {
    int64_t from = 0;
    for (int32_t j = 0; j < g.depth; ++j) {
      const int64_t position = i * g.depth + j;
      const int64_t index = indices[position];
      if (index < 0 || index >= g.dims[j]) return position;
      from += index * g.strides[j];
    }
    if (slice_bytes != 0) {
      std::memcpy(out, in + static_cast<size_t>(from) * element_size, slice_bytes);
    }
    out += slice_bytes;
  }
  return kIndicesInRange;
}

}  // namespace

int64_t gather(const GatherGeometry& g, size_t element_size, const void* params,
               const int32_t* indices, void* output) {
  return gather_impl(g, element_size, params, indices, output);
}

int64_t gather(const GatherGeometry& g, size_t element_size, const void* params,
               const int64_t* indices, void* output) {
  return gather_impl(g, element_size, params, indices, output);
}

int64_t gather_nd(const GatherNdGeometry& g, size_t element_size, const void* params,
                  const int32_t* indices, void* output) {
  return gather_nd_impl(g, element_size, params, indices, output);
}

int64_t gather_nd(const GatherNdGeometry& g, size_t element_size, const void* params,
                  const int64_t* indices, void* output) {
  return gather_nd_impl(g, element_size, params, indices, output);
}

int64_t embedding_lookup_dequantize(int64_t rows, int64_t columns, float scale, const int8_t* table,
                                    const int32_t* ids, int64_t count, float* output) {
  for (int64_t i = 0; i < count; ++i) {
    const int64_t id = ids[i];
    if (id < 0 || id >= rows) return i;
    const int8_t* row = table + id * columns;
    // TFLM's Dequantize: (q - zero_point) * scale with the int difference converted to float.
    for (int64_t c = 0; c < columns; ++c) output[c] = static_cast<float>(row[c]) * scale;
    output += columns;
  }
  return kIndicesInRange;
}

}  // namespace ref
}  // namespace mote
