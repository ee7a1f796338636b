"""OCRA challenge-response codes (RFC 6287)."""

from __future__ import annotations

import functools
import hashlib
import math
import re
import struct
from dataclasses import dataclass

from ._errors import VerificationError
from .inputs import MAX_INPUT, check_key
from .otp import hmac_digest, truncate

__all__ = ["OcraSuite", "ocra", "ocra_timestamp", "parse_suite"]

_SUITE = re.compile(
    r"OCRA-1:HOTP-(SHA1|SHA256|SHA512)-([0-9]{1,2}):"
    r"(C-)?Q([ANH])([0-9]{2})(?:-PSHA(1|256|512))?(?:-S([0-9]{3}))?(?:-T([0-9]{1,2})([SMH]))?"
)
_STEP_SECONDS = {"S": 1, "M": 60, "H": 3600}
_STEP_LIMITS = {"S": 59, "M": 59, "H": 48}
_QUESTION_BYTES = 128
_MAX_SESSION = 512
_MAX_PIN = 64
_pack_q = struct.Struct(">Q").pack
_HEX = frozenset("0123456789abcdefABCDEF")


@dataclass(frozen=True, slots=True)
class OcraSuite:
    """A parsed RFC 6287 OCRA suite string.

    ``time_step`` is the suite's time step in seconds (T1M → 60) or ``None``.
    ``session_length`` is the Snnn byte count or ``None``.
    """

    text: str
    algorithm: str
    digits: int
    counter: bool
    question_format: str
    question_length: int
    pin_algorithm: str | None
    session_length: int | None
    time_step: int | None


@functools.lru_cache(maxsize=64)
def _parse(suite: str) -> OcraSuite:
    match = _SUITE.fullmatch(suite)
    if match is None:
        raise VerificationError(f"not a valid OCRA-1 suite: {suite!r}")
    alg, digits, counter, qfmt, qlen, pin, session, tnum, tunit = match.groups()
    if int(digits) == 0:
        raise VerificationError("OCRA truncation 0 (full HMAC) is not supported; use 4-10 digits")
    if not 4 <= int(digits) <= 10:
        raise VerificationError(f"OCRA digits must be 4-10, got {digits}")
    if not 4 <= int(qlen) <= 64:
        raise VerificationError(f"OCRA question length must be 04-64, got {qlen}")
    if session is not None and not 1 <= int(session) <= _MAX_SESSION:
        raise VerificationError(f"OCRA session length must be 001-512, got {session}")
    step: int | None = None
    if tunit is not None:
        if not 1 <= int(tnum) <= _STEP_LIMITS[tunit]:
            raise VerificationError(f"OCRA time step T{tnum}{tunit} out of range")
        step = int(tnum) * _STEP_SECONDS[tunit]
    return OcraSuite(
        text=suite,
        algorithm=alg.lower(),
        digits=int(digits),
        counter=counter is not None,
        question_format=qfmt,
        question_length=int(qlen),
        pin_algorithm=None if pin is None else f"sha{pin}",
        session_length=None if session is None else int(session),
        time_step=step,
    )


def parse_suite(suite: str) -> OcraSuite:
    """Parse an OCRA suite such as ``OCRA-1:HOTP-SHA256-8:QN06-PSHA1``.

    Raises VerificationError for anything RFC 6287 does not allow, and for
    truncation ``0`` (full HMAC output), which this library deliberately rejects.
    """
    if not isinstance(suite, str):
        raise VerificationError(f"suite must be str, got {type(suite).__name__}")
    if len(suite) > MAX_INPUT:
        raise VerificationError(f"suite longer than {MAX_INPUT} characters")
    return _parse(suite)


def _question_bytes(suite: OcraSuite, question: object) -> bytes:
    if not isinstance(question, str):
        raise VerificationError(f"question must be str, got {type(question).__name__}")
    # Twice the suite length: mutual mode concatenates client and server challenges.
    limit = 2 * suite.question_length
    if not 1 <= len(question) <= limit:
        raise VerificationError(f"question must be 1-{limit} characters, got {len(question)}")
    if suite.question_format == "N":
        if not (question.isascii() and question.isdigit()):
            raise VerificationError("numeric (QN) question must be ASCII digits")
        hexed = format(int(question), "x")
    elif suite.question_format == "A":
        if not (question.isascii() and question.isprintable()):
            raise VerificationError("alphanumeric (QA) question must be printable ASCII")
        hexed = question.encode("ascii").hex()
    else:
        if not _HEX.issuperset(question):
            raise VerificationError("hex (QH) question must be hex digits")
        hexed = question
    # At most 2 x 64 characters: QA gives 128 bytes at most, QN and QH fewer.
    # RFC 6287 reference code right-pads the hex string, so an odd length shifts a nibble.
    return bytes.fromhex(hexed.ljust(2 * _QUESTION_BYTES, "0"))


def ocra(
    suite: str,
    key: bytes,
    *,
    question: str,
    counter: int | None = None,
    pin: str | None = None,
    session: bytes | None = None,
    timestamp: int | None = None,
) -> str:
    """Return the RFC 6287 OCRA response for ``suite``.

    ``question`` is the challenge text (QN: decimal digits, QA: printable ASCII,
    QH: hex digits; up to twice the suite's length so mutual-mode concatenations
    fit). ``counter`` (C), ``pin`` (P: the PIN text, hashed here with the suite's
    hash), ``session`` (Snnn: bytes, left-padded with zeros to nnn like the RFC
    reference code) and ``timestamp`` (T: count of the suite's time steps since
    the epoch) must be given exactly when the suite names them.
    Raises VerificationError for any invalid or missing/superfluous argument.
    """
    parsed = parse_suite(suite)
    key = check_key(key)
    parts = [parsed.text.encode("ascii"), b"\x00"]
    if parsed.counter:
        if type(counter) is not int or not 0 <= counter < 1 << 64:
            raise VerificationError("suite needs a counter: an int in [0, 2**64)")
        parts.append(_pack_q(counter))
    elif counter is not None:
        raise VerificationError("suite takes no counter")
    parts.append(_question_bytes(parsed, question))
    if parsed.pin_algorithm is not None:
        if not isinstance(pin, str) or not 1 <= len(pin) <= _MAX_PIN:
            raise VerificationError(f"suite needs a PIN: a str of 1-{_MAX_PIN} characters")
        parts.append(hashlib.new(parsed.pin_algorithm, pin.encode("utf-8")).digest())
    elif pin is not None:
        raise VerificationError("suite takes no PIN")
    if parsed.session_length is not None:
        if not isinstance(session, bytes | bytearray) or len(session) > parsed.session_length:
            raise VerificationError(
                f"suite needs session bytes of at most {parsed.session_length} bytes"
            )
        parts.append(bytes(session).rjust(parsed.session_length, b"\x00"))
    elif session is not None:
        raise VerificationError("suite takes no session information")
    if parsed.time_step is not None:
        if type(timestamp) is not int or not 0 <= timestamp < 1 << 64:
            raise VerificationError("suite needs a timestamp: an int count of time steps")
        parts.append(_pack_q(timestamp))
    elif timestamp is not None:
        raise VerificationError("suite takes no timestamp")
    mac = hmac_digest(key, b"".join(parts), parsed.algorithm)
    return truncate(mac, parsed.digits)


def ocra_timestamp(suite: str, at: float) -> int:
    """The T value for ``suite`` at ``at``: whole time steps since the epoch (T1M → minutes).

    Raises VerificationError if the suite has no T field or ``at`` is not a
    finite, non-negative number.
    """
    step = parse_suite(suite).time_step
    if step is None:
        raise VerificationError("suite has no timestamp (T) field")
    kind = type(at)
    if (kind is not float and kind is not int) or not math.isfinite(at) or at < 0:
        raise VerificationError(f"at must be a finite, non-negative number, got {at!r}")
    return int(at // step)
