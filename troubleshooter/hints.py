"""Explanations of a verification verdict for a person, in their language.

The verification library returns reason codes with parameters; the words live
here as gettext msgids (marked with ``N_`` so Babel extracts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from gettext import NullTranslations

from .demo import DemoVerdict, DeviceReason
from .verification import Reason, Verdict


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark only"
    return text


@dataclass(frozen=True)
class Plural:
    """A message worded by a count: parameter ``count`` chooses the plural form."""

    singular: str
    plural: str
    count: str


def N_plural(singular: str, plural: str, count: str) -> Plural:  # noqa: N802 - as N_
    return Plural(singular, plural, count)


HINTS: dict[Reason | DeviceReason, str | Plural] = {
    Reason.ACCEPTED: N_("Accepted: the code is right and the login goes ahead."),
    DeviceReason.CHALLENGE_ECHOED: N_(
        "That is the challenge code from the login screen. Type the %(expected)s-digit "
        "response code that the device shows instead."
    ),
    Reason.WRONG_LENGTH: N_plural(
        "The code has %(got)s digit but %(expected)s are needed. Type every digit the "
        "device shows.",
        "The code has %(got)s digits but %(expected)s are needed. Type every digit the "
        "device shows.",
        "got",
    ),
    Reason.LEADING_ZERO_DROPPED: N_plural(
        "The code must start with %(dropped)s zero: it has %(expected)s digits. Type it "
        "exactly as shown, leading zeros included.",
        "The code must start with %(dropped)s zeros: it has %(expected)s digits. Type it "
        "exactly as shown, leading zeros included.",
        "dropped",
    ),
    Reason.NOT_DIGITS: N_("Only digits are expected here (%(expected)s of them)."),
    Reason.CLOCK_DRIFT: N_(
        "This code belongs to a time window %(seconds)s seconds away from now: the phone's "
        "clock is off. Let the phone set its time automatically, then use a new code."
    ),
    DeviceReason.STALE_CHALLENGE: N_(
        "This response answers an earlier challenge code. Enter the challenge code that the "
        "login screen shows now and type the new response."
    ),
    DeviceReason.EXPIRED: N_("The code has expired. Start again to get a new one."),
    Reason.REPLAYED: N_("This code has already been used once."),
    DeviceReason.WRONG_PIN: N_(
        "The PIN is wrong. Turn the card on again and enter the PIN you chose when you "
        "requested it."
    ),
    DeviceReason.TRANSPOSED_CELL: N_(
        "You typed the code at %(typed)s, but the login screen asked for %(asked)s: row "
        "and column are swapped."
    ),
    Reason.WRONG_CODE: N_("The code is not right. Check the device and try again."),
}
# Refusals that the broker's own login documents (type the response, not the
# challenge; all its digits; the PIN chosen for the card; start again when it
# expires). The other reasons are checks of the practice devices only.
DOCUMENTED = frozenset(
    {
        DeviceReason.CHALLENGE_ECHOED,
        Reason.WRONG_LENGTH,
        DeviceReason.EXPIRED,
        DeviceReason.WRONG_PIN,
    }
)

# What is new after a refused code, on each practice device.
NEW_CODE = {
    "dsc": N_(
        "Start the login again: the login screen shows a new challenge code, and the card "
        "turns it into a new response code."
    ),
    "ibkey": N_(
        "Start the login again: the login screen shows a new challenge code, and IB Key turns "
        "it into a new response code."
    ),
    "card": N_("Start the login again: the login screen asks for other positions on your card."),
}
DEMO_PIN = N_("The demo card's PIN is %(pin)s.")
ORDER_SWAPPED = N_(
    "The codes are right but in the wrong order. Type them in the order the login screen asks for."
)
ACCEPTED_WITH_DRIFT = N_(
    "Accepted, but the code came from a neighbouring time window: the phone's clock is "
    "about %(seconds)s seconds off."
)


def worded(message: str | Plural, params: dict[str, object], translations: NullTranslations) -> str:
    """``message`` in the language of ``translations``, its plural form chosen by count."""
    if isinstance(message, Plural):
        count = int(str(params[message.count]))
        return translations.ngettext(message.singular, message.plural, count) % params
    return translations.gettext(message) % params


def hint(verdict: DemoVerdict, translations: NullTranslations) -> str:
    """One or two sentences that explain ``verdict`` in the language of ``translations``."""
    params: dict[str, object] = dict(verdict.params)
    step = int(str(params.get("step", 30)))
    if verdict.offset:
        params["seconds"] = abs(verdict.offset) * step
    if verdict.accepted and verdict.offset:
        return worded(ACCEPTED_WITH_DRIFT, params, translations)
    if verdict.reason is DeviceReason.TRANSPOSED_CELL and params.get("kind") == "order":
        return translations.gettext(ORDER_SWAPPED)
    return worded(HINTS[verdict.reason], params, translations)


# Illustrative values for every placeholder of the hints.
EXAMPLE = {
    "expected": 8,
    "got": 6,
    "dropped": 1,
    "asked": "B3",
    "typed": "C2",
    "kind": "axes",
    "step": 30,
}


def example(reason: Reason | DeviceReason) -> DemoVerdict:
    """A verdict of ``reason`` with illustrative parameters (clock drift: one step behind)."""
    offset = -1 if reason is Reason.CLOCK_DRIFT else None
    return Verdict(reason is Reason.ACCEPTED, reason, offset, EXAMPLE)
