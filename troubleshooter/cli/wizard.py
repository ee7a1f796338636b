"""Terminal front ends of the troubleshooter: the interactive wizard and ``diagnose``."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable

import click

from ..textwidth import cell_width, wrap
from ..tree.engine import Session, State
from ..tree.words import Words
from .practice import Console, session

BACK, RESTART, QUIT = "b", "r", "q"
INDENT = "  "
_MARKER = re.compile(r"\d+\. |• ")  # a step number or bullet: later lines align after it


def _wrapped(text: str, width: int, first: str = INDENT, rest: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` cells: the first starts with ``first``."""
    rest = " " * cell_width(first) if rest is None else rest
    lines = wrap(text, max(width - cell_width(first), 20))
    return [(first if i == 0 else rest) + line for i, line in enumerate(lines)]


def outcome_lines(words: Words, state: State, width: int = 80) -> list[str]:
    """The outcome, its steps, the article, what to do if it fails and the answers given."""
    assert state.outcome is not None
    _ = words.lang.gettext
    outcome = state.outcome
    lines = ["", f"== {words.title(outcome)} =="]
    lines += _wrapped(words.diagnosis(state), width, "")
    lines += ["", _("What to do:")]
    for line in words.steps(outcome):
        marker = _MARKER.match(line)
        hanging = INDENT + (marker[0] if marker else "")
        lines += _wrapped(line[len(hanging) - len(INDENT) :], width, hanging) if line else [""]
    lines += [""]
    lines += _wrapped(
        _("Read more: %(article)s") % {"article": words.article_title(outcome)}, width, ""
    )
    lines += [f"  {words.lang.code}/articles/{outcome.article}/#{outcome.section}", ""]
    lines += _wrapped(_("Still stuck? If this does not solve the problem:"), width, "")
    for line in words.still_stuck(outcome):
        lines += _wrapped(line, width, INDENT + "• ")
    lines += [""]
    lines += _wrapped(_("Your answers (read them out if you call Client Services):"), width, "")
    for question, answer in words.trail(state):
        lines += _wrapped(f"{question} → {answer}", width)
    return lines


def _typed(text: str) -> str:
    """A choice as typed: full-width letters and digits folded (ｂ → b, ２ → 2)."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def run_wizard(
    words: Words, ask: Callable[[str], str], say: Callable[[str], None], width: int = 80
) -> None:
    """Ask one question at a time until an outcome; ``b`` back, ``r`` restart, ``q`` quit."""
    _ = words.lang.gettext
    session_ = Session(words.project.tree, words.project.content.facts)
    for line in _wrapped(
        _("Secure Login troubleshooter. Answer with a number; b goes back, r restarts, q quits."),
        width,
        "",
    ):
        say(line)
    while True:
        state = session_.state
        if state.outcome is not None:
            for line in outcome_lines(words, state, width):
                say(line)
            device = state.outcome.practice
            if device and _typed(ask(_("Practise with a demo card now? (y/n)"))) in ("y", "是"):
                session(device)(Console(say=say, ask=ask, translations=words.lang.translations))
            return
        question = state.question
        assert question is not None
        say("")
        for line in _wrapped(words.question(question), width, ""):
            say(line)
        for number, option in enumerate(question.options, 1):
            for line in _wrapped(words.option(question, option), width, f"  {number}. "):
                say(line)
            hint = words.hint(question, option)
            if hint:
                for line in _wrapped(hint, width, "     "):
                    say(line)
        choice = _typed(ask(_("Your choice")))
        if choice == QUIT:
            return
        if choice == BACK:
            if not session_.answers:
                say(_("This is the first question: there is nothing to go back to."))
            session_ = session_.back()
        elif choice == RESTART:
            session_ = session_.restart()
        elif choice.isdigit() and 1 <= int(choice) <= len(question.options):
            session_ = session_.answer(question.options[int(choice) - 1].id)
        else:
            say(
                _("Please type a number from 1 to %(count)s, or b, r or q.")
                % {"count": len(question.options)}
            )


def diagnosis_json(words: Words, state: State) -> str:
    assert state.outcome is not None
    return json.dumps(
        {
            "outcome": state.outcome.id,
            "title": words.title(state.outcome),
            "article": f"{state.outcome.article}#{state.outcome.section}",
            "trail": [{"node": n, "option": o} for n, o in state.trail],
        },
        ensure_ascii=False,
        indent=2,
    )


def echo_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)
