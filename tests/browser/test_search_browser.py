"""Material's own search in Chromium, with the words customers type: the expected
article or troubleshooter answer is among the first two results."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit

OUTCOME = "troubleshooter/**/"  # an outcome is indexed once, at its canonical page
# (language, query, the page expected in the top two: an article slug or an outcome id)
CASES = [
    ("en", "new phone", "articles/reactivate-ib-key/"),
    ("en", "forgot PIN", "articles/dsc-login/"),
    ("en", "lost phone", "lost-phone/"),
    ("en", "temporary access", "temporary-access/"),
    ("en", "withdrawal limit", "withdrawal-limits/"),  # the answer with every limit
    ("en", "pink sheets", "articles/opt-back-in/"),
    ("en", "app crashes", "articles/android-app-reset/"),
    ("en", "request a DSC+", "dsc-plus-eligible/"),
    ("zh", "提款上限", "articles/m2fs/"),
    ("zh", "忘记PIN", "articles/dsc-login/"),
    ("zh", "换了新手机", "articles/reactivate-ib-key/"),
    ("zh", "申请数码安全卡+", "dsc-plus-eligible/"),
    ("zh", "粉纸", "articles/opt-back-in/"),
    ("zh", "共享设备", "articles/share-device/"),
    ("zh", "手机丢了", "lost-phone/"),
    ("zh", "临时账户访问", "temporary-access/"),
    # across topics: a device from one topic, a task from another
    ("en", "Digital Security Card+ withdrawal limit", "articles/m2fs/"),
    ("zh", "数码安全卡+ 提款上限", "articles/m2fs/"),
    ("en", "share a device temporary code", "share-device-ineligible-temporary/"),
    ("zh", "临时码 共享设备", "share-device-ineligible-temporary/"),
    ("en", "new iPhone IB Key", "reactivate-ibkey-ios/"),
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


@pytest.mark.parametrize(("lang", "query", "expected"), CASES, ids=[c[1] for c in CASES])
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


def test_device_sharing_ranks_above_opting_back_in(visit: Visit) -> None:
    page = visit.open("/zh/")
    search(page, "共享设备")
    page.wait_for_function(f"() => ({TOP})().length > 1")
    found = results(page)
    share = next(i for i, p in enumerate(found) if p.endswith("articles/share-device/"))
    assert all(share < i for i, p in enumerate(found) if p.endswith("articles/opt-back-in/"))


@pytest.mark.parametrize(("lang", "query"), [("en", "challenge code"), ("zh", "合规部门")])
def test_agents_pages_never_appear_in_results(visit: Visit, lang: str, query: str) -> None:
    page = visit.open(f"/{lang}/")
    search(page, query)
    page.wait_for_function(f"() => ({TOP})().length > 0")
    assert [p for p in results(page) if "/agents/" in p] == []
