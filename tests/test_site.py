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


def _index(built_site: Path, lang: str) -> list[dict[str, str]]:
    path = built_site / lang / "search" / "search_index.json"
    return list(json.loads(path.read_text("utf-8"))["docs"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_customers_search_index_holds_articles_and_answers_only(
    built_site: Path, lang: str
) -> None:
    pages = {doc["location"].partition("#")[0] for doc in _index(built_site, lang)}
    assert not [p for p in pages if p.startswith("agents/")]
    assert {p for p in pages if p.startswith("articles/")} == {f"articles/{s}/" for s in SLUGS}
    others = {p for p in pages if not p.startswith(("articles/", "troubleshooter/"))}
    assert others == set(), "the home page and the agents' pages are not search results"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_outcome_is_indexed_once_with_a_boost(built_site: Path, lang: str) -> None:
    from troubleshooter.project import load_project

    tree = load_project().tree
    pages = {
        doc["location"].partition("#")[0]: doc
        for doc in _index(built_site, lang)
        if doc["location"].startswith("troubleshooter/")
    }
    outcomes = sorted(page.rstrip("/").rpartition("/")[2] for page in pages)
    assert outcomes == sorted(tree.outcomes)
    assert all(float(doc["boost"]) > 1 for doc in pages.values())


@pytest.mark.parametrize(("lang", "word"), [("en", "forgot PIN"), ("zh", "粉纸")])
def test_customers_words_are_page_keywords(built_site: Path, lang: str, word: str) -> None:
    tagged = [doc for doc in _index(built_site, lang) if word in doc.get("tags", [])]
    assert tagged
    assert "forgot PIN" not in (
        built_site / lang / "articles" / "dsc-login" / "index.html"
    ).read_text("utf-8"), "keywords are for search, not shown on the page"
