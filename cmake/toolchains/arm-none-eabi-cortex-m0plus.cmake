# Cross toolchain: Cortex-M0+ (ARMv6-M, no DSP extension, no FPU: float is software), bare metal.
set(MOTE_CORTEX_M_CORE m0plus)
set(MOTE_CPU_FLAGS "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft")
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake)
