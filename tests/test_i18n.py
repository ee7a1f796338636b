"""Catalogs: complete, current with the sources, and checked for stale strings."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from tests.conftest import BIN, ROOT, run
from troubleshooter.content.model import load_content
from troubleshooter.project import load_project


def test_chinese_catalog_is_complete_and_current() -> None:
    with (ROOT / "locales" / "zh" / "LC_MESSAGES" / "messages.po").open("rb") as f:
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
