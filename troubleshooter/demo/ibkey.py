"""Simulated IB Key (IBKR Mobile): OCRA challenge-response and TOTP codes."""

from __future__ import annotations

from ..verification import VerificationError, ocra, time_step, totp, verify_totp
from ..verification.inputs import check_key
from .keys import DEFAULT_SEED, demo_key
from .login import Challenge, ChallengeLogin
from .reasons import DemoVerdict

__all__ = ["IBKEY_SUITE", "IBKey", "demo_ibkey"]

IBKEY_SUITE = "OCRA-1:HOTP-SHA256-8:QN08"
"""8-digit numeric challenge, 8-digit response (challenge as long as the response)."""
_DRIFT_SCAN = 10
"""How many steps back a late code is explained as clock drift (practice only)."""


class IBKey:
    """IBKR Mobile's IB Key plus the login screen that knows it.

    App side: :meth:`respond` (challenge → response) and :meth:`code` (TOTP at a time).
    Login side: :meth:`issue_challenge`/:meth:`verify_response` and :meth:`verify`
    (TOTP with a ±``window`` step window, replay protection and, because this is a
    practice device, an explanation of a code from a slow clock).
    """

    suite = IBKEY_SUITE

    def __init__(self, key: bytes, *, window: int = 1, ttl: float = 300.0) -> None:
        self._key = check_key(key)
        if type(window) is not int or not 0 <= window <= 2:
            raise VerificationError(f"window must be 0, 1 or 2 steps, got {window!r}")
        self._window = window
        self._last_step: int | None = None
        self._login = ChallengeLogin(self.respond, challenge_digits=8, response_digits=8, ttl=ttl)

    def respond(self, challenge: str) -> str:
        """The app's response to ``challenge`` (8 digits)."""
        return ocra(IBKEY_SUITE, self._key, question=challenge)

    def code(self, at: float) -> str:
        """The app's 6-digit time-based code at ``at``."""
        return totp(self._key, at)

    @property
    def current_challenge(self) -> Challenge | None:
        """The login screen's newest challenge."""
        return self._login.current

    def issue_challenge(self, at: float, challenge: str | None = None) -> str:
        """The login screen shows a new 8-digit challenge (random unless given)."""
        return self._login.issue(at, challenge)

    def verify_response(self, response: str, *, at: float) -> DemoVerdict:
        """Explain a challenge response (see ChallengeLogin.verify)."""
        return self._login.verify(response, at=at)

    def verify(self, code: str, *, at: float) -> DemoVerdict:
        """Explain a time-based code; a step accepted once never accepts again."""
        verdict = verify_totp(
            self._key,
            code,
            at,
            window=self._window,
            last_step=self._last_step,
            drift_scan=_DRIFT_SCAN,
        )
        if verdict.accepted and verdict.offset is not None:
            self._last_step = time_step(at) + verdict.offset
        return verdict


def demo_ibkey(seed: str = DEFAULT_SEED, *, window: int = 1) -> IBKey:
    """An IB Key keyed with ``demo_key(seed, "ibkey")``."""
    return IBKey(demo_key(seed, "ibkey"), window=window)
