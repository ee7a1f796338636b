"""Property tests of the demo devices: one scenario per reason, no false accepts, any input."""

from __future__ import annotations

import string
from collections.abc import Callable

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from troubleshooter.demo import DemoVerdict, DeviceReason, demo_code_card, demo_dsc, swap_axes
from troubleshooter.verification import MAX_INPUT, Reason, Verdict, VerificationError

fast = settings(deadline=None, max_examples=60)

times = st.integers(min_value=3600, max_value=4_000_000_000).map(float)
pins = st.text(string.digits, min_size=4, max_size=4)
challenges = st.text(string.digits, min_size=6, max_size=6)
demo_seeds = st.text(string.ascii_letters, max_size=8).map(lambda s: f"DEMO-{s}")
cells = st.builds(lambda r, c: f"{r}{c}", st.sampled_from("ABCDEFGHIJ"), st.integers(1, 10))


def refused(verdict: DemoVerdict, reason: Reason | DeviceReason) -> bool:
    return verdict.reason is reason and not verdict.accepted and not verdict


@fast
@given(demo_seeds, challenges, times)
def test_reason_replayed_challenge_response(seed: str, challenge: str, at: float) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(at, challenge)
    response = card.respond(challenge)
    assert card.verify(response, at=at + 1)
    assert refused(card.verify(response, at=at + 2), Reason.REPLAYED)


@fast
@given(demo_seeds, challenges, st.text(string.digits, min_size=6, max_size=6))
def test_reason_wrong_length_six_for_eight(seed: str, challenge: str, typed: str) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(0.0, challenge)
    assume(typed != challenge and typed.zfill(8) != card.respond(challenge))
    verdict = card.verify(typed, at=1.0)
    assert refused(verdict, Reason.WRONG_LENGTH)
    assert verdict.params == {"expected": 8, "got": 6}


@fast
@given(demo_seeds, challenges, times)
def test_reason_challenge_echoed(seed: str, challenge: str, at: float) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(at, challenge)
    assert refused(card.verify(challenge, at=at + 5), DeviceReason.CHALLENGE_ECHOED)


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
    assert refused(verdict, DeviceReason.STALE_CHALLENGE)
    assert verdict.params == {"challenges_ago": len(issued) - 1 - old}


@fast
@given(demo_seeds, challenges, times, st.floats(0.001, 1e6))
def test_reason_expired_response(seed: str, challenge: str, at: float, late: float) -> None:
    card = demo_dsc(seed, ttl=300.0)
    card.issue_challenge(at, challenge)
    assert card.verify(card.respond(challenge), at=at + 300.0)  # the last moment still counts
    card.issue_challenge(at, challenge)
    verdict = card.verify(card.respond(challenge), at=at + 300.0 + late)
    assert refused(verdict, DeviceReason.EXPIRED)
    assert verdict.params["expired_at"] == at + 300.0


@fast
@given(demo_seeds, pins, pins)
def test_reason_wrong_pin(seed: str, pin: str, typed: str) -> None:
    assume(pin != typed)
    card = demo_dsc(seed, pin=pin)
    assert refused(card.check_pin(typed), DeviceReason.WRONG_PIN)
    card.press()
    assert card.enter_pin(typed) == "PIN ERR"


@fast
@given(demo_seeds, st.lists(cells, min_size=2, max_size=2, unique=True))
def test_reason_transposed_cell_order(seed: str, positions: list[str]) -> None:
    card = demo_code_card(seed)
    first, second = (card.cell(p) for p in positions)
    assume(first != second)
    card.issue_challenge(0.0, (positions[0], positions[1]))
    verdict = card.verify(f"{second} {first}", at=1.0)
    assert refused(verdict, DeviceReason.TRANSPOSED_CELL) and verdict.params == {"kind": "order"}


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
    assert refused(verdict, DeviceReason.TRANSPOSED_CELL)
    assert verdict.params == {"kind": "axes", "asked": asked, "typed": swapped}


@fast
@given(demo_seeds, challenges, st.text(string.digits, min_size=1, max_size=10))
def test_dsc_accepts_only_the_response(seed: str, challenge: str, typed: str) -> None:
    card = demo_dsc(seed)
    card.issue_challenge(0.0, challenge)
    assert bool(card.verify(typed, at=1.0)) == (typed == card.respond(challenge))


@fast
@given(demo_seeds, st.text(string.digits + " ", max_size=12))
def test_code_card_accepts_only_the_cells(seed: str, typed: str) -> None:
    card = demo_code_card(seed)
    positions = card.issue_challenge(0.0)
    expected = "".join(card.cell(p) for p in positions)
    assert bool(card.verify(typed, at=1.0)) == ("".join(typed.split()) == expected)


@fast
@given(st.text(max_size=80), times)
def test_verify_only_raises_verification_error(text: str, at: float) -> None:
    card = demo_dsc()
    card.issue_challenge(at)
    grid = demo_code_card()
    grid.issue_challenge(at)
    calls: list[Callable[[], DemoVerdict]] = [
        lambda: card.verify(text, at=at),
        lambda: card.check_pin(text),
        lambda: grid.verify(text, at=at),
    ]
    for call in calls:
        try:
            verdict = call()
        except VerificationError as exc:
            assert len(text) > MAX_INPUT and "longer than 64" in str(exc)
        else:
            assert len(text) <= MAX_INPUT
            assert isinstance(verdict, Verdict)
            assert verdict.accepted == (verdict.reason is Reason.ACCEPTED)
