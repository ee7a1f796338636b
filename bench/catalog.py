"""Benchmark: reading the Chinese catalog strictly, against Babel's own ``read_po``.

Ours: ``pofile.parse_catalog`` (Babel's parser plus the checks of quoting and
duplicate msgids that ``msgfmt`` makes). Baseline, in the same run: Babel's
``read_po(..., abort_invalid=True)`` on the same file. Both read the file from
disk each time, as a build does. Also timed: ``check_catalog`` (missing, stale,
placeholders, glossary, punctuation, and HTML, links or directives a translation
adds), which every build and ``troubleshooter check`` run after reading.

Run alone with ``python -m bench catalog``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from babel.messages.pofile import read_po

from bench._common import ROOT, table
from troubleshooter.content.model import load_content
from troubleshooter.languages.i18n import CATALOG, check_catalog
from troubleshooter.languages.pofile import parse_catalog

REPEATS = 30


def _best(*fns: Callable[[], object]) -> list[float]:
    """Best time of each function, interleaved so that a change of load affects all alike."""
    best = [float("inf")] * len(fns)
    for _ in range(REPEATS):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def main() -> dict[str, float]:
    path = ROOT / "locales" / "zh" / CATALOG

    def babel() -> object:
        with path.open("rb") as f:
            return read_po(f, abort_invalid=True)

    content = load_content(ROOT / "content")
    catalog = parse_catalog(path)
    plain, strict, checks = _best(
        babel, lambda: parse_catalog(path), lambda: check_catalog(path, catalog, content)
    )
    print(f"Chinese catalog: {len(catalog)} entries, best of {REPEATS}")
    rows = [
        ["Babel read_po (baseline)", f"{plain * 1000:.1f}", "1.00x"],
        ["strict reader (ours)", f"{strict * 1000:.1f}", f"{strict / plain:.2f}x"],
        ["check_catalog", f"{checks * 1000:.1f}", f"{checks / plain:.2f}x"],
    ]
    print(table(["step", "ms", "vs read_po"], rows))
    return {"read_po_s": plain, "strict_s": strict, "check_s": checks}


if __name__ == "__main__":
    main()
