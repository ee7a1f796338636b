"""The home page starts people: the troubleshooter first, its common cases, then search
and topics; the agents' pages are one discreet footer link away, out of the menu."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Visit, axe_violations
from tests.browser.test_wizard_browser import heading
from tests.languages import LANGS
from troubleshooter.project import Project
from troubleshooter.tree.engine import walk
from troubleshooter.tree.words import Words


@pytest.mark.parametrize("lang", LANGS)
def test_the_article_links_the_troubleshooter_first(
    visit_nojs: Visit, real_project: Project, words: dict[str, Words], lang: str
) -> None:
    page = visit_nojs.open(f"/{lang}/")
    links = page.locator("article a[href]:not(.headerlink)")
    first = links.first.get_attribute("href") or ""
    assert first.rstrip("/").endswith("troubleshooter"), first
    sections = page.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
    assert sections == ["start", "search", "topics"]
    links.first.click()
    page.wait_for_url("**/troubleshooter/")
    tree = real_project.tree
    assert heading(page) == words[lang].question(tree.questions[tree.start])


@pytest.mark.parametrize("lang", LANGS)
def test_common_cases_go_straight_to_their_question(
    visit_nojs: Visit, real_project: Project, words: dict[str, Words], lang: str
) -> None:
    page = visit_nojs.open(f"/{lang}/")
    cases = page.locator(".home-cases a")
    starts = real_project.content.site.starts
    assert cases.count() == len(starts)
    cases.first.click()  # the first common case: its answers given, the next question asked
    answers = starts[0].answers
    page.wait_for_url(f"**/troubleshooter/{'/'.join(answers)}/")
    state = walk(real_project.tree, real_project.content.facts, _pairs(real_project, answers))
    assert state.question is not None, "a common case ends at a question"
    assert heading(page) == words[lang].question(state.question)
    assert page.locator(".wizard-trail li").count() == len(answers)


def _pairs(project: Project, options: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The (node, option) answers that follow ``options`` from the first question."""
    pairs: tuple[tuple[str, str], ...] = ()
    for option in options:
        state = walk(project.tree, project.content.facts, pairs)
        assert state.question is not None
        pairs += ((state.question.id, option),)
    return pairs


def test_search_button_opens_the_search_box(visit: Visit) -> None:
    page = visit.open("/en/")
    page.locator("[data-open-search]").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("pink sheets")
    page.locator(".md-search-result__link[href*='opt-back-in']").first.wait_for()


def test_search_button_needs_javascript(visit_nojs: Visit) -> None:
    assert not visit_nojs.open("/en/").locator("[data-open-search]").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_agents_pages_are_a_footer_link_not_a_menu_entry(visit_nojs: Visit, lang: str) -> None:
    page = visit_nojs.open(f"/{lang}/troubleshooter/")
    assert page.locator(".md-nav a[href*='agents/']").count() == 0
    assert page.locator(".md-footer__link[href*='agents/']").count() == 0, "no Next into agents"
    page.locator(".md-footer a.md-copyright__agents").click()
    page.wait_for_url(f"**/{lang}/agents/")


@pytest.mark.parametrize("path", [f"/{lang}/" for lang in LANGS])
def test_home_pages_have_no_serious_accessibility_violations(visit: Visit, path: str) -> None:
    assert axe_violations(visit.open(path)) == []
