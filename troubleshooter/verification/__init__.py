"""One-time codes, standard library only: HOTP (RFC 4226), TOTP (RFC 6238), OCRA (RFC 6287).

``verify_totp`` returns a :class:`Verdict`: true exactly when the code is accepted,
with a stable :class:`Reason` and its parameters for a refusal; putting a reason
into words is the caller's job. Every invalid argument raises
:class:`VerificationError`. :mod:`.inputs` holds the guards for writing further
verifiers on top (key copies, length caps, normalising typed codes).
"""

from __future__ import annotations

from ._errors import VerificationError
from .inputs import MAX_INPUT, MIN_KEY
from .ocra import OcraSuite, ocra, ocra_timestamp, parse_suite
from .otp import forget_keys, hotp, time_step, totp
from .result import Reason, Verdict
from .verify import verify_totp

__all__ = [
    "MAX_INPUT",
    "MIN_KEY",
    "OcraSuite",
    "Reason",
    "VerificationError",
    "Verdict",
    "forget_keys",
    "hotp",
    "ocra",
    "ocra_timestamp",
    "parse_suite",
    "time_step",
    "totp",
    "verify_totp",
]
