"""click's own words (usage, errors, the help options) in the person's language.

click translates with the standard library's global gettext API, which reads
compiled ``.mo`` catalogs only. ``install`` copies the translations of click's
messages below from our catalog into a ``.mo`` file in a temporary folder, for
the life of the process, and points gettext at it: nothing compiled is kept in
the project, so it can never be stale.
"""

from __future__ import annotations

import atexit
import gettext
import os
import shutil
import tempfile
import unicodedata
from functools import cache
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from ..errors import Problems
from ..hints import N_, N_plural, Plural
from ..languages.i18n import SOURCE_LANG, catalog_path, safe_translation, texts
from ..languages.pofile import read_catalog

DOMAIN = "troubleshooter-click"

# click's messages that this command line can show, exactly as click writes them
# (tests/test_cli_errors.py checks that click still does).
MESSAGES: tuple[str | Plural, ...] = (
    N_("Usage:"),
    N_(": "),  # after a heading: "Options:", "选项："
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Aborted!"),
    N_("default: {default}"),
    N_("{name} {filename!r} is a file."),
    N_("directory"),
    N_("path"),
    N_plural("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", "choices"),
    N_plural(
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
        "args",
    ),
    N_plural(
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
        "nargs",
    ),
    N_plural(
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
        "possibilities",
    ),
)


class Formatter(click.HelpFormatter):
    """click's help layout with the language's colon after headings, and no space
    after a full-width one ("用法：troubleshooter")."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = _spaced(gettext.gettext("Usage:"))
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = gettext.gettext(": ").rstrip()
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


def _spaced(text: str) -> str:
    return text if unicodedata.east_asian_width(text[-1:] or " ") in "WF" else text + " "


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    context_class = Context


class Group(click.Group):
    context_class = Context
    command_class = Command


def install(locales: Path, code: str) -> None:
    """Make click speak language ``code`` (English: click's own words)."""
    os.environ["LANGUAGE"] = code  # the language gettext looks up, whatever LANG says
    gettext.bindtextdomain(DOMAIN, str(_compiled(locales, code)))
    gettext.textdomain(DOMAIN)


@cache
def _compiled(locales: Path, code: str) -> Path:
    """A temporary folder with ``<code>/LC_MESSAGES/<DOMAIN>.mo``, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="troubleshooter-click-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    if code == SOURCE_LANG:
        return folder
    source = read_catalog(catalog_path(locales, code), Problems())
    if source is None:
        return folder
    catalog = Catalog(locale=source.locale, domain=DOMAIN)
    for message in MESSAGES:
        msgid = message if isinstance(message, str) else message.singular
        entry = source.get(msgid)
        if entry is None or entry.fuzzy or not all(texts(entry.string)):
            continue
        if safe_translation(entry.id, entry.string):
            catalog.add(entry.id, entry.string)
    target = folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as f:
        write_mo(f, catalog)
    return folder
