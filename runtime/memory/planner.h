// Offline memory planner: places buffers with known lifetimes in one block of memory.
//
// Input: one PlanBuffer per non-constant tensor and per scratch buffer, with its size and the
// first and last operator (inclusive) during which it must hold its contents. Output: an offset
// per buffer such that no two buffers that are alive at the same operator overlap, and the peak
// (the end of the highest buffer), which is the size of the arena's planned part.
//
// Algorithm (the greedy best-known approach TFLM's GreedyMemoryPlanner also uses, plus a choice
// of orders): buffers are placed one at a time in a given priority order; each goes at the lowest
// aligned offset where it does not collide with an already placed buffer whose lifetime
// intersects its own. plan_best() runs several priority orders (largest first; longest-lived
// first; earliest first) and keeps the one with the smallest peak, so it is never worse than
// largest-first alone, which is TFLM's order. Cost O(k * n^2) for n buffers and k orders, done
// once in prepare; n is the number of activation tensors plus scratch buffers (tens to hundreds).
//
// The planner is pure: it writes only the `offset` fields and the caller's scratch, so it can be
// tested in isolation (see planner_test.cc) and reused by tools that print the plan.
#pragma once

#include <cstdint>

#include "mote/span.h"

namespace mote {

struct PlanBuffer {
  uint32_t size = 0;      // bytes
  int32_t first_use = 0;  // index of the first operator that needs the buffer
  int32_t last_use = 0;   // index of the last operator that needs it (inclusive)
  uint32_t offset = 0;    // output: bytes from the start of the planned block
};

enum class PlanOrder : uint8_t { kLargestFirst, kLongestLivedFirst, kEarliestFirst };

inline constexpr uint32_t kPlanAlignment = 8;  // enough for every element type, incl. int64

// Places the buffers in `order` and returns the peak. `order_scratch` must hold buffers.size()
// entries. Offsets are multiples of kPlanAlignment.
uint32_t plan_in_order(Span<PlanBuffer> buffers, PlanOrder order, Span<uint16_t> order_scratch);

// Tries every PlanOrder and leaves the offsets of the best one in `buffers`; returns its peak.
uint32_t plan_best(Span<PlanBuffer> buffers, Span<uint16_t> order_scratch);

// True when two buffers that are alive at the same operator share bytes. For tests.
bool plan_has_overlap(Span<const PlanBuffer> buffers);

// Sum of the (aligned) sizes of the buffers alive at operator `op`.
uint32_t plan_live_bytes(Span<const PlanBuffer> buffers, int32_t op);

inline uint32_t align_up(uint32_t value, uint32_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

}  // namespace mote
