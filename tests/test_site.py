"""The built bilingual site: pages, languages, links, search and offline use."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import lang_tag
from tests.htmlcheck import broken_links, html_pages, outside_requests, parse
from tests.languages import LANGS
from troubleshooter.project import Project


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_is_published_at_its_slug(
    built_site: Path, real_project: Project, lang: str
) -> None:
    articles = real_project.content.articles
    assert articles
    for slug, article in articles.items():
        info = parse(built_site / lang / "articles" / slug / "index.html")
        assert info.lang == lang_tag(lang)
        assert ("related" in info.ids) == bool(article.related), slug


@pytest.mark.parametrize("lang", LANGS)
def test_pages_declare_their_language(built_site: Path, lang: str) -> None:
    langs = {parse(p).lang for p in html_pages(built_site / lang)}
    assert langs == {lang_tag(lang)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("other", LANGS)
def test_language_switcher_lands_on_the_same_article(
    built_site: Path, lang: str, other: str
) -> None:
    page = built_site / lang / "articles" / "share-device" / "index.html"
    links = [h for h in parse(page).links if f"/{other}/" in h]
    assert links, f"no switcher link to {other}"
    target = (page.parent / links[0]).resolve()
    assert target == (built_site / other / "articles" / "share-device").resolve()


def test_root_page_offers_every_language(built_site: Path) -> None:
    info = parse(built_site / "index.html")
    assert set(info.links) == {f"{lang}/" for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_internal_links_and_anchors_resolve(built_site: Path, lang: str) -> None:
    assert broken_links(built_site / lang) == []


def test_nothing_is_loaded_from_another_host(built_site: Path) -> None:
    assert outside_requests(built_site) == []


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_words_of_its_language(
    built_site: Path, real_project: Project, lang: str
) -> None:
    """Chinese is segmented into words at build time (jieba, with the glossary's terms),
    so each glossary term that the pages use is a token of its own."""
    index = json.loads((built_site / lang / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"]).lower()
    tokens = set(re.split(index["config"]["separator"], re.sub(r"<[^>]+>", " ", text)))
    glossary = real_project.content.glossary
    terms = [(t.en if lang == "en" else t.words.get(lang, "")).lower() for t in glossary]
    # English splits at spaces, Chinese only at the glossary's word boundaries.
    words = {w for t in terms for w in t.split()} if lang == "en" else set(terms)
    used = {w for w in words if w and " " not in w and re.fullmatch(r"[\w\u4e00-\u9fff]+", w)}
    edge = r"(?<!\w)%s(?!\w)" if lang == "en" else "%s"  # an English word stands alone
    used = {w for w in used if re.search(edge % re.escape(w), text)}
    assert len(used) >= 5
    assert used <= {token.strip(".,:;!?()\"'“”‘’") for token in tokens}
    other = "共享" if lang == "en" else "please"
    assert other not in text, "each language has its own search index"


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_404_page(built_site: Path, lang: str) -> None:
    assert parse(built_site / lang / "404.html").lang == lang_tag(lang)


def _index(built_site: Path, lang: str) -> list[dict[str, str]]:
    path = built_site / lang / "search" / "search_index.json"
    return list(json.loads(path.read_text("utf-8"))["docs"])


@pytest.mark.parametrize("lang", LANGS)
def test_customers_search_index_holds_articles_and_answers_only(
    built_site: Path, real_project: Project, lang: str
) -> None:
    pages = {doc["location"].partition("#")[0] for doc in _index(built_site, lang)}
    assert not [p for p in pages if p.startswith("agents/")]
    slugs = set(real_project.content.articles)
    assert {p for p in pages if p.startswith("articles/")} == {f"articles/{s}/" for s in slugs}
    others = {p for p in pages if not p.startswith(("articles/", "troubleshooter/"))}
    assert others == set(), "the home page and the agents' pages are not search results"


@pytest.mark.parametrize("lang", LANGS)
def test_each_outcome_is_indexed_once_with_a_boost(
    built_site: Path, real_project: Project, lang: str
) -> None:
    tree = real_project.tree
    pages = {
        doc["location"].partition("#")[0]: doc
        for doc in _index(built_site, lang)
        if doc["location"].startswith("troubleshooter/")
    }
    outcomes = sorted(page.rstrip("/").rpartition("/")[2] for page in pages)
    assert outcomes == sorted(tree.outcomes)
    assert all(float(doc["boost"]) > 1 for doc in pages.values())


@pytest.mark.parametrize("lang", LANGS)
def test_customers_words_are_page_keywords(
    built_site: Path, real_project: Project, lang: str
) -> None:
    """Each article's keywords (translated) are its search tags, and not shown on it."""
    t = real_project.lang(lang).t
    docs = {doc["location"]: doc for doc in _index(built_site, lang)}
    keywords = real_project.content.keywords.articles
    assert keywords
    for slug, words in keywords.items():
        tags = docs[f"articles/{slug}/"].get("tags", [])
        html = (built_site / lang / "articles" / slug / "index.html").read_text("utf-8")
        for word in words:
            assert t(word) in tags, (slug, t(word))
        assert "md-tag" not in html, f"{slug}: keywords are for search, not shown on the page"
