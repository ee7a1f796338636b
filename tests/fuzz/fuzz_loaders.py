"""Coverage-guided fuzzing of the YAML and PO loaders with atheris (run by hand).

    .venv/bin/python tests/fuzz/fuzz_loaders.py yaml -max_total_time=300
    .venv/bin/python tests/fuzz/fuzz_loaders.py po -atheris_runs=100000

Each input is parsed as a content YAML file (``yaml``) or a catalog (``po``); the
only acceptable outcomes are success or problems reported as ``path:line:
problem — fix`` with a line of at least 1. Any other exception is a finding.
Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from troubleshooter.content.source import load_yaml
    from troubleshooter.errors import Problems
    from troubleshooter.languages.i18n import read_catalog

WORK = Path(tempfile.mkdtemp(prefix="fuzz-loaders-"))


def _check(problems: Problems) -> None:
    for problem in problems.items:
        assert problem.where.line >= 1, problem
        assert str(problem).startswith(f"{problem.where.path}:{problem.where.line}: "), problem


def fuzz_yaml(data: bytes) -> None:
    path = WORK / "article.yml"
    path.write_bytes(data)
    problems = Problems()
    node = load_yaml(path, problems)
    if node is not None:  # walk the value the way the readers do
        node.mapping(("slug", "title"), ("sections",))
        node.items()
        node.seq()
    _check(problems)


def fuzz_po(data: bytes) -> None:
    path = WORK / "messages.po"
    path.write_bytes(data)
    problems = Problems()
    read_catalog(path, problems)
    _check(problems)


def main() -> None:
    target = {"yaml": fuzz_yaml, "po": fuzz_po}[sys.argv.pop(1) if len(sys.argv) > 1 else "yaml"]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
