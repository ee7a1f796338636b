"""The package imports nothing outside the standard library and nothing else of troubleshooter."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import troubleshooter.verification as verification

PACKAGE = Path(verification.__file__).resolve().parent
ROOT = PACKAGE.parent.parent

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import troubleshooter  # the parent package is the lead's; only our own imports count
before = set(sys.modules)
import troubleshooter.verification as v
v.dsc_walkthrough(); v.demo_code_card().render(); v.verify_totp(b"0" * 16, "123456", 59.0)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_runtime_imports_are_stdlib_only() -> None:
    out = subprocess.run(
        [sys.executable, "-I", "-c", PROBE, str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    loaded = json.loads(out)
    assert "troubleshooter.verification" in loaded
    foreign = [
        name
        for name in loaded
        if name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("troubleshooter.verification")
    ]
    assert foreign == []


def _imports(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_source_imports_are_stdlib_or_package_relative() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    local = {p.stem for p in modules}
    for path in modules:
        for level, name in _imports(path):
            if level == 0:
                assert name.split(".")[0] in sys.stdlib_module_names, (path.name, name)
            else:
                # Only siblings inside verification/: no ``..`` reaching into troubleshooter.
                assert level == 1, (path.name, level, name)
                assert name.split(".")[0] in local, (path.name, name)


def test_modules_stay_small() -> None:
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name


def test_public_api_is_exported() -> None:
    for name in verification.__all__:
        assert hasattr(verification, name), name
    for name in ("hotp", "totp", "ocra", "Reason", "Verdict", "VerificationError"):
        assert name in verification.__all__
