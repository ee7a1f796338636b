"""Practice mode and the explained hints, in both languages."""

from __future__ import annotations

import re
from collections.abc import Callable
from gettext import NullTranslations

import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from tests.languages import CHINESE, LANGS, OTHERS
from troubleshooter.cli.main import main
from troubleshooter.cli.practice import Console, practise_card, practise_dsc, practise_ibkey
from troubleshooter.demo import DeviceReason, demo_code_card, demo_dsc, demo_ibkey, dsc_walkthrough
from troubleshooter.hints import HINTS, NEW_CODE, example, hint
from troubleshooter.languages.i18n import cli_translations
from troubleshooter.verification import Reason, Verdict


def translations(lang: str) -> NullTranslations:
    return cli_translations(ROOT / "locales", lang)


class Person:
    """Answers the practice prompts by reading what the screen said so far."""

    def __init__(self, answer: Callable[[str, list[str]], str], lang: str = "en") -> None:
        self.lines: list[str] = []
        self.answer = answer
        self.io = Console(
            say=self.lines.append,
            ask=self._ask,
            translations=translations(lang),
            clock=lambda: 1_700_000_000.0,
        )

    def _ask(self, prompt: str) -> str:
        self.lines.append(prompt)
        return self.answer(prompt, self.lines)


def last_code(lines: list[str]) -> str:
    return re.findall(r"(?<!\d)\d{6,8}(?!\d)", "\n".join(lines))[-1]


@pytest.mark.parametrize("lang", LANGS)
def test_dsc_practice_accepts_the_card_response(lang: str) -> None:
    def answer(prompt: str, lines: list[str]) -> str:
        return "1234" if "PIN" in prompt else last_code(lines)

    person = Person(answer, lang)
    assert practise_dsc(person.io)
    assert person.lines[-1].startswith("✔")
    assert hint(Verdict(True, Reason.ACCEPTED), translations(lang)) in person.lines[-1]


def test_dsc_practice_explains_a_typed_back_challenge() -> None:
    card = demo_dsc()

    typed: list[str] = []

    def answer(prompt: str, lines: list[str]) -> str:
        challenge = card.current_challenge
        assert challenge is not None
        if "PIN" in prompt:
            return "1234"
        if "response" not in prompt:
            return challenge.text
        typed.append(challenge.text if not typed else last_code(lines))  # then the right one
        return typed[-1]

    person = Person(answer)
    assert practise_dsc(person.io, card)  # a wrong response lets the person try again
    assert any("That is the challenge code" in line for line in person.lines)
    assert person.lines[-1].startswith("✔")


def test_dsc_practice_explains_a_wrong_pin_and_asks_again() -> None:
    pins = iter(["9999", "1234"])

    def answer(prompt: str, lines: list[str]) -> str:
        return next(pins) if "PIN" in prompt else last_code(lines)

    person = Person(answer)
    assert practise_dsc(person.io)
    wrong = next(i for i, line in enumerate(person.lines) if "The PIN is wrong" in line)
    assert "1234" in person.lines[wrong + 1]  # the demo PIN is said, never a real one asked


def test_ibkey_practice_accepts_the_app_response() -> None:
    app = demo_ibkey()

    def answer(prompt: str, lines: list[str]) -> str:
        challenge = app.current_challenge
        assert challenge is not None
        return challenge.text if "into IB Key" in prompt else app.respond(challenge.text)

    assert practise_ibkey(Person(answer).io, app)


def test_card_practice_explains_codes_in_the_wrong_order() -> None:
    card = demo_code_card()

    tries: list[str] = []

    def answer(prompt: str, lines: list[str]) -> str:
        asked = card.current_challenge
        assert asked is not None
        order = asked.positions if tries else tuple(reversed(asked.positions))
        tries.append(" ".join(card.cell(p) for p in order))
        return tries[-1]

    person = Person(answer)
    assert practise_card(person.io, card)
    assert any("wrong order" in line for line in person.lines)


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_response_says_what_is_new_and_ends_the_round(lang: str) -> None:
    from troubleshooter.cli.practice import session

    codes: list[str] = []

    def answer(prompt: str, lines: list[str]) -> str:
        if "PIN" in prompt:
            return "1234"
        if "on the card" in prompt or "卡片" in prompt:  # the challenge, typed on the card
            return last_code(lines)
        codes.append(last_code(lines))
        return codes[0]  # the first round's response, typed again in the second

    practise, second = session("dsc"), Person(answer, lang)
    assert practise(Person(answer, lang).io)
    assert not practise(second.io)
    new_code = translations(lang).gettext(NEW_CODE["dsc"])
    assert second.lines[-1] == new_code


def test_every_reason_a_verifier_can_give_has_a_hint() -> None:
    assert set(HINTS) == {*Reason, *DeviceReason}


@pytest.mark.parametrize("lang", CHINESE)
@pytest.mark.parametrize("reason", list(HINTS), ids=[r.value for r in HINTS])
def test_every_reason_has_a_hint_in_every_language(
    reason: Reason | DeviceReason, lang: str
) -> None:
    verdict = example(reason)
    english, translated = hint(verdict, translations("en")), hint(verdict, translations(lang))
    assert "%(" not in english + translated
    assert english != translated
    assert re.search(r"[\u4e00-\u9fff]", translated)


@pytest.mark.parametrize("lang", OTHERS)
def test_practice_command_leaves_cleanly_at_end_of_input(lang: str) -> None:
    result = CliRunner().invoke(main, ["practice", "dsc", "--lang", lang], input="")
    assert result.exit_code == 0
    assert translations(lang).gettext("Practice finished.") in result.output


def test_practice_never_asks_for_a_real_secret() -> None:
    result = CliRunner().invoke(main, ["practice", "dsc"], input="")
    assert "Never type your real PIN here" in result.output


def test_the_demo_card_follows_the_facts_of_the_real_one() -> None:
    from troubleshooter.project import load_project

    numbers = load_project(ROOT).content.facts.numbers
    walk = dsc_walkthrough()
    assert len(walk.pin) == numbers["dsc_pin_digits"]
    assert len(walk.challenge) == numbers["dsc_challenge_digits"]
    assert len(walk.response) == numbers["dsc_response_digits"]


def test_a_practice_session_keeps_its_device_across_rounds() -> None:
    from troubleshooter.cli.practice import session

    def answer(prompt: str, lines: list[str]) -> str:
        return "1234" if "PIN" in prompt else last_code(lines)

    practise = session("dsc")
    first, second = Person(answer), Person(answer)
    assert practise(first.io)
    assert practise(second.io)
    challenges = [line for line in first.lines + second.lines if "Challenge code:" in line]
    assert len(set(challenges)) == 2, "each round shows a new challenge"
