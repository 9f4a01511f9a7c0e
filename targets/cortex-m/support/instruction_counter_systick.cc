// SysTick (Armv7-M/Armv8-M system timer) on the processor clock. On QEMU's mps3-an547 the
// core clock is 32 MHz, so one tick = 31.25 ns = 31.25 instructions under -icount shift=0.
// SysTick is a 24-bit down-counter: a full period is 2^24 ticks, about 524 million
// instructions, longer than any single inference measured here.
#include "instruction_counter.h"

namespace mote::target {
namespace {

struct SysTick {
  volatile uint32_t ctrl;  // bit 0: enable, bit 2: processor clock
  volatile uint32_t load;
  volatile uint32_t val;
  volatile uint32_t calib;
};

SysTick& systick() { return *reinterpret_cast<SysTick*>(0xE000E010u); }

constexpr uint32_t kMask = 0x00FFFFFFu;
// 1e9 / 32e6 = 31.25 = 125 / 4 instructions per tick.
constexpr uint64_t kInstructionsPerTickNumerator = 125;
constexpr uint64_t kInstructionsPerTickDenominator = 4;

}  // namespace

void counter_start() {
  systick().ctrl = 0;
  systick().load = kMask;
  systick().val = 0;  // any write clears the counter; it reloads on the next tick
  systick().ctrl = (1u << 2) | 1u;
}

uint32_t counter_read() { return systick().val; }

uint64_t instructions_between(uint32_t before, uint32_t after) {
  const uint64_t ticks = (before - after) & kMask;
  return ticks * kInstructionsPerTickNumerator / kInstructionsPerTickDenominator;
}

const char* counter_description() { return "SysTick, 32 MHz core clock, 31.25 instructions/tick"; }

}  // namespace mote::target
