"""Benchmark: the bilingual site build against plain MkDocs Material on the same Markdown.

Ours: ``mkdocs build`` of each language with the hook, which loads and checks the
content and generates every page. Baseline, in the same run: the pages generated
once, written into a docs folder next to the same assets and built by MkDocs
Material with the same theme, Markdown extensions and navigation but no hook.
The difference is what our generator adds to a build. Goal: at most 15%.

Times are the best of three, interleaved. The goal is judged on CPU time (user +
system of the ``mkdocs`` process), which other load on the machine disturbs less
than wall time; both are printed.

Run alone with ``python -m bench site``.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

from bench._common import ROOT, Run, config_for, copy_project, mkdocs_build, table
from troubleshooter.project import load_project
from troubleshooter.site import pages

LANGS = ("en", "zh")
REPEATS = 3
GOAL = 1.15


def write_baseline(dest: Path, root: Path = ROOT) -> Path:
    """A plain MkDocs project holding our generated pages, without the hook.

    ``mkdocs.base-<lang>.yml`` builds ``docs-<lang>/``: the assets of ``docs/``
    plus that language's generated pages, with the title and navigation the hook
    would set.
    """
    copy_project(dest, ("overrides",))
    shutil.rmtree(dest / "troubleshooter")
    shared = (root / "mkdocs.yml").read_text(encoding="utf-8")
    shared, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", shared)
    assert hooks == 1, "mkdocs.yml has no hooks: section to drop"
    (dest / "mkdocs.base.yml").write_text(shared, encoding="utf-8")
    project = load_project(root)
    for lang in LANGS:
        generated = pages(project, lang)
        docs = dest / f"docs-{lang}"
        shutil.copytree(root / "docs", docs)
        for path, markdown in generated.files.items():
            target = docs / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
        # JSON is YAML: the title and navigation exactly as the hook sets them.
        title = project.lang(lang).t(project.content.site.title)
        config = [
            "INHERIT: mkdocs.base.yml",
            f"docs_dir: docs-{lang}",
            f"site_name: {json.dumps(title, ensure_ascii=False)}",
            f"theme: {{language: {lang}}}",
            f"nav: {json.dumps(generated.nav, ensure_ascii=False)}",
        ]
        (dest / f"mkdocs.base-{lang}.yml").write_text("\n".join(config) + "\n", encoding="utf-8")
    return dest


def _best(a: Run | None, b: Run) -> Run:
    if a is None:
        return b
    return Run(min(a.seconds, b.seconds), min(a.cpu, b.cpu), max(a.max_rss_kb, b.max_rss_kb))


def main() -> dict[str, float]:
    ours: dict[str, Run | None] = dict.fromkeys(LANGS)
    plain: dict[str, Run | None] = dict.fromkeys(LANGS)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        work = Path(tmp)
        base = write_baseline(work / "baseline")
        for _ in range(REPEATS):  # interleaved, so a change of load affects both alike
            for lang in LANGS:
                run = mkdocs_build(ROOT, config_for(lang), work / "ours" / lang)
                ours[lang] = _best(ours[lang], run)
                run = mkdocs_build(base, f"mkdocs.base-{lang}.yml", work / "plain" / lang)
                plain[lang] = _best(plain[lang], run)
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
    rows.append(["both", f"{ow:.2f}", f"{pw:.2f}", f"{ow / pw:.2f}x"])
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
