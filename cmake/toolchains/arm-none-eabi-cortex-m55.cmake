# Cross toolchain: Cortex-M55 (ARMv8.1-M, Helium/MVE integer and float, double-precision FPU),
# bare metal. -mcpu=cortex-m55 alone enables MVE and the FPU (gcc 12: +mve.fp +fp.dp).
set(MOTE_CORTEX_M_CORE m55)
set(MOTE_CPU_FLAGS "-mcpu=cortex-m55 -mthumb -mfloat-abi=hard")
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake)
