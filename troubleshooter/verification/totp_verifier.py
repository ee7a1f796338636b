"""TOTP verification with an acceptance window, drift diagnosis and replay protection."""

from __future__ import annotations

import hmac

from ._errors import VerificationError
from ._input import check_key, format_verdict, normalise
from .otp import check_algorithm, check_digits, hotp_unchecked, time_step
from .result import Reason, Verdict, accept, reject

__all__ = ["TotpVerifier", "verify_totp"]

_MAX_WINDOW = 10
_MAX_SCAN = 100
_MAX_COUNTER = 1 << 64


def _offsets(limit: int, skip: int = -1) -> list[int]:
    """0, -1, +1, -2, +2 ... up to ``limit``, leaving out ``|offset| <= skip``."""
    out = [] if skip >= 0 else [0]
    for n in range(max(skip, 0) + 1, limit + 1):
        out += [-n, n]
    return out


# Accepting verdicts are immutable, so one instance per offset is shared.
_ACCEPTED = {off: accept(off) for off in range(-_MAX_WINDOW, _MAX_WINDOW + 1)}
_WINDOWS = [tuple(_offsets(w)) for w in range(_MAX_WINDOW + 1)]


def _check_window(window: object, drift_scan: object) -> tuple[int, int]:
    if type(window) is not int or not 0 <= window <= _MAX_WINDOW:
        raise VerificationError(f"window must be an int in 0-{_MAX_WINDOW}, got {window!r}")
    if type(drift_scan) is not int or not window <= drift_scan <= _MAX_SCAN:
        raise VerificationError(f"drift_scan must be an int in window-{_MAX_SCAN}")
    return window, drift_scan


def _verify(
    key: bytes,
    typed: str,
    counter: int,
    digits: int,
    algorithm: str,
    step: int,
    window: int,
    drift_scan: int,
    last_used: int | None,
) -> tuple[Verdict, int | None]:
    """Core check on validated arguments; returns the verdict and the matched counter."""
    in_window: list[str] = []
    matched: int | None = None
    shape_ok = len(typed) == digits and typed.isascii() and typed.isdigit()
    for off in _WINDOWS[window]:
        c = counter + off
        if 0 <= c < _MAX_COUNTER:
            expected = hotp_unchecked(key, c, digits, algorithm)
            in_window.append(expected)
            # No early exit: every code in the window is always compared.
            if shape_ok and hmac.compare_digest(typed, expected) and matched is None:
                matched = off
    if matched is not None:
        if last_used is not None and counter + matched <= last_used:
            return reject(Reason.REPLAYED, matched, offset=matched), None
        return _ACCEPTED[matched], counter + matched
    shaped = format_verdict(typed, digits, in_window)
    if shaped is not None:
        return shaped, None
    for off in _offsets(drift_scan, skip=window):
        c = counter + off
        if 0 <= c < _MAX_COUNTER and hmac.compare_digest(
            typed, hotp_unchecked(key, c, digits, algorithm)
        ):
            return reject(Reason.CLOCK_DRIFT, off, offset=off, window=window, step=step), None
    return reject(Reason.WRONG_CODE), None


def verify_totp(
    key: bytes,
    code: str,
    at: float,
    *,
    window: int = 1,
    step: int = 30,
    digits: int = 6,
    algorithm: str = "sha1",
    t0: int = 0,
    drift_scan: int = 10,
) -> Verdict:
    """Check a typed TOTP ``code`` at time ``at`` without replay memory (stateless).

    Accepts a code from up to ``window`` steps either side (``Verdict.offset`` is the
    matched step offset, negative = the code's clock is behind). A code matching
    outside the window but within ``drift_scan`` steps is rejected as CLOCK_DRIFT.
    Raises VerificationError only for invalid arguments or a code over 64 characters.
    """
    key = check_key(key)
    digits = check_digits(digits)
    algorithm = check_algorithm(algorithm)
    counter = time_step(at, step=step, t0=t0)
    window, drift_scan = _check_window(window, drift_scan)
    typed = normalise(code)
    return _verify(key, typed, counter, digits, algorithm, step, window, drift_scan, None)[0]


class TotpVerifier:
    """A stateful TOTP checker: like :func:`verify_totp`, but a time step never accepts twice.

    After a code for step *s* is accepted, any code matching step *s* or earlier
    is rejected as REPLAYED (RFC 6238 section 5.2).
    """

    __slots__ = ("_algorithm", "_digits", "_drift_scan", "_key", "_last", "_step", "_t0", "_window")

    def __init__(
        self,
        key: bytes,
        *,
        window: int = 1,
        step: int = 30,
        digits: int = 6,
        algorithm: str = "sha1",
        t0: int = 0,
        drift_scan: int = 10,
    ) -> None:
        self._key = check_key(key)
        self._digits = check_digits(digits)
        self._algorithm = check_algorithm(algorithm)
        time_step(t0, step=step, t0=t0)  # validates step and t0
        self._step = step
        self._t0 = t0
        self._window, self._drift_scan = _check_window(window, drift_scan)
        self._last: int | None = None

    @property
    def digits(self) -> int:
        """Code length."""
        return self._digits

    def code(self, at: float) -> str:
        """The code a correctly synchronised device shows at ``at``."""
        counter = time_step(at, step=self._step, t0=self._t0)
        return hotp_unchecked(self._key, counter, self._digits, self._algorithm)

    def verify(self, code: str, *, at: float) -> Verdict:
        """Check ``code`` at ``at``; on acceptance remember the step so it cannot be replayed."""
        counter = time_step(at, step=self._step, t0=self._t0)
        typed = normalise(code)
        verdict, used = _verify(
            self._key,
            typed,
            counter,
            self._digits,
            self._algorithm,
            self._step,
            self._window,
            self._drift_scan,
            self._last,
        )
        if used is not None:
            self._last = used
        return verdict
