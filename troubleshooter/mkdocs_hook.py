"""MkDocs hooks: generate the pages of one language inside ``mkdocs build`` and ``serve``.

The whole project is loaded and checked in ``on_config``, before MkDocs cleans
``site_dir``: bad content stops the build with every problem listed, and the
previous site stays as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files

from troubleshooter.errors import ContentError
from troubleshooter.project import load_project
from troubleshooter.site import NavItem, Pages, pages

log = logging.getLogger("mkdocs.hooks.troubleshooter")
WATCHED = ("content", "templates", "locales")
_generated: Pages | None = None
_titles: dict[str, str] = {}  # site title by language, for the root page
_gettext: Callable[[str], Markup] = escape


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _generated, _gettext
    code = config.theme["language"]
    try:
        project = load_project(_root(config))
        if code not in project.languages:
            raise Abort(
                f"theme.language {code!r} has no catalog in locales/ — add "
                f"locales/{code}/LC_MESSAGES/messages.po or fix mkdocs.yml"
            )
        _generated = pages(project, code)
        gettext = project.lang(code).gettext
        _gettext = lambda text: escape(gettext(text))  # noqa: E731 - a closure over this build
        _titles.clear()
        _titles.update(
            {c: project.lang(c).t(project.content.site.title) for c in project.languages}
        )
    except ContentError as e:
        raise Abort(f"content has {len(e.problems)} problem(s); nothing was built:\n{e}") from e
    if code.startswith("zh"):
        # Material segments Chinese with jieba when it builds the search index;
        # glossary terms and customers' keywords stay whole words, so a search for
        # 重新激活 or 提款上限 finds them.
        import jieba  # only Chinese builds need it (its import costs a noticeable 0.2 s)

        lang = project.lang(code)
        for term in project.content.glossary:
            jieba.add_word(term.zh)
        for keyword in project.content.keywords.messages():
            jieba.add_word(lang.t(keyword))
    # Material writes titles and the site name into its pages as HTML: translations are text.
    config.nav = _escaped(_generated.nav)
    config.site_name = escape(project.lang(code).t(project.content.site.title))
    return config


def _escaped(nav: list[NavItem]) -> list[NavItem]:
    return [
        {escape(title): value if isinstance(value, str) else _escaped(value)}
        for item in nav
        for title, value in item.items()
    ]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _generated is not None
    for path, markdown in _generated.files.items():
        files.append(File.generated(config, path, content=markdown))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Theme templates (overrides/) translate their own words with our catalogs, escaped."""
    env.globals["_"] = _gettext
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Write the root page that sends visitors to their language (``site/index.html``)."""
    site_dir = Path(config.site_dir)
    if site_dir.name != config.theme["language"]:
        return  # not a per-language build, e.g. ``mkdocs serve``'s temporary folder
    env = Environment(loader=FileSystemLoader(_root(config) / "templates"), autoescape=True)
    # The same page whichever language builds last: every language's own title.
    languages = [alt | {"title": _titles.get(alt["lang"], "")} for alt in config.extra["alternate"]]
    html = env.get_template("root.html.j2").render(languages=languages)
    (site_dir.parent / "index.html").write_text(html, encoding="utf-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    root = _root(config)
    for folder in WATCHED:
        server.watch(str(root / folder))
    return server
