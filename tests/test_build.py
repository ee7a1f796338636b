"""A site build is all or nothing: after any failure ``site/`` is unchanged, byte for byte.

One good build of a copy of the fixture project makes the previous site; each case then
breaks the copy in one way, runs ``python -m troubleshooter.cli.build`` (what ``make
site`` runs) and compares checksums of every file of ``site/`` before and after.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import BIN, copy_fixture_project, run
from tests.languages import LANGS
from troubleshooter.cli import build

PO = "locales/zh/LC_MESSAGES/messages.po"


def checksums(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _build(project: Path) -> tuple[int, str]:
    result = run(
        [str(BIN / "python"), "-m", "troubleshooter.cli.build", "--root", "."], cwd=project
    )
    return result.returncode, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture project copy with a good site built by the build command."""
    project = copy_fixture_project(tmp_path_factory.mktemp("build") / "project")
    code, log = _build(project)
    assert code == 0, log
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy)
    return copy


def _edit(path: Path, find: str, replace: str) -> None:
    text = path.read_text("utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), "utf-8")


def test_a_good_build_writes_every_language_and_the_root_page(built: Path) -> None:
    site = built / "site"
    assert sorted(p.name for p in site.iterdir()) == sorted([*LANGS, "index.html"])
    for lang in LANGS:
        assert (site / lang / "articles" / "m2fs" / "index.html").is_file()
    assert not [p for p in built.iterdir() if p.name.startswith(".site-")]


BREAKS = {
    # The Chinese build fails after the English one has built.
    "zh-fails-after-en": ("mkdocs.zh.yml", "language: zh", "language: xx"),
    # A stray "%" in a template string's translation (it used to crash the zh build).
    "stray-percent": (PO, 'msgstr "打印摘要"', 'msgstr "打印摘要 %"'),
    # A broken Markdown link in a translation.
    "link-in-translation": (PO, 'msgstr "相关文章"', 'msgstr "[相关文章](nope.md)"'),
    # Unterminated .po string.
    "unterminated-po-string": (PO, 'msgstr "登录步骤"', 'msgstr "登录步骤'),
    # A problem that only the last language's build checks: its own catalog's.
    "zh-Hant-stale-translation": (
        PO.replace("zh", "zh_Hant"),
        '#, converted\nmsgid "Related articles"',
        '#, fuzzy, converted\nmsgid "Related articles"',
    ),
}


@pytest.mark.parametrize("case", BREAKS)
def test_a_failed_build_leaves_the_previous_site_byte_for_byte(project: Path, case: str) -> None:
    before = checksums(project / "site")
    file, find, replace = BREAKS[case]
    _edit(project / file, find, replace)
    code, log = _build(project)
    assert code == 1, log
    assert "Traceback" not in log
    assert "Nothing was changed in" in log
    assert checksums(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_language_without_its_configuration_is_reported(project: Path) -> None:
    before = checksums(project / "site")
    (project / "mkdocs.zh-Hant.yml").unlink()
    code, log = _build(project)
    assert code == 1
    assert "mkdocs.zh-Hant.yml: no such file — add it (README: Adding a language)" in log
    assert checksums(project / "site") == before


def test_any_warning_fails_the_build(project: Path) -> None:
    """MkDocs' --quiet used to hide the warnings that --strict counts."""
    before = checksums(project / "site")
    (project / "docs" / "stray.md").write_text("[a broken link](nope.md)\n", "utf-8")
    code, log = _build(project)
    assert code == 1
    assert "WARNING" in log and "nope.md" in log
    assert checksums(project / "site") == before


def test_an_unwritable_site_is_reported_before_building(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, whom permissions do not stop: ``os.access`` says what a user sees."""
    before = checksums(project / "site")
    locked = project / "site" / "en"
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: Path(p) != locked and real(p, m))
    with pytest.raises(build.BuildError, match=r"site/en: not writable"):
        build.build_site(project, project / "site")
    assert checksums(project / "site") == before


def test_a_failed_swap_puts_the_previous_site_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = checksums(project / "site")
    monkeypatch.setattr(build, "_build_one", lambda root, lang, dest: dest.mkdir(parents=True))
    real = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if Path(target) == project / "site" and self.name.startswith(".site-new-"):
            raise PermissionError(13, "Permission denied")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(build.BuildError, match="cannot replace it"):
        build.build_site(project, project / "site")
    assert checksums(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]


def test_a_root_without_a_project_is_one_clear_error(tmp_path: Path) -> None:
    code, log = _build(tmp_path)
    assert code == 1
    assert "mkdocs.yml: no such file" in log and "Traceback" not in log
