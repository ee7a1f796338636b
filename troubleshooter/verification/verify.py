"""TOTP verification: an acceptance window, optional replay memory and drift diagnosis."""

from __future__ import annotations

import hmac

from ._errors import VerificationError
from .inputs import check_key, format_verdict, normalise
from .otp import check_algorithm, check_digits, hotp_unchecked, time_step
from .result import Reason, Verdict, accept, reject

__all__ = ["verify_totp"]

_MAX_WINDOW = 10
_MAX_SCAN = 100
_MAX_COUNTER = 1 << 64

# Accepting verdicts are immutable, so one instance per offset is shared.
_ACCEPTED = {off: accept(off) for off in range(-_MAX_WINDOW, _MAX_WINDOW + 1)}
# Offsets of each window, nearest first: 0, -1, +1, -2, +2 ...
_WINDOWS = [(0, *(o for n in range(1, w + 1) for o in (-n, n))) for w in range(_MAX_WINDOW + 1)]


def _check_int(name: str, value: object, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise VerificationError(f"{name} must be an int in {low}-{high}, got {value!r}")
    return value


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
    last_step: int | None = None,
    drift_scan: int = 0,
) -> Verdict[Reason]:
    """Check a typed TOTP ``code`` at time ``at``.

    Accepts the code of any step up to ``window`` steps either side of ``at`` and
    nothing else; ``Verdict.offset`` is the matched offset (negative: the code's
    clock is behind). A refused code is explained only from the codes in the
    window (NOT_DIGITS, LEADING_ZERO_DROPPED, WRONG_LENGTH, else WRONG_CODE), so
    the answer says nothing about other steps.

    ``last_step``: the step (``time_step(at) + offset``) of the last code accepted
    for this key; a code of that step or an earlier one is REPLAYED (RFC 6238 5.2).
    ``drift_scan`` (opt-in, for practice): look up to that many steps into the
    past for a code that is merely late and refuse it as CLOCK_DRIFT. Future
    steps are never looked at: reporting one would confirm a guess that the
    window accepts later.
    Raises VerificationError only for invalid arguments or a code over 64 characters.
    """
    key = check_key(key)
    digits = check_digits(digits)
    algorithm = check_algorithm(algorithm)
    counter = time_step(at, step=step, t0=t0)
    window = _check_int("window", window, 0, _MAX_WINDOW)
    drift_scan = _check_int("drift_scan", drift_scan, 0, _MAX_SCAN)
    if last_step is not None:
        _check_int("last_step", last_step, 0, _MAX_COUNTER - 1)
    typed = normalise(code)
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
        if last_step is not None and counter + matched <= last_step:
            return reject(Reason.REPLAYED, matched)
        return _ACCEPTED[matched]
    shaped = format_verdict(typed, digits, in_window)
    if shaped is not None:
        return shaped
    for off in range(-window - 1, -drift_scan - 1, -1):
        c = counter + off
        if c >= 0 and hmac.compare_digest(typed, hotp_unchecked(key, c, digits, algorithm)):
            return reject(Reason.CLOCK_DRIFT, off, offset=off, window=window, step=step)
    return reject(Reason.WRONG_CODE)
