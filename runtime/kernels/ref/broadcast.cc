#include "kernels/ref/broadcast.h"

namespace mote {
namespace ref {

bool broadcast_shape(const Shape& a, const Shape& b, Shape* out) {
  const int32_t rank = a.rank > b.rank ? a.rank : b.rank;
  const Shape ea = a.extended(rank);
  const Shape eb = b.extended(rank);
  out->rank = rank;
  for (int32_t i = 0; i < rank; ++i) {
    const int32_t da = ea.dims[i];
    const int32_t db = eb.dims[i];
    if (da != db && da != 1 && db != 1) return false;
    out->dims[i] = da == 1 ? db : da;
  }
  return true;
}

bool same_extended_shape(const Shape& a, const Shape& b) {
  const int32_t rank = a.rank > b.rank ? a.rank : b.rank;
  return a.extended(rank) == b.extended(rank);
}

bool make_broadcast_geometry(const Shape& a, const Shape& b, Shape* out, BroadcastGeometry* g) {
  if (!broadcast_shape(a, b, out)) return false;
  const Shape ea = a.extended(kMaxBroadcastRank);
  const Shape eb = b.extended(kMaxBroadcastRank);
  const Shape eo = out->extended(kMaxBroadcastRank);
  *g = BroadcastGeometry();
  g->flat_size = eo.num_elements();
  g->same_shape = ea == eb;
  // Row-major strides of each input over its own extents; zeroed where the input has extent 1
  // and the output does not (TFLite's NdArrayDesc).
  int64_t stride1 = 1;
  int64_t stride2 = 1;
  for (int32_t i = kMaxBroadcastRank - 1; i >= 0; --i) {
    g->dims[i] = eo.dims[i];
    g->strides1[i] = ea.dims[i] == eo.dims[i] ? stride1 : 0;
    g->strides2[i] = eb.dims[i] == eo.dims[i] ? stride2 : 0;
    stride1 *= ea.dims[i];
    stride2 *= eb.dims[i];
  }
  return true;
}

}  // namespace ref
}  // namespace mote
