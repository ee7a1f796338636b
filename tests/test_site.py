"""The built bilingual site: pages, languages, links, search and offline use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.htmlcheck import broken_links, html_pages, outside_requests, parse

SLUGS = (
    "sls-overview",
    "reactivate-ib-key",
    "m2fs",
    "android-app-reset",
    "share-device",
    "opt-back-in",
    "dsc-login",
)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("slug", SLUGS)
def test_every_article_is_published_at_its_slug(built_site: Path, lang: str, slug: str) -> None:
    page = built_site / lang / "articles" / slug / "index.html"
    info = parse(page)
    assert info.lang == lang
    assert "related" in info.ids or slug == "opt-back-in"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pages_declare_their_language(built_site: Path, lang: str) -> None:
    langs = {parse(p).lang for p in html_pages(built_site / lang)}
    assert langs == {lang}


def test_language_switcher_lands_on_the_same_article(built_site: Path) -> None:
    for lang, other in (("en", "zh"), ("zh", "en")):
        page = built_site / lang / "articles" / "share-device" / "index.html"
        links = [h for h in parse(page).links if f"/{other}/" in h]
        assert links, f"no switcher link to {other}"
        target = (page.parent / links[0]).resolve()
        assert target == (built_site / other / "articles" / "share-device").resolve()


def test_root_page_offers_both_languages(built_site: Path) -> None:
    info = parse(built_site / "index.html")
    assert {"en/", "zh/"} <= set(info.links)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_internal_links_and_anchors_resolve(built_site: Path, lang: str) -> None:
    assert broken_links(built_site / lang) == []


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    assert outside_requests(built_site) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh", ["共享", "安全设备", "重新激活"]),
        ("en", ["share", "reactivate", "withdrawal"]),
    ],
)
def test_search_index_holds_words_of_its_language(
    built_site: Path, lang: str, words: list[str]
) -> None:
    """Chinese is segmented into words at build time (jieba), so each word is a token."""
    index = json.loads((built_site / lang / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"]).lower()
    tokens = set(re.split(index["config"]["separator"], re.sub(r"<[^>]+>", " ", text)))
    for word in words:
        assert word in tokens
    other = "共享" if lang == "en" else "please"
    assert other not in text, "each language has its own search index"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_its_own_404_page(built_site: Path, lang: str) -> None:
    assert parse(built_site / lang / "404.html").lang == lang
