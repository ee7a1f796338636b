"""Languages: gettext catalogs (Babel), their checks, and locale formatting.

English strings in content/, templates and code are the msgids; each other
language has ``locales/<lang>/LC_MESSAGES/messages.po``. Catalogs are read with
Babel straight from the ``.po`` files, so a build never uses a stale ``.mo``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations

from ..content.model import Content, Term
from ..content.source import CONTROL, PLACEHOLDER, Msg
from ..errors import Problems, Where, display_path
from .pofile import read_catalog
from .untrusted import added_markup, formats_safely

SOURCE_LANG = "en"
CATALOG = "LC_MESSAGES/messages.po"
_CJK = "\u3400-\u9fff"
_ASCII_PUNCT_NEAR_CJK = re.compile(rf"[{_CJK}][,;:?!()]|[,;:?!(][{_CJK}]|[{_CJK}]\.(?!\w)")


def languages(locales: Path) -> list[str]:
    """The source language first, then every language with a catalog."""
    found = sorted(p.parent.parent.name for p in locales.glob(f"*/{CATALOG}"))
    return [SOURCE_LANG, *found]


@dataclass(frozen=True)
class Lang:
    """Everything a renderer needs for one language."""

    code: str
    translations: NullTranslations
    facts: dict[str, str]

    @property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    def gettext(self, text: str) -> str:
        return self.translations.gettext(text)

    def t(self, msg: Msg | str, **params: str) -> str:
        """The translation of ``msg`` with fact placeholders filled in for this language."""
        text = msg.text if isinstance(msg, Msg) else msg
        translated = self.translations.gettext(text) if text else ""
        values = self.facts | params
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), translated)

    def money(self, amount: int | None, currency: str = "USD") -> str:
        if amount is None:
            return self.gettext("Unlimited")
        return money(amount, currency, self.code)

    def date(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=self.code)

    def number(self, n: int) -> str:
        return format_decimal(n, locale=self.code)


@cache  # pure, and called for every cell of every limits table: Babel formatting is slow
def money(amount: int, currency: str, code: str) -> str:
    """An amount in words of the locale: ``500,000 US dollars``, ``500,000美元``."""
    return format_currency(amount, currency, locale=code, format_type="name", currency_digits=False)


def translations_from(catalog: Catalog | None) -> NullTranslations:
    """Gettext translations of a catalog's non-fuzzy entries (English when ``None``)."""
    return NullTranslations() if catalog is None else CatalogTranslations(catalog)


class CatalogTranslations(NullTranslations):
    """Babel translations read straight from a parsed catalog.

    Compiling to ``.mo`` in memory (``write_mo``) gave the same lookups but grows
    quadratically with the catalog; the content has no plural messages, so a
    dictionary of the translated, non-fuzzy entries is all ``gettext`` needs.
    A translation with a %-sequence its English lacks (``check`` reports it) is
    left out, so that formatting it can never fail: the English is shown instead.
    """

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self._messages = {
            m.id: m.string
            for m in catalog
            if isinstance(m.id, str)
            and m.id
            and isinstance(m.string, str)
            and m.string
            and not m.fuzzy
            and formats_safely(m.id, m.string)
        }

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    ugettext = gettext  # the name Jinja2's i18n extension looks up first


def make_lang(content: Content, code: str, catalog: Catalog | None) -> Lang:
    facts = content.facts.placeholders(
        lambda a: money(a, content.facts.currency, code), lambda n: format_decimal(n, locale=code)
    )
    return Lang(code, translations_from(catalog), facts)


@cache
def cli_translations(locales: Path, code: str) -> NullTranslations:
    """Translations for the command line (English when the catalog is absent or broken)."""
    if code == SOURCE_LANG:
        return NullTranslations()
    return translations_from(read_catalog(locales / code / CATALOG, Problems()))


# -- checks ------------------------------------------------------------------


def check_catalog(path: Path, catalog: Catalog, content: Content | None) -> Problems:
    """Missing, stale (fuzzy), placeholder, markup, glossary and punctuation problems.

    Without ``content`` (it did not load), only what the catalog holds is checked.
    """
    problems = Problems()
    code = path.parent.parent.name
    shown = display_path(path)  # once: resolving a path for each entry is slow
    glossary = content.glossary if content is not None else ()
    terms = [(t, re.compile(rf"(?<!\w){re.escape(t.en)}(?!\w)")) for t in glossary]
    for msg in content.messages() if content is not None else ():
        entry = catalog.get(msg.text)
        if entry is None or not entry.string:
            problems.add(
                msg.where,
                f"no {code} translation for {msg.text[:60]!r}",
                f"run 'make i18n-extract i18n-update' and translate it in {path.name}",
            )
    for entry in catalog:
        if not entry.id or not isinstance(entry.id, str):
            continue
        where = _source_of(entry, shown)
        if entry.fuzzy:
            problems.add(
                where,
                f"stale {code} translation of {entry.id[:60]!r}: the English changed",
                f"review the translation in {path.name} and remove its fuzzy flag",
            )
            continue
        if not entry.string:
            problems.add(
                where,
                f"no {code} translation for {entry.id[:60]!r}",
                f"translate it in {path.name}",
            )
            continue
        assert isinstance(entry.string, str)
        _check_entry(entry.id, entry.string, where, problems)
        for added in added_markup(entry.id, entry.string):
            problems.add(
                Where(shown, entry.lineno or 1),
                f"the {code} translation of {entry.id[:40]!r} adds {added} absent from the English",
                "remove it: links and emphasis come from the English source, not the translation",
            )
        if code.startswith("zh"):
            _check_chinese(entry.id, entry.string, where, terms, problems)
    return problems


def _check_entry(msgid: str, msgstr: str, where: Where, problems: Problems) -> None:
    if bad := CONTROL.search(msgstr):
        problems.add(
            where,
            f"control character U+{ord(bad.group(0)):04X} in the translation of {msgid[:40]!r}",
            "remove it",
        )
    if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
        problems.add(
            where,
            f"placeholders differ in the translation of {msgid[:50]!r}",
            "use exactly the placeholders of the English: "
            + (", ".join(f"%({p})s" for p in PLACEHOLDER.findall(msgid)) or "none"),
        )


def _check_chinese(
    msgid: str,
    msgstr: str,
    where: Where,
    glossary: Iterable[tuple[Term, re.Pattern[str]]],
    problems: Problems,
) -> None:
    for term, used in glossary:
        if term.zh not in msgstr and used.search(msgid):
            problems.add(
                where,
                f"the translation of {msgid[:40]!r} does not use the glossary "
                f"term {term.zh!r} for {term.en!r}",
                f"use {term.zh!r} as content/glossary.yml says",
            )
    if bad := _ASCII_PUNCT_NEAR_CJK.search(msgstr):
        problems.add(
            where,
            f"ASCII punctuation {bad.group(0)!r} in Chinese text",
            "use full-width punctuation (，；：？！（）。)",
        )


def _source_of(entry: object, shown: str) -> Where:
    """Where an entry's English is written, else its line in the catalog (``shown``)."""
    locations = getattr(entry, "locations", ())
    if locations:
        file, line = locations[0]
        return Where(file, line or 1)
    return Where(shown, getattr(entry, "lineno", None) or 1)
