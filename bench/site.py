"""Benchmark: the bilingual site build against plain MkDocs Material on the same Markdown.

Ours: ``mkdocs build`` of each language with the hook, which loads and checks the
content and generates every page. Baseline, in the same run: the pages generated
once by ``troubleshooter build-docs`` (the same pages, assets, theme, Markdown
extensions and navigation, no hook) and built by plain MkDocs Material.
The difference is what our generator adds to a build. Goal: at most 15%.

Times are the best of five, interleaved. The goal is judged on CPU time (user +
system of the ``mkdocs`` process), which other load on the machine disturbs less
than wall time; both are printed.

Run alone with ``python -m bench site``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench._common import ROOT, Run, best, mkdocs_build, table
from troubleshooter.engines.builddocs import config_file, write_docs
from troubleshooter.languages.i18n import languages
from troubleshooter.project import load_project

LANGS = tuple(languages(ROOT / "locales"))
REPEATS = 5
GOAL = 1.15


def write_baseline(dest: Path, root: Path = ROOT) -> dict[str, Path]:
    """Each language as ``troubleshooter build-docs`` writes it: a plain MkDocs project
    holding our generated pages, without the hook. Returns its ``mkdocs.yml`` by language."""
    project = load_project(root)
    return {lang: write_docs(project, lang, dest / lang) for lang in LANGS}


def main() -> dict[str, float]:
    ours: dict[str, Run | None] = dict.fromkeys(LANGS)
    plain: dict[str, Run | None] = dict.fromkeys(LANGS)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        base = write_baseline(work / "baseline")
        for _ in range(REPEATS):  # interleaved, so a change of load affects both alike
            for lang in LANGS:
                run = mkdocs_build(ROOT, config_file(lang), work / "ours" / lang)
                ours[lang] = best(ours[lang], run)
                run = mkdocs_build(base[lang].parent, "mkdocs.yml", work / "plain" / lang)
                plain[lang] = best(plain[lang], run)
        built = sum(1 for _ in (work / "ours" / "en").rglob("*.html"))
    rows = []
    totals = {"ours": [0.0, 0.0], "plain": [0.0, 0.0]}
    for lang in LANGS:
        o, p = ours[lang], plain[lang]
        assert o is not None and p is not None
        totals["ours"] = [totals["ours"][0] + o.seconds, totals["ours"][1] + o.cpu]
        totals["plain"] = [totals["plain"][0] + p.seconds, totals["plain"][1] + p.cpu]
        rows.append(
            [lang, f"{o.seconds:.2f}", f"{p.seconds:.2f}", f"{o.seconds / p.seconds:.2f}x"]
            + [f"{o.cpu:.2f}", f"{p.cpu:.2f}", f"{o.cpu / p.cpu:.2f}x"]
        )
    (ow, oc), (pw, pc) = totals["ours"], totals["plain"]
    rows.append(["all", f"{ow:.2f}", f"{pw:.2f}", f"{ow / pw:.2f}x"])
    rows[-1] += [f"{oc:.2f}", f"{pc:.2f}", f"{oc / pc:.2f}x"]
    print(f"Site build: best of {REPEATS}, seconds ({built} HTML pages per language)")
    headers = ["lang", "wall ours", "wall plain", "ratio", "cpu ours", "cpu plain", "ratio"]
    print(table(headers, rows))
    ratio = oc / pc
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(
        f"generator overhead (cpu) {100 * (ratio - 1):+.0f}%, (wall) {100 * (ow / pw - 1):+.0f}%;"
        f" goal <= +{100 * (GOAL - 1):.0f}%: {verdict}"
    )
    return {"ours_s": ow, "plain_s": pw, "ours_cpu": oc, "plain_cpu": pc, "ratio": ratio}


if __name__ == "__main__":
    main()
