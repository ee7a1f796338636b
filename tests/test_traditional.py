"""The Traditional Chinese edition: no Simplified-only character on any of its pages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import opencc
import pytest

from tests.htmlcheck import html_pages
from tests.languages import LANGS

TRADITIONAL = [code for code in LANGS if code.endswith("-Hant")]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
SHOWN = ("title", "aria-label", "placeholder", "alt", "data-language", "data-copy")


class _Text(HTMLParser):
    """Text and shown attributes of one page, each with the language of its element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.langs: list[tuple[str, str]] = []  # (tag, lang) of the open elements
        self.found: list[tuple[str, str]] = []  # (lang, text)

    def _lang(self) -> str:
        return self.langs[-1][1] if self.langs else ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        lang = a.get("lang", self._lang())
        self.found += [(lang, a[name]) for name in SHOWN if name in a]
        if tag not in VOID:
            self.langs.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.langs) - 1, -1, -1):
            if self.langs[i][0] == tag:
                del self.langs[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.langs and self.langs[-1][0] not in ("script", "style"):
            self.found.append((self._lang(), data))


# Characters Traditional text writes both ways, though s2tw picks the other form:
# 台 for 臺 (平台, 台灣) is everyday usage in Taiwan and Hong Kong.
TRADITIONAL_VARIANTS = frozenset("台")


def simplified_only(text: str, s2t: opencc.OpenCC) -> set[str]:
    """The characters of ``text`` that OpenCC's ``s2tw`` (standard Traditional forms)
    writes otherwise, read in their words (批准 is Traditional; 准 alone becomes 準)."""
    converted = s2t.convert(text)
    assert len(converted) == len(text)
    changed = {c for c, t in zip(text, converted, strict=True) if c != t}
    return changed - TRADITIONAL_VARIANTS


def test_the_check_finds_simplified_characters() -> None:
    s2t = opencc.OpenCC("s2tw")
    assert simplified_only("共享设备，重新激活", s2t) == {"设", "备"}
    assert simplified_only("共享裝置，重新啟動，自動批准", s2t) == set()
    assert simplified_only("交易平台", s2t) == set()  # a Traditional variant


@pytest.mark.parametrize("lang", TRADITIONAL)
def test_no_page_has_simplified_only_characters(built_site: Path, lang: str) -> None:
    s2t = opencc.OpenCC("s2tw")
    found: dict[str, set[str]] = {}
    pages = list(html_pages(built_site / lang))
    for page in pages:
        parser = _Text()
        parser.feed(page.read_text("utf-8"))
        text = "\n".join(t for code, t in parser.found if code == lang)
        if bad := simplified_only(text, s2t):
            found[str(page.relative_to(built_site))] = bad
    assert len(pages) > 100
    assert found == {}
