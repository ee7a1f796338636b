"""Fuzzing the loaders and the demo devices: bad input fails cleanly, never otherwise.

Starting from the fixture project's files (``tests/fixture/``), hypothesis mutates
YAML and PO text (inserted and deleted characters, swapped lines, changed
indentation, values replaced with other YAML types, deep nesting, huge strings,
NUL bytes, invalid UTF-8). Loading must either succeed or raise
:class:`ContentError` whose every problem reads ``path:line: problem — fix`` with
a line of at least 1; the catalog reader reports into its ``Problems``; a demo
device's ``verify`` returns a ``Verdict`` or raises ``VerificationError``.
Deadlines turn a hang into a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.conftest import FIXTURE as SOURCE
from troubleshooter.content.model import Content, load_content
from troubleshooter.demo import demo_code_card, demo_dsc, demo_ibkey
from troubleshooter.errors import ContentError, Problem, Problems
from troubleshooter.languages.i18n import CATALOG, check_catalog, read_catalog
from troubleshooter.project import load_project
from troubleshooter.tree.load import load_tree
from troubleshooter.verification import Verdict, VerificationError

CONTENT_FILES = sorted(
    str(p.relative_to(SOURCE)) for p in (SOURCE / "content").rglob("*.yml") if p.name != "tree.yml"
)
# FUZZ_EXAMPLES=1000 pytest tests/test_hardening.py searches harder, by hand.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+): \S.* — \S")

# -- mutations ---------------------------------------------------------------------

ODD_VALUES = [
    "",
    "~",
    "null",
    "[]",
    "{}",
    "[a, [b, {c: d}]]",
    "{a: 1, b: [2]}",
    "0",
    "-1",
    "3.5",
    ".nan",
    "-.inf",
    "0x1F",
    "true",
    "yes",
    "2026-13-45",
    "2026-02-29",
    "2026-01-01 10:00:00",
    "'quoted'",
    '"esc \\x00 \\u2028"',
    "|\n  block\n  text",
    ">-",
    "&anchor value",
    "*anchor",
    "*undefined",
    "!!binary aGVsbG8=",
    "!!python/object:os.system x",
    "!custom x",
    "!!int text",
    "%(unknown_fact)s",
    "%(dsc_plus_threshold)s",
    "{{ 7*7 }}",
    "- a\n- b",
    "? complex\n: key",
    "9" * 5000,
    "x" * 200_000,
    "[" * 200 + "]" * 200,
    "{a: " * 60 + "1" + "}" * 60,
    "a: b: c",
    "\t",
]
CHARS = st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\n \\") + ["\x00", "\x85", "\ufeff", "中", "é"])


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    """``text`` after a few random edits, as bytes (sometimes no longer UTF-8)."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "swap", "indent", "value", "dup", "nest"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[i] if lines else ""
        if op == "insert":
            at = draw(st.integers(0, len(line)))
            chars = draw(st.text(CHARS, min_size=1, max_size=4))
            lines[i] = line[:at] + chars + line[at:]
        elif op == "delete" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:at] + line[at + draw(st.integers(1, 10)) :]
        elif op == "swap" and len(lines) > 1:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            delta = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
            lines[i] = " " * delta + line if delta > 0 else line[-delta:]
        elif op == "value" and ":" in line:
            key = line.split(":", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(ODD_VALUES))}"
        elif op == "dup":
            lines.insert(i, line)
        elif op == "nest":
            lines[i] = line + "\n" + "  " * draw(st.integers(1, 40)) + "- x"
    data = "\n".join(lines).encode("utf-8")
    if draw(st.booleans()) and draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80"]))
            + data[at:]
        )
    return data


# -- checks --------------------------------------------------------------------------


def check_problem(problem: Problem) -> None:
    text = str(problem)
    match = LINE.match(text)
    assert match, f"not 'path:line: problem — fix': {text!r}"
    assert problem.where.path and problem.where.line >= 1, text
    assert int(match["line"]) == problem.where.line


def loads_or_reports(load: Callable[[], object]) -> None:
    """``load()`` succeeds or raises ContentError with well-formed problems only."""
    try:
        load()
    except ContentError as e:
        assert e.problems, "a ContentError without problems"
        for problem in e.problems:
            check_problem(problem)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of content/ and locales/ that each example edits and restores."""
    root = tmp_path_factory.mktemp("fuzz")
    for part in ("content", "locales"):
        shutil.copytree(SOURCE / part, root / part)
    return root


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(SOURCE / "content")


class edited:  # noqa: N801 - reads as a phrase: ``with edited(path, data):``
    """Write ``data`` to ``path`` for the block, then put the original back."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.data = path, data

    def __enter__(self) -> Path:
        self.original = self.path.read_bytes()
        self.path.write_bytes(self.data)
        return self.path

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.original)


# -- content and project -----------------------------------------------------------------


@FUZZ
@given(data=st.data(), name=st.sampled_from(CONTENT_FILES))
def test_mutated_content_loads_or_reports_each_problem(
    sandbox: Path, data: st.DataObject, name: str
) -> None:
    path = sandbox / name
    text = (SOURCE / name).read_text(encoding="utf-8")
    with edited(path, data.draw(mutated(text))):
        loads_or_reports(lambda: load_content(sandbox / "content"))


@FUZZ
@given(data=st.data())
def test_mutated_facts_load_or_report_each_problem(sandbox: Path, data: st.DataObject) -> None:
    text = (SOURCE / "content" / "facts.yml").read_text(encoding="utf-8")
    with edited(sandbox / "content" / "facts.yml", data.draw(mutated(text))):
        loads_or_reports(lambda: load_project(sandbox))


@FUZZ
@given(data=st.data())
def test_mutated_tree_text_loads_or_reports(
    sandbox: Path, content: Content, data: st.DataObject
) -> None:
    text = (SOURCE / "content" / "tree.yml").read_text(encoding="utf-8")
    with edited(sandbox / "content" / "tree.yml", data.draw(mutated(text))) as path:
        loads_or_reports(lambda: load_tree(path, content))


def _tree() -> Any:
    """The fixture tree as plain data, read as YAML 1.2 (``yes:`` stays text)."""
    return YAML(typ="safe").load(SOURCE / "content" / "tree.yml")


TREE = _tree()
NODE_IDS = sorted(TREE["nodes"]) + sorted(TREE["outcomes"])
IDS = st.one_of(
    st.sampled_from(NODE_IDS), st.sampled_from(["", "Bad Id", "x" * 300, "问题", "1", "start"])
)


@st.composite
def rerouted(draw: st.DrawFn) -> dict[str, Any]:
    """The fixture tree with random node ids, targets, starts and loops."""
    tree = _tree()
    nodes: dict[str, Any] = tree["nodes"]
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["target", "rename", "start", "loop", "drop", "ask", "decide"]))
        node_id = draw(st.sampled_from(sorted(nodes) or ["none"]))
        node = nodes.get(node_id)
        if op == "target" and isinstance(node, dict) and isinstance(node.get("ask"), dict):
            option = draw(st.sampled_from(sorted(node["ask"]) or ["x"]))
            node["ask"][option] = draw(IDS)
        elif op == "rename" and node is not None:
            nodes[draw(IDS)] = nodes.pop(node_id)
        elif op == "start":
            tree["start"] = draw(IDS)
        elif op == "loop" and isinstance(node, dict):
            node["ask"] = {"again": node_id, "back": tree["start"]}
            node.pop("ask_from", None)
        elif op == "drop" and node is not None:
            del nodes[node_id]
        elif op == "ask" and node is not None:
            nodes[node_id] = draw(
                st.sampled_from(
                    [
                        None,
                        [],
                        "text",
                        {"ask_from": "unknown"},
                        {"ask_from": "devices"},
                        {"ask_from": "day-amounts", "next": draw(IDS), "at_least": draw(IDS)},
                        {"ask": {}},
                        {"ask": {"a": None}},
                        {"ask": ["a", "b"]},
                    ]
                )
            )
        elif op == "decide" and node is not None:
            nodes[node_id] = {
                "decide": draw(st.sampled_from(["withdrawal", "sharing", "dsc-plus", "nope"])),
                "inputs": {draw(st.sampled_from(["device", "balance", "x"])): draw(IDS)},
                "then": {draw(st.sampled_from(["within", "eligible", "x"])): draw(IDS)},
            }
    return tree


@FUZZ
@given(tree=rerouted())
def test_rerouted_tree_loads_or_reports(sandbox: Path, content: Content, tree: Any) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    with edited(sandbox / "content" / "tree.yml", text.encode("utf-8")) as path:
        loads_or_reports(lambda: load_tree(path, content))


# Inputs a fuzzer is unlikely to build by chance: each must be reported, not crash or hang.
HOSTILE = {
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "self-alias": "slug: x\nsections: &s\n  - id: a\n    title: A\n    body:\n      - tabs:\n"
    "          android: *s\n",
    "deep-block": "".join("  " * i + f"k{i}:\n" for i in range(400)) + "  " * 400 + "v\n",
    "deep-flow": "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "nul": "slug: a\x00b\n",
    "huge": "slug: " + "x" * 1_100_000 + "\n",
    "two-documents": "slug: a\n---\nslug: b\n",
    "tab-indent": "sections:\n\t- id: a\n",
    "python-tag": "slug: !!python/object/apply:os.system ['true']\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_yaml_is_reported_with_its_place(sandbox: Path, case: str) -> None:
    path = sandbox / "content" / "articles" / "m2fs.yml"
    with edited(path, HOSTILE[case].encode("utf-8")), pytest.raises(ContentError) as raised:
        load_content(sandbox / "content")
    problems = [p for p in raised.value.problems if p.where.path.endswith("m2fs.yml")]
    assert problems, raised.value
    for problem in raised.value.problems:
        check_problem(problem)


def test_invalid_utf8_is_reported_at_its_line(sandbox: Path) -> None:
    path = sandbox / "content" / "articles" / "m2fs.yml"
    data = (SOURCE / "content" / "articles" / "m2fs.yml").read_bytes().replace(b"M2FS", b"M\xff", 1)
    with edited(path, data), pytest.raises(ContentError) as raised:
        load_content(sandbox / "content")
    [problem] = raised.value.problems
    check_problem(problem)
    assert "UTF-8" in problem.problem and problem.where.line > 1


# -- catalogs ------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_mutated_catalog_reads_or_reports(
    sandbox: Path, content: Content, data: st.DataObject
) -> None:
    po = sandbox / "locales" / "zh" / CATALOG
    text = (SOURCE / "locales" / "zh" / CATALOG).read_text(encoding="utf-8")
    # The catalog is long: cut a random window so the edits land everywhere in it.
    lines = text.split("\n")
    start = data.draw(st.integers(0, max(0, len(lines) - 60)))
    window = "\n".join(lines[:15] + lines[start : start + 60])
    with edited(po, data.draw(mutated(window))) as path:
        problems = Problems()
        catalog = read_catalog(path, problems)
        for problem in problems.items:
            check_problem(problem)
        if catalog is not None:
            for problem in check_catalog(path, catalog, content).items:
                check_problem(problem)


@settings(max_examples=60, deadline=dt.timedelta(seconds=10))
@given(text=st.text(st.sampled_from('msgidstr "\\\n#,:|~01fuzy'), max_size=300))
def test_random_catalog_text_reads_or_reports(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("po") / "messages.po"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    read_catalog(path, problems)
    for problem in problems.items:
        check_problem(problem)


# -- demo devices --------------------------------------------------------------------------

AT = 1_800_000_000.0
TIMES = st.one_of(
    st.just(AT),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(2**70), 2**70),
)


def _devices() -> dict[str, Callable[[str, float], object]]:
    dsc = demo_dsc()
    dsc.issue_challenge(AT)
    ibkey = demo_ibkey()
    card = demo_code_card()
    card.issue_challenge(AT)
    return {
        "dsc": lambda text, at: dsc.verify(text, at=at),
        "ibkey": lambda text, at: ibkey.verify(text, at=at),
        "card": lambda text, at: card.verify(text, at=at),
    }


@settings(max_examples=150, deadline=dt.timedelta(seconds=5))
@given(
    device=st.sampled_from(["dsc", "ibkey", "card"]),
    text=st.one_of(
        st.text(max_size=80),
        st.text(st.sampled_from("0123456789 -\t\u00a0٠١٢٣４５"), max_size=20),
        st.sampled_from(["", " ", "12345678", "0" * 64, "0" * 65, "A1", "\x00" * 8]),
    ),
    at=TIMES,
)
def test_demo_devices_answer_any_text_with_a_verdict(device: str, text: str, at: float) -> None:
    verify = _devices()[device]
    try:
        verdict = verify(text, at)
    except VerificationError:
        return
    assert isinstance(verdict, Verdict)


@pytest.mark.parametrize("device", ["dsc", "ibkey", "card"])
@pytest.mark.parametrize("value", [None, 12345678, b"12345678", 1.5, ["1"]])
def test_demo_devices_reject_non_text_with_verification_error(device: str, value: Any) -> None:
    with pytest.raises(VerificationError):
        _devices()[device](value, AT)
