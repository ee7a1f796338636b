"""Seeding a catalog by conversion never overwrites a reviewed translation."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import BIN, run
from troubleshooter.languages.convert import CONVERTED, convert_catalog, is_reviewed
from troubleshooter.languages.i18n import catalog_path

# An entry of the target catalog: untranslated, fuzzy, converted earlier, or reviewed.
STATES = ("untranslated", "fuzzy", "converted", "reviewed")


def _catalogs(states: list[str]) -> tuple[Catalog, Catalog]:
    source, target = Catalog(locale="zh"), Catalog(locale="zh_Hant")
    for i, state in enumerate(states):
        source.add(f"msg {i}", f"简体 {i}")
        flags = {"untranslated": (), "fuzzy": ("fuzzy",), "converted": (CONVERTED,)}
        string = "" if state == "untranslated" else f"人工 {i}"
        target.add(f"msg {i}", string, flags=flags.get(state, ()))
    return source, target


@given(st.lists(st.sampled_from(STATES), min_size=1, max_size=12))
def test_only_unreviewed_entries_are_converted(states: list[str]) -> None:
    source, target = _catalogs(states)
    count = convert_catalog(source, target, lambda text: text.replace("简体", "繁體"))
    for i, state in enumerate(states):
        entry = target[f"msg {i}"]
        if state == "reviewed":
            assert entry.string == f"人工 {i}" and is_reviewed(entry)
        else:
            assert entry.string == f"繁體 {i}"
            assert entry.flags == {CONVERTED}
    assert count == sum(state != "reviewed" for state in states)


def test_an_entry_whose_source_is_not_translated_is_left_alone() -> None:
    source, target = Catalog(locale="zh"), Catalog(locale="zh_Hant")
    source.add("fuzzy", "旧", flags=("fuzzy",))
    source.add("empty", "")
    target.add("fuzzy", "", flags=())
    target.add("empty", "舊", flags=(CONVERTED,))
    target.add("absent", "")
    assert convert_catalog(source, target, str.upper) == 0
    assert [(m.id, m.string) for m in target if m.id] == [
        ("fuzzy", ""),
        ("empty", "舊"),
        ("absent", ""),
    ]


def _edit(path: Path, strings: dict[str, tuple[str, set[str]]]) -> None:
    with path.open("rb") as f:
        catalog = read_po(f)
    for msgid, (string, flags) in strings.items():
        catalog[msgid].string, catalog[msgid].flags = string, set(flags)
    with path.open("wb") as f:
        write_po(f, catalog, width=0)


def test_the_make_target_keeps_a_reviewed_translation(project: Path) -> None:
    """What ``make i18n-convert`` runs, on a copy: a reviewed entry survives, others follow
    the Simplified catalog, converted and with the broker's Traditional words."""
    path = catalog_path(project / "locales", "zh-Hant")
    reviewed, emptied = "Log in to Client Portal.", "Before you start"
    _edit(path, {reviewed: ("請登入客戶端。", set()), emptied: ("", set())})
    simplified = catalog_path(project / "locales", "zh")
    _edit(simplified, {emptied: ("开始前请注意设备", set()), reviewed: ("请登录客户端。", set())})
    result = run([str(BIN / "python"), "-m", "troubleshooter.languages.convert"], cwd=project)
    assert result.returncode == 0, result.stderr
    with path.open("rb") as f:
        catalog = read_po(f)
    assert (catalog[reviewed].string, catalog[reviewed].flags) == ("請登入客戶端。", set())
    assert catalog[emptied].string == "開始前請注意裝置"  # 設備 -> the broker's 裝置
    assert catalog[emptied].flags == {CONVERTED}
    check = run([str(BIN / "troubleshooter"), "check", "--root", str(project)], cwd=project)
    assert check.returncode == 0, check.stderr
