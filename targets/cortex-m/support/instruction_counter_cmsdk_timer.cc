// CMSDK APB timer0 (Arm DDI 0479, "Cortex-M System Design Kit"): a 32-bit down-counter at the
// 25 MHz peripheral clock of the MPS2 FPGA images. One tick = 40 ns = 40 instructions under
// -icount shift=0. A full period is 2^32 ticks, about 172 billion instructions.
#include "instruction_counter.h"

namespace mote::target {
namespace {

struct CmsdkTimer {
  volatile uint32_t ctrl;  // bit 0: enable
  volatile uint32_t value;
  volatile uint32_t reload;
  volatile uint32_t intstatus;
};

CmsdkTimer& timer0() { return *reinterpret_cast<CmsdkTimer*>(0x40000000u); }

constexpr uint32_t kInstructionsPerTick = 40;

}  // namespace

void counter_start() {
  timer0().ctrl = 0;
  timer0().reload = 0xFFFFFFFFu;
  timer0().value = 0xFFFFFFFFu;
  timer0().ctrl = 1;
}

uint32_t counter_read() { return timer0().value; }

uint64_t instructions_between(uint32_t before, uint32_t after) {
  // Counting down: the elapsed ticks are before - after, modulo 2^32.
  return static_cast<uint64_t>(before - after) * kInstructionsPerTick;
}

const char* counter_description() {
  return "CMSDK APB timer0 @0x40000000, 25 MHz, 40 instructions/tick";
}

}  // namespace mote::target
