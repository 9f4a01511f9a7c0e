#include "kernels/ref/pad.h"

#include <cstring>

namespace mote {
namespace ref {
namespace {

struct PadWalk {
  const PadGeometry& g;
  const uint8_t* pad_value;
  bool uniform_pad_bytes;          // every byte of the pad value is the same: memset can fill
  int64_t slab[kPadMaxRank] = {};  // output elements in one step along axis d
  const uint8_t* in = nullptr;     // next input element (inputs are read strictly in order)
};

void fill(const PadWalk& w, uint8_t* out, int64_t count) {
  if (count <= 0) return;
  const size_t size = w.g.element_size;
  if (w.uniform_pad_bytes) {
    std::memset(out, w.pad_value[0], static_cast<size_t>(count) * size);
    return;
  }
  for (int64_t i = 0; i < count; ++i) {
    std::memcpy(out + i * static_cast<int64_t>(size), w.pad_value, size);
  }
}

// Writes the output block of axis d (one step of axis d - 1) and returns the end of it. The
// recursion is at most kPadMaxRank deep.
uint8_t* pad_axis(PadWalk& w, int32_t d, uint8_t* out) {
  const int64_t size = static_cast<int64_t>(w.g.element_size);
  const int64_t before = w.g.before[d] * w.slab[d];
  fill(w, out, before);
  out += before * size;
  if (d == w.g.rank - 1) {
    const int64_t bytes = w.g.input_dims[d] * size;
    if (bytes > 0) {
      std::memcpy(out, w.in, static_cast<size_t>(bytes));
      w.in += bytes;
      out += bytes;
    }
  } else {
    for (int32_t i = 0; i < w.g.input_dims[d]; ++i) out = pad_axis(w, d + 1, out);
  }
  const int64_t after = w.g.after[d] * w.slab[d];
  fill(w, out, after);
  return out + after * size;
}

}  // namespace

void pad(const PadGeometry& g, const void* input, const void* pad_value, void* output) {
  auto* out = static_cast<uint8_t*>(output);
  if (g.rank == 0) {
    std::memcpy(out, input, g.element_size);
    return;
  }
  PadWalk w{g, static_cast<const uint8_t*>(pad_value), true};
  for (size_t i = 1; i < g.element_size; ++i) {
    if (w.pad_value[i] != w.pad_value[0]) w.uniform_pad_bytes = false;
  }
  w.slab[g.rank - 1] = 1;
  for (int32_t d = g.rank - 2; d >= 0; --d) {
    const int64_t out_dim =
        static_cast<int64_t>(g.input_dims[d + 1]) + g.before[d + 1] + g.after[d + 1];
    w.slab[d] = w.slab[d + 1] * out_dim;
  }
  // An empty output (some output dimension 0) makes every slab above it 0, so nothing is
  // written; an empty input still gets its padding bands filled.
  w.in = static_cast<const uint8_t*>(input);
  pad_axis(w, 0, out);
}

}  // namespace ref
}  // namespace mote
