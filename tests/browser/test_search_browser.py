"""Material's own search in Chromium, with the words customers type: the expected
article or troubleshooter answer is among the first two results."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit
from tests.languages import CHINESE, chinese

OUTCOME = "troubleshooter/**/"  # an outcome is indexed once, at its canonical page
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

TOP = """() => [...document.querySelectorAll(
  ".md-search-result__list > .md-search-result__item > .md-search-result__link")]
  .map(a => new URL(a.href).pathname)"""


def search(page: Page, query: str) -> None:
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Chinese arrives as inserted text, as from an input method;
    page.keyboard.press("End")  # Material searches on the key event that follows


def results(page: Page) -> list[str]:
    """The pages found, best first (one per page: Material groups a page's sections)."""
    return list(page.evaluate(TOP))


@pytest.mark.parametrize(("lang", "query", "expected"), CASES)
def test_customers_words_find_the_answer(
    visit: Visit, lang: str, query: str, expected: str
) -> None:
    page = visit.open(f"/{lang}/")
    search(page, query)
    wanted = json.dumps(expected)
    found = f"() => ({TOP})().slice(0, 2).some(path => path.endsWith({wanted}))"
    try:
        page.wait_for_function(found, timeout=15000)
    except Exception as e:  # report what was found instead
        raise AssertionError(f"{query!r}: {expected} not in the top two of {results(page)}") from e


@pytest.mark.parametrize("lang", CHINESE)
def test_device_sharing_ranks_above_opting_back_in(visit: Visit, lang: str) -> None:
    page = visit.open(f"/{lang}/")
    search(page, chinese(lang, "共享设备"))
    page.wait_for_function(f"() => ({TOP})().length > 1")
    found = results(page)
    share = next(i for i, p in enumerate(found) if p.endswith("articles/share-device/"))
    assert all(share < i for i, p in enumerate(found) if p.endswith("articles/opt-back-in/"))


@pytest.mark.parametrize(
    ("lang", "query"),
    [("en", "challenge code")] + [(code, chinese(code, "合规部门")) for code in CHINESE],
)
def test_agents_pages_never_appear_in_results(visit: Visit, lang: str, query: str) -> None:
    page = visit.open(f"/{lang}/")
    search(page, query)
    page.wait_for_function(f"() => ({TOP})().length > 0")
    assert [p for p in results(page) if "/agents/" in p] == []
