"""One language as a plain MkDocs project, built before and without any hook.

``write_docs`` writes the generated pages next to the assets, the theme overrides
and a ``mkdocs.yml`` without ``hooks:`` that holds what the MkDocs hook would set:
the language's title, navigation and theme words. ``mkdocs build -f DIR/mkdocs.yml``
then builds the same site as ``make site``, and Zensical, which reads
``mkdocs.yml`` but runs no hooks, can build the same tree. The hook calls the
same functions, so both ways give the same pages.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import mergedeep
import yaml
from jinja2 import Environment, FileSystemLoader
from markupsafe import escape

from ..errors import ContentError, Problem, Where
from ..hints import N_
from ..languages.i18n import SOURCE_LANG, language_name
from ..project import Project
from ..publish.pages import NavItem, Pages, pages
from .material_search import search_tags, search_words

ENGINES = ("mkdocs", "zensical")
# The theme's own words, as ``config.extra.words.<key>`` in overrides/: templates that
# both engines render cannot call our gettext.
THEME_WORDS = {
    "page_not_found": N_("Page not found"),
    "page_missing": N_(
        "This page does not exist. Start from the home page or search for what you need."
    ),
    "home": N_("Home"),
    "for_agents": N_("For support agents"),
    "colon": N_(": "),  # between a label and its value ("上一页：标题")
}
# The theme's interface text that mkdocs.yml sets: translated for each language.
PALETTE_NAMES = (N_("Switch to dark mode"), N_("Switch to light mode"))
PERMALINK_TITLE = N_("Permanent link")
SHARED_OVERRIDES = "overrides"  # templates both engines accept
MATERIAL_OVERRIDES = "overrides-material"  # Material for MkDocs' partials only
JIEBA_WORDS = "jieba-words.txt"
HEADER = "# Written by `troubleshooter build-docs`: rewrite it there rather than edit it.\n"


NOT_A_FOLDER = N_("%(path)s: is not a folder — choose a new or empty folder")
NOT_OURS = N_("%(path)s: not empty and not written by build-docs — choose a new or empty folder")


class OutFolderError(Exception):
    """The output folder holds something else: nothing was written. ``message`` is a msgid."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message % {"path": path})
        self.path = path
        self.message = message


def config_file(code: str) -> str:
    """The project's MkDocs configuration of a language."""
    return "mkdocs.yml" if code == SOURCE_LANG else f"mkdocs.{code}.yml"


def settings(
    project: Project, code: str, generated: Pages, config: Mapping[str, Any]
) -> dict[str, Any]:
    """What a language's build adds to its configuration ``config``: title, navigation,
    theme words, the pages' language tag, the colour toggles' and permalinks' titles,
    and the language switcher's entries (every language of the project).

    The theme writes these into its pages as HTML, and translations are text: each
    comes escaped.
    """
    lang = project.lang(code)

    def text(msgid: str) -> str:
        return str(escape(lang.gettext(msgid)))

    alternates = [
        {"name": language_name(c), "lang": c, "tag": project.lang(c).tag} for c in project.languages
    ]
    palette = [
        scheme | {"toggle": scheme["toggle"] | {"name": text(scheme["toggle"]["name"])}}
        for scheme in config["theme"].get("palette") or []
    ]
    return {
        "site_name": str(escape(lang.t(project.content.site.title))),
        "nav": _escaped(generated.nav),
        "extra": {
            "words": {key: text(msg) for key, msg in THEME_WORDS.items()},
            "lang_tag": lang.tag,
            "alternate": alternates,
        },
        "palette": palette,
        "permalink_title": text(PERMALINK_TITLE),
    }


def _escaped(nav: list[NavItem]) -> list[NavItem]:
    return [
        {str(escape(title)): value if isinstance(value, str) else _escaped(value)}
        for item in nav
        for title, value in item.items()
    ]


def root_page(project: Project) -> str:
    """``site/index.html``: sends visitors to the first of their languages we publish."""
    env = Environment(loader=FileSystemLoader(project.templates), autoescape=True)
    languages = [
        {"lang": code, "title": lang.t(project.content.site.title), "tag": lang.tag}
        for code in project.languages
        if (lang := project.lang(code))
    ]
    return env.get_template("root.html.j2").render(languages=languages)


class _Tagged(NamedTuple):
    """A YAML value with a Python tag (``!!python/object/apply:...``), kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _keep_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    value: Any
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


def _dump_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    """Multi-line strings as literal blocks, as people write them in ``mkdocs.yml``."""
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", data, style="|" if "\n" in data else None
    )


def _dump_tag(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep_tag)
_Dumper.add_representer(_Tagged, _dump_tag)
_Dumper.add_representer(str, _dump_str)


def read_config(path: Path) -> dict[str, Any]:
    """A MkDocs configuration with its ``INHERIT`` chain merged as MkDocs merges it;
    raises :class:`ContentError` for a missing or unreadable file."""
    if not path.is_file():
        where, fix = Where.of(path, 1), "add it (README: Adding a language) or fix INHERIT"
        raise ContentError([Problem(where, "no such MkDocs configuration", fix)])
    try:
        loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = Where.of(path, mark.line + 1 if mark else 1)
        problem = f"YAML syntax error: {getattr(e, 'problem', None) or e}"
        raise ContentError([Problem(where, problem, "fix the YAML")]) from e
    config: dict[str, Any] = loaded if isinstance(loaded, dict) else {}
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    merged: dict[str, Any] = mergedeep.merge(read_config(path.parent / parent), config)
    return merged


def _search_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The search plugin's settings in ``config["plugins"]`` (a list), added when missing."""
    plugins: list[Any] = config.setdefault("plugins", [])
    for i, plugin in enumerate(plugins):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "search":
            if isinstance(plugin, str) or plugin["search"] is None:
                plugins[i] = {"search": {}}
            found: dict[str, Any] = plugins[i]["search"]
            return found
    plugins.append({"search": {}})
    return _search_settings(config)


def _extension_settings(config: dict[str, Any], name: str) -> dict[str, Any]:
    """The settings of Markdown extension ``name`` in ``config["markdown_extensions"]``."""
    extensions: list[Any] = config["markdown_extensions"]
    for i, extension in enumerate(extensions):
        if extension == name:
            extensions[i] = {name: {}}
        if isinstance(extensions[i], dict) and name in extensions[i]:
            found: dict[str, Any] = extensions[i][name]
            return found
    extensions.append({name: {}})
    return _extension_settings(config, name)


def write_docs(project: Project, code: str, out: Path, engine: str = "mkdocs") -> Path:
    """Write language ``code`` into ``out`` as a project that ``engine`` builds; returns
    the path of its ``mkdocs.yml``. ``out`` is emptied first."""
    root, out = project.root, out.resolve()
    generated = pages(project, code, tags=search_tags(code) if engine == "mkdocs" else list)
    config = read_config(root / config_file(code))
    config.pop("hooks", None)
    added = settings(project, code, generated, config)
    config["theme"]["palette"] = added.pop("palette")
    _extension_settings(config, "toc")["permalink_title"] = added.pop("permalink_title")
    mergedeep.merge(config, added)
    config |= {"docs_dir": "docs", "site_dir": f"site/{code}"}
    config["theme"]["custom_dir"] = "overrides"

    if out.exists():
        _check_replaceable(out)
        shutil.rmtree(out)
    shutil.copytree(root / "docs", out / "docs")
    for page, markdown in generated.files.items():
        target = out / "docs" / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    shutil.copytree(root / SHARED_OVERRIDES, out / "overrides")
    if engine == "mkdocs":
        shutil.copytree(root / MATERIAL_OVERRIDES, out / "overrides", dirs_exist_ok=True)
        words = search_words(project, code)
        if words:
            # Material reads the path relative to the working folder: make it absolute.
            (out / JIEBA_WORDS).write_text("\n".join(words) + "\n", encoding="utf-8")
            _search_settings(config)["jieba_dict_user"] = str(out / JIEBA_WORDS)
    site = out / "site"
    site.mkdir()
    (site / "index.html").write_text(root_page(project), encoding="utf-8")
    path = out / "mkdocs.yml"
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def _check_replaceable(out: Path) -> None:
    """Only an empty folder or an earlier output of ``write_docs`` is replaced."""
    if not out.is_dir():
        raise OutFolderError(out, NOT_A_FOLDER)
    config = out / "mkdocs.yml"
    earlier = config.is_file() and config.read_text(encoding="utf-8").startswith(HEADER)
    if any(out.iterdir()) and not earlier:
        raise OutFolderError(out, NOT_OURS)
