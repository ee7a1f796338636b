"""MkDocs hooks: generate the pages of one language inside ``mkdocs build`` and ``serve``.

The whole project is loaded and checked in ``on_config`` (of the catalogs, the one
of the language built), before MkDocs cleans ``site_dir``: bad content stops the
build with every problem listed, and the previous site stays as it was. The hook
only hands MkDocs what :mod:`troubleshooter.engines.builddocs` computes, the same as
``troubleshooter build-docs`` writes for a build without hooks.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import mergedeep
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from troubleshooter.engines.builddocs import MATERIAL_OVERRIDES, root_page, settings
from troubleshooter.engines.material_search import search_tags, search_words
from troubleshooter.errors import ContentError
from troubleshooter.languages.i18n import catalog_path
from troubleshooter.project import load_project
from troubleshooter.publish.pages import pages

if TYPE_CHECKING:  # only ``mkdocs serve`` loads the server (and its file watcher)
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.hooks.troubleshooter")
WATCHED = ("content", "templates", "locales")
_files: dict[str, str] = {}  # the generated pages of the language built
_root_page = ""  # site/index.html


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _files, _root_page
    code = config.theme["language"]
    try:
        project = load_project(_root(config), checked={code})
        if code not in project.languages:
            raise Abort(
                f"theme.language {code!r} has no catalog in locales/ — add "
                f"{catalog_path(Path('locales'), code)} or fix mkdocs.yml"
            )
        generated = pages(project, code, tags=search_tags(code))
    except ContentError as e:
        raise Abort(f"content has {len(e.problems)} problem(s); nothing was built:\n{e}") from e
    words = search_words(project, code)
    if words:
        import jieba  # only Chinese builds need it (its import costs a noticeable 0.2 s)

        for word in words:
            jieba.add_word(word)
    added = settings(project, code, generated, config)
    config.site_name = added.pop("site_name")
    config.nav = added.pop("nav")
    config.theme["palette"] = added.pop("palette")
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = added.pop("permalink_title")
    mergedeep.merge(config.extra, added.pop("extra"))
    assert not added, f"settings the hook does not apply: {sorted(added)}"
    # Material's own partials, after overrides/ and before the theme's.
    config.theme.dirs.insert(1, str(_root(config) / MATERIAL_OVERRIDES))
    # Only text is kept: the loaded project would stay alive through the whole build,
    # and each of Python's garbage collections during rendering would walk it again.
    _files, _root_page = generated.files, root_page(project)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, markdown in _files.items():
        files.append(File.generated(config, path, content=markdown))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    """Write the root page that sends visitors to their language (``site/index.html``)."""
    site_dir = Path(config.site_dir)
    if site_dir.name != config.theme["language"]:
        return  # not a per-language build, e.g. ``mkdocs serve``'s temporary folder
    (site_dir.parent / "index.html").write_text(_root_page, encoding="utf-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    root = _root(config)
    for folder in WATCHED:
        server.watch(str(root / folder))
    return server
