// Validates the instruction counter (support/instruction_counter.h) with loops of known
// length: spin(n) executes exactly 2n instructions in its loop, so the difference between two
// measured calls must be exactly 2 * (n2 - n1) instructions, within one timer tick. A second
// loop with a load and an add (4 instructions per iteration) shows that the count does not
// depend on the kind of instruction.
//
// Output: one "icount" line per loop length, then "result icount=pass|fail"; exit status 0 or 1.
#include <cstdint>

#include "console.h"
#include "firmware_main.h"
#include "instruction_counter.h"

namespace {

using mote::target::Line;

// 2 instructions per iteration: subs, bne (Thumb-1, so the same code runs on Armv6-M).
extern "C" __attribute__((naked, noinline)) void spin2(uint32_t /*iterations*/) {
  asm volatile(
      ".syntax unified\n"
      "1: subs r0, r0, #1\n"
      "   bne 1b\n"
      "   bx lr\n");
}

// 4 instructions per iteration: ldr, adds, subs, bne.
extern "C" __attribute__((naked, noinline)) void spin4(uint32_t /*iterations*/) {
  asm volatile(
      ".syntax unified\n"
      "   mov r3, sp\n"
      "1: ldr r2, [r3]\n"
      "   adds r1, r1, r2\n"
      "   subs r0, r0, #1\n"
      "   bne 1b\n"
      "   bx lr\n");
}

uint64_t measure(void (*loop)(uint32_t), uint32_t iterations) {
  const uint32_t before = mote::target::counter_read();
  loop(iterations);
  const uint32_t after = mote::target::counter_read();
  return mote::target::instructions_between(before, after);
}

// The timer's resolution in instructions, rounded up (40, or 31.25 -> 32).
uint64_t one_tick() {
  const uint32_t a = mote::target::counter_read();
  uint32_t b = a;
  while (b == a) b = mote::target::counter_read();
  return mote::target::instructions_between(a, b) + 1;
}

bool check(const char* name, void (*loop)(uint32_t), uint32_t per_iteration, uint64_t tick) {
  constexpr uint32_t kBase = 1000;
  const uint64_t base = measure(loop, kBase);
  bool ok = true;
  constexpr uint32_t kLengths[] = {10000, 100000, 1000000, 10000000};
  for (uint32_t n : kLengths) {
    const uint64_t measured = measure(loop, n) - base;
    const uint64_t expected = static_cast<uint64_t>(per_iteration) * (n - kBase);
    const uint64_t error = measured > expected ? measured - expected : expected - measured;
    const bool pass = error <= tick;
    ok = ok && pass;
    Line() << "icount loop=" << name << " iterations=" << n << " expected=" << expected
           << " measured=" << measured << " error=" << error << " tick=" << tick
           << (pass ? " pass" : " FAIL");
  }
  return ok;
}

}  // namespace

int firmware_main() {
  mote::target::counter_start();
  Line() << "mote-icount-check counter=\"" << mote::target::counter_description() << '"';
  const uint64_t tick = one_tick();
  const bool ok = check("subs_bne", spin2, 2, tick) & check("ldr_adds_subs_bne", spin4, 4, tick);
  Line() << "result icount=" << (ok ? "pass" : "fail");
  return ok ? 0 : 1;
}
