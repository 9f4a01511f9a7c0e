"""Runs one firmware image under QEMU the way ../shared/BENCHMARKS.md measures: -icount
shift=0,align=off (one executed instruction = 1 ns of virtual time), semihosting for output and
the exit status."""

import subprocess
from dataclasses import dataclass


@dataclass
class RunResult:
    exit_code: int  # the firmware's status (semihosting exit), or -1 on timeout
    output: str
    timed_out: bool = False


def qemu_command(machine, elf, semihosting_args=()):
    config = "enable=on,target=native"
    for arg in semihosting_args:
        if "," in arg:
            raise ValueError(f"semihosting argument may not contain ',': {arg}")
        config += f",arg={arg}"
    return ["qemu-system-arm", "-M", machine, "-nographic", "-monitor", "none",
            "-serial", "null", "-semihosting-config", config,
            "-icount", "shift=0,align=off", "-kernel", str(elf)]


def run(machine, elf, timeout, semihosting_args=()):
    command = qemu_command(machine, elf, semihosting_args)
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout or ""
        if isinstance(output, bytes):
            output = output.decode(errors="replace")
        return RunResult(-1, output, timed_out=True)
    return RunResult(done.returncode, done.stdout + done.stderr)
