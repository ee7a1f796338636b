"""Build-time walkthrough data for the docs: every value comes from the simulation."""

from __future__ import annotations

from dataclasses import dataclass

from ..verification import VerificationError
from .dsc import DEMO_PIN, DSC_SUITE, demo_dsc
from .keys import DEFAULT_SEED

__all__ = ["DscWalkthrough", "WalkthroughStep", "dsc_walkthrough"]


@dataclass(frozen=True, slots=True)
class WalkthroughStep:
    """One user action and the display after it.

    ``action`` is ``"press"``, ``"enter-pin"`` or ``"enter-challenge"``;
    ``typed`` is what the user keys in (empty for ``"press"``).
    """

    action: str
    typed: str
    display: str


@dataclass(frozen=True, slots=True)
class DscWalkthrough:
    """A complete DSC+ login: the inputs, each display in order, and the final response."""

    seed: str
    suite: str
    pin: str
    challenge: str
    steps: tuple[WalkthroughStep, ...]
    response: str


def dsc_walkthrough(
    seed: str = DEFAULT_SEED, pin: str = DEMO_PIN, challenge: str = "123456"
) -> DscWalkthrough:
    """Run a demo DSC+ through press → PIN → challenge and record every display.

    The response is ``ocra(DSC_SUITE, demo_key(seed, "dsc"), question=challenge, pin=pin)``
    and is accepted by the card's login screen for that challenge.
    Raises VerificationError for a non-demo seed, a PIN that is not 4 digits or a
    challenge that is not 6 digits.
    """
    card = demo_dsc(seed, pin=pin)
    steps = [WalkthroughStep("press", "", card.press())]
    steps.append(WalkthroughStep("enter-pin", pin, card.enter_pin(pin)))
    steps.append(WalkthroughStep("enter-challenge", challenge, card.enter_challenge(challenge)))
    response = steps[-1].display
    card.issue_challenge(0.0, challenge)
    if not card.verify(response, at=0.0).accepted:  # pragma: no cover - internal consistency
        raise VerificationError("walkthrough response was not accepted")
    return DscWalkthrough(seed, DSC_SUITE, pin, challenge, tuple(steps), response)
