"""The in-browser practice Digital Security Card (docs/assets/dsc-practice.js) in Chromium.

The script must compute exactly what the Python demo card (troubleshooter.demo, on
troubleshooter.verification's OCRA) computes and explain a login the way
``ChallengeLogin.verify`` and ``troubleshooter.hints`` do. The tests run
against a standalone fixture page served next to the script, and against the built site.
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from gettext import NullTranslations
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit, Visitor, _Quiet, axe_violations
from tests.conftest import ROOT
from tests.languages import LANGS
from troubleshooter.demo import DSC_SUITE, DeviceReason, DigitalSecurityCard, demo_key
from troubleshooter.hints import HINTS, Plural, hint
from troubleshooter.languages.i18n import cli_translations
from troubleshooter.verification import Reason, ocra

ASSETS = ROOT / "docs" / "assets"
FIXTURE = Path(__file__).parent / "fixtures" / "dsc-practice.html"
SEED, PIN = "DEMO-ONLY", "1234"
NOW = 1_700_000_000.0


def python_response(seed: str, pin: str, challenge: str) -> str:
    return ocra(DSC_SUITE, demo_key(seed, "dsc"), question=challenge, pin=pin)


def _challenge_with_zeros(seed: str, pin: str, zeros: int) -> str:
    """The first challenge (itself with leading zeros) whose response starts with ``zeros`` 0s."""
    for number in range(10**6):
        challenge = f"{number:06d}"
        if python_response(seed, pin, challenge).startswith("0" * zeros):
            return challenge
    raise AssertionError("no such challenge")


ZERO_CHALLENGE = _challenge_with_zeros(SEED, PIN, 2)  # response "00xxxxxx"
OTHER_CHALLENGE = "482913"


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture page with the current script and styles, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("practice")
    shutil.copy2(FIXTURE, root / "index.html")
    for name in ("dsc-practice.js", "dsc-practice.css"):
        shutil.copy2(ASSETS / name, root / name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def practice(visitor: Visitor, fixture_url: str) -> Visit:
    """A fresh page on the fixture server, checked by the shared visitor."""
    return visitor(base=fixture_url)


DRAW_FROM_QUEUE = """
const real = crypto.getRandomValues.bind(crypto);
crypto.getRandomValues = (a) => {
  if (queue.length && a instanceof Uint32Array && a.length === 1) {
    a[0] = queue.shift();
    return a;
  }
  return real(a);
};"""


def open_card(visit: Visit, *challenges: str, clock: bool = False) -> Page:
    """Open the fixture page; the login screen shows ``challenges`` in turn."""
    page = visit.page
    if clock:  # the page's time stands still at NOW until the test moves it
        page.clock.install(time=NOW - 1)
        page.clock.pause_at(NOW)
    # The script draws each challenge as one random Uint32 modulo 10**6.
    queue = json.dumps([int(c) for c in challenges])
    page.add_init_script(f"(() => {{ const queue = {queue};{DRAW_FROM_QUEUE} }})();")
    visit.open("/")
    page.locator(".dsc-practice[data-ready] .dsc-challenge").wait_for()
    if challenges:
        expect(page.locator(".dsc-challenge")).to_have_text(challenges[0])
    return page


def fixture_strings() -> dict[str, Any]:
    match = re.search(r'data-strings="([^"]*)"', FIXTURE.read_text(encoding="utf-8"))
    assert match is not None
    strings: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return strings


def use_card(page: Page, pin: str, challenge: str, names: dict[str, Any] | None = None) -> str:
    """Click press → PIN → OK → challenge → OK; return the card's display afterwards."""
    names = names or fixture_strings()
    card = page.locator(".dsc-card")
    display = page.locator(".dsc-display")

    def key(digit: str) -> None:
        card.get_by_role("button", name=names["key"] % {"digit": digit}, exact=True).click()

    card.get_by_role("button", name=names["press"], exact=True).click()
    expect(display).to_have_text("PIN>")
    for digit in pin:
        key(digit)
    expect(display).to_have_text("PIN>" + "*" * len(pin))
    card.get_by_role("button", name=names["ok"], exact=True).click()
    if display.inner_text() == "PIN ERR":
        return "PIN ERR"
    expect(display).to_have_text("CHALLNG>")
    for digit in challenge:
        key(digit)
    expect(display).to_have_text("CHALLNG>" + challenge)
    card.get_by_role("button", name=names["ok"], exact=True).click()
    expect(display).to_have_text(re.compile(r"^[0-9]{8}$"))
    return display.inner_text()


def log_in(page: Page, typed: str) -> str:
    """Type ``typed`` on the login screen, log in and return the explained result."""
    result = page.locator(".dsc-result")
    result.evaluate("node => { node.textContent = ''; }")
    page.locator(".dsc-response").fill(typed)
    page.locator(".dsc-login-btn").click()
    expect(result).not_to_have_text("")
    return result.inner_text()


def explained(verdict_hint: str, accepted: bool) -> str:
    return ("✔ " if accepted else "✘ ") + verdict_hint


def python_login(*challenges: str) -> DigitalSecurityCard:
    card = DigitalSecurityCard(demo_key(SEED, "dsc"), PIN, ttl=300)
    for challenge in challenges:
        card.issue_challenge(NOW, challenge)
    return card


def python_says(card: DigitalSecurityCard, typed: str, at: float = NOW + 1) -> str:
    verdict = card.verify(typed, at=at)
    return explained(hint(verdict, NullTranslations()), verdict.accepted)


# --- (1) the same codes as the Python library ------------------------------------------

RESPONSES = [
    pytest.param(SEED, PIN, "123456", id="default-seed"),
    pytest.param(SEED, PIN, "000123", id="challenge-leading-zeros"),
    pytest.param(SEED, PIN, "000000", id="challenge-all-zeros"),
    pytest.param(SEED, PIN, "999999", id="challenge-all-nines"),
    pytest.param(SEED, PIN, ZERO_CHALLENGE, id="response-starts-with-00"),
    pytest.param(SEED, PIN, "7", id="one-digit-challenge"),
    pytest.param(SEED, PIN, "123456789012", id="twelve-digit-challenge-mutual"),
    pytest.param(SEED, "0000", "654321", id="pin-zeros"),
    pytest.param(SEED, "9876", "000123", id="other-pin"),
    pytest.param(SEED, "12345678", "314159", id="long-pin"),
    pytest.param("my-demo-seed", PIN, "271828", id="lower-case-demo-seed"),
    pytest.param("DEMO", "4321", "100000", id="shortest-demo-seed"),
    pytest.param("DEMO 演示 seed", PIN, "000001", id="non-ascii-seed"),
    pytest.param("DEMO-" + "x" * 59, "2468", "135790", id="64-character-seed"),
]


@pytest.mark.parametrize(("seed", "pin", "challenge"), RESPONSES)
def test_script_computes_the_python_response(
    practice: Visit, seed: str, pin: str, challenge: str
) -> None:
    page = open_card(practice)
    got = page.evaluate(
        "([s, p, c]) => window.dscPractice.response(s, p, c)", [seed, pin, challenge]
    )
    assert got == python_response(seed, pin, challenge)


@pytest.mark.parametrize(
    "seed", [pytest.param("REAL-SECRET", id="no-demo"), pytest.param("", id="empty")]
)
def test_script_refuses_a_seed_without_demo(practice: Visit, seed: str) -> None:
    page = open_card(practice)
    error = page.evaluate(
        "s => window.dscPractice.response(s, '1234', '123456').then(() => '', e => e.message)",
        seed,
    )
    assert "DEMO" in error


def test_fixture_has_the_english_hint_of_every_reason_the_script_gives() -> None:
    script = (ASSETS / "dsc-practice.js").read_text(encoding="utf-8")
    given = {r for r in HINTS if re.search(rf'(return \[|show\()"{r.value}"', script)}
    assert {DeviceReason.WRONG_PIN, Reason.ACCEPTED, Reason.WRONG_CODE} <= given
    strings = fixture_strings()
    assert {r.value: strings.get(r.value) for r in given} == {r.value: _english(r) for r in given}


def _english(reason: Reason | DeviceReason) -> str | dict[str, Any]:
    """A hint as the page gives it to the script: a plural one by CLDR category."""
    message = HINTS[reason]
    if isinstance(message, Plural):
        forms = {"one": message.singular, "other": message.plural}
        return {"count": message.count, "forms": forms}
    return message


# --- (2) the card and the login screen, clicked ---------------------------------------


def test_card_shows_the_python_response(practice: Visit) -> None:
    page = open_card(practice, ZERO_CHALLENGE)
    expected = python_response(SEED, PIN, ZERO_CHALLENGE)
    assert use_card(page, PIN, ZERO_CHALLENGE) == expected
    # The card can be used again straight away.
    assert use_card(page, PIN, "000123") == python_response(SEED, PIN, "000123")


def test_wrong_pin_shows_pin_err_and_explains(practice: Visit) -> None:
    page = open_card(practice)
    assert use_card(page, "4321", "123456") == "PIN ERR"
    result = page.locator(".dsc-result").inner_text()
    assert result == explained(HINTS[DeviceReason.WRONG_PIN], accepted=False)
    # After PIN ERR the card is off: digits do nothing until "press".
    page.get_by_role("button", name="Key 5", exact=True).click()
    expect(page.locator(".dsc-display")).to_have_text("PIN ERR")


def test_typing_the_card_response_logs_in(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE)
    response = use_card(page, PIN, OTHER_CHALLENGE)
    result = log_in(page, response)
    assert result == python_says(python_login(OTHER_CHALLENGE), response)
    assert result == explained(HINTS[Reason.ACCEPTED], accepted=True)


def _full_width(code: str) -> str:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in code)
    return wide[:4] + " - " + wide[4:]


LOGINS: list[tuple[str, Callable[[str, str], str], Reason | DeviceReason]] = [
    ("accepted", lambda ch, resp: resp, Reason.ACCEPTED),
    ("challenge-typed-back", lambda ch, resp: ch, DeviceReason.CHALLENGE_ECHOED),
    ("leading-zeros-dropped", lambda ch, resp: resp.lstrip("0"), Reason.LEADING_ZERO_DROPPED),
    ("too-short", lambda ch, resp: resp[:5], Reason.WRONG_LENGTH),
    ("too-long", lambda ch, resp: resp + "1", Reason.WRONG_LENGTH),
    ("empty", lambda ch, resp: "", Reason.WRONG_LENGTH),
    ("one-digit", lambda ch, resp: "7", Reason.WRONG_LENGTH),  # "1 digit", singular
    ("letters", lambda ch, resp: resp[:6] + "ab", Reason.NOT_DIGITS),
    (
        "one-digit-wrong",
        lambda ch, resp: resp[:7] + str((int(resp[7]) + 1) % 10),
        Reason.WRONG_CODE,
    ),
    (
        "computed-with-wrong-pin",
        lambda ch, resp: python_response(SEED, "4321", ch),
        Reason.WRONG_CODE,
    ),
    ("full-width-with-spaces", lambda ch, resp: _full_width(resp), Reason.ACCEPTED),
]


@pytest.mark.parametrize(("typed", "reason"), [pytest.param(t, r, id=i) for i, t, r in LOGINS])
def test_login_explains_like_python(
    practice: Visit, typed: Callable[[str, str], str], reason: Reason | DeviceReason
) -> None:
    page = open_card(practice, ZERO_CHALLENGE)
    text = typed(ZERO_CHALLENGE, python_response(SEED, PIN, ZERO_CHALLENGE))
    card = python_login(ZERO_CHALLENGE)
    assert card.verify(text, at=NOW).reason is reason  # the table is right
    assert log_in(page, text) == python_says(python_login(ZERO_CHALLENGE), text)


def test_leading_zero_hint_names_the_zeros(practice: Visit) -> None:
    page = open_card(practice, ZERO_CHALLENGE)
    response = use_card(page, PIN, ZERO_CHALLENGE)
    two, one = log_in(page, response[2:]), log_in(page, response[1:])
    assert two == python_says(python_login(ZERO_CHALLENGE), response[2:])
    assert "start with 2 zeros:" in two and "8 digits" in two
    assert "start with 1 zero:" in one  # the singular, chosen by Intl.PluralRules


def test_challenge_typed_back_names_the_digit_count(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE)
    assert "Type the 8-digit response code" in log_in(page, OTHER_CHALLENGE)


def test_a_used_response_is_replayed(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE)
    response = use_card(page, PIN, OTHER_CHALLENGE)
    card = python_login(OTHER_CHALLENGE)
    assert log_in(page, response) == python_says(card, response)
    again = log_in(page, response)
    assert again == python_says(card, response)
    assert again == explained(HINTS[Reason.REPLAYED], accepted=False)


def test_a_response_to_an_earlier_challenge_is_stale(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE, ZERO_CHALLENGE)
    old = use_card(page, PIN, OTHER_CHALLENGE)
    page.locator(".dsc-new").click()
    expect(page.locator(".dsc-challenge")).to_have_text(ZERO_CHALLENGE)
    card = python_login(OTHER_CHALLENGE, ZERO_CHALLENGE)
    assert log_in(page, old) == python_says(card, old)
    assert log_in(page, old) == explained(HINTS[DeviceReason.STALE_CHALLENGE], accepted=False)
    # The current challenge still logs in.
    new = python_response(SEED, PIN, ZERO_CHALLENGE)
    assert log_in(page, new) == explained(HINTS[Reason.ACCEPTED], accepted=True)


@pytest.mark.parametrize(
    ("seconds", "reason"),
    [
        pytest.param(299, Reason.ACCEPTED, id="within-ttl"),
        pytest.param(300, Reason.ACCEPTED, id="at-ttl"),
        pytest.param(301, DeviceReason.EXPIRED, id="after-ttl"),
    ],
)
def test_a_late_response_has_expired(
    practice: Visit, seconds: int, reason: Reason | DeviceReason
) -> None:
    page = open_card(practice, OTHER_CHALLENGE, clock=True)
    response = python_response(SEED, PIN, OTHER_CHALLENGE)
    page.clock.fast_forward(seconds * 1000)
    card = python_login(OTHER_CHALLENGE)
    verdict = card.verify(response, at=NOW + seconds)
    assert verdict.reason is reason
    assert log_in(page, response) == explained(hint(verdict, NullTranslations()), verdict.accepted)


# --- (3) keyboard only ------------------------------------------------------------------


def tab_to(page: Page, selector: str, *, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_card_and_login_work_with_the_keyboard_only(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE)
    display = page.locator(".dsc-display")
    tab_to(page, ".dsc-press")
    page.keyboard.press("Enter")
    expect(display).to_have_text("PIN>")
    for digit in PIN:  # Tab along the keypad, pressing Space on each PIN digit
        tab_to(page, f".dsc-key[data-digit='{digit}']")
        page.keyboard.press("Space")
    tab_to(page, ".dsc-ok")
    page.keyboard.press("Enter")
    expect(display).to_have_text("CHALLNG>")
    page.keyboard.type(OTHER_CHALLENGE)  # digits typed while the card has focus
    expect(display).to_have_text("CHALLNG>" + OTHER_CHALLENGE)
    page.keyboard.press("Enter")  # OK still has focus
    response = python_response(SEED, PIN, OTHER_CHALLENGE)
    expect(display).to_have_text(response)
    page.locator("h1").click()
    tab_to(page, ".dsc-response")
    page.keyboard.type(response)
    page.keyboard.press("Enter")
    expect(page.locator(".dsc-result")).to_have_text(
        explained(HINTS[Reason.ACCEPTED], accepted=True)
    )


def test_focus_order_follows_the_widget(practice: Visit) -> None:
    page = open_card(practice)
    page.locator("h1").click()
    order = []
    for _ in range(16):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate(
                "() => document.activeElement.getAttribute('aria-label')"
                " || document.activeElement.className"
            )
        )
    keys = [f"Key {d}" for d in "123456789"]
    assert order == [
        "dsc-new",
        "dsc-response",
        "dsc-login-btn",
        "dsc-press",
        *keys,
        "dsc-clear",
        "Key 0",
        "dsc-ok",
    ]


# --- (4) accessibility ------------------------------------------------------------------


def test_widget_has_no_serious_accessibility_violations(practice: Visit) -> None:
    page = open_card(practice, OTHER_CHALLENGE)
    use_card(page, PIN, OTHER_CHALLENGE)
    log_in(page, OTHER_CHALLENGE)
    assert axe_violations(page) == []


# --- (5) the card on the built site, in both languages -------------------------------


def widget_page(site: Path, lang: str) -> str:
    """The URL path of a troubleshooter page in ``lang`` that renders the practice card."""
    pages = sorted((site / lang / "troubleshooter").rglob("index.html"))
    found = [p for p in pages if 'class="dsc-practice"' in p.read_text(encoding="utf-8")]
    assert found, f"no {lang} troubleshooter page renders the practice card"
    return "/" + found[0].parent.relative_to(site).as_posix() + "/"


@pytest.mark.parametrize("lang", LANGS)
def test_practice_card_on_the_site(visit: Visit, built_site: Path, lang: str) -> None:
    page = visit.open(widget_page(built_site, lang))
    assert page.locator('script[src$="assets/dsc-practice.js"]').count() == 1, (
        "mkdocs.yml extra_javascript must list assets/dsc-practice.js"
    )
    page.locator(".dsc-practice[data-ready] .dsc-challenge").wait_for()
    names = json.loads(page.locator(".dsc-practice").get_attribute("data-strings") or "{}")
    challenge = page.locator(".dsc-challenge").inner_text()
    response = python_response(SEED, PIN, challenge)
    assert use_card(page, PIN, challenge, names) == response
    translations = cli_translations(ROOT / "locales", lang)
    card = python_login(challenge)
    wrong = response[:7] + str((int(response[7]) + 1) % 10)
    for typed in (challenge, wrong, response):
        verdict = card.verify(typed, at=NOW + 1)
        result = log_in(page, typed)
        assert result == explained(hint(verdict, translations), verdict.accepted)
    if lang != "en":  # the translated hint, not the English msgid
        assert HINTS[Reason.ACCEPTED] not in result
        assert result == explained(translations.gettext(str(HINTS[Reason.ACCEPTED])), accepted=True)
    assert axe_violations(page) == []
