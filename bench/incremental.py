"""Benchmark: how soon ``mkdocs serve`` shows an edited article, against a full build.

A copy of the project is served with live reload; once the first build is
served, one article's ``reviewed:`` date is changed (a valid edit that needs no
new translation) and the served page is polled until it shows the new date.
The time from saving the file to the changed page includes MkDocs' wait for
file events to settle. Baseline in the same run: ``mkdocs build`` of the same
copy (English), from start to exit.

Run alone with ``python -m bench incremental``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from babel.dates import format_date

from bench._common import ENV, MKDOCS, copy_project, free_port, mkdocs_build, table

ARTICLE = "m2fs"
EDITS = 3
TIMEOUT = 120.0


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, proc: subprocess.Popen[bytes], log: Path) -> float:
    """Seconds until the page at ``url`` contains ``text``."""
    start = time.perf_counter()
    while time.perf_counter() - start < TIMEOUT:
        page = _get(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        if proc.poll() is not None:
            break
        time.sleep(0.02)
    raise SystemExit(f"the served page never showed {text!r}:\n{log.read_text()[-3000:]}")


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        root = copy_project(Path(tmp) / "project")
        full = mkdocs_build(root, "mkdocs.yml", Path(tmp) / "site").seconds
        source = root / "content" / "articles" / f"{ARTICLE}.yml"
        text = source.read_text(encoding="utf-8")
        reviewed = text.split("reviewed: ", 1)[1].split("\n", 1)[0]
        day = dt.date.fromisoformat(reviewed)
        port = free_port()
        url = f"http://127.0.0.1:{port}/articles/{ARTICLE}/"
        log = Path(tmp) / "serve.log"
        args = [MKDOCS, "serve", "-a", f"127.0.0.1:{port}", "--livereload"]
        with log.open("wb") as out:
            proc = subprocess.Popen(args, cwd=root, env=ENV, stdout=out, stderr=out)
            try:
                first = _wait_for(url, format_date(day, "long", locale="en"), proc, log)
                times = []
                for k in range(1, EDITS + 1):
                    new = day + dt.timedelta(days=k)
                    time.sleep(1.0)  # let the watcher settle between edits
                    source.write_text(
                        text.replace(f"reviewed: {reviewed}", f"reviewed: {new}"), encoding="utf-8"
                    )
                    times.append(_wait_for(url, format_date(new, "long", locale="en"), proc, log))
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    best, median = min(times), statistics.median(times)
    print(f"mkdocs serve, English: edit {ARTICLE}.yml's reviewed date {EDITS} times")
    rows = [
        ["full build (mkdocs build)", f"{full:.2f}", "1.00x"],
        ["serve: start to first page", f"{first:.2f}", f"{first / full:.2f}x"],
        ["serve: save to changed page, best", f"{best:.2f}", f"{best / full:.2f}x"],
        ["serve: save to changed page, median", f"{median:.2f}", f"{median / full:.2f}x"],
    ]
    print(table(["measure", "seconds", "of full build"], rows))
    return {"full": full, "first": first, "rebuild_best": best, "rebuild_median": median}


if __name__ == "__main__":
    main()
