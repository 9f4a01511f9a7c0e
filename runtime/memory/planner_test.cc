// The memory planner in isolation: hand-checkable plans, never-overlapping placements on random
// lifetimes, and never worse than TFLM's largest-first order.
#include "memory/planner.h"

#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace mote {
namespace {

std::vector<PlanBuffer> buffers(
    std::initializer_list<std::tuple<uint32_t, int32_t, int32_t>> list) {
  std::vector<PlanBuffer> out;
  for (const auto& [size, first, last] : list) {
    PlanBuffer b;
    b.size = size;
    b.first_use = first;
    b.last_use = last;
    out.push_back(b);
  }
  return out;
}

uint32_t plan(std::vector<PlanBuffer>& b) {
  std::vector<uint16_t> order(b.size());
  return plan_best(Span<PlanBuffer>(b.data(), b.size()),
                   Span<uint16_t>(order.data(), order.size()));
}

TEST(Planner, ChainReusesMemory) {
  // a -> op0 -> b -> op1 -> c -> op2 -> d: only two neighbours are ever alive together.
  auto b = buffers({{100, 0, 0}, {200, 0, 1}, {100, 1, 2}, {200, 2, 2}});
  EXPECT_EQ(plan(b), 304u);  // 200 + 104 (100 aligned up to 8)
  EXPECT_FALSE(plan_has_overlap(Span<const PlanBuffer>(b.data(), b.size())));
}

TEST(Planner, DisjointLifetimesShareOffsetZero) {
  auto b = buffers({{64, 0, 0}, {64, 1, 1}, {64, 2, 2}});
  EXPECT_EQ(plan(b), 64u);
  for (const PlanBuffer& x : b) EXPECT_EQ(x.offset, 0u);
}

TEST(Planner, AllAliveStackUp) {
  auto b = buffers({{10, 0, 3}, {20, 0, 3}, {30, 0, 3}});
  EXPECT_EQ(plan(b), 16u + 24u + 32u);
  EXPECT_FALSE(plan_has_overlap(Span<const PlanBuffer>(b.data(), b.size())));
}

TEST(Planner, ZeroSizedBuffersCostNothing) {
  auto b = buffers({{0, 0, 5}, {8, 0, 5}});
  EXPECT_EQ(plan(b), 8u);
}

TEST(Planner, LiveBytesPerOp) {
  auto b = buffers({{8, 0, 1}, {16, 1, 2}, {24, 2, 2}});
  const Span<const PlanBuffer> s(b.data(), b.size());
  EXPECT_EQ(plan_live_bytes(s, 0), 8u);
  EXPECT_EQ(plan_live_bytes(s, 1), 24u);
  EXPECT_EQ(plan_live_bytes(s, 2), 40u);
}

TEST(Planner, RandomPlansNeverOverlapAndBeatLargestFirst) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 40);
    const int ops = 1 + static_cast<int>(rng() % 20);
    std::vector<PlanBuffer> b(n);
    for (PlanBuffer& x : b) {
      x.size = rng() % 5000;
      x.first_use = static_cast<int32_t>(rng() % ops);
      x.last_use = x.first_use + static_cast<int32_t>(rng() % 4);
    }
    std::vector<uint16_t> order(b.size());
    std::vector<PlanBuffer> largest_first = b;
    const uint32_t baseline =
        plan_in_order(Span<PlanBuffer>(largest_first.data(), largest_first.size()),
                      PlanOrder::kLargestFirst, Span<uint16_t>(order.data(), order.size()));
    const uint32_t best = plan(b);
    const Span<const PlanBuffer> s(b.data(), b.size());
    ASSERT_FALSE(plan_has_overlap(s)) << "trial " << trial;
    EXPECT_LE(best, baseline);
    uint32_t max_live = 0;
    uint32_t end = 0;
    for (int op = 0; op < ops + 4; ++op) max_live = std::max(max_live, plan_live_bytes(s, op));
    for (const PlanBuffer& x : b) end = std::max(end, x.offset + align_up(x.size, kPlanAlignment));
    EXPECT_EQ(best, end);
    EXPECT_GE(best, max_live);  // no plan can beat the largest live set
  }
}

}  // namespace
}  // namespace mote
