"""The project's languages, for tests that run once per language."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from troubleshooter.errors import Problems
from troubleshooter.languages.convert import converter, read_seeding
from troubleshooter.languages.i18n import SEEDING, is_chinese, languages, locale_name

ROOT = Path(__file__).resolve().parent.parent
LANGS = tuple(languages(ROOT / "locales"))  # English, then every catalog
OTHERS = LANGS[1:]  # the translated languages
CHINESE = tuple(code for code in LANGS if is_chinese(code))


@cache
def _convert(code: str) -> tuple[str, Callable[[str], str]]:
    seeding = read_seeding(ROOT / "locales" / locale_name(code) / SEEDING, Problems())
    assert seeding is not None, f"{code} has no {SEEDING}"
    return seeding.source, converter(seeding)


def chinese(code: str, simplified: str) -> str:
    """A Simplified Chinese test word as language ``code`` writes it (converted as its
    catalog was seeded): 共享设备 in ``zh-Hant`` is 共享裝置."""
    if code == "zh":
        return simplified
    source, convert = _convert(code)
    return convert(chinese(source, simplified))
