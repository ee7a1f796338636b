"""The one error type for bad content: ``path:line: what is wrong — how to fix it``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Where:
    """A place in a source file (1-based line)."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    @classmethod
    def of(cls, path: Path | str, line: int) -> Where:
        return cls(display_path(path), line)


def display_path(path: Path | str) -> str:
    """A path relative to the working directory when possible, for readable messages."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


@dataclass(frozen=True)
class Problem:
    """One problem found in the content."""

    where: Where
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem} — {self.fix}"


class ContentError(Exception):
    """Bad content: carries every problem found, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.where, p.problem))
        super().__init__("\n".join(str(p) for p in self.problems))


class Problems:
    """Collects problems while loading, so every one is reported, not only the first."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, where: Where, problem: str, fix: str) -> None:
        self.items.append(Problem(where, problem, fix))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)
