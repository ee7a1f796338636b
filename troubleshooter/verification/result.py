"""Explained verification results: a stable reason code plus its parameters."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Generic, TypeVar

from ._errors import VerificationError

__all__ = ["Reason", "Verdict", "accept", "reject"]

_EMPTY: Mapping[str, object] = MappingProxyType({})


class Reason(enum.Enum):
    """Why a typed one-time code was accepted or refused.

    The values are stable (used as catalog keys). Verifiers built on this library
    may refuse for reasons of their own: any other :class:`enum.Enum` member.
    """

    ACCEPTED = "accepted"
    WRONG_LENGTH = "wrong-length"
    LEADING_ZERO_DROPPED = "leading-zero-dropped"
    NOT_DIGITS = "not-digits"
    CLOCK_DRIFT = "clock-drift"
    REPLAYED = "replayed"
    WRONG_CODE = "wrong-code"


R = TypeVar("R", bound=enum.Enum, covariant=True)
E = TypeVar("E", bound=enum.Enum)


@dataclass(frozen=True, slots=True)
class Verdict(Generic[R]):
    """Outcome of one verification; true in a boolean context exactly when accepted.

    Invariant: ``accepted`` is true exactly when ``reason is Reason.ACCEPTED``.
    ``offset`` is the matched time-step offset (TOTP only; negative means the code
    came from an earlier step than the verifier's clock), else ``None``.
    ``params`` is a read-only mapping of reason-specific values.
    """

    accepted: bool
    reason: R
    offset: int | None = None
    params: Mapping[str, object] = field(default_factory=lambda: _EMPTY, hash=False)

    def __post_init__(self) -> None:
        if self.accepted is not (self.reason is Reason.ACCEPTED):
            raise VerificationError("accepted must be True exactly for Reason.ACCEPTED")
        if type(self.params) is not MappingProxyType:
            # Keep the frozen promise even when a caller passes a plain dict.
            object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __bool__(self) -> bool:
        # A dataclass is always truthy; ``if verify_totp(...):`` must not accept a refusal.
        return self.accepted


def accept(offset: int | None = None, /, **params: object) -> Verdict[Reason]:
    """An accepting verdict."""
    return Verdict(True, Reason.ACCEPTED, offset, MappingProxyType(params) if params else _EMPTY)


def reject(reason: E, offset: int | None = None, /, **params: object) -> Verdict[E]:
    """A refusing verdict for ``reason`` (anything but ``Reason.ACCEPTED``)."""
    return Verdict(False, reason, offset, MappingProxyType(params) if params else _EMPTY)
