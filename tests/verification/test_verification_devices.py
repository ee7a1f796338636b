"""Demo devices, their displays, and the docs walkthrough."""

from __future__ import annotations

import re

import pytest

from troubleshooter.verification import (
    DISPLAY_CHALLENGE,
    DISPLAY_OFF,
    DISPLAY_PIN,
    DISPLAY_PIN_ERROR,
    DSC_SUITE,
    IBKEY_SUITE,
    Reason,
    VerificationError,
    demo_code_card,
    demo_dsc,
    demo_ibkey,
    demo_key,
    demo_temporary_code,
    dsc_walkthrough,
    ocra,
    parse_suite,
    swap_axes,
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
        pytest.param("４３２１", Reason.WRONG_PIN, id="fullwidth-wrong"),
        pytest.param("１２３４", Reason.ACCEPTED, id="fullwidth-right"),
        pytest.param("123", Reason.WRONG_LENGTH, id="short"),
        pytest.param("12a4", Reason.NOT_DIGITS, id="letter"),
        pytest.param("4321", Reason.WRONG_PIN, id="wrong"),
    ],
)
def test_dsc_check_pin(pin: str, reason: Reason) -> None:
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


def test_temporary_code_lifecycle() -> None:
    temp = demo_temporary_code(lifetime=3600.0)
    issued = temp.issue(1000.0)
    assert (issued.issued_at, issued.expires_at) == (1000.0, 4600.0)
    assert len(issued.code) == 8
    assert temp.verify(issued.code, at=2000.0).accepted
    assert temp.verify(issued.code, at=4600.0).accepted  # reusable until it expires
    late = temp.verify(issued.code, at=4601.0)
    assert late.reason is Reason.EXPIRED
    assert late.params == {"expired_at": 4600.0, "late_by": 1.0, "superseded": False}


def test_demo_devices_are_deterministic() -> None:
    a, b = demo_dsc("DEMO-X"), demo_dsc("DEMO-X")
    assert [a.issue_challenge(float(t)) for t in range(5)] == [
        b.issue_challenge(float(t)) for t in range(5)
    ]
    assert demo_code_card("DEMO-X").render() == demo_code_card("DEMO-X").render()
    assert demo_code_card("DEMO-X").render() != demo_code_card("DEMO-Y").render()
    assert demo_temporary_code("DEMO-X").issue(0.0) == demo_temporary_code("DEMO-X").issue(0.0)
