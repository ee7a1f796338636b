"""What a support agent asks the command line: an outcome's reply, and who can confirm an amount.

``reply`` words an outcome's agent reply. A reply that names the customer's
device needs the answers that lead to it: when the answers the agent gives
leave the device open, the reply takes its general form. ``limit_lines`` lists
the devices whose withdrawal limits cover an amount, per day and over 5
business days.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..content.facts import Limits
from ..hints import N_
from ..languages.i18n import SOURCE_LANG, compact_units
from ..textwidth import cell_width, pad
from . import rules
from .engine import Answers, UnknownAnswer, check_answers, paths
from .words import Words

AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


class UnknownOutcome(LookupError):
    def __init__(self, outcome: str, valid: list[str]) -> None:
        self.outcome, self.valid = outcome, valid
        super().__init__(f"unknown outcome {outcome!r}: choose one of {', '.join(valid)}")


class NoPath(LookupError):
    """The answers given do not lead to the outcome asked for."""


def reply(words: Words, outcome_id: str, answers: Answers = ()) -> str:
    """The agent reply of an outcome, for the customer's own answers where they are given.

    Raises :class:`UnknownOutcome`, :class:`UnknownAnswer` for a node or option that
    does not exist, and :class:`NoPath` when the answers lead elsewhere.
    """
    tree = words.project.tree
    if outcome_id not in tree.outcomes:
        raise UnknownOutcome(outcome_id, list(tree.outcomes))
    check_answers(tree, answers)
    for node, option in answers:
        question = tree.questions[node]
        if question.option(option) is None:
            raise UnknownAnswer(node, option, [o.id for o in question.options])
    given = set(answers)
    outcome = tree.outcomes[outcome_id]
    texts = {
        words.reply(outcome, state)
        for state in paths(tree, words.project.content.facts)
        if state.outcome is outcome and given <= set(state.trail)
    }
    if not texts:
        raise NoPath(outcome_id)
    return texts.pop() if len(texts) == 1 else words.reply(outcome)


# -- limits -------------------------------------------------------------------------

PERIODS = (
    ("per_day", N_("%(amount)s in one day")),
    ("five_days", N_("%(amount)s in total over 5 business days")),
)
CAN = N_("Can confirm it:")
CANNOT = N_("Limit too low:")
NONE = N_("(none)")
FIVE_DAY_NOTE = N_(
    "The 5-day limit counts every withdrawal of the last 5 business days, this one included. "
    "A withdrawal must fit both limits."
)
BAD_AMOUNT = N_(
    "%(amount)r is not a whole amount of at most 15 digits: write digits, with or without "
    "thousands separators (1200000 or 1,200,000)."
)


def parse_amount(text: str, code: str = SOURCE_LANG) -> int | None:
    """A whole amount of at most 15 digits, with optional thousands commas or, in a
    language that counts in myriads, as it writes amounts (120万, 1.5万); None otherwise."""
    text = text.strip()
    for unit, worth in compact_units(code).items():
        number = text.removesuffix(unit)
        if number != text:
            if not re.fullmatch(r"\d+(?:\.\d+)?", number):
                return None
            amount = Decimal(number) * worth
            return int(amount) if amount == int(amount) and amount < 10**15 else None
    digits = text.replace(",", "")
    return int(digits) if AMOUNT.fullmatch(text) and len(digits) <= 15 else None


def _limited(words: Words) -> list[tuple[str, Limits]]:
    """Every device (strongest first), then the limits without a security device."""
    facts = words.project.content.facts
    out = [(words.device(d), d.limits) for d in facts.by_level()]
    return out + [(words.lang.t(name), limits) for name, limits in facts.fallback.values()]


def limit_lines(words: Words, amount: int) -> Iterator[str]:
    """Who can confirm a withdrawal of ``amount``, per day and over 5 business days."""
    _, lang = words.lang.gettext, words.lang
    currency = words.project.content.facts.currency
    limited = _limited(words)
    width = max(cell_width(name) for name, _ in limited)
    money_width = max(
        cell_width(lang.money(getattr(lim, p), currency)) for _, lim in limited for p, _ in PERIODS
    )
    for number, (period, heading) in enumerate(PERIODS):
        if number:
            yield ""
        yield _(heading) % {"amount": lang.money(amount, currency)}
        for label, fits in ((CAN, True), (CANNOT, False)):
            chosen = [
                (name, getattr(limits, period))
                for name, limits in limited
                if rules.within(getattr(limits, period), amount) == fits
            ]
            yield f"  {_(label)}"
            if not chosen:
                yield f"    {_(NONE)}"
            for name, limit in chosen:
                figure = pad(lang.money(limit, currency), money_width, right=True)
                yield f"    {pad(name, width + 2)}{figure}"
    yield ""
    yield _(FIVE_DAY_NOTE)
