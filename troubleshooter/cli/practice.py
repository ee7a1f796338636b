"""Practice logins in the terminal with the demo devices of the verification library.

A simulated login screen shows a challenge, a simulated device shows its display,
the person types what they would type, and gets the verdict explained. Only demo
devices are used: nothing here asks for a real PIN, password or code.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from gettext import NullTranslations

from ..demo import DEMO_PIN as PIN
from ..demo import (
    DISPLAY_CHALLENGE,
    DemoVerdict,
    DeviceReason,
    DigitalSecurityCard,
    IBKey,
    SecurityCodeCard,
    demo_code_card,
    demo_dsc,
    demo_ibkey,
)
from ..hints import DEMO_PIN, N_, NEW_CODE, hint
from ..verification import MAX_INPUT, Reason, VerificationError

DEVICES = ("dsc", "ibkey", "card")
# A refusal after which the same challenge cannot succeed: the login starts again.
RESTART = frozenset({Reason.REPLAYED, DeviceReason.EXPIRED, DeviceReason.STALE_CHALLENGE})
TOO_LONG = N_("That is longer than any code (at most %(max)s characters). Type it again.")


@dataclass(frozen=True)
class Console:
    """How a practice session talks to the person (click in the CLI, fakes in tests)."""

    say: Callable[[str], None]
    ask: Callable[[str], str]
    translations: NullTranslations
    clock: Callable[[], float] = time.time

    def t(self, text: str, **params: object) -> str:
        translated = self.translations.gettext(text)
        return translated % params if params else translated

    def read(self, prompt: str) -> str:
        """What the person types at ``prompt``; anything longer than a code is asked again."""
        while len(typed := self.ask(self.t(prompt))) > MAX_INPUT:
            self.say(self.t(TOO_LONG, max=MAX_INPUT))
        return typed


def _verdict(io: Console, verdict: DemoVerdict, device: str) -> bool:
    mark = "✔" if verdict.accepted else "✘"
    io.say(f"{mark} {hint(verdict, io.translations)}")
    if verdict.reason is DeviceReason.WRONG_PIN:
        io.say(io.t(DEMO_PIN, pin=PIN))
    if verdict.reason in RESTART:
        io.say(io.t(NEW_CODE[device]))
    return verdict.accepted


def _until_accepted(
    io: Console, device: str, prompt: str, verify: Callable[[str], DemoVerdict]
) -> bool:
    """Ask for the code until it is accepted or the login must start again."""
    while True:
        verdict = verify(io.read(prompt))
        if _verdict(io, verdict, device) or verdict.reason in RESTART:
            return verdict.accepted


def practise_dsc(io: Console, card: DigitalSecurityCard | None = None) -> bool:
    card = card or demo_dsc()
    challenge = card.issue_challenge(io.clock())
    io.say(
        io.t(
            N_("Login screen: username and password accepted. Challenge code: %(code)s"),
            code=challenge,
        )
    )
    io.say(
        io.t(N_("Demo card: you hold “press”; the display shows %(display)s"), display=card.press())
    )
    io.say(io.t(N_("The demo card's PIN is %(pin)s. Never type your real PIN here."), pin=PIN))
    while card.enter_pin(pin := io.read(N_("Type the PIN on the card"))) != DISPLAY_CHALLENGE:
        _verdict(io, card.check_pin(pin), "dsc")
        card.press()
    io.say(io.t(N_("The card shows %(display)s"), display=DISPLAY_CHALLENGE))
    while True:
        typed = io.read(N_("Type the challenge code on the card"))
        try:
            response = card.enter_challenge(typed)
            break
        except VerificationError:
            io.say(
                io.t(
                    N_("The card takes the %(digits)s-digit challenge code from the login screen."),
                    digits=len(challenge),
                )
            )
    io.say(io.t(N_("The card shows the response code %(code)s"), code=response))
    prompt = N_("Type the response code on the login screen")
    return _until_accepted(io, "dsc", prompt, lambda typed: card.verify(typed, at=io.clock()))


def practise_ibkey(io: Console, app: IBKey | None = None) -> bool:
    app = app or demo_ibkey()
    challenge = app.issue_challenge(io.clock())
    io.say(
        io.t(
            N_("Login screen: username and password accepted. Challenge code: %(code)s"),
            code=challenge,
        )
    )
    typed = io.read(N_("Type the challenge code into IB Key in the demo app"))
    if typed.strip() != challenge:
        io.say(io.t(N_("IB Key needs the challenge code exactly as the login screen shows it.")))
        typed = challenge
    io.say(io.t(N_("IB Key shows the response code %(code)s"), code=app.respond(typed)))
    prompt = N_("Type the response code on the login screen")
    return _until_accepted(
        io, "ibkey", prompt, lambda answer: app.verify_response(answer, at=io.clock())
    )


def practise_card(io: Console, card: SecurityCodeCard | None = None) -> bool:
    card = card or demo_code_card()
    io.say(io.t(N_("Your demo Security Code Card:")))
    io.say(card.render())
    positions = card.issue_challenge(io.clock())
    io.say(
        io.t(
            N_("Login screen: type the codes at %(positions)s, in this order."),
            positions=" ".join(positions),
        )
    )
    prompt = N_("Codes, separated by spaces")
    return _until_accepted(io, "card", prompt, lambda answer: card.verify(answer, at=io.clock()))


def session(device: str) -> Callable[[Console], bool]:
    """Rounds of practice with one demo device, which remembers the codes it accepted."""
    if device == "dsc":
        card = demo_dsc()
        return lambda io: practise_dsc(io, card)
    if device == "ibkey":
        app = demo_ibkey()
        return lambda io: practise_ibkey(io, app)
    grid = demo_code_card()
    return lambda io: practise_card(io, grid)
