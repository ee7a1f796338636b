"""Translations are text: no msgstr adds an element or an attribute to a page.

The catalog is input from translators and translation platforms. Two views:
a whole ``mkdocs build`` of a catalog whose every msgstr carries quotes and
Markdown that ``check`` lets through, and a Hypothesis property over random
msgstr text (HTML, links, format directives included) rendered by the generator
and Python-Markdown with the site's extensions, bypassing ``check``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from tests.conftest import ROOT, copy_project, mkdocs_build
from tests.htmlcheck import html_pages, markup
from tests.languages import LANGS, OTHERS
from troubleshooter.languages.i18n import catalog_path
from troubleshooter.project import Project, load_project
from troubleshooter.publish.pages import pages

# Passes `check` (no tag, link or directive) but would break out of an attribute
# or become Markdown if a translation were inserted as it is.
SUFFIX = " \" onmouseover=\"alert(5)\" ' x='y' { #pwn .evil } **b** `c` |a|b| !!! note [x]"


def _poison(po: Path) -> None:
    with po.open("rb") as f:
        catalog = read_po(f)
    for entry in catalog:
        if entry.id and isinstance(entry.string, tuple):
            entry.string = tuple(f"{form}{SUFFIX}" for form in entry.string)
        elif entry.id and entry.string:
            entry.string = f"{entry.string}{SUFFIX}"
    catalog["Copy"].string = '复制" onmouseover="alert(5)'  # the reported attribute break-out
    with po.open("wb") as f:
        write_po(f, catalog, width=0)


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("untrusted") / "project")
    for code in OTHERS:
        _poison(catalog_path(project / "locales", code))
    site = project / "site"
    for lang in LANGS:
        result = mkdocs_build(project, lang, site)
        assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("lang", OTHERS)
def test_no_translation_adds_markup_to_any_built_page(poisoned_site: Path, lang: str) -> None:
    pages_checked = 0
    for translated in html_pages(poisoned_site / lang):
        en = poisoned_site / "en" / translated.relative_to(poisoned_site / lang)
        extra = markup(translated.read_text("utf-8")) - markup(en.read_text("utf-8"))
        assert not extra, f"{translated.relative_to(poisoned_site)} gains {sorted(extra)}"
        pages_checked += 1
    assert pages_checked > 100


def _attributes(html: str, name: str) -> list[str]:
    """The values of every attribute ``name`` in a page, as a browser reads them."""
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(v or "" for k, v in attrs if k == name)

    Parser().feed(html)
    return found


@pytest.mark.parametrize("lang", OTHERS)
def test_translated_attributes_keep_the_translators_text(
    poisoned_site: Path, real_project: Project, lang: str
) -> None:
    replies = (poisoned_site / lang / "agents" / "replies" / "index.html").read_text("utf-8")
    assert _attributes(replies, "data-copy") == ['复制" onmouseover="alert(5)']
    home = (poisoned_site / lang / "index.html").read_text("utf-8")
    title = real_project.lang(lang).t(real_project.content.site.title)
    assert f"{title}{SUFFIX}" in _attributes(home, "aria-label")


# -- the property ----------------------------------------------------------------

PAGES = (
    "index.md",
    "articles/dsc-login.md",
    "articles/m2fs.md",
    "agents/index.md",
    "agents/replies.md",
    "agents/rules.md",
    "troubleshooter/index.md",
    "troubleshooter/dsc/response-refused/dsc-response-rejected/index.md",
)
FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(4)>",
    '" onmouseover="alert(5)',
    "' onfocus='x",
    "[link](javascript:alert(1))",
    "![img](x.png)",
    "<https://example.com>",
    "https://example.com",
    "**bold**",
    "`code`",
    "{ #pwn .evil onclick=x }",
    "{: .evil }",
    "\n# heading\n",
    "\n    indented\n",
    "1. ",
    "- ",
    "> ",
    "!!! note",
    '=== "Tab"',
    "| a | b |",
    "---",
    "&lt;b&gt;",
    "&amp;",
    "%",
    "%(date)d",
    "%(link)s",
    "%(dsc_plus_threshold)s",
    "{{ 7*7 }}",
    "\\",
    "中文",
    "<!-- c -->",
    "</div>",
    '<div markdown="1">',
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=8).map("".join)
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "12"))


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def to_html() -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=config.markdown_extensions, extension_configs=config.mdx_configs
    )


def _html(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(get_data(text)[0])


@pytest.fixture(scope="module")
def english(project: Project, to_html: markdown.Markdown) -> dict[str, set[tuple[str, str]]]:
    files = pages(project, "en").files
    return {path: markup(_html(to_html, files[path])) for path in PAGES}


@settings(
    max_examples=EXAMPLES,
    deadline=dt.timedelta(seconds=30),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_random_translations_add_no_element_or_attribute(
    project: Project,
    to_html: markdown.Markdown,
    english: dict[str, set[tuple[str, str]]],
    texts: list[str],
) -> None:
    catalog = Catalog(locale="zh")
    for i, entry in enumerate(e for e in project.catalogs["zh"] if e.id):
        text = texts[i % len(texts)] or "空"
        catalog.add(entry.id, (text,) if isinstance(entry.id, tuple) else text)
    hostile = dataclasses.replace(project, catalogs={"zh": catalog})
    files = pages(hostile, "zh").files
    for path in PAGES:
        extra = markup(_html(to_html, files[path])) - english[path]
        assert not extra, f"{path} gains {sorted(extra)}"
