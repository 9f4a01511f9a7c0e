// Executed-instruction counter for QEMU runs with `-icount shift=0,align=off`, where every
// executed instruction advances virtual time by exactly 1 ns, so that a timer clocked at F Hz
// ticks once every 1e9 / F instructions (../shared/BENCHMARKS.md).
//
// One implementation per board (selected by the build):
//   - instruction_counter_cmsdk_timer.cc: CMSDK APB timer0 at 0x40000000, 25 MHz, 40
//     instructions per tick (mps2-an385, mps2-an386, mps2-an500), the method of the TFLM
//     baseline;
//   - instruction_counter_systick.cc: SysTick on the 32 MHz core clock, 31.25 instructions per
//     tick (mps3-an547, whose SSE-300 has no 25 MHz CMSDK timer).
// The resolution is one tick; the apps/icount_check firmware validates both against loops of
// known length.
//
//   mote::target::counter_start();
//   const uint32_t before = mote::target::counter_read();
//   ... work ...
//   const uint64_t n = mote::target::instructions_between(before, mote::target::counter_read());
#pragma once

#include <cstdint>

namespace mote::target {

// Starts the free-running timer (idempotent: restarts it from the top).
void counter_start();

// The raw timer value; only differences between two reads mean anything.
uint32_t counter_read();

// Instructions executed between two reads (rounded down to whole instructions; the timer's
// wrap-around is handled for intervals shorter than one full period).
uint64_t instructions_between(uint32_t before, uint32_t after);

// "CMSDK APB timer0 @0x40000000, 25 MHz, 40 instructions/tick", for the firmware's banner.
const char* counter_description();

}  // namespace mote::target
