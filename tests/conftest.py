"""Shared fixtures: throw-away copies of the project or of the fixture project, and site builds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from tests.languages import LANGS
from troubleshooter.content.model import Content, load_content
from troubleshooter.project import BUILD_INPUTS, Project, copy_build_inputs, load_project
from troubleshooter.tree.engine import Tree
from troubleshooter.tree.load import load_tree

pytest.register_assert_rewrite("tests.golden")
# Property tests search anew on each run at a desk; in CI they replay the same examples,
# so that a landing is never refused for a case found by chance (find it here, then fix it).
settings.register_profile("ci", derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# A small frozen project (content and catalogs) for tests of the checker and the engine,
# so that writers can change the real content freely.
FIXTURE = Path(__file__).resolve().parent / "fixture"
FIXTURE_PARTS = ("content", "locales")


def lang_tag(code: str) -> str:
    """The ``lang`` attribute of a language's pages (``zh-Hans-CN`` for ``zh``)."""
    return load_project(ROOT).lang(code).tag


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, so a test may change it freely."""
    return copy_build_inputs(dest)


def real_outcome_ids() -> list[str]:
    """The real tree's outcome ids, to parametrize tests by, read from tree.yml unchecked.

    A tree.yml that does not read gives none: the tests that load the project through
    ``real_project`` then fail with its problems, instead of the whole collection.
    """
    try:
        return sorted(YAML(typ="safe").load(ROOT / "content" / "tree.yml")["outcomes"])
    except (YAMLError, TypeError, KeyError, OSError):
        return []


def copy_fixture_project(dest: Path) -> Path:
    """The fixture project's content and catalogs with this project's code and templates."""
    copy_build_inputs(dest, tuple(p for p in BUILD_INPUTS if p not in FIXTURE_PARTS))
    return copy_build_inputs(dest, FIXTURE_PARTS, root=FIXTURE)


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1", "LANGUAGE": "en"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def mkdocs_build(root: Path, lang: str, site: Path) -> subprocess.CompletedProcess[str]:
    config = "mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml"
    return run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", config, "-d", str(site / lang)], cwd=root
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    return copy_fixture_project(tmp_path / "fixture")


@pytest.fixture(scope="session")
def real_project() -> Project:
    """The real project, loaded once: a content error fails the tests that use it."""
    return load_project(ROOT)


@pytest.fixture(scope="session")
def fixture_loaded(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project (with this project's templates), loaded once; do not change it."""
    return load_project(copy_fixture_project(tmp_path_factory.mktemp("fixture-loaded")))


@pytest.fixture(scope="session")
def fixture_content() -> Content:
    return load_content(FIXTURE / "content")


@pytest.fixture(scope="session")
def fixture_tree(fixture_content: Content) -> Tree:
    """The fixture project's decision tree, for tests of the engine rather than the content."""
    return load_tree(FIXTURE / "content" / "tree.yml", fixture_content)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bilingual site, built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    for lang in LANGS:
        result = mkdocs_build(ROOT, lang, site)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    return site
