"""click's own words (usage, headings, errors, help options) in the person's language."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import BIN, ROOT
from tests.languages import OTHERS
from troubleshooter.cli.clicktext import MESSAGES
from troubleshooter.cli.main import main
from troubleshooter.languages.i18n import cli_translations


def _say(code: str, *args: str) -> tuple[int, str]:
    """The command line as a person with this language in their environment runs it."""
    env = os.environ | {"LANGUAGE": code, "LC_ALL": "", "COLUMNS": "100"}
    done = subprocess.run(
        [str(BIN / "troubleshooter"), *args], env=env, capture_output=True, text=True, timeout=60
    )
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("code", OTHERS)
def test_help_and_errors_speak_the_language_of_the_environment(code: str) -> None:
    words = cli_translations(ROOT / "locales", code)
    heading = words.gettext("Options") + words.gettext(": ").rstrip()
    assert heading != "Options:"  # translated, with the language's colon
    status, shown = _say(code, "--help")
    assert status == 0 and shown.startswith(words.gettext("Usage:"))
    assert heading in shown and words.gettext("Show this message and exit.") in shown
    assert "Usage" not in shown and "Show the version" not in shown
    status, shown = _say(code, "reply", "--lang", "xx")
    assert status == 2
    assert words.gettext("Error: {message}").split("{")[0] in shown and "Error" not in shown


@pytest.mark.parametrize("code", OTHERS)
def test_output_defaults_to_the_language_of_the_environment(code: str) -> None:
    """Without ``--lang``, what the command writes is in the person's language, and its
    help says so (it used to state English whatever the default was)."""
    status, shown = _say(code, "reply", "--help")
    assert status == 0 and f"({code})" in shown and "(en)" not in shown
    status, replied = _say(code, "reply", "rejoin-sls")
    assert status == 0
    assert replied == _say("en", "reply", "rejoin-sls", "--lang", code)[1]


def test_english_keeps_clicks_words_after_another_language() -> None:
    """click's words are installed per run: one in Chinese leaves English untouched."""
    runner = CliRunner()
    runner.invoke(main, ["--help"], env={"LANGUAGE": OTHERS[0], "LC_ALL": ""})
    shown = runner.invoke(main, ["--help"], env={"LANGUAGE": "en", "LC_ALL": ""}).output
    assert shown.startswith("Usage: ") and "Options:" in shown


def test_the_words_are_clicks_own() -> None:
    """Each message is one click writes, so that a click upgrade that rewords one fails here."""
    source = "".join(p.read_text("utf-8") for p in Path(click.__file__).parent.glob("*.py"))
    for message in MESSAGES:
        texts = (message,) if isinstance(message, str) else (message.singular, message.plural)
        for text in texts:
            assert text == ": " or repr(text) in source or f'"{text}"' in source, text
