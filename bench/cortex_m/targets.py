"""The Cortex-M targets: toolchain file, QEMU machine and the kernel ISA each one asks for.

The firmware build (targets/cortex-m/cmake/) makes the same choices; this table is what the
runner needs to drive QEMU and to name results.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    name: str  # result key: m4, m7, m55, m0plus
    toolchain: str  # cmake/toolchains/<file>
    machine: str  # qemu-system-arm -M
    cpu_flags: str  # for the report
    description: str


TARGETS = {
    "m4": Target("m4", "arm-none-eabi-cortex-m4.cmake", "mps2-an386",
                 "-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16",
                 "Cortex-M4F on QEMU mps2-an386"),
    "m7": Target("m7", "arm-none-eabi-cortex-m7.cmake", "mps2-an500",
                 "-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16",
                 "Cortex-M7 on QEMU mps2-an500"),
    "m55": Target("m55", "arm-none-eabi-cortex-m55.cmake", "mps3-an547",
                  "-mcpu=cortex-m55 -mthumb -mfloat-abi=hard",
                  "Cortex-M55 (Helium) on QEMU mps3-an547"),
    "m0plus": Target("m0plus", "arm-none-eabi-cortex-m0plus.cmake", "mps2-an385",
                     "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft",
                     "Cortex-M0+ build (Armv6-M code) on QEMU mps2-an385, a Cortex-M3"),
}

# The keys of bench/results/cortex-m.json; m0plus is reported in the Markdown table only.
JSON_TARGETS = ("m4", "m7", "m55")
