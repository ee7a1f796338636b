"""The library could be published alone: stdlib only, no product import, no product word."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import troubleshooter.verification as verification

PACKAGE = Path(verification.__file__).resolve().parent
ROOT = PACKAGE.parent.parent
MODULES = sorted(PACKAGE.glob("*.py"))
# Names of the product, its devices and its display texts.
PRODUCT_WORDS = re.compile(
    r"IBKR|IB ?Key|\bDSC|CHALLNG|PIN>|Secure Login|\bSLS\b|Security Code Card|troubleshooter|demo",
    re.IGNORECASE,
)

PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import troubleshooter  # the parent package is the product's; only our own imports count
before = set(sys.modules)
import troubleshooter.verification as v
v.verify_totp(b"0" * 16, "123456", 59.0)
v.ocra("OCRA-1:HOTP-SHA256-8:QN06-PSHA1", b"0" * 32, question="123456", pin="1234")
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
    assert len(MODULES) >= 6
    local = {p.stem for p in MODULES}
    for path in MODULES:
        for level, name in _imports(path):
            if level == 0:
                assert name.split(".")[0] in sys.stdlib_module_names, (path.name, name)
            else:
                # Only siblings inside verification/: no ``..`` reaching into the product.
                assert level == 1, (path.name, level, name)
                assert name.split(".")[0] in local, (path.name, name)


def test_no_product_word_in_the_library() -> None:
    found = [
        f"{path.name}:{n}: {match.group(0)}"
        for path in MODULES
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for match in PRODUCT_WORDS.finditer(line)
    ]
    assert found == []


def test_the_product_word_check_sees_product_words() -> None:
    for line in ("IB Key", "DSC_SUITE", '"CHALLNG>"', "demo_key", "troubleshooter-demo:"):
        assert PRODUCT_WORDS.search(line), line
    for line in ("OCRA-1:HOTP-SHA256-8:QN08-PSHA1", "pin: str | None", "RFC 6287"):
        assert not PRODUCT_WORDS.search(line), line


def test_modules_stay_small() -> None:
    for path in MODULES:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name


def test_public_api_is_exported() -> None:
    for name in verification.__all__:
        assert hasattr(verification, name), name
    for name in ("hotp", "totp", "ocra", "verify_totp", "Reason", "Verdict", "VerificationError"):
        assert name in verification.__all__
