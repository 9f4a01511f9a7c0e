// Reset and fault handling for every Cortex-M target: the vector table, the reset handler (FPU
// on, .data copied, .bss zeroed, firmware_main(), exit through semihosting) and a fault handler
// that reports where the core stopped instead of hanging.
//
// There are no C++ global constructors to run: the runtime has none by design, and the
// linker script (sections.ld) fails the link if any object brings an .init_array.
#include <cstdint>

#include "console.h"
#include "firmware_main.h"
#include "semihosting.h"

extern "C" {
// Defined by the linker script.
extern uint32_t __data_load__[];
extern uint32_t __data_start__[];
extern uint32_t __data_end__[];
extern uint32_t __bss_start__[];
extern uint32_t __bss_end__[];
extern uint32_t __stack_top__[];

[[noreturn]] void reset_handler();
void fault_handler();
[[noreturn]] void fault_report(const uint32_t* stacked);
}

namespace {

[[noreturn]] void default_handler() {
  mote::target::Line() << "mote-fault: unexpected interrupt";
  mote::target::semihosting::exit(3);
}

// The runtime's memory starts here, after the FPU is on, in a function of its own: the compiler
// may use floating-point or vector registers for these loops (or the memcpy it turns them into).
[[noreturn]] __attribute__((noinline)) void initialize_memory_and_run() {
  for (uint32_t *src = __data_load__, *dst = __data_start__; dst < __data_end__;) *dst++ = *src++;
  for (uint32_t* dst = __bss_start__; dst < __bss_end__;) *dst++ = 0;
  mote::target::semihosting::exit(firmware_main());
}

using Handler = void (*)();

struct VectorTable {
  const void* initial_stack;
  Handler handlers[15];
};

}  // namespace

// Exceptions 1..15: reset, NMI, HardFault, MemManage, BusFault, UsageFault, SecureFault, three
// reserved, SVCall, DebugMonitor, reserved, PendSV, SysTick. Nothing enables interrupts.
__attribute__((section(".vectors"), used)) const VectorTable kVectorTable = {
    __stack_top__,
    {reset_handler, default_handler, fault_handler, fault_handler, fault_handler, fault_handler,
     fault_handler, nullptr, nullptr, nullptr, default_handler, default_handler, nullptr,
     default_handler, default_handler}};

extern "C" void reset_handler() {
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
  // CPACR: full access to coprocessors 10 and 11 (the FPU and, on Armv8.1-M, Helium).
  volatile uint32_t& cpacr = *reinterpret_cast<volatile uint32_t*>(0xE000ED88u);
  cpacr = cpacr | (0xFu << 20);
  asm volatile("dsb\n isb" ::: "memory");
#endif
  initialize_memory_and_run();
}

// The stacked frame (r0-r3, r12, lr, pc, xpsr) tells where the fault happened. Firmware here
// runs on the main stack only, so MSP points at it.
extern "C" __attribute__((naked)) void fault_handler() {
  asm volatile(
      "mrs r0, msp\n"
      "b fault_report\n");
}

extern "C" void fault_report(const uint32_t* stacked) {
  {
    using mote::target::Hex;
    mote::target::Line line;
    line << "mote-fault: pc=" << Hex{stacked[6]} << " lr=" << Hex{stacked[5]};
#if __ARM_ARCH >= 7
    // Configurable and HardFault status registers (not present on Armv6-M).
    line << " cfsr=" << Hex{*reinterpret_cast<volatile uint32_t*>(0xE000ED28u)}
         << " hfsr=" << Hex{*reinterpret_cast<volatile uint32_t*>(0xE000ED2Cu)}
         << " bfar=" << Hex{*reinterpret_cast<volatile uint32_t*>(0xE000ED38u)};
#endif
  }
  mote::target::semihosting::exit(3);
}
