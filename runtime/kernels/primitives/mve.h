// Primitives for Armv8.1-M with Helium (Cortex-M55, M85). These cores also implement the DSP
// extension, so they run the cortex_m_dsp primitives unchanged; Helium versions of dot_2x2,
// fc_rows and dw_mac4 (VMLADAVA over 8 int16 lanes) would replace them one by one here, each
// proven by the same parity tests.
#pragma once

#include "kernels/primitives/cortex_m_dsp.h"
