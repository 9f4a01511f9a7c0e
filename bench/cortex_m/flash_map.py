"""Flash bytes by component, from a GNU ld map file (-Wl,-Map with -ffunction-sections
-fdata-sections -Wl,--gc-sections), as ../shared/BENCHMARKS.md asks.

Every input section that ends up in flash counts: code and constants, and the initial values
of .data (copied from flash at reset). Components:
  runtime   libmote_runtime.a: interpreter, verifier, planner and kernels (compare with TFLM's
            flash_runtime_bytes: its core + kernels, + CMSIS-NN in that variant)
  model     the model array (section .rodata.mote_model, from `mote export`)
  golden    the golden test vectors (section .rodata.mote_golden)
  app       the firmware's own code (apps/*.cc, the generated op resolver)
  startup   vector table, reset handler, semihosting, console, instruction counter
  libc, libm, libgcc, libstdcxx   toolchain libraries
  fill      alignment padding
"""

import re
import subprocess
from collections import defaultdict

FLASH_REGIONS = {"FLASH", "ITCM"}

_OUTPUT_SECTION = re.compile(
    r"^(\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+load address 0x([0-9a-f]+))?\s*$")
_OUTPUT_NAME_ONLY = re.compile(r"^(\.\S+)\s*$")
_ADDRESS_SIZE = re.compile(
    r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+load address 0x([0-9a-f]+))?\s*$")
_INPUT_SECTION = re.compile(r"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
_INPUT_NAME_ONLY = re.compile(r"^ (\.\S+|COMMON)\s*$")
_CONTINUATION = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
_FILL = re.compile(r"^ \*fill\*\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)")
_REGION = re.compile(r"^(\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)")


def _component(section, origin):
    if section == "*fill*":
        return "fill"
    if section.startswith(".rodata.mote_model"):
        return "model"
    if section.startswith(".rodata.mote_golden"):
        return "golden"
    if "libmote_runtime.a(" in origin:
        return "runtime"
    if "libmote_target.a(" in origin:
        return "startup"
    if re.search(r"lib(c|g)(_nano)?\.a\(", origin):
        return "libc"
    if "libm.a(" in origin:
        return "libm"
    if "libgcc.a(" in origin:
        return "libgcc"
    if re.search(r"lib(stdc\+\+|supc\+\+)(_nano)?\.a\(", origin):
        return "libstdcxx"
    return "app"


def _regions(lines):
    regions = {}
    inside = False
    for line in lines:
        if line.startswith("Memory Configuration"):
            inside = True
            continue
        if inside and line.startswith("Linker script and memory map"):
            break
        match = _REGION.match(line) if inside else None
        if match and match.group(1) != "*default*":
            regions[match.group(1)] = (int(match.group(2), 16), int(match.group(3), 16))
    return regions


def loaded_sections(elf):
    """Names of the ELF's output sections that have contents in the image (not NOLOAD, not
    debug information): the map file alone does not say which sections are NOLOAD."""
    listing = subprocess.run(["arm-none-eabi-objdump", "-h", str(elf)], capture_output=True,
                             text=True, check=True).stdout.splitlines()
    names = set()
    for header, flags in zip(listing, listing[1:]):
        parts = header.split()
        if len(parts) >= 7 and parts[0].isdigit() and "LOAD" in flags and "ALLOC" in flags:
            names.add(parts[1])
    return names


def _flash_bytes(map_text, loaded, classify):
    """{classify(section, origin): bytes} over every byte the image puts in flash; input
    sections for which classify returns None are left out."""
    lines = map_text.splitlines()
    regions = _regions(lines)
    flash_ranges = [(start, start + length) for name, (start, length) in regions.items()
                    if name in FLASH_REGIONS]

    def in_flash(name, vma, load):
        if name not in loaded:
            return False
        return any(lo <= address < hi for lo, hi in flash_ranges
                   for address in ([vma] if load is None else [vma, int(load, 16)]))

    split = defaultdict(int)
    started = False
    counting = False  # the current output section occupies flash
    claimed_end = 0  # highest address already attributed in the current output section
    pending_output = None
    pending_input = None

    def claim(section, origin, address, size):
        # Merged string sections (.str1.*) are listed with overlapping ranges; attributing
        # each byte once keeps the total equal to the section's size.
        nonlocal claimed_end
        key = classify(section, origin)
        if counting and key is not None:
            split[key] += max(0, address + size - max(address, claimed_end))
        claimed_end = max(claimed_end, address + size)

    def begin_output(name, vma, load):
        nonlocal counting, claimed_end
        counting = in_flash(name, vma, load)
        claimed_end = vma

    for line in lines:
        if not started:
            started = line.startswith("Linker script and memory map")
            continue
        if pending_output is not None:
            match = _ADDRESS_SIZE.match(line)
            if match:
                begin_output(pending_output, int(match.group(1), 16), match.group(3))
            pending_output = None
            continue
        if pending_input is not None:
            match = _CONTINUATION.match(line)
            if match:
                claim(pending_input, match.group(3), int(match.group(1), 16),
                      int(match.group(2), 16))
            pending_input = None
            continue
        match = _OUTPUT_SECTION.match(line)
        if match:
            begin_output(match.group(1), int(match.group(2), 16), match.group(4))
            continue
        if _OUTPUT_NAME_ONLY.match(line):
            pending_output = line.strip()
            continue
        match = _FILL.match(line)
        if match:
            claim("*fill*", "", int(match.group(1), 16), int(match.group(2), 16))
            continue
        match = _INPUT_SECTION.match(line)
        if match:
            claim(match.group(1), match.group(4), int(match.group(2), 16),
                  int(match.group(3), 16))
            continue
        match = _INPUT_NAME_ONLY.match(line)
        if match:
            pending_input = match.group(1)
    return dict(split)


def flash_split(map_text, loaded):
    """{component: bytes} for every byte the image puts in flash; `loaded` is
    loaded_sections() of the same image."""
    return _flash_bytes(map_text, loaded, _component)


def runtime_objects(map_text, loaded):
    """{object file: bytes} for the runtime's share of flash ("conv2d.cc", ...)."""

    def object_name(section, origin):
        if _component(section, origin) != "runtime":
            return None
        match = re.search(r"\(([^)]+?)(\.obj|\.o)?\)$", origin)
        return match.group(1) if match else origin

    return _flash_bytes(map_text, loaded, object_name)


def summary(split):
    """The three figures the issue asks for, plus the rest."""
    return {
        "runtime_kernels": split.get("runtime", 0),
        "model_data": split.get("model", 0),
        "startup_libc": sum(split.get(k, 0) for k in
                            ("startup", "libc", "libm", "libgcc", "libstdcxx")),
        "app": split.get("app", 0),
        "golden_data": split.get("golden", 0),
        "fill": split.get("fill", 0),
        "total": sum(split.values()),
    }
