"""Simulated Digital Security Card+ (DSC+): PIN-locked OCRA challenge-response card."""

from __future__ import annotations

import enum
import hmac

from ..verification import Reason, VerificationError, ocra
from ..verification.inputs import check_key, is_digits, normalise
from ..verification.result import accept, reject
from .keys import DEFAULT_SEED, demo_key
from .login import Challenge, ChallengeLogin
from .reasons import DemoVerdict, DeviceReason

__all__ = [
    "DISPLAY_CHALLENGE",
    "DISPLAY_OFF",
    "DEMO_PIN",
    "DISPLAY_PIN",
    "DISPLAY_PIN_ERROR",
    "DSC_SUITE",
    "DigitalSecurityCard",
    "demo_dsc",
]

DSC_SUITE = "OCRA-1:HOTP-SHA256-8:QN06-PSHA1"
"""6-digit numeric challenge, 8-digit response, PIN hashed with SHA-1.

RFC 6287 advises a challenge at least as long as the response; the 6-digit
challenge with an 8-digit response is a simplification matching the card's UX.
"""
DISPLAY_OFF = ""
DEMO_PIN = "1234"  # the demo card's PIN, shown to everyone who practises
DISPLAY_PIN = "PIN>"
DISPLAY_CHALLENGE = "CHALLNG>"
DISPLAY_PIN_ERROR = "PIN ERR"
PIN_DIGITS = 4
CHALLENGE_DIGITS = 6
RESPONSE_DIGITS = 8


class _State(enum.Enum):
    OFF = "off"
    PIN = "pin"
    CHALLENGE = "challenge"


class DigitalSecurityCard:
    """A DSC+ card plus the login screen that knows it (both halves of the simulation).

    Card: :meth:`press` shows ``"PIN>"``; :meth:`enter_pin` shows ``"CHALLNG>"`` for
    the right PIN or ``"PIN ERR"``; :meth:`enter_challenge` shows the 8-digit
    response ``ocra(DSC_SUITE, key, question=challenge, pin=pin)``.
    Login screen: :meth:`issue_challenge` and :meth:`verify`.

    Uses ``DSC_SUITE``: a 6-digit challenge with an 8-digit response simplifies
    RFC 6287, which recommends a challenge at least as long as the response.
    """

    suite = DSC_SUITE

    def __init__(self, key: bytes, pin: str, *, ttl: float = 300.0, memory: int = 5) -> None:
        if not (is_digits(pin) and len(pin) == PIN_DIGITS):
            raise VerificationError(f"PIN must be {PIN_DIGITS} ASCII digits")
        self._key = check_key(key)
        self._pin = pin
        self._state = _State.OFF
        self._display = DISPLAY_OFF
        self._login = ChallengeLogin(
            self.respond,
            challenge_digits=CHALLENGE_DIGITS,
            response_digits=RESPONSE_DIGITS,
            ttl=ttl,
            memory=memory,
        )

    @property
    def display(self) -> str:
        """What the card's screen shows now."""
        return self._display

    def press(self) -> str:
        """Power on (or restart): ask for the PIN."""
        self._state = _State.PIN
        self._display = DISPLAY_PIN
        return self._display

    def check_pin(self, pin: str) -> DemoVerdict:
        """Explain ``pin`` without changing state.

        Reasons: ACCEPTED, NOT_DIGITS, WRONG_LENGTH (expected/got) or WRONG_PIN.
        """
        typed = normalise(pin, "PIN")
        if typed and not is_digits(typed):
            return reject(Reason.NOT_DIGITS, expected=PIN_DIGITS)
        if len(typed) != PIN_DIGITS:
            return reject(Reason.WRONG_LENGTH, expected=PIN_DIGITS, got=len(typed))
        if not hmac.compare_digest(typed, self._pin):
            return reject(DeviceReason.WRONG_PIN)
        return accept()

    def enter_pin(self, pin: str) -> str:
        """Type the PIN at the ``"PIN>"`` prompt; returns the new display."""
        if self._state is not _State.PIN:
            raise VerificationError("enter_pin needs the PIN> prompt; call press() first")
        if self.check_pin(pin).accepted:
            self._state = _State.CHALLENGE
            self._display = DISPLAY_CHALLENGE
        else:
            self._state = _State.OFF
            self._display = DISPLAY_PIN_ERROR
        return self._display

    def enter_challenge(self, challenge: str) -> str:
        """Type the 6-digit challenge at ``"CHALLNG>"``; the display shows the response."""
        if self._state is not _State.CHALLENGE:
            raise VerificationError("enter_challenge needs the CHALLNG> prompt; enter the PIN")
        typed = normalise(challenge, "challenge")
        if not (is_digits(typed) and len(typed) == CHALLENGE_DIGITS):
            raise VerificationError(f"challenge must be {CHALLENGE_DIGITS} digits")
        self._state = _State.OFF
        self._display = self.respond(typed)
        return self._display

    def respond(self, challenge: str) -> str:
        """The response the card computes for ``challenge`` with its own PIN."""
        return ocra(DSC_SUITE, self._key, question=challenge, pin=self._pin)

    @property
    def current_challenge(self) -> Challenge | None:
        """The login screen's newest challenge."""
        return self._login.current

    def issue_challenge(self, at: float, challenge: str | None = None) -> str:
        """The login screen shows a new 6-digit challenge (random unless given)."""
        return self._login.issue(at, challenge)

    def verify(self, response: str, *, at: float) -> DemoVerdict:
        """The login screen explains ``response`` typed at ``at`` (see ChallengeLogin.verify)."""
        return self._login.verify(response, at=at)


def demo_dsc(
    seed: str = DEFAULT_SEED, *, pin: str = DEMO_PIN, ttl: float = 300.0
) -> DigitalSecurityCard:
    """A DSC+ keyed with ``demo_key(seed, "dsc")`` and the demo PIN."""
    return DigitalSecurityCard(demo_key(seed, "dsc"), pin, ttl=ttl)
