"""Shared fixtures: a throw-away copy of the project, and builds of the site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from troubleshooter.project import copy_build_inputs

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, so a test may change it freely."""
    return copy_build_inputs(dest)


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole bilingual site, built once with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    for lang in ("en", "zh"):
        result = mkdocs_build(ROOT, lang, site)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    return site
