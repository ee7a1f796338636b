"""Material's own search in Chromium, with the words customers type: the expected
article or troubleshooter answer is among the first results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit
from tests.languages import CHINESE, LANGS, chinese
from troubleshooter.project import Project

# (query, the page expected in the top two: an article slug or an outcome id)
ENGLISH = [
    ("new phone", "articles/reactivate-ib-key/"),
    ("forgot PIN", "articles/dsc-login/"),
    ("lost phone", "lost-phone/"),
    ("temporary access", "temporary-access/"),
    ("withdrawal limit", "withdrawal-limits/"),  # the answer with every limit
    ("pink sheets", "articles/opt-back-in/"),
    ("app crashes", "articles/android-app-reset/"),
    ("request a DSC+", "dsc-plus-eligible/"),
    # across topics: a device from one topic, a task from another
    ("Digital Security Card+ withdrawal limit", "articles/m2fs/"),
    ("share a device temporary code", "share-device-ineligible-temporary/"),
    ("new iPhone IB Key", "reactivate-ibkey-ios/"),
]
# In Simplified Chinese; each Chinese language searches for them as it writes them.
CHINESE_WORDS = [
    ("提款上限", "articles/m2fs/"),
    ("取款限额", "withdrawal-limits/"),  # two words to jieba (取款, 限额), found as one
    ("忘记PIN", "articles/dsc-login/"),
    ("换了新手机", "articles/reactivate-ib-key/"),
    ("申请数码安全卡+", "dsc-plus-eligible/"),
    ("粉纸", "articles/opt-back-in/"),
    ("共享设备", "articles/share-device/"),
    ("手机丢了", "lost-phone/"),
    ("临时账户访问", "temporary-access/"),
    ("数码安全卡+ 提款上限", "articles/m2fs/"),
    ("临时码 共享设备", "share-device-ineligible-temporary/"),
]
CASES = [pytest.param("en", query, page, id=f"en-{query}") for query, page in ENGLISH] + [
    pytest.param(code, chinese(code, query), page, id=f"{code}-{chinese(code, query)}")
    for code in CHINESE
    for query, page in CHINESE_WORDS
]

# The page of each result, best first: Material shows a page once, with its sections
# that match below its own link.
TOP = """() => [...document.querySelectorAll(
  ".md-search-result__item > .md-search-result__link:first-child")]
  .map(a => new URL(a.href).pathname)"""
IDLE = """() => JSON.parse(document.getElementById("__config").textContent)
  .translations["search.result.placeholder"]"""
META = "document.querySelector('.md-search-result__meta').textContent"


def search(page: Page, query: str) -> list[str]:
    """The pages Material finds for ``query``, best first, once it has answered it.

    The box is emptied first, and the query entered whole, as an input method or a
    paste enters it, so that the results are never those of another query or of
    part of this one. Material searches on the key event that follows.
    """
    box = page.locator(".md-search__input")
    idle = page.evaluate(IDLE)  # what the results say while the box is empty
    box.fill("")
    box.press("End")
    page.wait_for_function(f"idle => {META} === idle", arg=idle)
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"idle => {META} !== idle", arg=idle)
    return list(page.evaluate(TOP))


@pytest.mark.parametrize(("lang", "query", "expected"), CASES)
def test_customers_words_find_the_answer(
    visit: Visit, lang: str, query: str, expected: str
) -> None:
    found = search(visit.open(f"/{lang}/"), query)
    assert any(p.endswith(expected) for p in found[:2]), f"{query!r}: {expected} not in {found}"


@pytest.mark.parametrize("lang", CHINESE)
def test_device_sharing_ranks_above_opting_back_in(visit: Visit, lang: str) -> None:
    found = search(visit.open(f"/{lang}/"), chinese(lang, "共享设备"))
    share = next(i for i, p in enumerate(found) if p.endswith("articles/share-device/"))
    assert all(share < i for i, p in enumerate(found) if p.endswith("articles/opt-back-in/"))


@pytest.mark.parametrize(
    ("lang", "query"),
    [("en", "challenge code")] + [(code, chinese(code, "合规部门")) for code in CHINESE],
)
def test_agents_pages_never_appear_in_results(visit: Visit, lang: str, query: str) -> None:
    found = search(visit.open(f"/{lang}/"), query)
    assert found and [p for p in found if "/agents/" in p] == []


@pytest.mark.parametrize("lang", LANGS)
def test_results_do_not_show_the_keywords(visit: Visit, lang: str) -> None:
    """Keywords find a page and are not shown, in the results as on the page: in Chinese
    they hold the forms the search box looks up (共享设), which are no words to read."""
    page = visit.open(f"/{lang}/")
    assert search(page, "share a device" if lang == "en" else chinese(lang, "共享设备"))
    shown = page.evaluate("""() => [...document.querySelectorAll(".md-search-result .md-tag")]
      .map(tag => tag.getClientRects().length > 0)""")
    assert shown and not any(shown)


@pytest.mark.parametrize("lang", LANGS)
def test_every_keyword_finds_its_page(visit: Visit, real_project: Project, lang: str) -> None:
    """Each word that customers type, as content/keywords.yml lists it for a page and its
    catalog translates it, brings that page into the first three results."""
    keywords = real_project.content.keywords
    t = real_project.lang(lang).t
    wanted = [
        (t(word), f"/articles/{slug}/")
        for slug, words in keywords.articles.items()
        for word in words
    ]
    wanted += [
        (t(word), f"/{ident}/") for ident, words in keywords.outcomes.items() for word in words
    ]
    page = visit.open(f"/{lang}/")
    missed = []
    for query, expected in wanted:
        found = search(page, query)
        if not any(p.endswith(expected) for p in found[:3]):
            missed.append(f"{query!r}: {expected} not in {found[:3]}")
    assert not missed, f"{len(missed)} of {len(wanted)} missed:\n" + "\n".join(missed)
