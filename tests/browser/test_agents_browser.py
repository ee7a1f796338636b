"""The agents' pages in Chromium: flowchart links, replies beside the English, copy buttons."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit, Visitor, axe_violations
from tests.conftest import lang_tag
from tests.languages import LANGS, OTHERS
from troubleshooter.languages.i18n import language_name
from troubleshooter.project import Project
from troubleshooter.publish.flowchart import branches
from troubleshooter.tree.engine import State
from troubleshooter.tree.words import Words


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_has_its_replies_beside_the_english(
    visit_nojs: Visit, words: dict[str, Words], first_path: dict[str, State], lang: str
) -> None:
    """A language's page: English and that language; the English page: every language."""
    page = visit_nojs.open(f"/{lang}/agents/replies/")
    shown_langs = LANGS if lang == "en" else ("en", lang)
    assert page.locator(".agent-replies thead th").count() == 3 + min(len(shown_langs), 2)
    for outcome, state in first_path.items():
        assert state.outcome is not None
        row = page.locator("tr", has=page.locator(f"code:text-is('{outcome}')"))
        assert row.locator(".agent-reply").count() == len(shown_langs)
        for code in shown_langs:
            shown = row.locator(f".agent-reply[lang={lang_tag(code)}]").inner_text()
            assert shown == words[code].reply(state.outcome)


@pytest.mark.parametrize("lang", OTHERS)
def test_copy_button_copies_the_reply(visitor: Visitor, lang: str) -> None:
    visit = visitor(permissions=["clipboard-read", "clipboard-write"])
    page = visit.open(f"/{lang}/agents/replies/")
    reply = page.locator(f".agent-reply[lang={lang_tag(lang)}]").first
    button = page.locator(".agent-copy").nth(1)  # after the first row's reply in the language
    assert language_name(lang) in (button.get_attribute("aria-label") or "")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == reply.inner_text()


def test_the_english_page_labels_each_customers_language(visit: Visit) -> None:
    page = visit.open("/en/agents/replies/")
    for lang in OTHERS:
        reply = page.locator(f".agent-reply[lang={lang_tag(lang)}]").first
        label = reply.evaluate("e => getComputedStyle(e, '::before').content")
        assert language_name(lang, "en") in label


@pytest.mark.parametrize("lang", LANGS)
def test_flowchart_links_every_outcome_to_its_page(
    visit: Visit, real_project: Project, lang: str
) -> None:
    page = visit.open(f"/{lang}/agents/")
    svg = page.locator(".agent-flowchart svg")
    first = {target for _, target in branches(real_project.tree)}  # may end at once: a plain link
    for outcome in real_project.tree.outcomes:
        drawn = svg.locator(f"[data-node='{outcome}']").count()
        assert drawn >= 1 or outcome in first, outcome
    link = svg.locator("a").first
    link.click()
    page.wait_for_load_state()
    assert page.locator("[data-outcome]").count() == 1


@pytest.mark.parametrize(
    "path",
    ["/en/agents/", "/en/agents/replies/", "/en/agents/rules/"]
    + [f"/{lang}/agents/replies/" for lang in OTHERS],
)
def test_agent_pages_have_no_serious_accessibility_violations(visit: Visit, path: str) -> None:
    assert axe_violations(visit.open(path)) == []


@pytest.mark.parametrize(
    ("lang", "other", "outcome"),
    [("en", "zh", "rejoin-sls"), ("zh", "en", "share-device-conditions")],
)
def test_filter_box_finds_a_case_in_the_customers_words(
    visit: Visit, real_project: Project, lang: str, other: str, outcome: str
) -> None:
    """A customer's word for the outcome, typed in the other language, finds its row."""
    words = real_project.content.keywords.outcomes[outcome]
    typed = real_project.lang(other).t(words[0])
    page = visit.open(f"/{lang}/agents/replies/")
    box = page.locator("#agent-filter-input")
    box.fill(typed)
    rows = page.locator(".agent-replies tbody tr:visible")
    page.wait_for_function("document.querySelector('.agent-filter-count').textContent !== ''")
    shown = rows.count()
    assert 0 < shown < len(real_project.tree.outcomes), typed
    assert rows.locator(f"code:text-is('{outcome}')").count() == 1, typed
    assert str(shown) in page.locator(".agent-filter-count").inner_text()
    box.fill("")
    assert rows.count() == len(real_project.tree.outcomes)


def test_filter_box_needs_javascript(visit_nojs: Visit, real_project: Project) -> None:
    page = visit_nojs.open("/en/agents/replies/")
    assert not page.locator("#agent-filter-input").is_visible()
    assert page.locator(".agent-replies tbody tr:visible").count() == len(
        real_project.tree.outcomes
    )
