"""YAML sources that remember where every value came from.

Content files are parsed with PyYAML's libyaml composer (fast, and MkDocs needs
PyYAML anyway) and resolved with the YAML 1.2 core schema (``yes`` stays text,
as the YAML 1.2 spec says); mappings and lists keep the line of every key and
item, and :class:`Node` wraps each value with its place so that every problem
the model finds can name the file and line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problems, Where

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 50
# Every id (article, section, topic, tree node, option, outcome) is a lowercase slug:
# it becomes part of URLs, file names and HTML attributes.
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_FIX = "use lower-case letters, digits and single hyphens, e.g. ib-key-reset"
# Characters no text shows and YAML refuses: C0 controls but tab and line breaks, DEL,
# C1 controls but NEL, surrogates and the non-characters U+FFFE and U+FFFF.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Larger figures make no sense for money or counts and overflow Babel's decimal formatting.
MAX_NUMBER = 10**15


class YamlMap(dict[Any, Any]):
    """A YAML mapping with the (1-based) line of itself and of each key."""

    line: int
    key_lines: dict[Any, int]


class YamlList(list[Any]):
    """A YAML list with the (1-based) line of itself and of each item."""

    line: int
    item_lines: list[int]


PLACEHOLDER = re.compile(r"%\((\w+)\)s")  # a fact or answer named in a string


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
        if not isinstance(self.value, YamlMap):
            self._report(
                f"expected a mapping, found {_kind(self.value)}",
                f"write the keys {', '.join(required)}",
            )
            return {}
        known = set(required) | set(optional)
        out: dict[str, Node] = {}
        for key, value in self.value.items():
            where = Where(self.where.path, self.value.key_lines[key])
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
        if not isinstance(self.value, YamlMap):
            self._report(f"expected a mapping, found {_kind(self.value)}", "write key: value lines")
            return
        for key, value in self.value.items():
            where = Where(self.where.path, self.value.key_lines[key])
            yield str(key), Node(value, _value_where(self.value, key, where), self.problems)

    def seq(self) -> list[Node]:
        """The items of a list as nodes."""
        if not isinstance(self.value, YamlList):
            self._report(
                f"expected a list, found {_kind(self.value)}", "write the items as '- item'"
            )
            return []
        lines = self.value.item_lines
        return [
            Node(v, Where(self.where.path, line), self.problems)
            for v, line in zip(self.value, lines, strict=True)
        ]

    def str(self) -> str:
        if isinstance(self.value, str) and (bad := CONTROL.search(self.value)):
            self._report(
                f"control character U+{ord(bad.group(0)):04X} in text",
                "remove it (an escape such as \\0 in a quoted string writes one)",
            )
            return ""
        if isinstance(self.value, str) and self.value.strip():
            return self.value.strip()
        self._report(f"expected text, found {_kind(self.value)}", "write a non-empty string")
        return ""

    def msg(self) -> Msg:
        """A translatable English string; whitespace runs fold to one space."""
        return Msg(" ".join(self.str().split()), self.where)

    def int(self) -> int:
        if isinstance(self.value, int) and not isinstance(self.value, bool) and self.value >= 0:
            if self.value <= MAX_NUMBER:
                return self.value
            self._report(
                f"the number {self.value} is too large", f"write at most {MAX_NUMBER:,} here"
            )
            return 0
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


def _value_where(mapping: YamlMap, key: Any, key_where: Where) -> Where:
    value = mapping[key]
    if isinstance(value, YamlMap | YamlList):
        # A block mapping or list starts on the line after its key.
        return Where(key_where.path, max(value.line, key_where.line))
    return key_where


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
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
    value = parse_yaml(text, where.path, problems)
    if value is _INVALID:
        return None
    return Node(value, where, problems)


# -- parsing -----------------------------------------------------------------------

_INVALID: Any = object()
_PLAIN = "?plain"  # an untagged plain scalar: resolved below by the YAML 1.2 core schema
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq"))
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Composer(_BASE):  # type: ignore[misc, valid-type]
    """libyaml's composer; tags are left to :func:`_scalar` (YAML 1.2, not PyYAML's 1.1)."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _MAP if kind is yaml.MappingNode else _SEQ


_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def _scalar(value: str, tag: str) -> Any:
    """A scalar by the YAML 1.2 core schema; ``_INVALID`` for a tag we do not read."""
    name = tag.removeprefix("tag:yaml.org,2002:")
    if name == "str":
        return value
    if tag == _PLAIN:
        name = ""
    if name in ("", "null") and value in _NULL:
        return None
    if name in ("", "bool") and value in _BOOL:
        return _BOOL[value]
    if name in ("", "int") and _INT.fullmatch(value):
        if len(value) > 1000:  # beyond Python's int/str conversion limit: keep it as text
            return value if name == "" else _INVALID
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if name in ("", "float") and (_FLOAT.fullmatch(value) or value.lower() in _SPECIAL_FLOAT):
        return _SPECIAL_FLOAT.get(value.lower()) or float(value)
    if name in ("", "timestamp") and (m := _DATE.fullmatch(value)):
        try:
            return dt.date(*map(int, m.groups()))
        except ValueError:
            return value  # not a real day: reported as "expected a date, found text"
    return value if name == "" else _INVALID


def parse_yaml(text: str, path: str, problems: Problems) -> Any:
    """The value of one YAML document, or ``_INVALID`` after reporting why it is not one."""
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = " ".join(str(e.problem or e.context or "invalid YAML").split())
        problems.add(
            Where(path, mark.line + 1 if mark is not None else 1),
            f"YAML syntax error: {what}",
            "fix the YAML at this line (indentation, quotes, ':' or '-')",
        )
        return _INVALID
    except yaml.reader.ReaderError as e:
        char = chr(e.character) if isinstance(e.character, int) else str(e.character)
        problems.add(
            Where(path, text.count("\n", 0, max(e.position, 0)) + 1),
            f"character {char!r} is not allowed in YAML",
            "remove it or write it as an escape in a double-quoted string",
        )
        return _INVALID
    except (yaml.YAMLError, ValueError, RecursionError) as e:
        problems.add(Where(path, 1), f"YAML error: {e}", "fix the YAML syntax")
        return _INVALID
    if node is None:
        return None
    before = len(problems.items)
    value = _convert(node, path, problems, set(), 0)
    return _INVALID if len(problems.items) > before else value


def _convert(node: yaml.Node, path: str, problems: Problems, seen: set[int], depth: int) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        problems.add(
            Where(path, line),
            "YAML aliases (*name) are not supported",
            "write the value out in full instead of referring to an anchor",
        )
        return None
    seen.add(id(node))
    if depth > MAX_DEPTH:
        problems.add(
            Where(path, line),
            f"values nested more than {MAX_DEPTH} levels deep",
            "flatten this part of the file",
        )
        return None
    if isinstance(node, yaml.ScalarNode):
        value = _scalar(node.value, node.tag)
        if value is _INVALID:
            problems.add(
                Where(path, line),
                f"cannot read {node.value[:40]!r} as YAML tag {node.tag!r}",
                "remove the tag",
            )
        return value
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        items = YamlList()
        items.line, items.item_lines = line, []
        for item in node.value:
            items.append(_convert(item, path, problems, seen, depth + 1))
            items.item_lines.append(item.start_mark.line + 1)
        return items
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        mapping = YamlMap()
        mapping.line, mapping.key_lines = line, {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = _convert(key_node, path, problems, seen, depth + 1)
            if isinstance(key, YamlMap | YamlList) or not isinstance(key_node, yaml.ScalarNode):
                problems.add(
                    Where(path, key_line), "a key must be a plain value", "write key: value"
                )
                continue
            if key in mapping.key_lines:
                problems.add(
                    Where(path, key_line),
                    f"duplicate key {key!r}",
                    f"line {mapping.key_lines[key]} already has it; keep one",
                )
                continue
            mapping.key_lines[key] = key_line
            mapping[key] = _convert(value_node, path, problems, seen, depth + 1)
        return mapping
    problems.add(Where(path, line), f"unsupported YAML tag {node.tag!r}", "remove the tag")
    return None
