"""Property tests: one scenario per reason, no false accepts, determinism, fuzzing."""

from __future__ import annotations

import string
from collections.abc import Callable

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from troubleshooter.verification import (
    MAX_INPUT,
    Reason,
    TemporaryCode,
    TotpVerifier,
    Verdict,
    VerificationError,
    demo_code_card,
    demo_dsc,
    swap_axes,
    totp,
    verify_totp,
)

# Per-test settings, not a global profile: other suites share this pytest session.
fast = settings(deadline=None, max_examples=60)

keys = st.binary(min_size=16, max_size=64)
times = st.integers(min_value=3600, max_value=4_000_000_000).map(float)
digit_counts = st.sampled_from([6, 7, 8])
algorithms = st.sampled_from(["sha1", "sha256", "sha512"])
pins = st.text(string.digits, min_size=4, max_size=4)
challenges = st.text(string.digits, min_size=6, max_size=6)
demo_seeds = st.text(string.ascii_letters, max_size=8).map(lambda s: f"DEMO-{s}")


def codes_around(
    key: bytes, at: float, radius: int, digits: int = 6, alg: str = "sha1"
) -> dict[int, str]:
    return {
        d: totp(key, at + 30 * d, digits=digits, algorithm=alg) for d in range(-radius, radius + 1)
    }


def rejected(verdict: Verdict, reason: Reason) -> bool:
    return verdict.reason is reason and not verdict.accepted


# --- reason: accepted (and accepted-with-drift inside the window) ----------------------------


@fast
@given(keys, times, digit_counts, algorithms)
def test_reason_accepted(key: bytes, at: float, digits: int, alg: str) -> None:
    verdict = TotpVerifier(key, digits=digits, algorithm=alg).verify(
        totp(key, at, digits=digits, algorithm=alg), at=at
    )
    assert verdict.accepted and verdict.reason is Reason.ACCEPTED and verdict.offset == 0


@fast
@given(keys, times, st.sampled_from([-1, 1]))
def test_drift_inside_window_is_accepted_with_offset(key: bytes, at: float, off: int) -> None:
    around = codes_around(key, at, 1)
    assume(around[off] != around[0] and around[off] != around[-off])
    verdict = TotpVerifier(key, window=1).verify(around[off], at=at)
    assert verdict.accepted and verdict.reason is Reason.ACCEPTED and verdict.offset == off


# --- reason: clock-drift (outside the window, rejected) --------------------------------------


@fast
@given(keys, times, st.integers(2, 10).flatmap(lambda n: st.sampled_from([-n, n])))
def test_reason_clock_drift(key: bytes, at: float, off: int) -> None:
    around = codes_around(key, at, 10)
    # The scan reports the nearest match, so no closer step may share the code.
    assume(all(around[d] != around[off] for d in around if abs(d) <= abs(off) and d != off))
    verdict = TotpVerifier(key, window=1).verify(around[off], at=at)
    assert rejected(verdict, Reason.CLOCK_DRIFT)
    assert verdict.offset == off
    assert verdict.params == {"offset": off, "window": 1, "step": 30}


# --- reason: replayed ------------------------------------------------------------------------


@fast
@given(keys, times)
def test_reason_replayed_same_step(key: bytes, at: float) -> None:
    verifier = TotpVerifier(key)
    code = totp(key, at)
    assert verifier.verify(code, at=at).accepted
    assert rejected(verifier.verify(code, at=at + 1), Reason.REPLAYED)


@fast
@given(keys, times)
def test_reason_replayed_older_step_after_newer(key: bytes, at: float) -> None:
    around = codes_around(key, at, 1)
    assume(len(set(around.values())) == 3)
    verifier = TotpVerifier(key)
    assert verifier.verify(around[1], at=at).offset == 1
    assert rejected(verifier.verify(around[0], at=at), Reason.REPLAYED)


@fast
@given(demo_seeds, challenges, times)
def test_reason_replayed_challenge_response(seed: str, challenge: str, at: float) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(at, challenge)
    response = card.respond(challenge)
    assert card.verify(response, at=at + 1).accepted
    assert rejected(card.verify(response, at=at + 2), Reason.REPLAYED)


# --- reason: wrong-length, leading-zero-dropped, not-digits ----------------------------------


@fast
@given(keys, times, digit_counts, st.text(string.digits, min_size=1, max_size=20))
def test_reason_wrong_length(key: bytes, at: float, digits: int, typed: str) -> None:
    assume(len(typed) != digits)
    around = codes_around(key, at, 1, digits)
    assume(typed.zfill(digits) not in around.values())
    verdict = TotpVerifier(key, digits=digits).verify(typed, at=at)
    assert rejected(verdict, Reason.WRONG_LENGTH)
    assert verdict.params == {"expected": digits, "got": len(typed)}


@fast
@given(demo_seeds, challenges, st.text(string.digits, min_size=6, max_size=6))
def test_reason_wrong_length_six_for_eight(seed: str, challenge: str, typed: str) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(0.0, challenge)
    assume(typed != challenge and typed.zfill(8) != card.respond(challenge))
    verdict = card.verify(typed, at=1.0)
    assert rejected(verdict, Reason.WRONG_LENGTH)
    assert verdict.params == {"expected": 8, "got": 6}


@fast
@given(keys, times, digit_counts)
def test_reason_leading_zero_dropped(key: bytes, at: float, digits: int) -> None:
    # Walk forward to a step whose code starts with 0 (one in ten do).
    for _ in range(200):
        code = totp(key, at, digits=digits)
        if code.startswith("0"):
            break
        at += 30
    assume(code.startswith("0"))
    verdict = TotpVerifier(key, digits=digits).verify(code[1:], at=at)
    assert rejected(verdict, Reason.LEADING_ZERO_DROPPED)
    assert verdict.params == {"expected": digits, "got": digits - 1, "dropped": 1}


@fast
@given(keys, times, st.integers(0, 5), st.sampled_from(list("aZx#.+O_")))
def test_reason_not_digits(key: bytes, at: float, where: int, junk: str) -> None:
    code = totp(key, at)
    verdict = TotpVerifier(key).verify(code[:where] + junk + code[where + 1 :], at=at)
    assert rejected(verdict, Reason.NOT_DIGITS)


# --- reason: wrong-code ----------------------------------------------------------------------


@fast
@given(keys, times, st.text(string.digits, min_size=6, max_size=6))
def test_reason_wrong_code(key: bytes, at: float, typed: str) -> None:
    assume(typed not in codes_around(key, at, 10).values())
    assert rejected(TotpVerifier(key).verify(typed, at=at), Reason.WRONG_CODE)


# --- reasons from the login screen: challenge-echoed, stale-challenge, expired ---------------


@fast
@given(demo_seeds, challenges, times)
def test_reason_challenge_echoed(seed: str, challenge: str, at: float) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(at, challenge)
    assert rejected(card.verify(challenge, at=at + 5), Reason.CHALLENGE_ECHOED)


@fast
@given(demo_seeds, st.lists(challenges, min_size=2, max_size=5, unique=True), st.data())
def test_reason_stale_challenge(seed: str, issued: list[str], data: st.DataObject) -> None:
    card = demo_dsc(seed)
    for i, challenge in enumerate(issued):
        card.issue_challenge(float(i), challenge)
    old = data.draw(st.integers(0, len(issued) - 2))
    responses = [card.respond(c) for c in issued]
    assume(responses[old] not in responses[old + 1 :])
    verdict = card.verify(responses[old], at=float(len(issued)))
    assert rejected(verdict, Reason.STALE_CHALLENGE)
    assert verdict.params == {"challenges_ago": len(issued) - 1 - old}


@fast
@given(demo_seeds, challenges, times, st.floats(0.001, 1e6))
def test_reason_expired_response(seed: str, challenge: str, at: float, late: float) -> None:
    card = demo_dsc(seed, ttl=300.0)
    card.issue_challenge(at, challenge)
    verdict = card.verify(card.respond(challenge), at=at + 300.0 + late)
    assert rejected(verdict, Reason.EXPIRED)
    assert verdict.params["expired_at"] == at + 300.0


@fast
@given(keys, times, st.floats(0.001, 1e6))
def test_reason_expired_temporary_code(key: bytes, at: float, late: float) -> None:
    temp = TemporaryCode(key, lifetime=600.0)
    code = temp.issue(at).code
    assert temp.verify(code, at=at + 600.0).accepted
    assert rejected(temp.verify(code, at=at + 600.0 + late), Reason.EXPIRED)


@fast
@given(keys, times)
def test_superseded_temporary_code_is_expired(key: bytes, at: float) -> None:
    temp = TemporaryCode(key, single_use=True)
    old = temp.issue(at).code
    new = temp.issue(at + 10).code
    assume(old != new)
    verdict = temp.verify(old, at=at + 20)
    assert rejected(verdict, Reason.EXPIRED) and verdict.params["superseded"] is True
    assert temp.verify(new, at=at + 20).accepted
    assert rejected(temp.verify(new, at=at + 21), Reason.REPLAYED)


# --- reason: wrong-pin -----------------------------------------------------------------------


@fast
@given(demo_seeds, pins, pins)
def test_reason_wrong_pin(seed: str, pin: str, typed: str) -> None:
    assume(pin != typed)
    card = demo_dsc(seed, pin=pin)
    assert rejected(card.check_pin(typed), Reason.WRONG_PIN)
    card.press()
    assert card.enter_pin(typed) == "PIN ERR"


# --- reason: transposed-cell -----------------------------------------------------------------

cells = st.builds(lambda r, c: f"{r}{c}", st.sampled_from("ABCDEFGHIJ"), st.integers(1, 10))


@fast
@given(demo_seeds, st.lists(cells, min_size=2, max_size=2, unique=True))
def test_reason_transposed_cell_order(seed: str, positions: list[str]) -> None:
    card = demo_code_card(seed)
    first, second = (card.cell(p) for p in positions)
    assume(first != second)
    card.issue_challenge(0.0, (positions[0], positions[1]))
    verdict = card.verify(f"{second} {first}", at=1.0)
    assert rejected(verdict, Reason.TRANSPOSED_CELL) and verdict.params == {"kind": "order"}


@fast
@given(demo_seeds, st.lists(cells, min_size=2, max_size=2, unique=True))
def test_reason_transposed_cell_axes(seed: str, positions: list[str]) -> None:
    asked, other = positions
    swapped = swap_axes(asked)
    assume(swapped not in (asked, other))
    card = demo_code_card(seed)
    assume(card.cell(swapped) not in (card.cell(asked), card.cell(other)))
    card.issue_challenge(0.0, (asked, other))
    verdict = card.verify(f"{card.cell(swapped)} {card.cell(other)}", at=1.0)
    assert rejected(verdict, Reason.TRANSPOSED_CELL)
    assert verdict.params == {"kind": "axes", "asked": asked, "typed": swapped}


# --- no false accepts, determinism, fuzzing --------------------------------------------------


@fast
@given(keys, times, st.text(string.digits, min_size=6, max_size=6))
def test_totp_accepts_exactly_the_window_codes(key: bytes, at: float, typed: str) -> None:
    window = codes_around(key, at, 1)
    verdict = TotpVerifier(key).verify(typed, at=at)
    assert verdict.accepted == (typed in window.values())
    assert verdict.accepted == verify_totp(key, typed, at).accepted


@fast
@given(demo_seeds, challenges, st.text(string.digits, min_size=1, max_size=10))
def test_dsc_accepts_only_the_response(seed: str, challenge: str, typed: str) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(0.0, challenge)
    assert card.verify(typed, at=1.0).accepted == (typed == card.respond(challenge))


@fast
@given(demo_seeds, st.text(string.digits + " ", max_size=12))
def test_code_card_accepts_only_the_cells(seed: str, typed: str) -> None:
    card = demo_code_card(seed)
    positions = card.issue_challenge(0.0)
    expected = "".join(card.cell(p) for p in positions)
    assert card.verify(typed, at=1.0).accepted == ("".join(typed.split()) == expected)


@fast
@given(keys, times, st.lists(st.tuples(st.text(max_size=12), st.integers(-90, 90)), max_size=8))
def test_verification_is_deterministic(
    key: bytes, at: float, attempts: list[tuple[str, int]]
) -> None:
    def run() -> list[Verdict]:
        verifier = TotpVerifier(key)
        return [verifier.verify(text, at=at + dt) for text, dt in attempts]

    assert run() == run()
    assert totp(key, at) == totp(key, at)


def _outcome(call: Callable[[], Verdict]) -> None:
    try:
        verdict = call()
    except VerificationError:
        return
    assert isinstance(verdict, Verdict)
    assert verdict.accepted == (verdict.reason is Reason.ACCEPTED)


@fast
@given(st.text(max_size=80), times)
def test_verify_only_raises_verification_error(text: str, at: float) -> None:
    key = b"0123456789abcdef"
    card = demo_dsc()
    card.issue_challenge(at)
    grid = demo_code_card()
    grid.issue_challenge(at)
    temp = TemporaryCode(key)
    temp.issue(at)
    calls: list[Callable[[], Verdict]] = [
        lambda: TotpVerifier(key).verify(text, at=at),
        lambda: verify_totp(key, text, at),
        lambda: card.verify(text, at=at),
        lambda: card.check_pin(text),
        lambda: grid.verify(text, at=at),
        lambda: temp.verify(text, at=at),
    ]
    for call in calls:
        _outcome(call)
        if len(text) > MAX_INPUT:
            try:
                call()
            except VerificationError as exc:
                assert "longer than 64" in str(exc)
            else:
                raise AssertionError("oversize input was not refused")


@fast
@given(st.text(min_size=MAX_INPUT + 1, max_size=200))
def test_oversize_refused_before_normalisation(junk: str) -> None:
    key = b"0123456789abcdef"
    code = totp(key, 59.0)
    # Whitespace that normalisation would strip still counts towards the cap.
    text = (code + " " * len(junk))[: len(junk)]
    try:
        TotpVerifier(key).verify(text, at=59.0)
    except VerificationError as exc:
        assert "longer than 64" in str(exc)
    else:
        raise AssertionError("oversize input was not refused")


def test_nfkc_expansion_does_not_bypass_anything() -> None:
    # Short raw input that NFKC expands past the cap is looked at, then rejected.
    text = "\ufdfa" * 4
    verdict = TotpVerifier(b"0123456789abcdef").verify(text, at=59.0)
    assert rejected(verdict, Reason.NOT_DIGITS)


def test_fullwidth_digits_are_normalised() -> None:
    key = b"0123456789abcdef"
    code = totp(key, 59.0)
    fullwidth = "".join(chr(ord(c) - ord("0") + 0xFF10) for c in code)
    assert TotpVerifier(key).verify(fullwidth[:3] + " " + fullwidth[3:], at=59.0).accepted


@fast
@given(st.binary(min_size=16, max_size=300), st.binary(max_size=200), algorithms)
def test_cached_hmac_equals_stdlib_hmac(key: bytes, message: bytes, alg: str) -> None:
    import hmac

    from troubleshooter.verification.otp import hmac_digest

    assert hmac_digest(key, message, alg) == hmac.digest(key, message, alg)
