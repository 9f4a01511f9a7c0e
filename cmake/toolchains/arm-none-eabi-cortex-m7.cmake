# Cross toolchain: Cortex-M7 (ARMv7E-M, DSP extension, double-precision FPU), bare metal.
set(MOTE_CORTEX_M_CORE m7)
set(MOTE_CPU_FLAGS "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16")
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake)
