"""Every troubleshooter answer on the site ends with a next action and a way out.

These tests read the built pages of both languages: each outcome has its "still
stuck" section and the answers to read out; each question has its escape and
hints; the steps shown fit the answers given.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.htmlcheck import parse
from tests.languages import LANGS
from troubleshooter.project import Project
from troubleshooter.publish.webwizard import segments
from troubleshooter.tree.engine import State, first_paths
from troubleshooter.tree.words import Words

SUPPORT = "https://www.ibkr.com/support"
# The real project, set once per module from the session's ``real_project`` (not at import:
# a content error must fail tests, not their collection).
PROJECT: Project
FIRST: dict[str, State]


@pytest.fixture(autouse=True, scope="module")
def _project(real_project: Project) -> None:
    global PROJECT, FIRST
    PROJECT, FIRST = real_project, first_paths(real_project.tree, real_project.content.facts)


def outcome_page(site: Path, lang: str, outcome: str) -> str:
    path = site / lang / "troubleshooter" / "/".join(segments(FIRST[outcome])) / "index.html"
    return path.read_text("utf-8")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def section(html: str, anchor: str) -> str:
    """The HTML from the heading ``anchor`` to the next heading of its level."""
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start : end if end > 0 else None]


@pytest.mark.parametrize("lang", LANGS)
def test_every_outcome_page_has_a_still_stuck_section(built_site: Path, lang: str) -> None:
    words = Words(PROJECT, PROJECT.lang(lang))
    pages = list((built_site / lang / "troubleshooter").rglob("index.html"))
    outcomes = [p for p in pages if p.parent.name in PROJECT.tree.outcomes]
    assert {p.parent.name for p in outcomes} == set(PROJECT.tree.outcomes)
    for page in outcomes:
        html = page.read_text("utf-8")
        stuck = section(html, "still-stuck")
        fallbacks = words.still_stuck(PROJECT.tree.outcomes[page.parent.name])
        assert stuck.count("<li>") == len(fallbacks), page
        assert "wizard-trail" in html  # the answers to read out on the phone


@pytest.mark.parametrize("lang", LANGS)
def test_client_services_numbers_are_a_real_link(built_site: Path, lang: str) -> None:
    for outcome in ("temporary-access", "lost-phone", "contact-client-services"):
        assert f'href="{SUPPORT}"' in outcome_page(built_site, lang, outcome)


@pytest.mark.parametrize("lang", LANGS)
def test_every_question_page_offers_a_way_out(built_site: Path, lang: str) -> None:
    for page in (built_site / lang / "troubleshooter").rglob("index.html"):
        if page.parent.name in PROJECT.tree.outcomes:
            continue
        links = parse(page).links
        assert any(h.startswith("not-sure/") or "/not-sure/" in h for h in links) or any(
            h.split("/")[0] in PROJECT.tree.outcomes for h in links
        ), page


@pytest.mark.parametrize("lang", LANGS)
def test_options_that_could_be_misread_carry_a_hint(built_site: Path, lang: str) -> None:
    words = Words(PROJECT, PROJECT.lang(lang))
    question = PROJECT.tree.questions["share-entity"]
    state = FIRST["share-device-eligible"]
    path = "/".join(segments(state)[:2])  # share-device/want-to-share: the entity question
    html = (built_site / lang / "troubleshooter" / path / "index.html").read_text("utf-8")
    for option_id in ("same-entity", "identical-identity"):
        hint = words.hint(question, question.option(option_id))  # type: ignore[arg-type]
        assert hint and hint in text_of(html).replace("&#39;", "'")


@pytest.mark.parametrize("lang", LANGS)
def test_the_ios_answer_shows_only_ios_steps(built_site: Path, lang: str) -> None:
    html = outcome_page(built_site, lang, "reactivate-ibkey-ios")
    what = section(html, "what-to-do")
    assert "Android" not in what and "tabbed-set" not in what


@pytest.mark.parametrize("lang", LANGS)
def test_a_client_portal_user_is_not_told_about_tws_versions(built_site: Path, lang: str) -> None:
    what = section(outcome_page(built_site, lang, "m2fs-choose-device"), "what-to-do")
    assert str(PROJECT.content.facts.versions["tws_m2fs"]) not in what


@pytest.mark.parametrize("lang", LANGS)
def test_the_android_reset_ends_with_ib_key_reactivated(built_site: Path, lang: str) -> None:
    words = Words(PROJECT, PROJECT.lang(lang))
    what = section(outcome_page(built_site, lang, "reset-app-android"), "what-to-do")
    reactivation = PROJECT.content.articles["reactivate-ib-key"].section("steps")
    assert reactivation is not None
    assert words.lang.t(reactivation.title) in text_of(what)


@pytest.mark.parametrize("lang", LANGS)
def test_qualifying_for_the_card_says_where_to_request_it(built_site: Path, lang: str) -> None:
    what = text_of(section(outcome_page(built_site, lang, "dsc-plus-eligible"), "what-to-do"))
    glossary = {term.en: term.words for term in PROJECT.content.glossary}
    assert glossary["Client Portal"].get(lang, "Client Portal") in what
    install = PROJECT.content.articles["m2fs"].section("add-device")
    assert install is not None
    assert "IB Key" not in what  # the install-the-app lines belong to another answer


@pytest.mark.parametrize("lang", LANGS)
def test_the_practice_card_falls_back_to_the_worked_example(built_site: Path, lang: str) -> None:
    for outcome in ("dsc-login-steps", "dsc-response-rejected"):
        html = outcome_page(built_site, lang, outcome)
        assert "dsc-practice-fallback" in html
        assert "troubleshooter practice" not in html  # customers have no terminal
        assert "walkthrough" in html or "admonition example" in html
