"""Parses what the firmware images print (one fact per line, key=value pairs; see
targets/cortex-m/apps/*.cc)."""

import re
import shlex
from dataclasses import dataclass, field


def fields(line):
    """'case number=1 result=pass' -> ('case', {'number': '1', 'result': 'pass'})."""
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    if not words:
        return "", {}
    values = {}
    for word in words[1:]:
        key, sep, value = word.partition("=")
        if sep:
            values[key] = value
    return words[0], values


@dataclass
class GoldenRun:
    passed: bool = False
    cases: list = field(default_factory=list)  # (case number, "pass" | "FAIL")
    failures: list = field(default_factory=list)  # mismatch lines
    arena: dict = field(default_factory=dict)  # total, persistent, planned, exact
    warmup: int = 0
    runs: list = field(default_factory=list)  # instructions per timed run
    ops: list = field(default_factory=list)  # (node index, builtin code, instructions)
    isa: str = ""
    error: str = ""

    @property
    def instructions(self):
        """Mean of the timed runs, rounded to a whole instruction."""
        return round(sum(self.runs) / len(self.runs)) if self.runs else 0


def parse_golden(text):
    run = GoldenRun()
    for line in text.splitlines():
        kind, values = fields(line)
        if kind == "mote-golden":
            run.isa = values.get("isa", "")
        elif kind == "arena":
            run.arena = {key: (int(v) if v.isdigit() else v) for key, v in values.items()}
        elif kind == "case" and "result" in values:
            run.cases.append((int(values["number"]), values["result"]))
        elif kind == "case":
            run.failures.append(line.strip())
        elif kind == "instructions":
            if values.get("run") == "warmup":
                run.warmup = int(values["value"])
            else:
                run.runs.append(int(values["value"]))
        elif kind == "op":
            run.ops.append((int(values["index"]), int(values["code"]),
                            int(values["instructions"])))
        elif kind == "result":
            run.passed = values.get("golden") == "pass"
            run.error = values.get("error", "")
        elif kind.startswith("mote-fault") or kind == "mote:":
            run.failures.append(line.strip())
    return run


def parse_arena(text):
    """The arena sizer's figure: {'total': N, 'persistent': N, 'planned': N} or None."""
    for line in text.splitlines():
        kind, values = fields(line)
        if kind == "arena" and "total" in values:
            return {key: int(v) for key, v in values.items()}
    return None


def parse_icount(text):
    """The icount check: (passed, [loop result dicts])."""
    loops = []
    passed = False
    for line in text.splitlines():
        kind, values = fields(line)
        if kind == "icount":
            values["pass"] = line.rstrip().endswith(" pass")
            loops.append(values)
        elif kind == "result":
            passed = values.get("icount") == "pass"
    return passed, loops


def parse_parity(text):
    """The parity firmware: (passed, test count, [lines of failed tests])."""
    passed, tests, failed = False, 0, []
    for line in text.splitlines():
        kind, values = fields(line)
        if kind == "parity" and not line.rstrip().endswith(" pass"):
            failed.append(line.strip())
        elif kind == "result":
            passed = values.get("parity") == "pass"
            tests = int(values.get("tests", "0"))
    return passed, tests, failed


def has_fault(text):
    return re.search(r"^mote-fault", text, re.MULTILINE) is not None
