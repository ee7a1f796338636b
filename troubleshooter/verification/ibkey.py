"""Simulated IB Key (IBKR Mobile): OCRA challenge-response and TOTP codes."""

from __future__ import annotations

from .challenge import Challenge, ChallengeLogin
from .demo import DEFAULT_SEED, demo_key
from .ocra import ocra
from .otp import totp
from .result import Verdict
from .totp_verifier import TotpVerifier

__all__ = ["IBKEY_SUITE", "IBKEY_TOTP", "IBKey", "demo_ibkey"]

IBKEY_SUITE = "OCRA-1:HOTP-SHA256-8:QN08"
"""8-digit numeric challenge, 8-digit response (challenge as long as the response)."""
IBKEY_TOTP = {"step": 30, "digits": 6, "algorithm": "sha1"}
"""TOTP parameters of the time-based code."""


class IBKey:
    """IBKR Mobile's IB Key plus the login screen that knows it.

    App side: :meth:`respond` (challenge → response) and :meth:`code` (TOTP at a time).
    Login side: :meth:`issue_challenge`/:meth:`verify_response` and :meth:`verify`
    (TOTP with a ±``window`` step window, drift diagnosis and replay protection).
    """

    suite = IBKEY_SUITE

    def __init__(self, key: bytes, *, window: int = 1, ttl: float = 300.0) -> None:
        self._key = key
        ocra(IBKEY_SUITE, key, question="0")  # validates the key once
        self._totp = TotpVerifier(key, window=window, step=30, digits=6, algorithm="sha1")
        self._login = ChallengeLogin(
            self.respond, secret=key, challenge_digits=8, response_digits=8, ttl=ttl
        )

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
        """The login screen shows a new 8-digit challenge (deterministic unless given)."""
        return self._login.issue(at, challenge)

    def verify_response(self, response: str, *, at: float) -> Verdict:
        """Explain a challenge response (see ChallengeLogin.verify)."""
        return self._login.verify(response, at=at)

    def verify(self, code: str, *, at: float) -> Verdict:
        """Explain a time-based code (see TotpVerifier.verify)."""
        return self._totp.verify(code, at=at)


def demo_ibkey(seed: str = DEFAULT_SEED, *, window: int = 1) -> IBKey:
    """An IB Key keyed with ``demo_key(seed, "ibkey")``."""
    return IBKey(demo_key(seed, "ibkey"), window=window)
