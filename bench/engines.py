"""Benchmark: Zensical against MkDocs Material, building the same generated pages.

Each language is written once per engine by ``troubleshooter build-docs``; then
``mkdocs build`` and ``zensical build --clean`` (no cache from an earlier run)
build it, interleaved, best of three. CPU time (user + system of the process and
its children) is the figure to compare; wall time is printed too.

Run alone with ``python -m bench engines``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench._common import BIN, ROOT, Run, best, measured, table
from troubleshooter.engines.builddocs import write_docs
from troubleshooter.languages.i18n import languages
from troubleshooter.project import load_project

LANGS = tuple(languages(ROOT / "locales"))
REPEATS = 3
COMMANDS = {
    "mkdocs": [str(BIN / "mkdocs"), "build", "--quiet", "-f", "mkdocs.yml"],
    "zensical": [str(BIN / "zensical"), "build", "--clean", "-f", "mkdocs.yml"],
}


def main() -> dict[str, float]:
    runs: dict[tuple[str, str], Run | None] = {}
    project = load_project(ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        for lang in LANGS:
            for engine in COMMANDS:
                write_docs(project, lang, Path(tmp) / engine / lang, engine)
        for _ in range(REPEATS):
            for lang in LANGS:
                for engine, command in COMMANDS.items():
                    folder = Path(tmp) / engine / lang
                    shutil.rmtree(folder / "site" / lang, ignore_errors=True)
                    run = measured(command, cwd=folder)
                    runs[engine, lang] = best(runs.get((engine, lang)), run)
    rows, cpu = [], {"mkdocs": 0.0, "zensical": 0.0}
    for lang in LANGS:
        m, z = runs["mkdocs", lang], runs["zensical", lang]
        assert m is not None and z is not None
        cpu["mkdocs"] += m.cpu
        cpu["zensical"] += z.cpu
        rows.append(
            [lang, f"{m.seconds:.2f}", f"{z.seconds:.2f}", f"{m.cpu:.2f}", f"{z.cpu:.2f}"]
            + [f"{m.cpu / z.cpu:.2f}x"]
        )
    ratio = cpu["mkdocs"] / cpu["zensical"]
    rows.append(["all", "", "", f"{cpu['mkdocs']:.2f}", f"{cpu['zensical']:.2f}", f"{ratio:.2f}x"])
    print(f"Engines: the generated pages built by each, best of {REPEATS}, seconds")
    headers = ["lang", "wall mkdocs", "wall zensical", "cpu mkdocs", "cpu zensical", "mkdocs/zens"]
    print(table(headers, rows))
    print(f"Zensical uses {ratio:.2f}x less CPU than MkDocs Material for the same pages")
    return {"mkdocs_cpu": cpu["mkdocs"], "zensical_cpu": cpu["zensical"], "ratio": ratio}


if __name__ == "__main__":
    main()
