"""Simulated temporary code: a one-off numeric code that expires after a fixed lifetime."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from ._errors import VerificationError
from ._input import check_key, format_verdict, is_digits, normalise
from .challenge import check_time
from .demo import DEFAULT_SEED, demo_key
from .otp import check_digits, hotp_unchecked
from .result import Reason, Verdict, accept, reject

__all__ = ["IssuedCode", "TemporaryCode", "demo_temporary_code"]


@dataclass(frozen=True, slots=True)
class IssuedCode:
    """A temporary code and its validity interval (seconds since the epoch)."""

    code: str
    issued_at: float
    expires_at: float


class TemporaryCode:
    """Issues temporary codes and explains typed ones.

    Issuing a new code supersedes the previous one. With ``single_use`` a code
    accepts once (then REPLAYED); otherwise it accepts until it expires.
    """

    def __init__(
        self,
        key: bytes,
        *,
        digits: int = 8,
        lifetime: float = 2 * 86400.0,
        single_use: bool = False,
        memory: int = 5,
    ) -> None:
        self._key = check_key(key)
        self._digits = check_digits(digits)
        if not isinstance(lifetime, int | float) or not 0 < lifetime < float("inf"):
            raise VerificationError("lifetime must be a positive finite number of seconds")
        self._lifetime = float(lifetime)
        if type(memory) is not int or not 1 <= memory <= 100:
            raise VerificationError("memory must be an int in 1-100")
        self._single_use = single_use
        self._memory = memory
        self._issued: list[IssuedCode] = []
        self._used = False

    @property
    def current(self) -> IssuedCode | None:
        """The newest issued code, or ``None``."""
        return self._issued[-1] if self._issued else None

    def issue(self, at: float) -> IssuedCode:
        """Issue a new code at ``at``, valid for ``lifetime`` seconds."""
        at = check_time(at)
        code = hotp_unchecked(self._key, len(self._issued), self._digits, "sha256")
        issued = IssuedCode(code, at, at + self._lifetime)
        self._issued = [*self._issued, issued][-self._memory :]
        self._used = False
        return issued

    def verify(self, code: str, *, at: float) -> Verdict:
        """Explain ``code`` typed at ``at``.

        Reasons: NOT_DIGITS; ACCEPTED; REPLAYED (single-use only); EXPIRED (params
        ``expired_at``, ``late_by``, ``superseded``: true when a newer code replaced
        it); LEADING_ZERO_DROPPED; WRONG_LENGTH; WRONG_CODE.
        """
        typed = normalise(code)
        at = check_time(at)
        if not self._issued:
            raise VerificationError("no temporary code issued yet")
        if typed and not is_digits(typed):
            return reject(Reason.NOT_DIGITS, expected=self._digits)
        current = self._issued[-1]
        shape_ok = len(typed) == self._digits
        late = at > current.expires_at
        if shape_ok and hmac.compare_digest(typed, current.code):
            if self._used and self._single_use:
                return reject(Reason.REPLAYED)
            if not late:
                self._used = True
                return accept()
        if late:
            return reject(
                Reason.EXPIRED,
                expired_at=current.expires_at,
                late_by=at - current.expires_at,
                superseded=False,
            )
        for older, newer in zip(self._issued[-2::-1], self._issued[::-1], strict=False):
            if shape_ok and hmac.compare_digest(typed, older.code):
                end = min(older.expires_at, newer.issued_at)
                return reject(Reason.EXPIRED, expired_at=end, late_by=at - end, superseded=True)
        shaped = format_verdict(typed, self._digits, [current.code])
        return shaped if shaped is not None else reject(Reason.WRONG_CODE)


def demo_temporary_code(
    seed: str = DEFAULT_SEED, *, lifetime: float = 2 * 86400.0, single_use: bool = False
) -> TemporaryCode:
    """A TemporaryCode keyed with ``demo_key(seed, "temporary-code")``."""
    return TemporaryCode(demo_key(seed, "temporary-code"), lifetime=lifetime, single_use=single_use)
