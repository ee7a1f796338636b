"""``scripts/browser-deps`` (run by ``make test``): installs what the browser tests need.

The system's tools are replaced by stubs on a private PATH: ``id`` says who runs it,
``apt-get`` records what it was asked to do, and a stub ``chromium``, ``fc-list``
(knowing the Chinese font or not) and ``npm`` stand for what is installed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "browser-deps"
ALL = ("chromium", "fonts-noto-cjk", "npm")


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def run_deps(
    tmp_path: Path, *, installed: tuple[str, ...], uid: int, browser: str = "chromium"
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the script with only ``installed`` present; returns its result and apt-get's calls."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "apt.log"
    _stub(bin_, "id", f"echo {uid}")
    _stub(bin_, "apt-get", f'echo "$*" >> {log}')
    font = "Noto Sans CJK SC" if "fonts-noto-cjk" in installed else ""
    _stub(bin_, "fc-list", f"echo '{font}'" if font else "true")
    if "chromium" in installed:
        _stub(bin_, browser, "true")
    if "npm" in installed:
        _stub(bin_, "npm", "true")
    result = subprocess.run(
        ["/bin/bash", str(SCRIPT)],
        env={"PATH": str(bin_)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return result, calls


@pytest.mark.parametrize("browser", ["chromium", "chromium-headless-shell"])
def test_nothing_to_do_when_everything_is_there(tmp_path: Path, browser: str) -> None:
    result, calls = run_deps(tmp_path, installed=ALL, uid=1000, browser=browser)
    assert (result.returncode, result.stderr, calls) == (0, "", [])


def test_root_installs_what_is_missing(tmp_path: Path) -> None:
    result, calls = run_deps(tmp_path, installed=(), uid=0)
    assert result.returncode == 0, result.stderr
    assert calls[0] == "update -qq"
    assert calls[1].split()[-3:] == list(ALL)
    assert "-y" in calls[1].split()


def test_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    result, calls = run_deps(tmp_path, installed=("chromium", "fonts-noto-cjk"), uid=0)
    assert result.returncode == 0, result.stderr
    assert calls[1].split()[-1] == "npm"
    assert "chromium" not in calls[1]


def test_other_users_get_one_line_saying_what_to_install(tmp_path: Path) -> None:
    result, calls = run_deps(tmp_path, installed=("npm",), uid=1000)
    assert result.returncode == 1
    assert calls == []
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "apt-get install chromium fonts-noto-cjk" in lines[0]


def test_make_test_sets_up_the_browser_first() -> None:
    dry = subprocess.run(
        ["make", "--always-make", "--dry-run", "test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = dry.stdout.splitlines()
    assert dry.returncode == 0, dry.stderr
    setup = lines.index("scripts/browser-deps")
    assert setup < next(i for i, line in enumerate(lines) if line.startswith("npm ci"))
    assert setup < next(i for i, line in enumerate(lines) if "pytest" in line)
