"""Demo devices, their displays, their challenges, and the docs walkthrough."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from troubleshooter.demo import (
    DISPLAY_CHALLENGE,
    DISPLAY_OFF,
    DISPLAY_PIN,
    DISPLAY_PIN_ERROR,
    DSC_SUITE,
    IBKEY_SUITE,
    DeviceReason,
    DigitalSecurityCard,
    IBKey,
    SecurityCodeCard,
    demo_code_card,
    demo_dsc,
    demo_ibkey,
    demo_key,
    dsc_walkthrough,
    swap_axes,
)
from troubleshooter.verification import (
    Reason,
    VerificationError,
    ocra,
    parse_suite,
    totp,
)


def test_dsc_suite_is_6_digit_challenge_8_digit_response_with_pin() -> None:
    suite = parse_suite(DSC_SUITE)
    assert (suite.question_format, suite.question_length, suite.digits) == ("N", 6, 8)
    assert suite.pin_algorithm == "sha1"


def test_dsc_state_machine() -> None:
    card = demo_dsc(pin="2468")
    assert card.display == DISPLAY_OFF
    assert card.press() == DISPLAY_PIN == "PIN>"
    assert card.enter_pin("1234") == DISPLAY_PIN_ERROR
    with pytest.raises(VerificationError, match="press"):
        card.enter_pin("2468")
    assert card.press() == "PIN>"
    assert card.enter_pin("2468") == DISPLAY_CHALLENGE == "CHALLNG>"
    response = card.enter_challenge("123456")
    assert re.fullmatch(r"[0-9]{8}", response)
    assert card.display == response
    assert response == ocra(DSC_SUITE, demo_key("DEMO-ONLY", "dsc"), question="123456", pin="2468")
    with pytest.raises(VerificationError, match="CHALLNG"):
        card.enter_challenge("123456")


def test_dsc_challenge_must_be_6_digits() -> None:
    card = demo_dsc()
    card.press()
    card.enter_pin("1234")
    with pytest.raises(VerificationError, match="6 digits"):
        card.enter_challenge("1234567")


@pytest.mark.parametrize(
    ("pin", "reason"),
    [
        pytest.param("1234", Reason.ACCEPTED, id="right"),
        pytest.param("４３２１", DeviceReason.WRONG_PIN, id="fullwidth-wrong"),
        pytest.param("１２３４", Reason.ACCEPTED, id="fullwidth-right"),
        pytest.param("123", Reason.WRONG_LENGTH, id="short"),
        pytest.param("12a4", Reason.NOT_DIGITS, id="letter"),
        pytest.param("4321", DeviceReason.WRONG_PIN, id="wrong"),
    ],
)
def test_dsc_check_pin(pin: str, reason: Reason | DeviceReason) -> None:
    verdict = demo_dsc().check_pin(pin)
    assert verdict.reason is reason
    assert verdict.accepted is (reason is Reason.ACCEPTED)


def test_walkthrough_matches_ocra_and_is_accepted() -> None:
    w = dsc_walkthrough(seed="DEMO-DOCS", pin="1357", challenge="024680")
    assert w.suite == DSC_SUITE
    assert [(s.action, s.typed) for s in w.steps] == [
        ("press", ""),
        ("enter-pin", "1357"),
        ("enter-challenge", "024680"),
    ]
    assert [s.display for s in w.steps] == ["PIN>", "CHALLNG>", w.response]
    key = demo_key("DEMO-DOCS", "dsc")
    assert w.response == ocra(DSC_SUITE, key, question="024680", pin="1357")
    card = demo_dsc("DEMO-DOCS", pin="1357")
    card.issue_challenge(100.0, "024680")
    assert card.verify(w.response, at=130.0).accepted
    assert dsc_walkthrough(seed="DEMO-DOCS", pin="1357", challenge="024680") == w


def test_walkthrough_defaults() -> None:
    w = dsc_walkthrough()
    assert (w.seed, w.pin, w.challenge) == ("DEMO-ONLY", "1234", "123456")
    assert len(w.response) == 8


def test_ibkey_challenge_and_totp() -> None:
    ib = demo_ibkey()
    key = demo_key("DEMO-ONLY", "ibkey")
    assert ib.respond("12345678") == ocra(IBKEY_SUITE, key, question="12345678")
    assert ib.code(1_700_000_000.0) == totp(key, 1_700_000_000.0)
    challenge = ib.issue_challenge(1_700_000_000.0)
    assert len(challenge) == 8
    assert ib.verify_response(ib.respond(challenge), at=1_700_000_010.0).accepted
    assert ib.verify(ib.code(1_700_000_000.0), at=1_700_000_000.0).accepted


def test_code_card_render_and_cells() -> None:
    card = demo_code_card()
    lines = card.render().splitlines()
    assert len(lines) == 11
    assert lines[0].split() == ["DEMO", *map(str, range(1, 11))]
    assert lines[2].split()[0] == "B"
    assert lines[2].split()[3] == card.cell("B3") == card.cell(" b3 ")
    assert all(re.fullmatch(r"[0-9]{3}", c) for line in lines[1:] for c in line.split()[1:])
    with pytest.raises(VerificationError, match="A1-J10"):
        card.cell("K1")
    assert swap_axes("B3") == "C2"
    assert swap_axes("J10") == "J10"
    assert swap_axes("A10") == "J1"


def test_code_card_accepts_separators_or_run_together() -> None:
    card = demo_code_card(asked=3)
    positions = card.issue_challenge(0.0, ("A1", "b2", "C3"))
    assert positions == ("A1", "B2", "C3")
    codes = [card.cell(p) for p in positions]
    assert card.verify("".join(codes), at=1.0).accepted
    card.issue_challenge(2.0, ("A1", "B2", "C3"))
    assert card.verify(", ".join(codes), at=3.0).accepted
    card.issue_challenge(4.0, ("A1", "B2", "C3"))
    assert card.verify(" / ".join(codes), at=5.0).accepted


def test_code_card_issue_validates_positions() -> None:
    card = demo_code_card()
    with pytest.raises(VerificationError, match="2 distinct cells"):
        card.issue_challenge(0.0, ("A1", "A1"))
    with pytest.raises(VerificationError, match="2 distinct cells"):
        card.issue_challenge(0.0, ("A1", "Z9"))


def test_ibkey_totp_accepts_a_step_once() -> None:
    ib = demo_ibkey()
    at = 1_700_000_000.0
    code = ib.code(at)
    assert ib.verify(code, at=at).accepted
    assert ib.verify(code, at=at + 1).reason is Reason.REPLAYED
    assert ib.verify(ib.code(at + 30), at=at + 30).accepted
    assert ib.verify(code, at=at + 30).reason is Reason.REPLAYED  # an older step, now used up


def test_ibkey_explains_a_slow_clock_but_not_a_fast_one() -> None:
    ib = demo_ibkey()
    at = 1_700_000_000.0
    slow, fast = ib.code(at - 5 * 30), ib.code(at + 5 * 30)
    window = {ib.code(at + 30 * d) for d in (-1, 0, 1)}
    assert slow not in window and fast not in window  # true for this key and time
    verdict = ib.verify(slow, at=at)
    assert verdict.reason is Reason.CLOCK_DRIFT and verdict.offset == -5
    assert ib.verify(fast, at=at).reason is Reason.WRONG_CODE


@pytest.mark.parametrize("window", [-1, 3, True, 1.0], ids=["negative", "wide", "bool", "float"])
def test_ibkey_refuses_a_bad_window(window: object) -> None:
    with pytest.raises(VerificationError, match="window"):
        IBKey(demo_key("DEMO", "ibkey"), window=window)  # type: ignore[arg-type]


# --- challenges come from secrets: devices never accept each other's responses ----------

MAKERS = {
    "dsc": lambda: demo_dsc(),
    "ibkey": lambda: demo_ibkey(),
}


@pytest.mark.parametrize("device", sorted(MAKERS))
def test_two_demo_devices_do_not_accept_each_others_responses(device: str) -> None:
    logins = [MAKERS[device]() for _ in range(20)]
    challenges = [login.issue_challenge(0.0) for login in logins]
    # Same seed, same key: only the challenge keeps one login from accepting another's reply.
    assert len(set(challenges)) > 1, "every new device drew the same challenge"
    first = logins[0]
    for other, challenge in zip(logins[1:], challenges[1:], strict=True):
        if challenge != challenges[0]:
            response = other.respond(challenge)
            verify = first.verify if device == "dsc" else first.verify_response
            assert not verify(response, at=1.0)


def test_one_device_draws_a_new_challenge_each_time() -> None:
    card = demo_dsc()
    assert len({card.issue_challenge(float(t)) for t in range(20)}) > 1


def test_code_card_positions_are_drawn_at_random() -> None:
    asked = {demo_code_card().issue_challenge(0.0) for _ in range(20)}
    assert len(asked) > 1
    for positions in asked:
        assert len(set(positions)) == 2 and all(
            re.fullmatch(r"[A-J](10|[1-9])", p) for p in positions
        )


# --- keys -----------------------------------------------------------------------------------

KEY = b"0123456789abcdef0123456789abcdef"
Device = DigitalSecurityCard | IBKey | SecurityCodeCard
DEVICES: list[Callable[[bytes], Device]] = [
    lambda k: DigitalSecurityCard(k, "1234"),
    lambda k: IBKey(k),
    lambda k: SecurityCodeCard(k),
]
DEVICE_IDS = ["dsc", "ibkey", "card"]


def _fingerprint(device: Device) -> str:
    """Something each device computes from its key."""
    if isinstance(device, SecurityCodeCard):
        return device.render()
    return device.respond("12345678" if isinstance(device, IBKey) else "123456")


@pytest.mark.parametrize("make", DEVICES, ids=DEVICE_IDS)
def test_devices_copy_a_mutable_key(make: Callable[[bytes], Device]) -> None:
    buffer = bytearray(KEY)
    device = make(buffer)  # type: ignore[arg-type]
    before = _fingerprint(device)
    buffer[:] = bytes(len(buffer))  # the caller wipes or reuses its buffer
    assert _fingerprint(device) == before == _fingerprint(make(KEY))


@pytest.mark.parametrize("key", [b"", b"short", bytearray(15)], ids=["empty", "short", "15-bytes"])
@pytest.mark.parametrize("make", DEVICES, ids=DEVICE_IDS)
def test_devices_refuse_empty_or_short_keys(make: Callable[[bytes], Device], key: bytes) -> None:
    with pytest.raises(VerificationError, match="key must be 16-1024 bytes"):
        make(key)


def test_demo_seed_must_say_demo() -> None:
    with pytest.raises(VerificationError, match="must contain 'DEMO'"):
        demo_key("correct horse battery staple", "dsc")
    with pytest.raises(VerificationError, match="must contain 'DEMO'"):
        demo_dsc("my-real-seed")
    assert demo_key("my-demo-seed", "dsc") != demo_key("my-demo-seed", "ibkey")


def test_challenge_login_needs_a_challenge() -> None:
    card = demo_dsc()
    with pytest.raises(VerificationError, match="no challenge issued"):
        card.verify("12345678", at=0.0)
    with pytest.raises(VerificationError, match="6 ASCII digits"):
        card.issue_challenge(0.0, "12345")


def test_demo_keys_are_deterministic() -> None:
    assert demo_code_card("DEMO-X").render() == demo_code_card("DEMO-X").render()
    assert demo_code_card("DEMO-X").render() != demo_code_card("DEMO-Y").render()
    assert demo_dsc("DEMO-X").respond("123456") == demo_dsc("DEMO-X").respond("123456")
    assert demo_dsc("DEMO-X").respond("123456") != demo_dsc("DEMO-Y").respond("123456")
