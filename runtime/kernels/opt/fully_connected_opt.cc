#include "kernels/opt/fully_connected_opt.h"

#include "kernels/opt/requant.h"
#include "kernels/primitives/primitives.h"

namespace mote {
namespace opt {
namespace {

int32_t chunk_length(const ref::FullyConnectedGeometry& g) {
  return g.accum_depth < kVectorChunk ? g.accum_depth : kVectorChunk;
}

bool chunked(const ref::FullyConnectedGeometry& g) { return g.accum_depth > kVectorChunk; }

}  // namespace

bool can_use_fully_connected_vector(const ref::FullyConnectedGeometry& g,
                                    const ref::FullyConnectedQuant& q, int64_t max_abs_bias) {
  const int32_t channels = q.per_channel ? g.output_depth : 1;
  return (q.per_channel || q.filter_offset == 0) && accumulator_fits(g.accum_depth, max_abs_bias) &&
         requant_supported(q.multipliers, q.shifts, channels);
}

FullyConnectedS8Variant select_fully_connected_s8(const ref::FullyConnectedGeometry& g,
                                                  const ref::FullyConnectedQuant& q,
                                                  int64_t max_abs_bias) {
  if (prim::kFullyConnectedWidensInput && can_use_fully_connected_vector(g, q, max_abs_bias)) {
    return FullyConnectedS8Variant::kVector;
  }
  return FullyConnectedS8Variant::kReference;
}

size_t fully_connected_s8_scratch_bytes(FullyConnectedS8Variant variant,
                                        const ref::FullyConnectedGeometry& g) {
  if (variant != FullyConnectedS8Variant::kVector) return 0;
  const size_t partials = chunked(g) ? static_cast<size_t>(g.output_depth) * sizeof(int32_t) : 0;
  return prim::vector_bytes(chunk_length(g)) + partials;
}

void fully_connected_s8(FullyConnectedS8Variant variant, const ref::FullyConnectedGeometry& g,
                        const ref::FullyConnectedQuant& q, const int8_t* input,
                        const int8_t* filter, const int32_t* bias, int8_t* output,
                        Span<uint8_t> scratch) {
  if (variant == FullyConnectedS8Variant::kVector &&
      scratch.size() >= fully_connected_s8_scratch_bytes(variant, g)) {
    fully_connected_s8_vector(g, q, input, filter, bias, output, scratch);
    return;
  }
  ref::fully_connected_s8(g, q, input, filter, bias, output);
}

void fully_connected_s8_vector(const ref::FullyConnectedGeometry& g,
                               const ref::FullyConnectedQuant& q, const int8_t* input,
                               const int8_t* filter, const int32_t* bias, int8_t* output,
                               Span<uint8_t> scratch) {
  const int32_t depth = g.accum_depth;
  const int32_t units = g.output_depth;
  const int32_t chunk = chunk_length(g);
  int16_t* vector = reinterpret_cast<int16_t*>(scratch.data());
  // Partial sums between chunks (only when chunked), after the vector.
  int32_t* partial = reinterpret_cast<int32_t*>(scratch.data() + prim::vector_bytes(chunk));
  prim::FcRows job;
  job.vector = vector;
  job.stride = depth;
  job.units = units;
  job.multipliers = q.multipliers;
  job.shifts = q.shifts;
  job.channel_step = q.per_channel ? 1 : 0;
  job.output_offset = q.output_offset;
  for (int32_t b = 0; b < g.batches; ++b) {
    const int8_t* in = input + static_cast<ptrdiff_t>(b) * depth;
    for (int32_t k0 = 0; k0 < depth; k0 += chunk) {
      const int32_t n = depth - k0 < chunk ? depth - k0 : chunk;
      prim::vector_put(vector, in + k0, n, q.input_offset);
      job.weights = filter + k0;
      job.n = n;
      job.init = k0 == 0 ? bias : partial;
      job.partial = k0 + n == depth ? nullptr : partial;
      job.out = output + static_cast<ptrdiff_t>(b) * units;
      prim::fc_rows(job);
    }
  }
  if (needs_clamp(q.activation_min, q.activation_max)) {
    prim::clamp_s8(output, static_cast<size_t>(g.batches) * static_cast<size_t>(units),
                   q.activation_min, q.activation_max);
  }
}

}  // namespace opt
}  // namespace mote
