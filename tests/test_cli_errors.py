"""Every command turns bad input into one clear line and exit 2 (usage) or 1 (bad data).

Each case runs the installed console script, as a person would, and checks the
exit code, the message, that the message is one short line, and that no
traceback is printed. Bad content and catalogs are in tests/bad/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import BIN, ROOT, copy_project, run
from tests.languages import OTHERS
from troubleshooter.languages.i18n import locale_name

HUGE = "9" * 5000
LONG = "x" * 100_000


def troubleshooter(
    *args: str, cwd: Path = ROOT, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "troubleshooter"), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"LANGUAGE": "en"},
    )


def assert_one_clear_error(result: subprocess.CompletedProcess[str], code: int, text: str) -> None:
    assert result.returncode == code, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if text in line]
    assert len(lines) == 1, result.stderr[-2000:]
    assert len(lines[0]) < 300, lines[0][:300]


BAD_ARGUMENTS = {
    "huge-amount": (["limits", "99999999999999999999999999"], "not a whole amount"),
    "thousands-of-digits": (["limits", HUGE], "not a whole amount"),
    "long-answer": (["diagnose", "--answer", f"{LONG}=x"], "unknown question"),
    "long-malformed-answer": (["diagnose", "--answer", LONG], "write each answer as NODE=OPTION"),
    "long-outcome": (["reply", LONG], "unknown outcome"),
    "long-article": (["article", LONG], LONG[:20]),
}


@pytest.mark.parametrize("case", BAD_ARGUMENTS)
def test_a_bad_argument_is_a_usage_error(case: str) -> None:
    args, text = BAD_ARGUMENTS[case]
    assert_one_clear_error(troubleshooter(*args), 2, text)


def test_long_search_words_find_nothing_in_one_line() -> None:
    assert_one_clear_error(troubleshooter("search", LONG), 1, "Nothing matches")


@pytest.mark.parametrize("device", ["dsc", "ibkey", "card"])
def test_practice_asks_again_after_an_overlong_or_nul_input(device: str) -> None:
    result = troubleshooter("practice", device, stdin=f"{LONG}\n\x00\x00\x00\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "longer than any code" in result.stdout
    assert "Practice finished." in result.stdout


COMMANDS_WITH_LANG = [
    ["diagnose", "--answer", "problem=dsc"],
    ["limits", "5"],
    ["article", "m2fs"],
    ["search", "key"],
    ["reply", "temporary-access"],
    ["wizard"],
]


@pytest.fixture(scope="module")
def without_chinese(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("no-zh") / "project")
    for code in OTHERS:
        shutil.rmtree(project / "locales" / locale_name(code))
    return project


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("args", COMMANDS_WITH_LANG, ids=lambda a: a[0])
def test_a_root_without_the_language_is_a_usage_error(
    without_chinese: Path, args: list[str], lang: str
) -> None:
    result = troubleshooter(*args, "--lang", lang, "--root", str(without_chinese))
    path = f"locales/{locale_name(lang)}/LC_MESSAGES/messages.po"
    assert_one_clear_error(result, 2, f"has no catalog for '{lang}': add {path}")


def test_a_root_without_a_catalog_still_checks_in_english(without_chinese: Path) -> None:
    result = troubleshooter("check", "--root", str(without_chinese))
    assert result.returncode == 0, result.stderr
    assert "in 1 languages" in result.stdout


def test_a_root_without_templates_is_a_content_error(project: Path) -> None:
    shutil.rmtree(project / "templates")
    for args in (["check"], ["article", "m2fs", "--markdown"]):
        result = troubleshooter(*args, "--root", str(project))
        assert_one_clear_error(result, 1, "no templates folder")


def test_a_root_that_does_not_exist_lists_the_missing_files(tmp_path: Path) -> None:
    result = troubleshooter("check", "--root", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/facts.yml:1: cannot read the file" in result.stderr


def test_a_missing_template_file_is_a_content_error(project: Path) -> None:
    (project / "templates" / "home.md.j2").unlink()
    result = run([str(BIN / "troubleshooter"), "check", "--root", str(project)], cwd=project)
    assert_one_clear_error(result, 1, "home.md.j2")
