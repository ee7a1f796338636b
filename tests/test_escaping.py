"""Content strings render as the text they are: never as HTML, Markdown or Jinja.

A copy of the fixture project gets an article section whose every string is hostile
(HTML, Markdown syntax, attribute lists, admonitions, Jinja), with a Chinese
translation of each in the copy's catalogs; every language is built with
``mkdocs build --strict`` and the article's HTML is parsed.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from ruamel.yaml import YAML

from tests.conftest import copy_fixture_project, mkdocs_build
from tests.languages import LANGS, OTHERS
from troubleshooter.languages.i18n import catalog_path

ARTICLE = "opt-back-in"
PAYLOADS = [
    "<script>alert(1)</script> and <img src=x onerror=alert(1)> stay text",
    "# heading stays text",
    '!!! warning "Pwned" stays text',
    "!!! danger",
    '!!! danger "Pwned"',
    "| table | stays | text |",
    "[click](javascript:alert(1)) and **bold** and `code` and <b>b</b> stay text",
    "Jinja {{ 7*7 }} and {% raw %}raw{% endraw %} and {# comment #} stay text",
    "Attribute list { #pwned .evil onclick=alert(1) } stays text",
    "1. not a list item",
    "- not a bullet",
    "> not a quote",
    '=== "Not a tab"',
    "<https://example.com> and &amp; and &lt;b&gt; stay text",
    'A "quoted" title with \\ backslash',
]
NOTE_TITLE = 'Say "hi" <b>x</b> {{ 7*7 }}'
SECTION_TITLE = "Heading <i>x</i> {: #bad } {{ 7*7 }}"


def _section() -> dict[str, Any]:
    texts = [{"text": p} for p in PAYLOADS]
    return {
        "id": "payloads",
        "title": SECTION_TITLE,
        "body": [
            *texts,
            {"steps": PAYLOADS[:4]},
            {"list": PAYLOADS[4:8]},
            {"note": {"kind": "warning", "title": NOTE_TITLE, "text": PAYLOADS[0]}},
            {"tabs": {"android": [{"text": PAYLOADS[5]}], "ios": [{"steps": PAYLOADS[1:3]}]}},
        ],
    }


def translated(text: str) -> str:
    """A translation that keeps the payload at the start of the string."""
    return f"{text} 中文"


def _inject(project: Path) -> None:
    yaml = YAML()
    path = project / "content" / "articles" / f"{ARTICLE}.yml"
    article = yaml.load(path)
    article["sections"].append(_section())
    yaml.dump(article, path)
    for code in OTHERS:
        po = catalog_path(project / "locales", code)
        with po.open("rb") as f:
            catalog = read_po(f)
        for text in [*PAYLOADS, NOTE_TITLE, SECTION_TITLE]:
            catalog.add(text, translated(text))
        with po.open("wb") as f:
            write_po(f, catalog, width=0)


class Page(HTMLParser):
    """Elements, attributes, script bodies and visible text of one HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)

    def tagged(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements if name == tag]

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture_project(tmp_path_factory.mktemp("escaping") / "project")
    _inject(project)
    site = project / "site"
    for lang in LANGS:
        result = mkdocs_build(project, lang, site)
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="module", params=LANGS)
def page(request: pytest.FixtureRequest, site: Path) -> tuple[str, str, Page]:
    html = (site / request.param / "articles" / ARTICLE / "index.html").read_text("utf-8")
    return request.param, html, Page(html)


def _shown(lang: str, text: str) -> str:
    return " ".join((text if lang == "en" else translated(text)).split())


def test_every_payload_is_shown_as_its_text(page: tuple[str, str, Page]) -> None:
    lang, _, parsed = page
    for text in [*PAYLOADS, NOTE_TITLE, SECTION_TITLE]:
        assert _shown(lang, text) in parsed.visible, text


def test_no_script_or_event_handler_comes_from_content(page: tuple[str, str, Page]) -> None:
    _, html, parsed = page
    assert not any("alert(1)" in body for body in parsed.scripts)
    for tag, attrs in parsed.elements:
        for name, value in attrs.items():
            assert not (name.startswith("on") and "alert" in (value or "")), (tag, attrs)
            assert not (value or "").lower().startswith("javascript:"), (tag, attrs)
    assert not [a for a in parsed.tagged("img") if a.get("src") == "x"]
    assert "<script>alert" not in html


def test_markdown_syntax_in_content_makes_no_markup(page: tuple[str, str, Page]) -> None:
    _, html, parsed = page
    assert not [a for a in parsed.elements if a[1].get("id") in ("pwned", "bad")]
    assert not [a for a in parsed.elements if "evil" in (a[1].get("class") or "")]
    for fragment in ("<strong>bold</strong>", "<code>code</code>", "<b>b</b>", "<i>x</i>"):
        assert fragment not in html
    assert '<a href="https://example.com"' not in html
    assert not any(tag == "h1" and "heading stays" in str(attrs) for tag, attrs in parsed.elements)
    headings = [line for line in html.splitlines() if "heading stays text" in line]
    assert headings and not any("<h1" in line for line in headings)
    assert "<td>table</td>" not in html and "<th>table</th>" not in html
    assert "Pwned</p>" not in html  # no admonition titled "Pwned"
    assert 'class="admonition danger"' not in html


def test_jinja_in_content_is_not_evaluated(page: tuple[str, str, Page]) -> None:
    lang, _, parsed = page
    assert "{{ 7*7 }}" in parsed.visible
    assert "Jinja 49" not in parsed.visible
    assert "{% raw %}raw{% endraw %}" in parsed.visible
    assert _shown(lang, NOTE_TITLE) in parsed.visible


def test_search_index_holds_no_markup_from_content(site: Path) -> None:
    for lang in LANGS:
        index = json.loads((site / lang / "search" / "search_index.json").read_text("utf-8"))
        for doc in index["docs"]:
            if ARTICLE in doc["location"]:
                assert "<script>" not in doc["text"] and "<img" not in doc["text"]
                assert "onerror=alert" not in doc["title"]
