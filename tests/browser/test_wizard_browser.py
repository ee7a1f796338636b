"""The troubleshooter pages in Chromium: every outcome by clicking, in both
languages, with and without JavaScript; deep links, the back button, focus,
accessibility, page weight."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit, Visitor, axe_violations
from tests.conftest import ROOT, real_outcome_ids
from tests.languages import LANGS, OTHERS
from troubleshooter.project import Project
from troubleshooter.publish.webwizard import segments
from troubleshooter.tree.engine import State
from troubleshooter.tree.words import Words


def heading(page: Page) -> str:
    """The page's h1 without its permalink sign."""
    return heading_text(page.locator("h1").inner_text())


def heading_text(text: str) -> str:
    return text.replace("¶", "").strip()


def click_through(visit: Visit, words: Words, lang: str, state: State) -> None:
    """Start at the first question and click the answers of ``state``'s path to its outcome."""
    assert state.outcome is not None
    outcome = state.outcome.id
    page = visit.open(f"/{lang}/troubleshooter/")
    for node_id, option_id in state.trail:
        question = words.project.tree.questions[node_id]
        assert heading(page) == words.question(question)
        option = question.option(option_id)
        assert option is not None
        label = words.option(question, option)
        exact = re.compile(f"^{re.escape(label)}(\\s|$)")  # the label, then its hint if any
        page.locator(".wizard-options a").filter(has_text=exact).click()
        page.wait_for_load_state()
    page.wait_for_url(f"**/{outcome}/")
    assert heading(page) == words.title(state.outcome)
    assert page.locator(f"[data-outcome='{outcome}']").count() == 1


# JavaScript only moves focus and adds buttons; the answers are plain links either way.
# So each outcome is walked once per language, with JavaScript on or off alternating
# from one language and one outcome to the next: every outcome is reached both ways,
# and every language too, in half the walks.
WALKS = []
for _i, _outcome in enumerate(real_outcome_ids()):
    for _j, _lang in enumerate(LANGS):
        _js = (_i + _j) % 2 == 0
        _id = f"{_lang}-{_outcome}-{'js' if _js else 'nojs'}"
        WALKS.append(pytest.param(_lang, _outcome, _js, id=_id))


@pytest.mark.parametrize(("lang", "outcome", "javascript"), WALKS)
def test_every_outcome_by_clicking(
    visitor: Visitor,
    words: dict[str, Words],
    first_path: dict[str, State],
    lang: str,
    outcome: str,
    javascript: bool,
) -> None:
    click_through(visitor(javascript=javascript), words[lang], lang, first_path[outcome])


@pytest.mark.parametrize("lang", OTHERS)
def test_deep_link_shows_the_result_with_its_trail(
    visit_nojs: Visit, words: dict[str, Words], first_path: dict[str, State], lang: str
) -> None:
    """The deepest first path: its diagnosis, its trail, and a change link per answer."""
    state = max(first_path.values(), key=lambda s: (len(s.trail), s.trail))
    assert state.outcome is not None and len(state.trail) >= 2
    zh = words[lang]
    page = visit_nojs.open(f"/{lang}/troubleshooter/{'/'.join(segments(state))}/")
    diagnosis = page.locator(".wizard-diagnosis")
    assert diagnosis.get_attribute("data-outcome") == state.outcome.id
    assert zh.diagnosis(state).split("\n")[0].strip() in diagnosis.inner_text()
    trail = page.locator(".wizard-trail")
    assert heading_text(trail.locator("h2").inner_text()) == zh.lang.gettext("Your answers")
    node, _ = state.trail[1]
    change = trail.locator("li a").nth(1)  # the second answer
    assert zh.question(zh.project.tree.questions[node]) in (
        change.get_attribute("aria-label") or ""
    )
    change.click()
    page.wait_for_url(f"**/{lang}/troubleshooter/{state.trail[0][1]}/")
    assert heading(page) == zh.question(zh.project.tree.questions[node])


def test_back_button_returns_to_the_question(
    visit: Visit, real_project: Project, words: dict[str, Words]
) -> None:
    tree = real_project.tree
    first = tree.questions[tree.start].options[0]
    page = visit.open("/en/troubleshooter/")
    page.locator(".wizard-options a").first.click()
    page.wait_for_url(f"**/troubleshooter/{first.id}/")
    page.go_back()
    page.wait_for_url("**/en/troubleshooter/")
    assert heading(page) == words["en"].question(tree.questions[tree.start])


def test_focus_moves_to_the_new_question(visit: Visit, real_project: Project) -> None:
    tree = real_project.tree
    first = tree.questions[tree.start].options[0]
    page = visit.open("/en/troubleshooter/")
    page.locator(".wizard-options a").first.click()
    page.wait_for_url(f"**/troubleshooter/{first.id}/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'question'")


def test_keyboard_alone_reaches_an_outcome(visit: Visit) -> None:
    page = visit.open("/en/troubleshooter/dsc/")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'question'")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.wizard-options') !== null"):
            break
    page.keyboard.press("Tab")  # the second answer: the response is refused
    page.keyboard.press("Enter")
    page.wait_for_url("**/dsc-response-rejected/")


def test_print_summary_needs_javascript(visit: Visit, visit_nojs: Visit) -> None:
    path = "/en/troubleshooter/dsc/buttons-dead/dsc-buttons/"
    assert visit.open(path).locator(".wizard-print").count() == 1
    assert visit_nojs.open(path).locator(".wizard-print").count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/en/troubleshooter/",
        "/zh/troubleshooter/share-device/want-to-share/",
        "/en/troubleshooter/withdrawal/scc/up-to-1000000/up-to-1000000/"
        "withdrawal-needs-stronger-device/",
        "/zh/troubleshooter/opted-out/no/rejoin-sls-no-permission/",
        "/zh-Hant/troubleshooter/share-device/want-to-share/",
    ],
)
def test_troubleshooter_pages_have_no_serious_accessibility_violations(
    visit: Visit, path: str
) -> None:
    assert axe_violations(visit.open(path)) == []


def test_the_wizard_scripts_stay_small() -> None:
    # A missing script raises here: it must not pass as weighing nothing.
    scripts = [ROOT / "docs" / "assets" / name for name in ("wizard.js", "dsc-practice.js")]
    assert sum(p.stat().st_size for p in scripts) < 20_000
