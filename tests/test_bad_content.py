"""Every kind of bad input stops the check and the build with a precise message.

Each ``tests/bad/<case>.yml`` edits one file of a copy of the fixture project
(``tests/fixture/``, frozen: the real content may change freely) and lists the
problems expected, each as the start of a ``path:line: problem`` line. ``{line}``
stands for the line where the first edit starts, ``{line+N}`` for N lines below it.
``build`` names the language whose build must stop (default: English): each build
checks the content and the catalog of the language it publishes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from tests.conftest import BIN, ROOT, mkdocs_build, run
from tests.languages import LANGS
from troubleshooter.cli.main import main
from troubleshooter.languages.i18n import SOURCE_LANG

CASES = sorted((Path(__file__).parent / "bad").glob("*.yml"))


def _apply(project: Path, case: dict[str, object]) -> list[str]:
    lines = []
    for edit in case["edits"]:  # type: ignore[attr-defined]
        path = project / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["find"] in text, f"{case} no longer applies"
        lines.append(text[: text.index(edit["find"])].count("\n") + 1)
        path.write_text(text.replace(edit["find"], edit["replace"], 1), encoding="utf-8")
    return [
        re.sub(r"\{line(?:\+(\d+))?\}", lambda m: str(lines[0] + int(m[1] or 0)), expected)
        for expected in case["expect"]  # type: ignore[attr-defined]
    ]


def test_the_fixture_project_is_valid_and_builds(fixture_project: Path) -> None:
    """Each case's problems are its edit's alone: the fixture is clean and builds."""
    result = run([str(BIN / "troubleshooter"), "check", "--root", str(fixture_project)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for lang in LANGS:
        built = mkdocs_build(fixture_project, lang, fixture_project / "site")
        assert built.returncode == 0, built.stderr
        assert "WARNING" not in built.stderr, built.stderr


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported_precisely(
    fixture_project: Path, case_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``troubleshooter check`` run in this process (so that mutation testing sees it)."""
    project = fixture_project
    expected = _apply(project, YAML(typ="safe").load(case_file))
    monkeypatch.chdir(project)  # paths in messages are relative to the working directory
    result = CliRunner().invoke(main, ["check", "--root", str(project)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if " — " in line]
    assert len(lines) == len(expected), result.stderr
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), f"{line!r} does not start with {start!r}"


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_bad_input_stops_the_build_before_writing(fixture_project: Path, case_file: Path) -> None:
    project = fixture_project
    case = YAML(typ="safe").load(case_file)
    expected = _apply(project, case)
    site = project / "site"
    lang = case.get("build", SOURCE_LANG)
    (site / lang).mkdir(parents=True)
    (site / lang / "index.html").write_text("previous good site", encoding="utf-8")
    result = mkdocs_build(project, lang, site)
    assert result.returncode != 0
    assert expected[0] in result.stderr + result.stdout
    assert [p.name for p in site.rglob("*")] == [lang, "index.html"]
    assert (site / lang / "index.html").read_text(encoding="utf-8") == "previous good site"
