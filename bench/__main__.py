"""Run every benchmark: ``python -m bench``; one or some: ``python -m bench site tree``.

``python -m bench scale 100 300`` passes sizes to the scale benchmark.

Each prints its own table, with ratios against a baseline measured in the same run.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = ("verification", "tree", "catalog", "site", "engines", "incremental", "scale")


# In the run of every benchmark, the scale benchmark builds English only (time budget).
ALL_RUN_ARGS: dict[str, dict[str, object]] = {"scale": {"langs": ("en",)}}


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(
            f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}"
        )
    for name in names or BENCHMARKS:
        start = time.perf_counter()
        print(f"== {name} ==")
        args = ALL_RUN_ARGS.get(name, {}) if not names else {}
        importlib.import_module(f"bench.{name}").main(**args)
        print(f"({time.perf_counter() - start:.0f} s)\n", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["scale"] and sys.argv[2:]:
        from bench import scale

        scale.main(tuple(int(a) for a in sys.argv[2:]))
    else:
        main(sys.argv[1:])
