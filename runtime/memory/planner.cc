#include "memory/planner.h"

namespace mote {
namespace {

bool lifetimes_intersect(const PlanBuffer& a, const PlanBuffer& b) {
  return a.first_use <= b.last_use && b.first_use <= a.last_use;
}

// True when buffer a should be placed before buffer b under `order`. Ties fall back to size,
// then to index, so the order is total and the plan deterministic.
bool goes_before(const PlanBuffer& a, uint16_t ia, const PlanBuffer& b, uint16_t ib,
                 PlanOrder order) {
  switch (order) {
    case PlanOrder::kLargestFirst:
      break;
    case PlanOrder::kLongestLivedFirst: {
      const int32_t la = a.last_use - a.first_use, lb = b.last_use - b.first_use;
      if (la != lb) return la > lb;
      break;
    }
    case PlanOrder::kEarliestFirst:
      if (a.first_use != b.first_use) return a.first_use < b.first_use;
      break;
  }
  if (a.size != b.size) return a.size > b.size;
  return ia < ib;
}

void sort_order(Span<const PlanBuffer> buffers, PlanOrder order, Span<uint16_t> idx) {
  for (uint32_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<uint16_t>(i);
  // Insertion sort: n is small and this runs once, in prepare; no <algorithm> on the device.
  for (uint32_t i = 1; i < idx.size(); ++i) {
    const uint16_t key = idx[i];
    uint32_t j = i;
    while (j > 0 && goes_before(buffers[key], key, buffers[idx[j - 1]], idx[j - 1], order)) {
      idx[j] = idx[j - 1];
      --j;
    }
    idx[j] = key;
  }
}

}  // namespace

uint32_t plan_in_order(Span<PlanBuffer> buffers, PlanOrder order, Span<uint16_t> order_scratch) {
  const uint32_t n = static_cast<uint32_t>(buffers.size());
  Span<uint16_t> idx = order_scratch.subspan(0, n);
  sort_order(buffers, order, idx);
  uint32_t peak = 0;
  for (uint32_t k = 0; k < n; ++k) {
    PlanBuffer& current = buffers[idx[k]];
    const uint32_t size = align_up(current.size, kPlanAlignment);
    // Candidate offsets are 0 and the ends of placed, time-overlapping buffers; the lowest
    // candidate that collides with none of them wins. Checking every candidate against every
    // placed buffer is O(k^2) per buffer but needs no extra memory.
    uint32_t best = UINT32_MAX;
    for (uint32_t c = 0; c <= k; ++c) {
      uint32_t candidate = 0;
      if (c < k) {
        const PlanBuffer& other = buffers[idx[c]];
        if (!lifetimes_intersect(current, other)) continue;
        candidate = other.offset + align_up(other.size, kPlanAlignment);
      }
      if (candidate >= best) continue;
      bool fits = true;
      for (uint32_t p = 0; p < k && fits; ++p) {
        const PlanBuffer& placed = buffers[idx[p]];
        if (!lifetimes_intersect(current, placed) || size == 0) continue;
        const uint32_t placed_end = placed.offset + align_up(placed.size, kPlanAlignment);
        fits = candidate + size <= placed.offset || candidate >= placed_end;
      }
      if (fits) best = candidate;
    }
    current.offset = best;
    if (best + size > peak) peak = best + size;
  }
  return peak;
}

uint32_t plan_best(Span<PlanBuffer> buffers, Span<uint16_t> order_scratch) {
  const PlanOrder orders[] = {PlanOrder::kLargestFirst, PlanOrder::kLongestLivedFirst,
                              PlanOrder::kEarliestFirst};
  uint32_t best_peak = UINT32_MAX;
  PlanOrder best_order = PlanOrder::kLargestFirst;
  for (PlanOrder order : orders) {
    const uint32_t peak = plan_in_order(buffers, order, order_scratch);
    if (peak < best_peak) {
      best_peak = peak;
      best_order = order;
    }
  }
  // Re-run the winner so its offsets are the ones left in `buffers`.
  return plan_in_order(buffers, best_order, order_scratch);
}

bool plan_has_overlap(Span<const PlanBuffer> buffers) {
  for (uint32_t i = 0; i < buffers.size(); ++i) {
    for (uint32_t j = i + 1; j < buffers.size(); ++j) {
      const PlanBuffer& a = buffers[i];
      const PlanBuffer& b = buffers[j];
      if (a.size == 0 || b.size == 0 || !lifetimes_intersect(a, b)) continue;
      if (a.offset < b.offset + b.size && b.offset < a.offset + a.size) return true;
    }
  }
  return false;
}

uint32_t plan_live_bytes(Span<const PlanBuffer> buffers, int32_t op) {
  uint32_t total = 0;
  for (const PlanBuffer& b : buffers) {
    if (b.first_use <= op && op <= b.last_use) total += align_up(b.size, kPlanAlignment);
  }
  return total;
}

}  // namespace mote
