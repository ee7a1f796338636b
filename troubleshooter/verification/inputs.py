"""Guards for keys, times and typed codes: the checks every verifier here starts with.

Public so that a verifier built on this library (a simulated device, a login
screen) refuses bad input and explains a badly shaped code the same way.
"""

from __future__ import annotations

import hmac
import math
import unicodedata
from collections.abc import Iterable

from ._errors import VerificationError
from .result import Reason, Verdict, reject

__all__ = [
    "MAX_INPUT",
    "MAX_KEY",
    "MIN_KEY",
    "cap",
    "check_key",
    "check_time",
    "format_verdict",
    "is_digits",
    "normalise",
]

MAX_INPUT = 64
"""Longest typed text accepted, counted before any normalisation."""
MIN_KEY = 16
"""Shortest key in bytes (RFC 4226 section 4, R6: at least 128 bits)."""
MAX_KEY = 1024

_DROP = str.maketrans("", "", " -\t\r\n\u00a0")


def check_key(key: object) -> bytes:
    """Return a private ``bytes`` copy of ``key``; raise VerificationError unless 16–1024 bytes.

    A ``bytearray`` is copied, so a caller who later changes or wipes it does not
    change the key a device or verifier keeps.
    """
    if type(key) is bytes and MIN_KEY <= len(key) <= MAX_KEY:
        return key  # immutable: nothing to copy (the fast path of every code computed)
    if not isinstance(key, bytes | bytearray):
        raise VerificationError(f"key must be bytes, got {type(key).__name__}")
    if not MIN_KEY <= len(key) <= MAX_KEY:
        raise VerificationError(f"key must be {MIN_KEY}-{MAX_KEY} bytes, got {len(key)}")
    return bytes(key)


def check_time(at: object) -> float:
    """Return ``at`` as float or raise VerificationError if it is not a finite number."""
    if not isinstance(at, int | float) or isinstance(at, bool) or not math.isfinite(at):
        raise VerificationError(f"at must be a finite number of seconds, got {at!r}")
    return float(at)


def is_digits(text: str) -> bool:
    """True for a non-empty string of ASCII digits."""
    return text.isascii() and text.isdigit()


def cap(text: object, what: str = "code") -> str:
    """Return ``text`` if it is a str of at most MAX_INPUT characters, else raise."""
    if not isinstance(text, str):
        raise VerificationError(f"{what} must be str, got {type(text).__name__}")
    if len(text) > MAX_INPUT:
        raise VerificationError(f"{what} longer than {MAX_INPUT} characters ({len(text)})")
    return text


def normalise(text: object, what: str = "code") -> str:
    """Cap, then NFKC-normalise and drop spaces/hyphens from typed text.

    The length cap applies to the raw text, before NFKC (which can expand it).
    Full-width digits typed through an IME become ASCII digits.
    """
    text = cap(text, what)
    if text.isascii() and text.isdigit():
        return text
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).translate(_DROP)


def format_verdict(code: str, digits: int, expected: Iterable[str]) -> Verdict[Reason] | None:
    """Diagnose a code that matched nothing: leading zeros dropped, wrong length or not digits.

    ``expected`` are the codes it was compared against (only those: a code that is
    right for any other time or challenge stays undiagnosed). Returns ``None`` when
    the code has the right shape, so the caller decides between more specific reasons.
    """
    if code and not is_digits(code):
        return reject(Reason.NOT_DIGITS, expected=digits)
    if len(code) == digits:
        return None
    if 0 < len(code) < digits:
        padded = code.zfill(digits)
        hit = False
        for candidate in expected:
            hit |= hmac.compare_digest(padded, candidate)
        if hit:
            return reject(
                Reason.LEADING_ZERO_DROPPED,
                expected=digits,
                got=len(code),
                dropped=digits - len(code),
            )
    return reject(Reason.WRONG_LENGTH, expected=digits, got=len(code))
