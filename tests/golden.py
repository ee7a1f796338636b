"""Golden files: generated output compared whole with a reviewed copy in tests/golden/.

After reviewing a change of the output, ``UPDATE_GOLDEN=1 make test`` (or the same
variable on any pytest run) rewrites every golden file that the tests compare.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """``text`` equals ``tests/golden/<name>``; with UPDATE_GOLDEN=1 it becomes the file."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: review the output, then UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{path} differs (review, then UPDATE_GOLDEN=1)"
    )
