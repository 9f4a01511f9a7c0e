# Cross toolchain: Cortex-M4F (ARMv7E-M, DSP extension, single-precision FPU), bare metal.
set(MOTE_CORTEX_M_CORE m4)
set(MOTE_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16")
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake)
