"""The login-screen half of challenge-response: issue challenges, explain responses."""

from __future__ import annotations

import hmac
import math
import secrets
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from ..verification import Reason, VerificationError
from ..verification.inputs import check_time, format_verdict, is_digits, normalise
from ..verification.result import accept, reject
from .reasons import DemoVerdict, DeviceReason

__all__ = ["Challenge", "ChallengeLogin"]


@dataclass(frozen=True, slots=True)
class Challenge:
    """An issued challenge and its validity interval (seconds since the epoch)."""

    text: str
    issued_at: float
    expires_at: float


@dataclass(slots=True)
class _Entry:
    challenge: Challenge
    expected: str
    answered: bool = False


class ChallengeLogin:
    """Issues numeric challenges and verifies responses computed by ``responder``.

    Challenges are drawn with :mod:`secrets`, so two logins (even for the same
    key) do not accept each other's responses. Remembers the last ``memory``
    challenges so a response to an older one is reported as STALE_CHALLENGE; a
    challenge expires ``ttl`` seconds after issue and accepts at most one response.
    """

    def __init__(
        self,
        responder: Callable[[str], str],
        *,
        challenge_digits: int,
        response_digits: int,
        ttl: float = 300.0,
        memory: int = 5,
    ) -> None:
        if not 4 <= challenge_digits <= 16 or not 4 <= response_digits <= 10:
            raise VerificationError("challenge digits must be 4-16 and response digits 4-10")
        if not (isinstance(ttl, int | float) and 0 < ttl < math.inf) or not 1 <= memory <= 100:
            raise VerificationError("ttl must be positive and finite, memory 1-100")
        self._responder = responder
        self._challenge_digits = challenge_digits
        self._digits = response_digits
        self._ttl = float(ttl)
        self._entries: deque[_Entry] = deque(maxlen=memory)

    @property
    def current(self) -> Challenge | None:
        """The newest challenge, or ``None`` before the first :meth:`issue`."""
        return self._entries[-1].challenge if self._entries else None

    def issue(self, at: float, challenge: str | None = None) -> str:
        """Show a new challenge at ``at``: ``challenge`` if given, else a random one."""
        at = check_time(at)
        if challenge is None:
            number = secrets.randbelow(10**self._challenge_digits)
            challenge = str(number).zfill(self._challenge_digits)
        elif not (is_digits(challenge) and len(challenge) == self._challenge_digits):
            raise VerificationError(f"challenge must be {self._challenge_digits} ASCII digits")
        entry = _Entry(Challenge(challenge, at, at + self._ttl), self._responder(challenge))
        self._entries.append(entry)
        return challenge

    def verify(self, response: str, *, at: float) -> DemoVerdict:
        """Explain ``response`` typed at ``at`` for the newest challenge.

        Order: NOT_DIGITS; a correct response → REPLAYED if already used, EXPIRED if
        late, else ACCEPTED; otherwise EXPIRED (the challenge is past its time anyway),
        STALE_CHALLENGE, CHALLENGE_ECHOED, LEADING_ZERO_DROPPED, WRONG_LENGTH,
        WRONG_CODE. Raises VerificationError if no challenge was issued, for a
        non-str response, or one over 64 characters.
        """
        typed = normalise(response, "response")
        at = check_time(at)
        if not self._entries:
            raise VerificationError("no challenge issued yet")
        if typed and not is_digits(typed):
            return reject(Reason.NOT_DIGITS, expected=self._digits)
        current = self._entries[-1]
        shape_ok = len(typed) == self._digits
        late = at > current.challenge.expires_at
        if shape_ok and hmac.compare_digest(typed, current.expected):
            if current.answered:
                return reject(Reason.REPLAYED)
            if not late:
                current.answered = True
                return accept()
        if late:
            expires_at = current.challenge.expires_at
            return reject(DeviceReason.EXPIRED, expired_at=expires_at, late_by=at - expires_at)
        older = list(self._entries)[-2::-1]
        for ago, entry in enumerate(older, start=1):
            if shape_ok and hmac.compare_digest(typed, entry.expected):
                return reject(DeviceReason.STALE_CHALLENGE, challenges_ago=ago)
        if hmac.compare_digest(typed, current.challenge.text):
            return reject(DeviceReason.CHALLENGE_ECHOED, expected=self._digits)
        shaped = format_verdict(typed, self._digits, [current.expected])
        return shaped if shaped is not None else reject(Reason.WRONG_CODE)
