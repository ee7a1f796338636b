"""The one exception type raised by this package."""

from __future__ import annotations

__all__ = ["VerificationError"]


class VerificationError(ValueError):
    """Invalid input: bad key, algorithm, digits, suite, counter, question or oversize code.

    Raised for programmer errors and for input that must be refused before it is
    even looked at (e.g. a typed code over the length cap). Ordinary wrong codes
    never raise; they produce a rejected ``Verdict``.
    """
