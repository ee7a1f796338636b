"""Languages: gettext catalogs (Babel), their checks, and locale formatting.

English strings in content/, templates and code are the msgids; each other
language has ``locales/<locale>/LC_MESSAGES/messages.po``. A language has two
spellings, mapped here only: its code in URLs, HTML and ``--lang`` is a BCP 47
tag (``zh-Hant``), its catalog folder and Babel locale use ``_`` (``zh_Hant``).
Catalogs are read with Babel straight from the ``.po`` files, so a build never
uses a stale ``.mo``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from gettext import c2py
from pathlib import Path

from babel import Locale, parse_locale
from babel.core import get_global
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_unit_pattern,
    parse_decimal,
)
from babel.support import NullTranslations

from ..content.model import Content, Term
from ..content.source import CONTROL, PLACEHOLDER, Msg
from ..errors import Problems, Where, display_path
from .pofile import read_catalog
from .untrusted import added_markup, formats_safely

SOURCE_LANG = "en"
CATALOG = "LC_MESSAGES/messages.po"
SEEDING = "convert.yml"  # beside a catalog seeded by conversion (languages/convert.py)
_CJK = "\u3400-\u9fff"
_LEADING_NUMBER = re.compile(r"[\d.,]+")
_ASCII_PUNCT_NEAR_CJK = re.compile(rf"[{_CJK}][,;:?!()]|[,;:?!(][{_CJK}]|[{_CJK}]\.(?!\w)")


def languages(locales: Path) -> list[str]:
    """The source language first, then every language with a catalog, as codes (``zh-Hant``)."""
    found = sorted(language_code(p.parent.parent.name) for p in locales.glob(f"*/{CATALOG}"))
    return [SOURCE_LANG, *found]


def locale_name(code: str) -> str:
    """The Babel locale and catalog folder of a language code: ``zh-Hant`` → ``zh_Hant``."""
    return code.replace("-", "_")


def language_code(locale: str) -> str:
    """The language code of a Babel locale or catalog folder: ``zh_Hant`` → ``zh-Hant``."""
    return locale.replace("_", "-")


def catalog_path(locales: Path, code: str) -> Path:
    """Where the catalog of language ``code`` lives."""
    return locales / locale_name(code) / CATALOG


def best_language(wanted: str, published: Iterable[str]) -> str | None:
    """The published language for a locale such as ``zh_TW.UTF-8`` or ``zh-HK``.

    Languages match on their language and script, with Babel's likely subtags:
    ``zh_TW`` and ``zh_HK`` are Traditional (``zh-Hant``), ``zh_CN`` is ``zh``.
    """
    try:
        asked = _script_of(locale_name(wanted.split(".")[0].split("@")[0]))
    except (ValueError, TypeError):
        return None
    return next((code for code in published if _script_of(locale_name(code)) == asked), None)


def language_name(code: str, in_language: str | None = None) -> str:
    """A language's name from CLDR, in ``in_language`` or else in itself: 繁體中文 in
    itself, Traditional Chinese in English, 繁体中文 in ``zh``."""
    names = Locale.parse(locale_name(in_language or code))
    language, script = _script_of(locale_name(code))
    return (
        names.languages.get(f"{language}_{script}")
        or Locale.parse(locale_name(code)).get_display_name(names)
        or code
    )


def is_chinese(code: str) -> bool:
    """Chinese in any script: segmented with jieba, checked for full-width punctuation."""
    return _script_of(locale_name(code))[0] == "zh"


@cache
def _script_of(name: str) -> tuple[str, str | None]:
    language, territory, script = parse_locale(name)[:3]
    likely = get_global("likely_subtags")
    full = likely.get(f"{language}_{territory}") or likely.get(language)
    return language.lower(), script or (parse_locale(full)[2] if full else None)


@dataclass(frozen=True)
class Lang:
    """Everything a renderer needs for one language."""

    code: str
    translations: NullTranslations
    facts: dict[str, str]
    amounts: frozenset[str] = frozenset()  # every sum of the facts, as this language writes it
    tag: str = SOURCE_LANG  # BCP 47, for lang attributes: the catalog's locale (zh-Hans-CN)

    @property
    def locale(self) -> Locale:
        return Locale.parse(locale_name(self.code))

    def gettext(self, text: str) -> str:
        return self.translations.gettext(text)

    def t(self, msg: Msg | str, **params: str) -> str:
        """The translation of ``msg`` with fact placeholders filled in for this language."""
        text = msg.text if isinstance(msg, Msg) else msg
        translated = self.translations.gettext(text) if text else ""
        if "%(" not in translated:  # most strings: no placeholder to fill
            return translated
        values = self.facts | params if params else self.facts
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), translated)

    def money(self, amount: int | None, currency: str = "USD") -> str:
        if amount is None:
            return self.gettext("Unlimited")
        return money(amount, currency, self.code)

    def date(self, day: dt.date) -> str:
        return format_date(day, format="long", locale=locale_name(self.code))

    def number(self, n: int) -> str:
        return format_decimal(n, locale=locale_name(self.code))


@cache  # pure, and called for every cell of every limits table: Babel formatting is slow
def money(amount: int, currency: str, code: str) -> str:
    """An amount in words of the locale: ``500,000 US dollars``; ``50万美元`` where the
    locale counts in myriads and the compact form is exact (else ``12,345美元``); ``50萬 美元``
    in ``zh-Hant``."""
    locale = locale_name(code)
    if compact := _compact(amount, locale):
        pattern = get_currency_unit_pattern(currency, count=amount, locale=locale)
        return pattern.format(compact, get_currency_name(currency, count=amount, locale=locale))
    return format_currency(
        amount, currency, locale=locale, format_type="name", currency_digits=False
    )


@cache
def compact_units(code: str) -> dict[str, int]:
    """The units of the locale's compact amounts and what each is worth (万: 10,000,
    亿: 10⁸, 万亿: 10¹²), longest first; none where the locale does not count in myriads."""
    formats = _myriad_formats(locale_name(code))
    units: dict[str, int] = {}
    for magnitude, pattern in formats.items():
        unit = pattern.pattern.replace("0", "").strip()
        if unit and unit not in units:
            units[unit] = int(magnitude) // 10 ** (pattern.pattern.count("0") - 1)
    return dict(sorted(units.items(), key=lambda u: len(u[0]), reverse=True))


@cache  # Babel builds a locale's data anew for each parse
def _myriad_formats(locale: str) -> Mapping[str, NumberPattern]:
    """Babel's short compact patterns by magnitude, for a locale whose compact forms
    start at ten thousand (万, 萬); empty for one that starts at a thousand (1K)."""
    formats = Locale.parse(locale).compact_decimal_formats["short"]["other"]
    return formats if formats["1000"].pattern == "0" else {}


def _compact(amount: int, locale: str) -> str | None:
    """Babel's compact form (``150万``) in a locale whose compact forms start at ten
    thousand (万, 萬), when it states the amount exactly; else ``None``.

    English has compact forms too (``1.5M``), from a thousand: a help text keeps the
    full figure there, as its readers expect.
    """
    if not _myriad_formats(locale) or amount < 10_000:
        return None
    text = format_compact_decimal(amount, locale=locale, fraction_digits=2)
    number = parse_decimal(_LEADING_NUMBER.match(text).group(0), locale=locale)  # type: ignore[union-attr]
    scale = Decimal(10) ** round(math.log10(amount / number))
    return text if number * scale == amount else None


def translations_from(catalog: Catalog | None) -> NullTranslations:
    """Gettext translations of a catalog's non-fuzzy entries (English when ``None``)."""
    return NullTranslations() if catalog is None else CatalogTranslations(catalog)


class CatalogTranslations(NullTranslations):
    """Babel translations read straight from a parsed catalog.

    Compiling to ``.mo`` in memory (``write_mo``) gave the same lookups but grows
    quadratically with the catalog; dictionaries of the translated, non-fuzzy
    entries are all ``gettext`` and ``ngettext`` need, with the catalog's plural rule.
    A translation with a %-sequence its English lacks (``check`` reports it) is
    left out, so that formatting it can never fail: the English is shown instead.
    """

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        usable = [
            m
            for m in catalog
            if m.id and m.string and not m.fuzzy and safe_translation(m.id, m.string)
        ]
        self._messages = {m.id: str(m.string) for m in usable if isinstance(m.id, str)}
        self._plurals = {m.id[0]: texts(m.string) for m in usable if not isinstance(m.id, str)}
        self._plural = c2py(catalog.plural_expr)

    def gettext(self, message: str) -> str:
        return self._messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plurals.get(msgid1)
        if not forms:
            return msgid1 if n == 1 else msgid2
        return forms[min(self._plural(n), len(forms) - 1)] or forms[0]

    ugettext = gettext  # the names Jinja2's i18n extension looks up first
    ungettext = ngettext


def safe_translation(msgid: object, msgstr: object) -> bool:
    """Whether every form of ``msgstr`` formats with the values of ``msgid``'s forms."""
    return all(formats_safely(" ".join(texts(msgid)), form) for form in texts(msgstr))


def texts(value: object) -> tuple[str, ...]:
    """A catalog entry's id or string as its forms (one, or one per plural form)."""
    return tuple(value) if isinstance(value, (tuple, list)) else (str(value or ""),)


def make_lang(content: Content, code: str, catalog: Catalog | None) -> Lang:
    facts = content.facts.placeholders(
        lambda a: money(a, content.facts.currency, code),
        lambda n: format_decimal(n, locale=locale_name(code)),
    )
    amounts = frozenset(money(a, content.facts.currency, code) for a in content.facts.amounts())
    return Lang(code, translations_from(catalog), facts, amounts, _tag(catalog, code))


def _tag(catalog: Catalog | None, code: str) -> str:
    """The BCP 47 tag of a catalog's ``Language`` header (``zh_Hans_CN`` → ``zh-Hans-CN``),
    which names script and region where the language code alone does not."""
    locale = catalog.locale if catalog is not None else None
    if locale is None:
        return code
    return "-".join(filter(None, (locale.language, locale.script, locale.territory)))


@cache
def cli_translations(locales: Path, code: str) -> NullTranslations:
    """Translations for the command line (English when the catalog is absent or broken)."""
    if code == SOURCE_LANG:
        return NullTranslations()
    return translations_from(read_catalog(catalog_path(locales, code), Problems()))


# -- checks ------------------------------------------------------------------


def check_catalog(path: Path, catalog: Catalog, content: Content | None) -> Problems:
    """Missing, stale (fuzzy), placeholder, markup, glossary and punctuation problems.

    Without ``content`` (it did not load), only what the catalog holds is checked.
    """
    problems = Problems()
    code = language_code(path.parent.parent.name)
    shown = display_path(path)  # once: resolving a path for each entry is slow
    seeded = (path.parent.parent / SEEDING).is_file()
    convert = " or run 'make i18n-convert'" if seeded else ""
    glossary = [t for t in content.glossary if code in t.words] if content is not None else []
    terms = [(t, re.compile(rf"(?<!\w){re.escape(t.en)}(?!\w)")) for t in glossary]
    avoided = _avoided_words(glossary, code)
    for msg in content.messages() if content is not None else ():
        entry = catalog.get(msg.text)
        if entry is None or not entry.string:
            problems.add(
                msg.where,
                f"no {code} translation for {msg.text[:60]!r}",
                f"run 'make i18n-extract i18n-update' and translate it in {path.name}{convert}",
            )
    for entry in catalog:
        if not entry.id:
            continue
        ids, forms = texts(entry.id), texts(entry.string)
        where, line = _source_of(entry, shown), Where(shown, entry.lineno or 1)
        if entry.fuzzy:
            problems.add(
                where,
                f"stale {code} translation of {ids[0][:60]!r}: the English changed",
                f"review the translation in {path.name} and remove its fuzzy flag",
            )
            continue
        if not all(forms):
            problems.add(
                where,
                f"no {code} translation for {ids[0][:60]!r}",
                f"translate it{' in every plural form' if len(ids) > 1 else ''} in {path.name}"
                + convert,
            )
            continue
        for i, form in enumerate(forms):
            msgid = ids[0] if i == 0 and len(forms) > 1 else ids[-1]  # one form: "other"
            _check_entry(msgid, form, where, problems)
            _check_words(code, msgid, form, (where, line), terms, avoided, problems)
    return problems


def _check_words(
    code: str,
    msgid: str,
    msgstr: str,
    at: tuple[Where, Where],
    terms: list[tuple[Term, re.Pattern[str]]],
    avoided: dict[str, tuple[Term, list[str]]],
    problems: Problems,
) -> None:
    """Markup, glossary terms, words to avoid and punctuation of one translation;
    ``at``: where its English is written and its line in the catalog."""
    where, line = at
    for added in added_markup(msgid, msgstr):
        problems.add(
            line,
            f"the {code} translation of {msgid[:40]!r} adds {added} absent from the English",
            "remove it: links and emphasis come from the English source, not the translation",
        )
    _check_terms(code, msgid, msgstr, where, terms, problems)
    for word, (term, allowed) in avoided.items():
        if word in msgstr and word in _without(msgstr, allowed):
            problems.add(
                line,
                f"the {code} translation of {msgid[:40]!r} uses {word!r}, "
                f"which the broker does not write for {term.en!r}",
                f"write {term.words[code]!r} (content/glossary.yml:{term.where.line})",
            )
    if is_chinese(code) and (bad := _ASCII_PUNCT_NEAR_CJK.search(msgstr)):
        problems.add(
            where,
            f"ASCII punctuation {bad.group(0)!r} in Chinese text",
            "use full-width punctuation (，；：？！（）。)",
        )


def _avoided_words(glossary: Iterable[Term], code: str) -> dict[str, tuple[Term, list[str]]]:
    """Each word to avoid in ``code``, with its term and the glossary words that contain
    it but are right (用户 is avoided, 用户名 is the word for "username")."""
    words = [t.words[code] for t in glossary]
    return {
        word: (term, [w for w in words if word in w and w != word])
        for term in glossary
        for word in term.avoid.get(code, ())
    }


def _without(text: str, words: list[str]) -> str:
    for word in sorted(words, key=len, reverse=True):
        text = text.replace(word, "")
    return text


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


def _check_terms(
    code: str,
    msgid: str,
    msgstr: str,
    where: Where,
    glossary: Iterable[tuple[Term, re.Pattern[str]]],
    problems: Problems,
) -> None:
    for term, used in glossary:
        word = term.words[code]
        if word not in msgstr and term.en in msgid and used.search(msgid):
            problems.add(
                where,
                f"the translation of {msgid[:40]!r} does not use the glossary "
                f"term {word!r} for {term.en!r}",
                f"use {word!r} as content/glossary.yml says",
            )


def _source_of(entry: object, shown: str) -> Where:
    """Where an entry's English is written, else its line in the catalog (``shown``)."""
    locations = getattr(entry, "locations", ())
    if locations:
        file, line = locations[0]
        return Where(file, line or 1)
    return Where(shown, getattr(entry, "lineno", None) or 1)
