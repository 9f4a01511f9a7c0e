#include "kernels/ref/select.h"

namespace mote {
namespace ref {

bool make_select_geometry(const Shape& condition, const Shape& x, const Shape& y, Shape* out,
                          SelectGeometry* g) {
  // Pairwise broadcasting is associative for these rules (extent 1 or equal, 0 against 1 is 0),
  // so two steps give the three-way shape.
  Shape partial;
  if (!broadcast_shape(condition, x, &partial) || !broadcast_shape(partial, y, out)) return false;
  // Each input's strides against the output come from the two-input geometry of (input, output).
  BroadcastGeometry pair;
  Shape same;
  *g = SelectGeometry();
  if (!make_broadcast_geometry(condition, *out, &same, &pair)) return false;
  for (int32_t i = 0; i < kMaxBroadcastRank; ++i) {
    g->dims[i] = pair.dims[i];
    g->condition_strides[i] = pair.strides1[i];
  }
  g->flat_size = pair.flat_size;
  if (!make_broadcast_geometry(x, *out, &same, &pair)) return false;
  for (int32_t i = 0; i < kMaxBroadcastRank; ++i) g->x_strides[i] = pair.strides1[i];
  if (!make_broadcast_geometry(y, *out, &same, &pair)) return false;
  for (int32_t i = 0; i < kMaxBroadcastRank; ++i) g->y_strides[i] = pair.strides1[i];
  return true;
}

}  // namespace ref
}  // namespace mote
