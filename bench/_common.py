"""Helpers shared by the benchmarks: project copies and measured ``mkdocs`` subprocesses."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from troubleshooter.project import BUILD_INPUTS, copy_build_inputs

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MKDOCS = str(BIN / "mkdocs")
PACKAGE = "troubleshooter"  # the MkDocs hook and what it imports
ENV = os.environ | {"NO_MKDOCS_2_WARNING": "1", "LANGUAGE": "en"}


def copy_project(dest: Path, parts: tuple[str, ...] = BUILD_INPUTS) -> Path:
    """A copy of what a build reads (the package, with the hook, always included)."""
    dest.mkdir(parents=True, exist_ok=True)
    return copy_build_inputs(dest, tuple(dict.fromkeys((*parts, PACKAGE))))


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system time of the process and its children
    max_rss_kb: int


def measured(args: list[str], cwd: Path) -> Run:
    """Run a command to completion; its wall time and its own peak RSS (``wait4``)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            log = out.read().decode("utf-8", "replace")
            raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{log[-4000:]}")
    # Linux reports ru_maxrss in kilobytes.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def best(a: Run | None, b: Run) -> Run:
    """The better of two runs of one build (peak memory: the higher)."""
    if a is None:
        return b
    return Run(min(a.seconds, b.seconds), min(a.cpu, b.cpu), max(a.max_rss_kb, b.max_rss_kb))


def mkdocs_build(root: Path, config: str, site: Path) -> Run:
    return measured([MKDOCS, "build", "--quiet", "-f", config, "-d", str(site)], cwd=root)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A compact plain-text table, right-aligned numbers."""
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells))
    return "\n".join(lines)
