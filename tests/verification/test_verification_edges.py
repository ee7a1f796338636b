"""Boundaries of every argument, found by `make mutation`: the last value allowed and the
first refused, step/t0 arithmetic, the first and last time steps, hex questions."""

from __future__ import annotations

import hashlib
import hmac
import math

import pytest

from troubleshooter.verification import (
    Reason,
    VerificationError,
    hotp,
    ocra,
    ocra_timestamp,
    parse_suite,
    time_step,
    totp,
    verify_totp,
)
from troubleshooter.verification.inputs import check_time

KEY = b"12345678901234567890"
LAST = (1 << 64) - 1


def test_key_length_limits() -> None:
    for key in (b"k" * 16, b"k" * 1024, bytearray(16), bytearray(1024)):
        assert len(hotp(key, 0)) == 6
    for key in (b"k" * 1025, bytearray(1025), bytearray(15)):
        with pytest.raises(VerificationError, match="^key must be 16-1024 bytes, got (1025|15)$"):
            hotp(key, 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        pytest.param(lambda: hotp("k" * 16, 0), "^key must be bytes, got str$", id="key"),  # type: ignore[arg-type]
        pytest.param(lambda: hotp(KEY, 1.0), "^counter must be int, got float$", id="counter"),  # type: ignore[arg-type]
        pytest.param(lambda: totp(KEY, 0, t0=0.5), "^t0 must be int, got float$", id="t0"),  # type: ignore[arg-type]
        pytest.param(lambda: verify_totp(KEY, 1, 0), "^code must be str, got int$", id="code"),  # type: ignore[arg-type]
        pytest.param(lambda: parse_suite(1), "^suite must be str, got int$", id="suite"),  # type: ignore[arg-type]
        pytest.param(
            lambda: ocra("OCRA-1:HOTP-SHA1-6:QN08", KEY, question=1),  # type: ignore[arg-type]
            "^question must be str, got int$",
            id="question",
        ),
    ],
)
def test_type_errors_name_the_argument_and_the_type(call: object, message: str) -> None:
    with pytest.raises(VerificationError, match=message):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"window": 11}, "^window must be an int in 0-10, got 11$"),
        ({"drift_scan": 101}, "^drift_scan must be an int in 0-100, got 101$"),
        ({"last_step": 1 << 64}, f"^last_step must be an int in 0-{LAST}, got {1 << 64}$"),
    ],
    ids=["window", "drift-scan", "last-step"],
)
def test_verify_setting_errors_name_the_setting(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(VerificationError, match=message):
        verify_totp(KEY, "123456", 59.0, **kwargs)  # type: ignore[arg-type]


def test_verify_settings_at_their_limits() -> None:
    code = totp(KEY, 59.0)
    assert verify_totp(KEY, code, 59.0, window=10, drift_scan=100, last_step=0)
    assert verify_totp(KEY, code, 59.0, last_step=LAST).reason is Reason.REPLAYED


@pytest.mark.parametrize(("step", "t0"), [(1, 0), (60, 0), (30, 1000), (30, -1000), (45, 7)])
def test_step_and_t0_shift_the_counter(step: int, t0: int) -> None:
    at = 1_234_567_890
    counter = (at - t0) // step
    assert time_step(at, step=step, t0=t0) == counter
    assert totp(KEY, at, step=step, t0=t0) == hotp(KEY, counter)
    verdict = verify_totp(KEY, hotp(KEY, counter), at, step=step, t0=t0, window=0)
    assert verdict.accepted and verdict.offset == 0


def test_the_first_time_step() -> None:
    # Step 0 has no step before it: the window and the drift scan stop there.
    first = totp(KEY, 0.0)
    assert verify_totp(KEY, first, 0.0, drift_scan=10).offset == 0
    assert verify_totp(KEY, first, 29.0, window=0).accepted


def test_the_last_time_step() -> None:
    t0 = -LAST * 30  # at 0 the counter is the last one allowed: 2**64 - 1
    assert time_step(0, t0=t0) == LAST
    code = totp(KEY, 0, t0=t0)
    assert code == hotp(KEY, LAST)
    assert verify_totp(KEY, code, 0, t0=t0, window=1).offset == 0  # step 2**64 is skipped
    with pytest.raises(VerificationError, match="outside"):
        time_step(0, t0=t0 - 30)


def test_a_one_digit_code_with_five_zeros_dropped() -> None:
    at = next(t for t in range(0, 10**8, 30) if totp(KEY, t).startswith("00000"))
    verdict = verify_totp(KEY, totp(KEY, at)[-1], at)
    assert verdict.reason is Reason.LEADING_ZERO_DROPPED and verdict.params["dropped"] == 5


def test_digits_that_are_not_ascii_are_not_digits() -> None:
    arabic = "".join(chr(0x0660 + int(d)) for d in totp(KEY, 59.0))  # NFKC leaves these
    assert verify_totp(KEY, arabic, 59.0).reason is Reason.NOT_DIGITS


def test_check_time() -> None:
    assert check_time(5) == 5.0 and type(check_time(5)) is float
    for bad in (math.nan, math.inf, "1", True, None):
        with pytest.raises(VerificationError, match="^at must be a finite number of seconds"):
            check_time(bad)


# --- OCRA ----------------------------------------------------------------------------


def _reference_ocra(suite: str, key: bytes, question_hex: str, digits: int) -> str:
    """RFC 6287's message for a suite with only a question, hashed with SHA-1."""
    message = suite.encode() + b"\x00" + bytes.fromhex(question_hex.ljust(256, "0"))
    mac = hmac.digest(key, message, hashlib.sha1)
    offset = mac[-1] & 15
    return str((int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF) % 10**digits).zfill(
        digits
    )


@pytest.mark.parametrize("question", ["bc614e", "BC614E", "00ff", "a" * 16])
def test_hex_questions(question: str) -> None:
    suite = "OCRA-1:HOTP-SHA1-6:QH08"
    assert ocra(suite, KEY, question=question) == _reference_ocra(suite, KEY, question, 6)


def test_the_longest_questions_fill_at_most_128_bytes() -> None:
    longest = {"QA64": "x" * 128, "QN64": "9" * 128, "QH64": "f" * 128}
    for kind, question in longest.items():
        suite = f"OCRA-1:HOTP-SHA1-6:{kind}"
        assert len(ocra(suite, KEY, question=question)) == 6
        with pytest.raises(VerificationError, match="^question must be 1-128 characters"):
            ocra(suite, KEY, question=question + question[0])
    # QA64's 128 characters are the whole 128-byte question field.
    suite = "OCRA-1:HOTP-SHA1-6:QA64"
    expected = _reference_ocra(suite, KEY, ("x" * 128).encode().hex(), 6)
    assert ocra(suite, KEY, question="x" * 128) == expected


@pytest.mark.parametrize(
    ("suite", "kwargs"),
    [
        ("OCRA-1:HOTP-SHA1-6:C-QN08", {"counter": LAST}),
        ("OCRA-1:HOTP-SHA1-6:QN08-T1M", {"timestamp": 0}),
        ("OCRA-1:HOTP-SHA1-6:QN08-T1M", {"timestamp": LAST}),
        ("OCRA-1:HOTP-SHA1-6:QN08-PSHA1", {"pin": "1"}),
        ("OCRA-1:HOTP-SHA1-6:QN08-PSHA1", {"pin": "1" * 64}),
    ],
    ids=["last-counter", "timestamp-0", "last-timestamp", "pin-1", "pin-64"],
)
def test_ocra_arguments_at_their_limits(suite: str, kwargs: dict[str, object]) -> None:
    assert len(ocra(suite, KEY, question="1", **kwargs)) == 6  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("suite", "kwargs", "message"),
    [
        ("OCRA-1:HOTP-SHA1-6:C-QN08", {"counter": 1 << 64}, "^suite needs a counter"),
        ("OCRA-1:HOTP-SHA1-6:QN08-T1M", {"timestamp": -1}, "^suite needs a timestamp"),
        ("OCRA-1:HOTP-SHA1-6:QN08-T1M", {"timestamp": 1 << 64}, "^suite needs a timestamp"),
        ("OCRA-1:HOTP-SHA1-6:QN08-PSHA1", {"pin": ""}, "^suite needs a PIN"),
        ("OCRA-1:HOTP-SHA1-6:QN08-PSHA1", {"pin": "1" * 65}, "^suite needs a PIN"),
        ("OCRA-1:HOTP-SHA1-6:QN08", {"counter": 1}, "^suite takes no counter$"),
        ("OCRA-1:HOTP-SHA1-6:QN08", {"pin": "1"}, "^suite takes no PIN$"),
        ("OCRA-1:HOTP-SHA1-6:QN08", {"session": b""}, "^suite takes no session information$"),
        ("OCRA-1:HOTP-SHA1-6:QN08", {"timestamp": 1}, "^suite takes no timestamp$"),
        ("OCRA-1:HOTP-SHA1-6:QN08", {"question": "1a"}, "^numeric \\(QN\\) question must be"),
        ("OCRA-1:HOTP-SHA1-6:QA08", {"question": "é"}, "^alphanumeric \\(QA\\) question must"),
        ("OCRA-1:HOTP-SHA1-6:QH08", {"question": "xy"}, "^hex \\(QH\\) question must be hex"),
    ],
    ids=[
        "counter-2**64",
        "timestamp-negative",
        "timestamp-2**64",
        "pin-empty",
        "pin-65",
        "extra-counter",
        "extra-pin",
        "extra-session",
        "extra-timestamp",
        "qn-letter",
        "qa-accent",
        "qh-not-hex",
    ],
)
def test_ocra_refuses_just_past_the_limits(
    suite: str, kwargs: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"question": "1", **kwargs}
    with pytest.raises(VerificationError, match=message):
        ocra(suite, KEY, **arguments)  # type: ignore[arg-type]


def test_ocra_timestamp_limits() -> None:
    suite = "OCRA-1:HOTP-SHA512-8:QN08-T1M"
    assert ocra_timestamp(suite, 0) == 0
    assert ocra_timestamp(suite, 59.9) == 0 and ocra_timestamp(suite, 60) == 1
    for bad in (-0.1, math.inf, math.nan, "60"):
        with pytest.raises(VerificationError, match="^at must be a finite, non-negative number"):
            ocra_timestamp(suite, bad)  # type: ignore[arg-type]
    with pytest.raises(VerificationError, match=r"^suite has no timestamp \(T\) field$"):
        ocra_timestamp("OCRA-1:HOTP-SHA1-6:QN08", 0)
