"""Benchmark: how the build grows with the number of articles (100, 300, 1,000).

For each size, ``bench/synthetic.py`` writes a project of N articles per language
into a temporary folder, and every language is built with ``mkdocs build``.
Reported: wall and CPU time of the builds (CPU, user + system from
``wait4``, is what the per-article figures use: other load on the machine moves
it less), peak memory (the largest of the ``mkdocs`` processes' maximum RSS),
and our generator alone ("ours": ``load_project`` and ``pages`` for every
language, CPU time in this process). Growth is "no worse than linear" when the
CPU time per article at the largest size is at most 1.2 times that at the
smallest.

``python -m bench`` builds English only here, to keep the whole run near five
minutes (MkDocs needs about six minutes of CPU for three languages at 1,000
articles); ``python -m bench scale`` builds them all (``python -m bench scale 100
300`` for other sizes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench._common import ROOT, mkdocs_build, table
from bench.synthetic import make_project
from troubleshooter.engines.builddocs import config_file
from troubleshooter.languages.i18n import languages
from troubleshooter.project import load_project
from troubleshooter.publish.pages import pages

SIZES = (100, 300, 1000)
LANGS = tuple(languages(ROOT / "locales"))
LINEAR = 1.2


def measure(n: int, work: Path, langs: tuple[str, ...] = LANGS) -> dict[str, float]:
    root = make_project(work / f"kb-{n}", n)
    start = time.process_time()
    project = load_project(root)
    generated = sum(len(pages(project, lang).files) for lang in langs)
    generator = time.process_time() - start
    seconds, cpu, rss = 0.0, 0.0, 0
    for lang in langs:
        run = mkdocs_build(root, config_file(lang), work / f"site-{n}" / lang)
        seconds, cpu, rss = seconds + run.seconds, cpu + run.cpu, max(rss, run.max_rss_kb)
    return {
        "n": n,
        "pages": generated / len(langs),
        "seconds": seconds,
        "cpu": cpu,
        "rss_kb": rss,
        "generator": generator,
    }


def main(sizes: tuple[int, ...] = SIZES, langs: tuple[str, ...] = LANGS) -> list[dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        results = [measure(n, Path(tmp), langs) for n in sizes]
    rows = []
    for r in results:
        n = r["n"]
        rows.append(
            [
                f"{n:,}",
                f"{r['pages']:,.0f}",
                f"{r['seconds']:.1f}",
                f"{r['cpu']:.1f}",
                f"{1e3 * r['cpu'] / n:.1f}",
                f"{1e3 * r['generator'] / n:.2f}",
                f"{r['rss_kb'] / 1024:.0f}",
                f"{r['rss_kb'] / n:.0f}",
            ]
        )
    print(f"Scale: synthetic articles per language; built: {', '.join(langs)}")
    headers = [
        "articles",
        "pages/lang",
        "wall s",
        "cpu s",
        "cpu ms/art.",
        "ours ms/art.",
        "peak MB",
    ]
    print(table([*headers, "KB/article"], rows))
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = (large["cpu"] / large["n"]) / (small["cpu"] / small["n"])
        gen_growth = (large["generator"] / large["n"]) / (small["generator"] / small["n"])
        marginal = (large["rss_kb"] - small["rss_kb"]) / (large["n"] - small["n"])
        verdict = "linear or better" if growth <= LINEAR else "WORSE than linear"
        print(
            f"build cpu time per article at {large['n']:,} vs {small['n']:,}: {growth:.2f}x "
            f"({verdict}; limit {LINEAR}x); generator alone: {gen_growth:.2f}x; "
            f"memory: {marginal:.0f} KB per extra article"
        )
    return results


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
