# Chooses the runtime's kernel ISA (MOTE_KERNEL_ISA, a cache variable of runtime/CMakeLists.txt)
# for this core: cortex_m_dsp on the M4 and M7, mve on the M55, generic on the M0+. A value the
# runtime does not offer yet falls back to generic, so this project builds before and after the
# optimized kernels land. MOTE_REQUESTED_KERNEL_ISA overrides the choice.
set(_isa_m0plus generic)
set(_isa_m4 cortex_m_dsp)
set(_isa_m7 cortex_m_dsp)
set(_isa_m55 mve)
set(_wanted "${MOTE_REQUESTED_KERNEL_ISA}")
if(_wanted STREQUAL "")
  set(_wanted ${_isa_${MOTE_CORTEX_M_CORE}})
endif()

# The runtime offers an ISA when its CMakeLists knows MOTE_KERNEL_ISA and some kernel source
# is named after the ISA (runtime/kernels/{opt,primitives}/...<isa>...).
file(READ ${MOTE_ROOT}/runtime/CMakeLists.txt _runtime_cmake)
file(GLOB_RECURSE _isa_sources ${MOTE_ROOT}/runtime/kernels/*${_wanted}*)
if(_wanted STREQUAL "generic")
  set(_effective generic)
elseif(_runtime_cmake MATCHES "MOTE_KERNEL_ISA" AND _isa_sources)
  set(_effective ${_wanted})
else()
  message(STATUS "Mote firmware: the runtime has no '${_wanted}' kernels yet; using generic")
  set(_effective generic)
endif()
set(MOTE_KERNEL_ISA ${_effective} CACHE STRING "Kernel ISA (generic, cortex_m_dsp, mve)" FORCE)
message(STATUS "Mote firmware: kernel ISA ${MOTE_KERNEL_ISA}")
