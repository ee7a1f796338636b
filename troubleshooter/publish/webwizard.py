"""The troubleshooter as static pages: one page per question reached and per outcome.

A page's path is the answers that lead to it (``troubleshooter/ib-key/no-device/
temporary-access/``), so every step works without JavaScript, with the back
button, and can be bookmarked; an outcome's URL ends with the outcome id.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from ..content.model import Block, Example, See, Tabs
from ..demo import DEFAULT_SEED, DeviceReason
from ..demo import DEMO_PIN as PIN
from ..hints import DEMO_PIN, HINTS, N_, NEW_CODE, Plural
from ..languages.i18n import Lang
from ..tree.engine import Outcome, State, Tree, walk
from ..tree.words import Words
from ..verification import Reason
from .render import render

SECTION = "troubleshooter"


@dataclass(frozen=True)
class PracticeCard:
    """What the in-browser practice card needs: the demo seed, PIN and its words."""

    seed: str
    pin: str
    ttl: int
    strings: dict[str, str | dict[str, Any]]  # a plural message: its count and forms


PRACTICE_UI = {
    "title": N_("Practice card"),
    "login-screen": N_("Login screen"),
    "challenge": N_("Challenge code"),
    "new-challenge": N_("New challenge code"),
    "response": N_("Response code"),
    "log-in": N_("Log in"),
    "card": N_("Demo Digital Security Card"),
    "display": N_("Card display"),
    "press": N_("press"),
    "ok": N_("OK"),
    "key": N_("Key %(digit)s"),
    "clear": N_("Clear"),
    "demo-note": N_("A demo card with the demo PIN %(pin)s. Never type a real PIN or code here."),
}


def practice_card(words: Words) -> PracticeCard:
    """The practice card of the DSC pages, worded in the page's language."""
    gettext = words.lang.gettext
    strings: dict[str, str | dict[str, Any]]
    strings = {key: gettext(text) for key, text in PRACTICE_UI.items()}
    strings |= {reason.value: _for_script(text, words.lang) for reason, text in HINTS.items()}
    # What is new after a refusal, and the demo PIN after a wrong one, as in the terminal.
    new_code = NEW_CODE["dsc"]
    restart = (Reason.REPLAYED, DeviceReason.EXPIRED, DeviceReason.STALE_CHALLENGE)
    added = dict.fromkeys(restart, gettext(new_code))
    added[DeviceReason.WRONG_PIN] = gettext(DEMO_PIN) % {"pin": PIN}
    for reason, text in added.items():
        strings[reason.value] = f"{strings[reason.value]} {text}"
    return PracticeCard(DEFAULT_SEED, PIN, 300, strings)


def _for_script(message: str | Plural, lang: Lang) -> str | dict[str, Any]:
    """A message for the page's script: a plural one as its count and a form for each
    CLDR plural category of the language (the script picks one with Intl.PluralRules)."""
    if not isinstance(message, Plural):
        return lang.gettext(message)
    category = lang.locale.plural_form
    samples = {category(n): n for n in reversed(range(200))}  # the least n of each category
    forms = {
        name: lang.translations.ngettext(message.singular, message.plural, n)
        for name, n in samples.items()
    }
    return {"count": message.count, "forms": forms}


@dataclass(frozen=True)
class Step:
    """One answer of the trail: its words and the page where it can be changed."""

    question: str
    answer: str
    change: str


def segments(state: State) -> list[str]:
    """The folders of a state's page: the option ids, then the outcome id."""
    parts = [option for _, option in state.trail]
    return [*parts, state.outcome.id] if state.outcome else parts


def page_path(state: State) -> str:
    return "/".join([SECTION, *segments(state), "index.md"])


def states(words: Words) -> Iterator[State]:
    """Every state reachable from the start, parents before children."""
    tree, facts = words.project.tree, words.project.content.facts

    def visit(state: State) -> Iterator[State]:
        yield state
        if state.question is not None:
            for option in state.question.options:
                yield from visit(walk(tree, facts, (*state.trail, (state.question.id, option.id))))

    yield from visit(walk(tree, facts, ()))


def remaining(tree: Tree, node_id: str) -> int:
    """The most questions still to answer from ``node_id`` (0 at an outcome)."""

    @cache
    def depth(node: str) -> int:
        targets = tree.targets(node)
        if not targets:
            return 0
        return (node in tree.questions) + max(depth(t) for t in targets)

    return depth(node_id)


def visible(blocks: tuple[Block, ...], outcome: Outcome) -> tuple[Block, ...]:
    """An outcome's view of a section: Android/iOS tabs reduced to the outcome's
    platform, when it has one, and no "see also" to a section the outcome shows."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Tabs) and outcome.tab is not None:
            body = [b for platform, body in block.tabs if platform == outcome.tab for b in body]
            out.extend(visible(tuple(body), outcome))
        elif not (isinstance(block, See) and (block.slug, block.anchor) in outcome.sections):
            out.append(block)
    return tuple(out)


def wizard_pages(words: Words, env: jinja2.Environment) -> dict[str, str]:
    """Markdown of every troubleshooter page of one language, by path."""
    files = {}
    card = practice_card(words)
    indexed: set[str] = set()  # outcomes already searchable at their first path's page
    for state in states(words):
        depth = len(segments(state))
        up = "../" * depth
        trail = [
            Step(question, answer, "../" * (depth - i) + "index.md")
            for i, (question, answer) in enumerate(words.trail(state))
        ]
        context = {
            "words": words,
            "state": state,
            "trail": trail,
            "root": "../" + up,
            "start": up + "index.md",
            "practice_card": card,
        }
        if state.question is not None:
            question = state.question
            options = [
                (
                    words.option(question, option),
                    "/".join(
                        segments(
                            walk(
                                words.project.tree,
                                words.project.content.facts,
                                (*state.trail, (question.id, option.id)),
                            )
                        )[depth:]
                    )
                    + "/index.md",
                    words.hint(question, option),
                )
                for option in question.options
            ]
            left = remaining(words.project.tree, question.id) - 1
            files[page_path(state)] = render(
                env,
                "wizard/question.md.j2",
                question=question,
                options=options,
                left=left,
                **context,
            )
        else:
            assert state.outcome is not None
            outcome = state.outcome
            sections = [(s, visible(s.blocks, outcome)) for _, s in words.sections(outcome)]
            files[page_path(state)] = render(
                env,
                "wizard/outcome.md.j2",
                outcome=outcome,
                sections=sections,
                shows_example=any(isinstance(b, Example) for _, bs in sections for b in bs),
                indexed=outcome.id not in indexed,
                **context,
            )
            indexed.add(outcome.id)
    return files
