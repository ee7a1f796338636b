"""Properties of verify_totp: what it accepts, what a refusal reveals, and how it can be misused."""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from troubleshooter.verification import (
    MAX_INPUT,
    Reason,
    Verdict,
    VerificationError,
    time_step,
    totp,
    verify_totp,
)

# Per-test settings, not a global profile: other suites share this pytest session.
fast = settings(deadline=None, max_examples=60)

keys = st.binary(min_size=16, max_size=64)
times = st.integers(min_value=3600, max_value=4_000_000_000).map(float)
digit_counts = st.sampled_from([6, 7, 8])
algorithms = st.sampled_from(["sha1", "sha256", "sha512"])
six_digits = st.text(string.digits, min_size=6, max_size=6)


def codes_around(
    key: bytes, at: float, radius: int, digits: int = 6, alg: str = "sha1"
) -> dict[int, str]:
    return {
        d: totp(key, at + 30 * d, digits=digits, algorithm=alg) for d in range(-radius, radius + 1)
    }


def refused(verdict: Verdict[Reason], reason: Reason) -> bool:
    return verdict.reason is reason and not verdict.accepted and not verdict


# --- a verdict in a boolean context ------------------------------------------------------


@fast
@given(keys, times, six_digits)
def test_if_verdict_accepts_exactly_what_accepted_says(key: bytes, at: float, typed: str) -> None:
    verdict = verify_totp(key, typed, at)
    taken = False
    if verdict:
        taken = True
    assert taken is verdict.accepted
    assert taken == (typed in codes_around(key, at, 1).values())


@pytest.mark.parametrize("reason", [r for r in Reason if r is not Reason.ACCEPTED])
def test_every_refusal_is_false(reason: Reason) -> None:
    assert not Verdict(False, reason)
    assert bool(Verdict(True, Reason.ACCEPTED)) is True


def test_wrong_code_in_an_if_is_not_accepted() -> None:
    key = b"12345678901234567890"
    right = totp(key, 59.0)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    assert verify_totp(key, right, 59.0)
    if verify_totp(key, wrong, 59.0):
        raise AssertionError("a wrong code passed an if")


@pytest.mark.parametrize(
    ("accepted", "reason"),
    [(True, Reason.WRONG_CODE), (False, Reason.ACCEPTED), (1, Reason.ACCEPTED)],
    ids=["accepted-wrong-code", "refused-accepted", "int-for-bool"],
)
def test_verdict_refuses_a_contradiction(accepted: bool, reason: Reason) -> None:
    with pytest.raises(
        VerificationError, match="^accepted must be True exactly for Reason.ACCEPTED$"
    ):
        Verdict(accepted, reason)


def test_verdict_params_cannot_be_changed() -> None:
    params = {"expected": 6}
    verdict = Verdict(False, Reason.NOT_DIGITS, None, params)
    params["expected"] = 8
    assert verdict.params == {"expected": 6}
    with pytest.raises(TypeError):
        verdict.params["expected"] = 7  # type: ignore[index]


# --- the window and nothing else -------------------------------------------------------


@fast
@given(keys, times, digit_counts, algorithms)
def test_reason_accepted(key: bytes, at: float, digits: int, alg: str) -> None:
    code = totp(key, at, digits=digits, algorithm=alg)
    verdict = verify_totp(key, code, at, digits=digits, algorithm=alg)
    assert verdict.accepted and verdict.reason is Reason.ACCEPTED and verdict.offset == 0


@fast
@given(keys, times, st.sampled_from([-1, 1]))
def test_a_neighbouring_step_is_accepted_with_its_offset(key: bytes, at: float, off: int) -> None:
    around = codes_around(key, at, 1)
    assume(around[off] != around[0] and around[off] != around[-off])
    verdict = verify_totp(key, around[off], at)
    assert verdict.accepted and verdict.offset == off


@fast
@given(keys, times, st.integers(0, 3), st.integers(-12, 12))
def test_a_window_accepts_exactly_its_steps(key: bytes, at: float, window: int, off: int) -> None:
    around = codes_around(key, at, 15)
    inside = {c for d, c in around.items() if abs(d) <= window}
    assume(abs(off) <= window or around[off] not in inside)
    assert verify_totp(key, around[off], at, window=window).accepted == (abs(off) <= window)


@fast
@given(keys, times, st.integers(2, 100))
def test_a_future_code_outside_the_window_is_a_wrong_code(
    key: bytes, at: float, ahead: int
) -> None:
    future = totp(key, at + 30 * ahead)
    # The window and the 100 past steps the drift scan reads: a 6-digit code repeats
    # there now and then, and is then rightly that step's.
    assume(future not in {c for d, c in codes_around(key, at, 101).items() if d <= 1})
    assert refused(verify_totp(key, future, at), Reason.WRONG_CODE)
    # Even with the drift diagnosis on, the future stays silent: it would be an oracle.
    assert refused(verify_totp(key, future, at, drift_scan=100), Reason.WRONG_CODE)
    # Nor with no window at all: the scan never starts on the future side.
    assert refused(verify_totp(key, future, at, window=0, drift_scan=100), Reason.WRONG_CODE)
    # The same code is accepted once its step comes, so the refusal revealed nothing.
    assert verify_totp(key, future, at + 30 * ahead).accepted


@fast
@given(keys, times)
def test_with_no_window_the_next_step_is_a_wrong_code_even_with_drift_scan(
    key: bytes, at: float
) -> None:
    around = codes_around(key, at, 101)
    # Not the code of this step or of the 100 past steps the drift scan reads: a 6-digit
    # code repeats there now and then, and is then rightly that step's (hypothesis found one).
    assume(around[1] not in {c for d, c in around.items() if d <= 0})
    assert refused(verify_totp(key, around[1], at, window=0, drift_scan=100), Reason.WRONG_CODE)


@fast
@given(keys, times, st.integers(2, 10))
def test_a_past_code_outside_the_window_is_a_wrong_code_by_default(
    key: bytes, at: float, behind: int
) -> None:
    past = totp(key, at - 30 * behind)
    assume(past not in codes_around(key, at, 1).values())
    assert refused(verify_totp(key, past, at), Reason.WRONG_CODE)


# --- drift diagnosis: opt-in, past only ------------------------------------------------


@fast
@given(keys, times, st.integers(2, 10))
def test_drift_scan_explains_a_late_code(key: bytes, at: float, behind: int) -> None:
    around = codes_around(key, at, 10)
    # The scan reports the nearest match, so no closer step may share the code.
    assume(all(around[d] != around[-behind] for d in around if -behind < d <= 1))
    verdict = verify_totp(key, around[-behind], at, drift_scan=10)
    assert refused(verdict, Reason.CLOCK_DRIFT)
    assert verdict.offset == -behind
    assert verdict.params == {"offset": -behind, "window": 1, "step": 30}


@fast
@given(keys, times, st.integers(3, 20))
def test_drift_scan_stops_at_its_limit(key: bytes, at: float, behind: int) -> None:
    around = codes_around(key, at, 20)
    assume(all(around[d] != around[-behind] for d in around if d != -behind))
    assert refused(verify_totp(key, around[-behind], at, drift_scan=behind - 1), Reason.WRONG_CODE)
    assert refused(verify_totp(key, around[-behind], at, drift_scan=behind), Reason.CLOCK_DRIFT)


def test_drift_scan_stops_at_the_first_step() -> None:
    key = b"12345678901234567890"
    at = 45.0  # step 1: a scan of 10 steps back must not go below step 0
    assert refused(
        verify_totp(key, totp(key, 0.0), at, window=0, drift_scan=10), Reason.CLOCK_DRIFT
    )
    wrong = next(c for c in ("000000", "111111") if c not in (totp(key, 0.0), totp(key, at)))
    assert refused(verify_totp(key, wrong, at, window=0, drift_scan=10), Reason.WRONG_CODE)


# --- replay memory ---------------------------------------------------------------------


@fast
@given(keys, times, st.sampled_from([-1, 0, 1]))
def test_last_step_refuses_that_step_and_older(key: bytes, at: float, off: int) -> None:
    around = codes_around(key, at, 1)
    assume(len(set(around.values())) == 3)
    now = time_step(at)
    first = verify_totp(key, around[off], at)
    assert first.accepted and first.offset == off
    used = now + off
    again = verify_totp(key, around[off], at, last_step=used)
    assert refused(again, Reason.REPLAYED) and again.offset == off
    for later in range(off + 1, 2):
        assert verify_totp(key, around[later], at, last_step=used).accepted
    for earlier in range(-1, off):
        assert refused(verify_totp(key, around[earlier], at, last_step=used), Reason.REPLAYED)


# --- shape of a refused code -----------------------------------------------------------


@fast
@given(keys, times, digit_counts, st.text(string.digits, min_size=1, max_size=20))
def test_reason_wrong_length(key: bytes, at: float, digits: int, typed: str) -> None:
    assume(len(typed) != digits)
    assume(typed.zfill(digits) not in codes_around(key, at, 1, digits).values())
    verdict = verify_totp(key, typed, at, digits=digits)
    assert refused(verdict, Reason.WRONG_LENGTH)
    assert verdict.params == {"expected": digits, "got": len(typed)}


@fast
@given(keys, times, digit_counts)
def test_reason_leading_zero_dropped(key: bytes, at: float, digits: int) -> None:
    # Walk forward to a step whose code starts with 0 (one in ten do).
    for _ in range(200):
        code = totp(key, at, digits=digits)
        if code.startswith("0"):
            break
        at += 30
    assume(code.startswith("0") and not code.startswith("00"))
    verdict = verify_totp(key, code[1:], at, digits=digits)
    assert refused(verdict, Reason.LEADING_ZERO_DROPPED)
    assert verdict.params == {"expected": digits, "got": digits - 1, "dropped": 1}


@fast
@given(keys, times, st.integers(5, 100))
def test_leading_zeros_of_a_code_outside_the_window_are_not_diagnosed(
    key: bytes, at: float, ahead: int
) -> None:
    for _ in range(300):  # a future step whose code starts with 0
        future = totp(key, at + 30 * ahead)
        if future.startswith("0"):
            break
        ahead += 1
    assume(future.startswith("0"))
    assume(future not in codes_around(key, at, 1).values())
    assert refused(verify_totp(key, future.lstrip("0"), at), Reason.WRONG_LENGTH)


@fast
@given(keys, times, st.integers(0, 5), st.sampled_from(list("aZx#.+O_")))
def test_reason_not_digits(key: bytes, at: float, where: int, junk: str) -> None:
    code = totp(key, at)
    verdict = verify_totp(key, code[:where] + junk + code[where + 1 :], at)
    assert refused(verdict, Reason.NOT_DIGITS)
    assert verdict.params == {"expected": 6}


@fast
@given(keys, times, six_digits)
def test_reason_wrong_code(key: bytes, at: float, typed: str) -> None:
    assume(typed not in codes_around(key, at, 1).values())
    assert refused(verify_totp(key, typed, at), Reason.WRONG_CODE)


# --- keys and typed text ---------------------------------------------------------------


def test_a_bytearray_key_is_copied() -> None:
    from troubleshooter.verification.inputs import check_key

    buffer = bytearray(b"12345678901234567890")
    key = check_key(buffer)
    buffer[:] = bytes(len(buffer))  # the caller wipes its buffer
    assert type(key) is bytes and key == b"12345678901234567890"
    assert verify_totp(bytearray(key), totp(key, 59.0), 59.0).accepted


@fast
@given(st.text(max_size=80), times)
def test_verify_only_raises_verification_error(text: str, at: float) -> None:
    key = b"0123456789abcdef"
    try:
        verdict = verify_totp(key, text, at, drift_scan=5)
    except VerificationError as exc:
        assert len(text) > MAX_INPUT and "longer than 64" in str(exc)
    else:
        assert len(text) <= MAX_INPUT
        assert verdict.accepted == (verdict.reason is Reason.ACCEPTED)


@fast
@given(st.text(min_size=MAX_INPUT + 1, max_size=200))
def test_oversize_refused_before_normalisation(junk: str) -> None:
    key = b"0123456789abcdef"
    # Whitespace that normalisation would strip still counts towards the cap.
    text = (totp(key, 59.0) + " " * len(junk))[: len(junk)]
    with pytest.raises(VerificationError, match="longer than 64"):
        verify_totp(key, text, 59.0)


def test_nfkc_expansion_does_not_bypass_anything() -> None:
    # Short raw input that NFKC expands past the cap is looked at, then refused.
    verdict = verify_totp(b"0123456789abcdef", "\ufdfa" * 4, 59.0)
    assert refused(verdict, Reason.NOT_DIGITS)


def test_fullwidth_digits_are_normalised() -> None:
    key = b"0123456789abcdef"
    code = totp(key, 59.0)
    fullwidth = "".join(chr(ord(c) - ord("0") + 0xFF10) for c in code)
    assert verify_totp(key, fullwidth[:3] + " " + fullwidth[3:], 59.0).accepted


@fast
@given(st.binary(min_size=16, max_size=300), st.binary(max_size=200), algorithms)
def test_cached_hmac_equals_stdlib_hmac(key: bytes, message: bytes, alg: str) -> None:
    import hmac

    from troubleshooter.verification.otp import hmac_digest

    assert hmac_digest(key, message, alg) == hmac.digest(key, message, alg)


def test_the_key_cache_is_bounded_and_can_be_emptied() -> None:
    from troubleshooter.verification.otp import KEY_CACHE_SIZE, _prepared, forget_keys

    for n in range(KEY_CACHE_SIZE + 5):
        totp(n.to_bytes(16, "big"), 59.0)
    assert _prepared.cache_info().currsize == KEY_CACHE_SIZE
    forget_keys()
    assert _prepared.cache_info().currsize == 0
