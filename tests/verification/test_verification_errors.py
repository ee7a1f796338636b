"""Bad input raises the one documented exception, with a message naming the problem."""

from __future__ import annotations

import math

import pytest

from troubleshooter.verification import (
    MAX_INPUT,
    VerificationError,
    hotp,
    ocra,
    ocra_timestamp,
    parse_suite,
    totp,
    verify_totp,
)

KEY = b"12345678901234567890"


def test_error_is_a_value_error() -> None:
    assert issubclass(VerificationError, ValueError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"key": b"short"}, "key must be 16-1024 bytes", id="key-too-short"),
        pytest.param({"key": b""}, "key must be 16-1024 bytes", id="key-empty"),
        pytest.param({"key": b"k" * 1025}, "key must be 16-1024 bytes", id="key-oversize"),
        pytest.param({"key": "12345678901234567890"}, "key must be bytes", id="key-str"),
        pytest.param({"counter": -1}, "counter must be in", id="negative-counter"),
        pytest.param({"counter": 1 << 64}, "counter must be in", id="counter-too-big"),
        pytest.param({"counter": True}, "counter must be int", id="counter-bool"),
        pytest.param({"counter": 1.0}, "counter must be int", id="counter-float"),
        pytest.param({"digits": 5}, "digits must be 6, 7 or 8", id="digits-5"),
        pytest.param({"digits": 9}, "digits must be 6, 7 or 8", id="digits-9"),
        pytest.param({"algorithm": "md5"}, "unsupported algorithm", id="algorithm-md5"),
        pytest.param({"algorithm": "SHA1"}, "unsupported algorithm", id="algorithm-upper"),
    ],
)
def test_hotp_rejects(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"key": KEY, "counter": 0, **kwargs}
    with pytest.raises(VerificationError, match=message):
        hotp(**args)  # type: ignore[arg-type]


def test_key_boundary_is_16_bytes() -> None:
    assert len(hotp(b"k" * 16, 0)) == 6
    with pytest.raises(VerificationError):
        hotp(b"k" * 15, 0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"at": math.nan}, "finite", id="nan"),
        pytest.param({"at": math.inf}, "finite", id="inf"),
        pytest.param({"at": "59"}, "finite", id="str-time"),
        pytest.param({"at": -1.0}, "time step outside", id="before-epoch"),
        pytest.param({"step": 0}, "step must be a positive int", id="step-zero"),
        pytest.param({"step": 30.0}, "step must be a positive int", id="step-float"),
        pytest.param({"t0": 0.5}, "t0 must be int", id="t0-float"),
        pytest.param({"at": 1e300}, "time step outside", id="far-future"),
    ],
)
def test_totp_rejects(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"key": KEY, "at": 59, **kwargs}
    with pytest.raises(VerificationError, match=message):
        totp(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("suite", "message"),
    [
        pytest.param("OCRA-2:HOTP-SHA1-6:QN08", "not a valid", id="version"),
        pytest.param("OCRA-1:HOTP-MD5-6:QN08", "not a valid", id="hash"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QX08", "not a valid", id="question-format"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN03", "question length", id="question-too-short"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN65", "question length", id="question-too-long"),
        pytest.param("OCRA-1:HOTP-SHA1-0:QN08", "truncation 0", id="digits-0"),
        pytest.param("OCRA-1:HOTP-SHA1-3:QN08", "digits must be 4-10", id="digits-3"),
        pytest.param("OCRA-1:HOTP-SHA1-11:QN08", "digits must be 4-10", id="digits-11"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08-S000", "session length", id="session-0"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08-S513", "session length", id="session-513"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08-T60M", "time step", id="step-60m"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08-T49H", "time step", id="step-49h"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08-T1M-PSHA1", "not a valid", id="field-order"),
        pytest.param("ocra-1:hotp-sha1-6:qn08", "not a valid", id="lowercase"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN08 ", "not a valid", id="trailing-space"),
        pytest.param("OCRA-1:HOTP-SHA1-6:QN\u0660\u0668", "not a valid", id="arabic-digits"),
        pytest.param("OCRA-1:" + "X" * 100, "longer than", id="oversize"),
    ],
)
def test_parse_suite_rejects(suite: str, message: str) -> None:
    with pytest.raises(VerificationError, match=message):
        parse_suite(suite)


def test_parse_suite_fields() -> None:
    s = parse_suite("OCRA-1:HOTP-SHA512-8:C-QH40-PSHA256-S128-T30S")
    assert (s.algorithm, s.digits, s.counter) == ("sha512", 8, True)
    assert (s.question_format, s.question_length) == ("H", 40)
    assert (s.pin_algorithm, s.session_length, s.time_step) == ("sha256", 128, 30)
    assert parse_suite("OCRA-1:HOTP-SHA1-6:QN08-T2H").time_step == 7200


SUITE_N = "OCRA-1:HOTP-SHA1-6:QN08"


@pytest.mark.parametrize(
    ("suite", "kwargs", "message"),
    [
        pytest.param(SUITE_N, {"question": "1234567a"}, "ASCII digits", id="qn-letter"),
        pytest.param(SUITE_N, {"question": "\u0661\u0662"}, "ASCII digits", id="qn-arabic"),
        pytest.param(SUITE_N, {"question": ""}, "1-16 characters", id="qn-empty"),
        pytest.param(SUITE_N, {"question": "1" * 17}, "1-16 characters", id="qn-too-long"),
        pytest.param(SUITE_N, {"question": 12345678}, "must be str", id="qn-int"),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:QA08",
            {"question": "caf\u00e9"},
            "printable ASCII",
            id="qa-non-ascii",
        ),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:QH08", {"question": "12g4"}, "hex digits", id="qh-not-hex"
        ),
        pytest.param(SUITE_N, {"question": "1", "counter": 1}, "takes no counter", id="extra-c"),
        pytest.param(SUITE_N, {"question": "1", "pin": "1"}, "takes no PIN", id="extra-pin"),
        pytest.param(SUITE_N, {"question": "1", "session": b"s"}, "no session", id="extra-s"),
        pytest.param(SUITE_N, {"question": "1", "timestamp": 1}, "no timestamp", id="extra-t"),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:C-QN08", {"question": "1"}, "needs a counter", id="missing-c"
        ),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:C-QN08", {"question": "1", "counter": -1}, "counter", id="neg-c"
        ),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:QN08-PSHA1", {"question": "1"}, "needs a PIN", id="missing-pin"
        ),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:QN08-S004",
            {"question": "1", "session": b"12345"},
            "at most 4 bytes",
            id="session-too-long",
        ),
        pytest.param(
            "OCRA-1:HOTP-SHA1-6:QN08-T1M", {"question": "1"}, "needs a timestamp", id="missing-t"
        ),
    ],
)
def test_ocra_rejects(suite: str, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(VerificationError, match=message):
        ocra(suite, KEY, **kwargs)  # type: ignore[arg-type]


def test_ocra_session_is_left_padded() -> None:
    suite = "OCRA-1:HOTP-SHA1-6:QN08-S004"
    assert ocra(suite, KEY, question="1", session=b"ab") == ocra(
        suite, KEY, question="1", session=b"\x00\x00ab"
    )


def test_ocra_timestamp_needs_t_field() -> None:
    with pytest.raises(VerificationError, match="no timestamp"):
        ocra_timestamp(SUITE_N, 0.0)


def test_verify_rejects_oversize_before_normalisation() -> None:
    # After stripping the spaces this would be the right code; the cap comes first.
    padded = totp(KEY, 59.0) + " " * (MAX_INPUT - 5)
    assert len(padded) == MAX_INPUT + 1
    with pytest.raises(VerificationError, match="longer than 64"):
        verify_totp(KEY, padded, 59.0)
    assert verify_totp(KEY, padded[:MAX_INPUT], 59.0).accepted


@pytest.mark.parametrize("code", [None, 123456, b"123456"], ids=["none", "int", "bytes"])
def test_verify_rejects_non_str(code: object) -> None:
    with pytest.raises(VerificationError, match="must be str"):
        verify_totp(KEY, code, 59.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"window": -1}, "window", id="negative-window"),
        pytest.param({"window": 11}, "window", id="huge-window"),
        pytest.param({"window": True}, "window", id="bool-window"),
        pytest.param({"drift_scan": -1}, "drift_scan", id="negative-scan"),
        pytest.param({"drift_scan": 101}, "drift_scan", id="huge-scan"),
        pytest.param({"last_step": -1}, "last_step", id="negative-last-step"),
        pytest.param({"last_step": 1.0}, "last_step", id="float-last-step"),
    ],
)
def test_verify_totp_rejects_settings(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(VerificationError, match=message):
        verify_totp(KEY, "123456", 59.0, **kwargs)  # type: ignore[arg-type]
