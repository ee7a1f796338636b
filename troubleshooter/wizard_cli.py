"""Terminal front ends of the troubleshooter: the interactive wizard and ``diagnose``."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from .demo import dsc_walkthrough
from .practice import Console, practise_dsc
from .tree import Session, State
from .wizard import Words

BACK, RESTART, QUIT = "b", "r", "q"


def outcome_lines(words: Words, state: State) -> list[str]:
    """The outcome, its steps, the article and the trail of answers, as printed lines."""
    assert state.outcome is not None
    _ = words.lang.gettext
    outcome = state.outcome
    lines = ["", f"== {words.title(outcome)} ==", words.diagnosis(state), "", _("What to do:")]
    lines += [f"  {line}" for line in words.steps(outcome)]
    if outcome.id == "dsc-login-steps":
        walk = dsc_walkthrough()
        lines += ["", _("Worked example with a demo card")]
        lines += [f"  {_('The card shows')} {s.display}  ←  {s.typed or '—'}" for s in walk.steps]
    lines += [
        "",
        _("Read more: %(article)s") % {"article": words.article_title(outcome)},
        f"  {words.lang.code}/articles/{outcome.article}/#{outcome.section}",
        "",
        _("Your answers:"),
    ]
    lines += [f"  {q} → {a}" for q, a in words.trail(state)]
    return lines


def run_wizard(words: Words, ask: Callable[[str], str], say: Callable[[str], None]) -> None:
    """Ask one question at a time until an outcome; ``b`` back, ``r`` restart, ``q`` quit."""
    _ = words.lang.gettext
    session = Session(words.project.tree, words.project.content.facts)
    say(_("Secure Login troubleshooter. Answer with a number; b goes back, r restarts, q quits."))
    while True:
        state = session.state
        if state.outcome is not None:
            for line in outcome_lines(words, state):
                say(line)
            if state.outcome.id == "dsc-response-rejected" and ask(
                _("Practise with a demo card now? (y/n)")
            ).strip().lower() in ("y", "是"):
                practise_dsc(Console(say=say, ask=ask, gettext=words.lang.gettext))
            return
        question = state.question
        assert question is not None
        say("")
        say(words.question(question))
        for number, option in enumerate(question.options, 1):
            say(f"  {number}. {words.option(question, option)}")
        choice = ask(_("Your choice")).strip().lower()
        if choice == QUIT:
            return
        if choice == BACK:
            session = session.back()
        elif choice == RESTART:
            session = session.restart()
        elif choice.isdigit() and 1 <= int(choice) <= len(question.options):
            session = session.answer(question.options[int(choice) - 1].id)
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
