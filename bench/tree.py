"""Benchmark: the troubleshooter's engine — every path, and random diagnoses.

Enumerates every path from the first question to an outcome (``tree.paths``),
then diagnoses 10,000 random answer sequences (random walks choosing any offered
option, replayed with one ``walk`` each, as ``troubleshooter diagnose`` does).
Baseline in the same run: ``walk`` of the shortest path, i.e. the fixed cost of
one diagnosis (start, one question, an outcome with its parameters), so the
ratio shows what longer paths and decisions add.

Run alone with ``python -m bench tree``.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from bench._common import table
from troubleshooter.content.facts import Facts
from troubleshooter.project import load_project
from troubleshooter.tree.engine import Answers, Tree, paths, walk

DIAGNOSES = 10_000
REPEATS = 5
SEED = 2026


def _best(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def random_answers(tree: Tree, facts: Facts, rng: random.Random) -> Answers:
    """Answers of a random walk: any offered option at each question, to an outcome."""
    answers: Answers = ()
    while (state := walk(tree, facts, answers)).question is not None:
        option = rng.choice(state.question.options)
        answers = (*answers, (state.question.id, option.id))
    return answers


def main() -> dict[str, float]:
    project = load_project()
    tree, facts = project.tree, project.content.facts
    all_paths = list(paths(tree, facts))
    rng = random.Random(SEED)
    samples = [random_answers(tree, facts, rng) for _ in range(DIAGNOSES)]
    shortest = min((s.trail for s in all_paths), key=len)
    outcomes = {walk(tree, facts, a).outcome for a in samples}
    assert all(walk(tree, facts, a).outcome is not None for a in samples[:100])

    t_paths = _best(lambda: list(paths(tree, facts)))
    t_diag = _best(lambda: [walk(tree, facts, a) for a in samples])
    t_short = _best(lambda: [walk(tree, facts, shortest) for _ in range(DIAGNOSES)])
    per_diag = 1e6 * t_diag / DIAGNOSES
    per_short = 1e6 * t_short / DIAGNOSES
    mean_len = sum(map(len, samples)) / len(samples)
    print(
        f"Decision tree: {len(all_paths)} paths, {len(tree.questions)} questions, "
        f"{len(tree.decisions)} decisions, {len(tree.outcomes)} outcomes; "
        f"{DIAGNOSES:,} random diagnoses (mean {mean_len:.1f} answers, "
        f"{len(outcomes)} outcomes reached); best of {REPEATS}"
    )
    rows = [
        [
            "enumerate every path",
            f"{1e3 * t_paths:.1f} ms",
            f"{len(all_paths) / t_paths:,.0f} paths/s",
        ],
        ["diagnose random answers", f"{per_diag:.1f} µs", f"{DIAGNOSES / t_diag:,.0f} /s"],
        [
            f"baseline: walk shortest path ({len(shortest)} answer)",
            f"{per_short:.1f} µs",
            f"{DIAGNOSES / t_short:,.0f} /s",
        ],
    ]
    print(table(["measure", "time", "rate"], rows))
    print(f"random diagnosis / shortest walk: {per_diag / per_short:.2f}x")
    return {
        "paths_per_s": len(all_paths) / t_paths,
        "us_per_diagnosis": per_diag,
        "us_shortest": per_short,
    }


if __name__ == "__main__":
    main()
