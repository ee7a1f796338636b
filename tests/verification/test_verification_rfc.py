"""Published test vectors: RFC 4226 Appendix D, RFC 6238 Appendix B, RFC 6287 Appendix C."""

from __future__ import annotations

import calendar

import pytest

from troubleshooter.verification import hotp, ocra, ocra_timestamp, totp

SEED20 = b"12345678901234567890"
# RFC 6238 erratum 2866: SHA-256 and SHA-512 use 32- and 64-byte seeds, not the 20-byte one.
SEED32 = b"12345678901234567890123456789012"
SEED64 = b"1234567890123456789012345678901234567890123456789012345678901234"
PIN = "1234"
T_132D0B6 = 0x132D0B6

RFC4226 = ["755224", "287082", "359152", "969429", "338314",
           "254676", "287922", "162583", "399871", "520489"]  # fmt: skip


@pytest.mark.parametrize(
    ("counter", "expected"),
    [pytest.param(c, code, id=f"rfc4226-counter-{c}") for c, code in enumerate(RFC4226)],
)
def test_rfc4226_hotp(counter: int, expected: str) -> None:
    assert hotp(SEED20, counter) == expected


RFC6238 = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]
KEYS = {"sha1": SEED20, "sha256": SEED32, "sha512": SEED64}


@pytest.mark.parametrize(
    ("at", "algorithm", "expected"),
    [
        pytest.param(at, alg, code, id=f"rfc6238-{alg}-{at}")
        for at, *codes in RFC6238
        for alg, code in zip(("sha1", "sha256", "sha512"), codes, strict=True)
    ],
)
def test_rfc6238_totp(at: int, algorithm: str, expected: str) -> None:
    assert totp(KEYS[algorithm], at, digits=8, algorithm=algorithm) == expected


def _rows(
    name: str, suite: str, key: bytes, rows: list[tuple[dict[str, object], str]]
) -> list[object]:
    return [
        pytest.param(suite, key, kwargs, code, id=f"rfc6287-{name}-{i}")
        for i, (kwargs, code) in enumerate(rows)
    ]


_ONE_WAY_SHA1 = ["237653", "243178", "653583", "740991", "608993",
                 "388898", "816933", "224598", "750600", "294470"]  # fmt: skip
_C_QN08_PSHA1 = ["65347737", "86775851", "78192410", "71565254", "10104329",
                 "65983500", "70069104", "91771096", "75011558", "08522129"]  # fmt: skip
_QN08_PSHA1 = ["83238735", "01501458", "17957585", "86776967", "86807031"]
_C_QN08_SHA512 = ["07016083", "63947962", "70123924", "25341727", "33203315",
                  "34205738", "44343969", "51946085", "20403879", "31409299"]  # fmt: skip
_QN08_T1M = ["95209754", "55907591", "22048402", "24218844", "36209546"]
_MUTUAL_256_SERVER = ["28247970", "01984843", "65387857", "03351211", "83412541"]
_MUTUAL_256_CLIENT = ["15510767", "90175646", "33777207", "95285278", "28934924"]
_MUTUAL_512_SERVER = ["79496648", "76831980", "12250499", "90856481", "12761449"]
_MUTUAL_512_CLIENT = ["18806276", "70020315", "01600026", "18951020", "32528969"]
_SIG_256 = ["53095496", "04110475", "31331128", "76028668", "46554205"]
_SIG_512_T1M = ["77537423", "31970405", "10235557", "95213541", "65360607"]

RFC6287 = [
    *_rows(
        "oneway-sha1-qn08",
        "OCRA-1:HOTP-SHA1-6:QN08",
        SEED20,
        [({"question": str(i) * 8}, code) for i, code in enumerate(_ONE_WAY_SHA1)],
    ),
    *_rows(
        "oneway-sha256-c-qn08-psha1",
        "OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1",
        SEED32,
        [
            ({"question": "12345678", "counter": i, "pin": PIN}, c)
            for i, c in enumerate(_C_QN08_PSHA1)
        ],
    ),
    *_rows(
        "oneway-sha256-qn08-psha1",
        "OCRA-1:HOTP-SHA256-8:QN08-PSHA1",
        SEED32,
        [({"question": str(i) * 8, "pin": PIN}, code) for i, code in enumerate(_QN08_PSHA1)],
    ),
    *_rows(
        "oneway-sha512-c-qn08",
        "OCRA-1:HOTP-SHA512-8:C-QN08",
        SEED64,
        [({"question": str(i) * 8, "counter": i}, c) for i, c in enumerate(_C_QN08_SHA512)],
    ),
    *_rows(
        "oneway-sha512-qn08-t1m",
        "OCRA-1:HOTP-SHA512-8:QN08-T1M",
        SEED64,
        [({"question": str(i) * 8, "timestamp": T_132D0B6}, c) for i, c in enumerate(_QN08_T1M)],
    ),
    *_rows(
        "mutual-sha256-server",
        "OCRA-1:HOTP-SHA256-8:QA08",
        SEED32,
        [({"question": f"CLI2222{i}SRV1111{i}"}, c) for i, c in enumerate(_MUTUAL_256_SERVER)],
    ),
    *_rows(
        "mutual-sha256-client",
        "OCRA-1:HOTP-SHA256-8:QA08",
        SEED32,
        [({"question": f"SRV1111{i}CLI2222{i}"}, c) for i, c in enumerate(_MUTUAL_256_CLIENT)],
    ),
    *_rows(
        "mutual-sha512-server",
        "OCRA-1:HOTP-SHA512-8:QA08",
        SEED64,
        [({"question": f"CLI2222{i}SRV1111{i}"}, c) for i, c in enumerate(_MUTUAL_512_SERVER)],
    ),
    *_rows(
        "mutual-sha512-client-psha1",
        "OCRA-1:HOTP-SHA512-8:QA08-PSHA1",
        SEED64,
        [
            ({"question": f"SRV1111{i}CLI2222{i}", "pin": PIN}, c)
            for i, c in enumerate(_MUTUAL_512_CLIENT)
        ],
    ),
    *_rows(
        "signature-sha256-qa08",
        "OCRA-1:HOTP-SHA256-8:QA08",
        SEED32,
        [({"question": f"SIG1{i}000"}, code) for i, code in enumerate(_SIG_256)],
    ),
    *_rows(
        "signature-sha512-qa10-t1m",
        "OCRA-1:HOTP-SHA512-8:QA10-T1M",
        SEED64,
        [
            ({"question": f"SIG1{i}00000", "timestamp": T_132D0B6}, c)
            for i, c in enumerate(_SIG_512_T1M)
        ],
    ),
]


@pytest.mark.parametrize(("suite", "key", "kwargs", "expected"), RFC6287)
def test_rfc6287_ocra(suite: str, key: bytes, kwargs: dict[str, object], expected: str) -> None:
    assert ocra(suite, key, **kwargs) == expected  # type: ignore[arg-type]


def test_rfc6287_pin_changes_the_response() -> None:
    # The PIN enters the HMAC hashed with the suite's PSHA algorithm, not as text.
    suite = "OCRA-1:HOTP-SHA256-8:QN08-PSHA1"
    assert ocra(suite, SEED32, question="00000000", pin=PIN) == _QN08_PSHA1[0]
    assert ocra(suite, SEED32, question="00000000", pin="4321") != _QN08_PSHA1[0]
    other_hash = "OCRA-1:HOTP-SHA256-8:QN08-PSHA256"
    assert ocra(other_hash, SEED32, question="00000000", pin=PIN) != _QN08_PSHA1[0]


def test_rfc6287_timestamp_is_minutes_since_epoch() -> None:
    # Appendix C: "Mar 25 2008, 12:06:30 GMT" is time step 0x132d0b6 for T1M.
    at = calendar.timegm((2008, 3, 25, 12, 6, 30))
    assert ocra_timestamp("OCRA-1:HOTP-SHA512-8:QN08-T1M", at) == T_132D0B6
