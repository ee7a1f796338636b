"""A project on disk: content, templates and catalogs, loaded and checked as a whole."""

from __future__ import annotations

import shutil
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog

from .content.model import Content, load_content
from .content.source import load_yaml
from .errors import ContentError, Problems
from .languages.i18n import (
    SOURCE_LANG,
    Lang,
    catalog_path,
    check_catalog,
    languages,
    make_lang,
)
from .languages.pofile import read_catalog
from .publish.render import check_templates
from .tree.engine import Tree
from .tree.load import load_tree
from .tree.starts import check_starts

DEFAULT_ROOT = Path(__file__).resolve().parent.parent
# What a site build reads. The package too: mkdocs.yml names the hook file by its path,
# and in a copy the hook's imports must find a whole package, not a folder holding it alone.
BUILD_INPUTS = (
    "content",
    "templates",
    "locales",
    "docs",
    "overrides",
    "overrides-material",
    "mkdocs.yml",
    "mkdocs.*.yml",  # one per language
    "babel.cfg",
    "troubleshooter",
)


def copy_build_inputs(
    dest: Path, parts: tuple[str, ...] = BUILD_INPUTS, root: Path = DEFAULT_ROOT
) -> Path:
    """A copy of what a build reads (``parts`` may be glob patterns), for tests and
    benchmarks that change it freely."""
    for src in (src for part in parts for src in sorted(root.glob(part))):
        target = dest / src.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target)
    return dest


@dataclass(frozen=True)
class Project:
    root: Path
    content: Content
    catalogs: dict[str, Catalog]
    tree: Tree

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def languages(self) -> list[str]:
        return [SOURCE_LANG, *self.catalogs]

    # Each language made once: a build asks for every language several times.
    _langs: dict[str, Lang] = field(default_factory=dict, init=False, repr=False, compare=False)

    def lang(self, code: str) -> Lang:
        if code != SOURCE_LANG and code not in self.catalogs:
            raise KeyError(code)
        if code not in self._langs:
            self._langs[code] = make_lang(self.content, code, self.catalogs.get(code))
        return self._langs[code]


def load_project(root: Path = DEFAULT_ROOT, checked: Collection[str] | None = None) -> Project:
    """Load content and catalogs and run every check; raises :class:`ContentError`.

    Every stage that can run does (content, catalogs, tree, templates), so that
    independent problems are reported together, not one stage at a time.
    ``checked`` names the languages whose catalog is checked (default: all); the
    others are only read. A site build checks its own language: the build of
    each language checks the catalog that it publishes.
    """
    problems = Problems()
    content: Content | None = None
    try:
        content = load_content(root / "content")
    except ContentError as e:
        problems.extend(e.problems)
    catalogs: dict[str, Catalog] = {}
    for code in languages(root / "locales")[1:]:
        path = catalog_path(root / "locales", code)
        catalog = read_catalog(path, problems)
        if catalog is not None:
            catalogs[code] = catalog
            if checked is None or code in checked:
                problems.extend(check_catalog(path, catalog, content).items)
    problems.extend(check_templates(root / "templates").items)
    if content is None:
        load_yaml(root / "content" / "tree.yml", problems)  # its syntax, at least
        raise ContentError(problems.items)
    try:
        tree = load_tree(root / "content" / "tree.yml", content)
        problems.extend(check_starts(content.site, tree, content.facts).items)
    except ContentError as e:
        problems.extend(e.problems)
    problems.raise_if_any()
    return Project(root, content, catalogs, tree)
