"""The mutation score per package from `mutmut results --all true` on stdin."""

import collections
import sys

counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    name, _, status = line.strip().rpartition(": ")
    if name:
        counts[".".join(name.split(".")[:2])][status] += 1
for package, c in sorted(counts.items()):
    total = sum(c.values())
    print(
        f"{package}: {total} mutants, killed {c['killed']}, timed out {c['timeout']},"
        f" survived {c['survived']}, no tests {c['no tests']}"
        f" - score {(c['killed'] + c['timeout']) / total:.1%}"
    )
