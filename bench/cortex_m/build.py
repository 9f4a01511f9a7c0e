"""CMake builds: the host `mote` (for export and inspect) and the firmware tree per target."""

import subprocess
import sys
from pathlib import Path


def _run(command, log):
    log(f"$ {' '.join(str(c) for c in command)}")
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stdout[-6000:] + done.stderr[-6000:])
        raise RuntimeError(f"command failed ({done.returncode}): {' '.join(map(str, command))}")
    return done.stdout


def host_mote(root, build_dir, jobs, log):
    """Builds only the `mote` CLI, in a tree of its own (release, no tests or benchmarks)."""
    _run(["cmake", "-S", root, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
          "-DMOTE_BUILD_TESTS=OFF", "-DMOTE_BUILD_BENCH=OFF"], log)
    _run(["cmake", "--build", build_dir, "--target", "mote", "-j", str(jobs)], log)
    return Path(build_dir) / "tools" / "mote"


def build_type(opt_flags):
    """MinSizeRel for -Os, so that the runtime builds its optimized kernels at -O2 (see
    runtime/CMakeLists.txt), as TFLM's release build does (core -Os, kernels -O2)."""
    return "MinSizeRel" if "-Os" in opt_flags.split() else "Release"


def configure_firmware(root, target, build_dir, generated_dir, opt_flags, log):
    _run(["cmake", "-S", Path(root) / "targets" / "cortex-m", "-B", build_dir, "-G", "Ninja",
          f"-DCMAKE_TOOLCHAIN_FILE={Path(root) / 'cmake' / 'toolchains' / target.toolchain}",
          f"-DCMAKE_BUILD_TYPE={build_type(opt_flags)}", "-DMOTE_STRIP_ERROR_STRINGS=ON",
          f"-DMOTE_FIRMWARE_OPT_FLAGS={opt_flags}", f"-DMOTE_GENERATED_DIR={generated_dir}"],
         log)


def build_firmware(build_dir, targets, jobs, log):
    _run(["cmake", "--build", build_dir, "-j", str(jobs), "--target", *targets], log)


def kernel_isa(build_dir):
    """The kernel ISA the firmware tree chose (targets/cortex-m/cmake/kernel_isa.cmake)."""
    for line in (Path(build_dir) / "CMakeCache.txt").read_text().splitlines():
        if line.startswith("MOTE_KERNEL_ISA:"):
            return line.split("=", 1)[1]
    return "generic"
