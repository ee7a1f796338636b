"""YAML sources that remember where every value came from.

Content files are read with ruamel.yaml's round-trip loader, which keeps line
numbers; :class:`Node` wraps each value with its place so that every problem the
model finds can name the file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from .errors import Problems, Where

MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Msg:
    """An English source string (a gettext msgid) and where it is written."""

    text: str
    where: Where = field(compare=False)


class Node:
    """A YAML value with its place; accessors report problems instead of raising."""

    def __init__(self, value: Any, where: Where, problems: Problems) -> None:
        self.value = value
        self.where = where
        self.problems = problems

    def _report(self, problem: str, fix: str) -> None:
        self.problems.add(self.where, problem, fix)

    def mapping(self, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Node]:
        """The keys of a mapping as nodes; unknown or missing keys are reported."""
        if not isinstance(self.value, CommentedMap):
            self._report(
                f"expected a mapping, found {_kind(self.value)}",
                f"write the keys {', '.join(required)}",
            )
            return {}
        known = set(required) | set(optional)
        out: dict[str, Node] = {}
        for key, value in self.value.items():
            line = self.value.lc.key(key)[0] + 1
            where = Where(self.where.path, line)
            if key not in known:
                self.problems.add(
                    where, f"unknown key {key!r}", f"use one of: {', '.join(sorted(known))}"
                )
                continue
            out[key] = Node(value, _value_where(self.value, key, where), self.problems)
        for key in required:
            if key not in out and key in known and key not in self.value:
                self._report(f"missing key {key!r}", f"add {key}: to this mapping")
        return out

    def items(self) -> Iterator[tuple[str, Node]]:
        """The entries of a mapping with arbitrary keys (e.g. ids)."""
        if not isinstance(self.value, CommentedMap):
            self._report(f"expected a mapping, found {_kind(self.value)}", "write key: value lines")
            return
        for key, value in self.value.items():
            where = Where(self.where.path, self.value.lc.key(key)[0] + 1)
            yield str(key), Node(value, _value_where(self.value, key, where), self.problems)

    def seq(self) -> list[Node]:
        """The items of a list as nodes."""
        if not isinstance(self.value, CommentedSeq):
            self._report(
                f"expected a list, found {_kind(self.value)}", "write the items as '- item'"
            )
            return []
        return [
            Node(v, Where(self.where.path, self.value.lc.item(i)[0] + 1), self.problems)
            for i, v in enumerate(self.value)
        ]

    def str(self) -> str:
        if isinstance(self.value, str) and self.value.strip():
            return self.value.strip()
        self._report(f"expected text, found {_kind(self.value)}", "write a non-empty string")
        return ""

    def msg(self) -> Msg:
        """A translatable English string; whitespace runs fold to one space."""
        return Msg(" ".join(self.str().split()), self.where)

    def int(self) -> int:
        if isinstance(self.value, int) and not isinstance(self.value, bool) and self.value >= 0:
            return self.value
        self._report(
            f"expected a whole number, found {_kind(self.value)}",
            "write digits only, e.g. 500000 (no currency, no separators)",
        )
        return 0

    def bool(self) -> bool:
        if isinstance(self.value, bool):
            return self.value
        self._report(f"expected true or false, found {_kind(self.value)}", "write true or false")
        return False

    def date(self) -> dt.date:
        if isinstance(self.value, dt.date):
            return self.value
        self._report(f"expected a date, found {_kind(self.value)}", "write it as YYYY-MM-DD")
        return dt.date(1970, 1, 1)


def _value_where(mapping: CommentedMap, key: Any, key_where: Where) -> Where:
    value = mapping[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value.lc.line is not None:
        # A block mapping or list starts on the line after its key.
        return Where(key_where.path, max(value.lc.line + 1, key_where.line))
    return key_where


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, CommentedMap):
        return "a mapping"
    if isinstance(value, CommentedSeq):
        return "a list"
    if isinstance(value, str):
        return f"text {value[:40]!r}" if value.strip() else "empty text"
    return f"{type(value).__name__} {value!r}"


def load_yaml(path: Path, problems: Problems) -> Node | None:
    """Parse one YAML file; a syntax error is reported with its line and ``None`` returned."""
    where = Where.of(path, 1)
    try:
        data = path.read_bytes()
    except OSError as e:
        problems.add(where, f"cannot read the file ({e.strerror})", "check that it exists")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.add(
            where, f"file is larger than {MAX_FILE_BYTES} bytes", "split it into smaller files"
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.add(
            Where(where.path, line), "the file is not valid UTF-8", "save it with UTF-8 encoding"
        )
        return None
    try:
        value = YAML(typ="rt").load(text)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = " ".join(str(e.problem or e.context or "invalid YAML").split())
        problems.add(
            Where(where.path, line),
            f"YAML syntax error: {what}",
            "fix the YAML at this line (indentation, quotes, ':' or '-')",
        )
        return None
    except Exception as e:  # ruamel raises a few non-marked errors, e.g. on bad tags
        problems.add(where, f"YAML error: {e}", "fix the YAML syntax")
        return None
    return Node(value, where, problems)
