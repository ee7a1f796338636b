"""Explained verification results: a stable reason code plus its parameters."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ._errors import VerificationError

__all__ = ["Reason", "Verdict"]

_EMPTY: Mapping[str, object] = MappingProxyType({})


class Reason(enum.Enum):
    """Stable reason codes; the values are part of the public API (used as catalog keys)."""

    ACCEPTED = "accepted"
    CHALLENGE_ECHOED = "challenge-echoed"
    WRONG_LENGTH = "wrong-length"
    LEADING_ZERO_DROPPED = "leading-zero-dropped"
    NOT_DIGITS = "not-digits"
    CLOCK_DRIFT = "clock-drift"
    STALE_CHALLENGE = "stale-challenge"
    EXPIRED = "expired"
    REPLAYED = "replayed"
    WRONG_PIN = "wrong-pin"
    TRANSPOSED_CELL = "transposed-cell"
    WRONG_CODE = "wrong-code"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Outcome of one verification.

    Invariant: ``accepted`` is true exactly when ``reason is Reason.ACCEPTED``.
    ``offset`` is the matched time-step offset (TOTP only; negative means the code
    came from an earlier step than the verifier's clock), else ``None``.
    ``params`` is a read-only mapping of reason-specific values.
    """

    accepted: bool
    reason: Reason
    offset: int | None = None
    params: Mapping[str, object] = field(default_factory=lambda: _EMPTY, hash=False)

    def __post_init__(self) -> None:
        if self.accepted != (self.reason is Reason.ACCEPTED):
            raise VerificationError("accepted must be true exactly for Reason.ACCEPTED")
        if type(self.params) is not MappingProxyType:
            # Keep the frozen promise even when a caller passes a plain dict.
            object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


def accept(offset: int | None = None, /, **params: object) -> Verdict:
    """An accepting verdict (internal helper)."""
    return Verdict(True, Reason.ACCEPTED, offset, MappingProxyType(params) if params else _EMPTY)


def reject(reason: Reason, offset: int | None = None, /, **params: object) -> Verdict:
    """A rejecting verdict (internal helper)."""
    return Verdict(False, reason, offset, MappingProxyType(params) if params else _EMPTY)
