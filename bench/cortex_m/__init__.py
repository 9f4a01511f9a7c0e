"""Build, run and measure Mote firmware for Cortex-M under QEMU (driven by bench/run-cortex-m)."""
