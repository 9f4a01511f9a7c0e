# The QEMU board each core runs on, its linker script and its instruction counter.
#   m0plus -> mps2-an385 (a Cortex-M3: QEMU has no Cortex-M0+ board; the Armv6-M code runs
#             unchanged on it, so golden results and instruction counts hold for the M0+ build)
#   m4     -> mps2-an386 (Cortex-M4F)
#   m7     -> mps2-an500 (Cortex-M7)
#   m55    -> mps3-an547 (Cortex-M55, SSE-300)
set(_boards_m0plus mps2-an385 mps2_an386.ld instruction_counter_cmsdk_timer.cc)
set(_boards_m4 mps2-an386 mps2_an386.ld instruction_counter_cmsdk_timer.cc)
set(_boards_m7 mps2-an500 mps2_an500.ld instruction_counter_cmsdk_timer.cc)
set(_boards_m55 mps3-an547 mps3_an547.ld instruction_counter_systick.cc)
if(NOT DEFINED _boards_${MOTE_CORTEX_M_CORE})
  message(FATAL_ERROR "no board for core '${MOTE_CORTEX_M_CORE}'")
endif()
list(GET _boards_${MOTE_CORTEX_M_CORE} 0 MOTE_QEMU_MACHINE)
list(GET _boards_${MOTE_CORTEX_M_CORE} 1 _script)
list(GET _boards_${MOTE_CORTEX_M_CORE} 2 MOTE_BOARD_COUNTER_SOURCE)
get_filename_component(MOTE_BOARD_LINKER_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/../boards/${_script}
                       ABSOLUTE)
message(STATUS "Mote firmware: core ${MOTE_CORTEX_M_CORE}, QEMU machine ${MOTE_QEMU_MACHINE}")
