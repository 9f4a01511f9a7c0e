"""TFLM's Cortex-M4 figures (../shared/baselines/tflm-cortex-m4.json)."""

import json
from pathlib import Path


def load(shared_dir):
    path = Path(shared_dir) / "baselines" / "tflm-cortex-m4.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text()).get("models", {})


def figures(baselines, model, variant):
    """{'instructions', 'flash_runtime_bytes', 'arena_min_bytes', 'macs', 'per_op'} or None."""
    entry = baselines.get(model, {}).get(variant)
    if entry is None:
        return None
    return {
        "instructions": entry["instructions_per_inference"],
        "macs_per_instruction": entry.get("macs_per_instruction"),
        "flash_runtime_bytes": entry["flash_runtime_bytes"],
        "arena_min_bytes": entry["arena_min_bytes"],
        "per_op_instructions": entry.get("per_op_instructions", {}),
    }
