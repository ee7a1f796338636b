"""Catalogs: complete, current with the sources, and checked for stale strings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tests.conftest import BIN, ROOT, run
from tests.languages import OTHERS
from troubleshooter.content.model import load_content
from troubleshooter.languages.i18n import best_language, catalog_path, language_name, languages
from troubleshooter.project import load_project
from troubleshooter.publish.agentpages import reply_columns


@pytest.mark.parametrize("lang", OTHERS)
def test_every_catalog_is_complete_and_current(lang: str) -> None:
    with catalog_path(ROOT / "locales", lang).open("rb") as f:
        catalog = read_po(f)
    entries = [m for m in catalog if m.id]
    assert entries
    assert [m.id for m in entries if not m.string or m.fuzzy] == []
    content = load_content(ROOT / "content")
    assert {m.text for m in content.messages()} <= {m.id for m in entries}
    load_project(ROOT)  # placeholders, glossary and punctuation checks pass


def test_catalog_template_is_up_to_date(tmp_path: Path) -> None:
    """`make i18n-extract` would not change locales/messages.pot."""
    shutil.copytree(
        ROOT,
        tmp_path / "p",
        ignore=shutil.ignore_patterns(
            ".venv", "site", ".git", "*_cache", "node_modules", ".hypothesis"
        ),
    )
    result = run(
        [
            str(BIN / "pybabel"),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_plural:1,2",
            "--no-wrap",
            "--sort-by-file",
            "--omit-header",
            "-o",
            "fresh.pot",
            ".",
        ],
        cwd=tmp_path / "p",
    )
    assert result.returncode == 0, result.stderr
    fresh = (tmp_path / "p" / "fresh.pot").read_text("utf-8")
    assert fresh == (ROOT / "locales" / "messages.pot").read_text("utf-8"), (
        "run `make i18n-extract i18n-update` and translate the new strings"
    )


def test_update_marks_a_changed_string_stale(project: Path) -> None:
    article = project / "content" / "articles" / "opt-back-in.yml"
    article.write_text(
        article.read_text("utf-8").replace(
            "Log in to Client Portal.", "Log in to Client Portal with your username."
        ),
        "utf-8",
    )
    pot = project / "locales" / "messages.pot"
    assert (
        run(
            [
                str(BIN / "pybabel"),
                "extract",
                "-F",
                "babel.cfg",
                "--no-wrap",
                "--omit-header",
                "-o",
                str(pot),
                ".",
            ],
            cwd=project,
        ).returncode
        == 0
    )
    assert (
        run(
            [
                str(BIN / "pybabel"),
                "update",
                "-i",
                str(pot),
                "-d",
                "locales",
                "--no-wrap",
                "--omit-header",
            ],
            cwd=project,
        ).returncode
        == 0
    )
    result = run([str(BIN / "troubleshooter"), "check", "--root", str(project)], cwd=project)
    assert result.returncode == 1
    assert (
        "content/articles/opt-back-in.yml:29: stale zh translation of "
        "'Log in to Client Portal with your username.'"
    ) in result.stderr


@pytest.mark.parametrize(
    ("wanted", "found"),
    [
        ("zh_CN.UTF-8", "zh"),
        ("zh_SG", "zh"),
        ("zh_TW.UTF-8", "zh-Hant"),
        ("zh_HK.UTF-8", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("en_GB.UTF-8", "en"),
        ("fr_FR.UTF-8", None),
        ("C", None),
    ],
)
def test_a_locale_finds_the_language_of_its_script(wanted: str, found: str | None) -> None:
    assert best_language(wanted, ["en", "zh", "zh-Hant"]) == found


def test_languages_come_from_the_catalogs_with_their_codes() -> None:
    assert languages(ROOT / "locales") == ["en", "zh", "zh-Hant"]
    assert catalog_path(ROOT / "locales", "zh-Hant").is_file()
    assert [language_name(code) for code in ("en", "zh", "zh-Hant")] == [
        "English",
        "简体中文",
        "繁體中文",
    ]
    assert language_name("zh-Hant", "en") == "Traditional Chinese"


def test_replies_show_english_and_the_pages_language() -> None:
    langs = ["en", "zh", "zh-Hant"]
    assert reply_columns("zh-Hant", langs) == [["en"], ["zh-Hant"]]
    assert reply_columns("en", langs) == [["en"], ["zh", "zh-Hant"]]
    assert reply_columns("en", ["en"]) == [["en"]]
