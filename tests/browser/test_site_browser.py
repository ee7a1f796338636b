"""The knowledge base in a real browser: languages, switcher, search, accessibility."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit, Visitor, axe_violations
from tests.conftest import lang_tag
from tests.languages import CHINESE, LANGS, OTHERS, chinese
from troubleshooter.project import Project


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("zh-CN", "zh"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("en-GB", "en"), ("fr", "en")],
)
def test_root_sends_a_browser_to_its_language(visitor: Visitor, locale: str, lang: str) -> None:
    page = visitor(locale=locale).open("/")
    page.wait_for_url(f"**/{lang}/")
    assert page.locator("html").get_attribute("lang") == lang_tag(lang)


@pytest.mark.parametrize("lang", OTHERS)
def test_switcher_lands_on_the_same_article(visit: Visit, real_project: Project, lang: str) -> None:
    page = visit.open("/en/articles/share-device/")
    link = page.locator(f".md-header__option .md-select__link[hreflang={lang_tag(lang)}]").first
    link.dispatch_event("click")
    page.wait_for_url(f"**/{lang}/articles/share-device/")
    title = real_project.lang(lang).t(real_project.content.articles["share-device"].title)
    assert page.locator("h1").inner_text().replace("¶", "").strip() == title


@pytest.mark.parametrize(
    ("lang", "query", "slug"),
    [
        (code, chinese(code, query), slug)
        for code in CHINESE
        for query, slug in (
            ("重新激活", "reactivate-ib-key"),
            ("共享", "share-device"),
            ("安全设备", "share-device"),
        )
    ]
    + [("en", "reactivate", "reactivate-ib-key")],
)
def test_search_finds_words_in_each_language(
    visit: Visit, lang: str, query: str, slug: str
) -> None:
    page = visit.open(f"/{lang}/")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Chinese arrives as inserted text, as from an input method;
    page.keyboard.press("End")  # Material searches on the key event that follows
    # The result list re-renders while the index loads: wait for the article itself.
    found = page.locator(f".md-search-result__link[href*='/articles/{slug}/']")
    found.first.wait_for(state="attached", timeout=15000)


@pytest.mark.parametrize(
    "path",
    [f"/{lang}/" for lang in LANGS]
    + ["/en/articles/m2fs/"]
    + [f"/{lang}/articles/dsc-login/" for lang in OTHERS],
)
def test_pages_have_no_serious_accessibility_violations(visit: Visit, path: str) -> None:
    page = visit.open(path)
    assert axe_violations(page) == []


def test_a_browser_without_resize_observer_asks_no_other_host(visit: Visit) -> None:
    """Material loads a polyfill from unpkg.com where the API is missing; ours is self-hosted."""
    visit.page.add_init_script("delete window.ResizeObserver")
    page = visit.open("/en/articles/m2fs/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof ResizeObserver") == "function"
    assert not [url for url in visit.requests if "unpkg" in url]
