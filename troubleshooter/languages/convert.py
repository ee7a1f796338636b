"""Seed a catalog by converting another one: Traditional Chinese from Simplified with OpenCC.

A language that is seeded has ``locales/<locale>/convert.yml``: the catalog it is
converted from, OpenCC's conversion, and a reviewed list of replacements applied
after it (the broker's own terms, where conversion picks another word). A
converted entry carries the flag ``converted`` until a translator reviews it and
removes the flag, like ``fuzzy``. Converting again touches only entries that are
untranslated, fuzzy or still flagged: a reviewed translation is never overwritten.

Run it as ``python -m troubleshooter.languages.convert [--root DIR] [--all]``
(``make i18n-convert`` does).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..content.source import load_yaml
from ..errors import ContentError, Problems
from .i18n import SEEDING, catalog_path, languages, locale_name
from .pofile import read_catalog

CONVERTED = "converted"  # the flag of an entry no person has reviewed yet


@dataclass(frozen=True)
class Seeding:
    """How one language is converted from another."""

    source: str  # language code of the catalog converted
    conversion: str  # OpenCC's configuration, e.g. s2tw
    replace: dict[str, str]  # after conversion: wrong word -> the broker's word


def read_seeding(path: Path, problems: Problems) -> Seeding | None:
    root = load_yaml(path, problems)
    if root is None:
        return None
    fields = root.mapping(("source", "conversion", "replace"))
    if len(fields) < 3:
        return None
    replace = {key: value.str() for key, value in fields["replace"].items()}
    return Seeding(fields["source"].str(), fields["conversion"].str(), replace)


def converter(seeding: Seeding) -> Callable[[str], str]:
    """OpenCC's conversion, then the replacements, longest first."""
    import opencc  # only seeding needs it (a dev dependency)

    convert = opencc.OpenCC(seeding.conversion).convert
    replace = sorted(seeding.replace.items(), key=lambda item: -len(item[0]))

    def run(text: str) -> str:
        text = convert(text)
        for wrong, right in replace:
            text = text.replace(wrong, right)
        return text

    return run


def is_reviewed(entry: object) -> bool:
    """A translation that a person wrote or reviewed: conversion leaves it alone."""
    flags: set[str] = getattr(entry, "flags", set())
    string = getattr(entry, "string", "")
    forms = string if isinstance(string, (tuple, list)) else (string,)
    return all(forms) and "fuzzy" not in flags and CONVERTED not in flags


def convert_catalog(
    source: Catalog, target: Catalog, convert: Callable[[str], str], everything: bool = False
) -> int:
    """Convert ``source``'s translations into ``target``'s unreviewed entries; returns how
    many. ``everything`` converts reviewed entries too (before anyone reviewed any)."""
    count = 0
    for entry in target:
        if not entry.id or (is_reviewed(entry) and not everything):
            continue
        origin = source.get(entry.id)
        if origin is None or origin.fuzzy or not is_reviewed(origin):
            continue
        if isinstance(origin.string, (tuple, list)):  # plural forms, one by one
            entry.string = tuple(convert(form) for form in origin.string)
        else:
            entry.string = convert(str(origin.string))
        entry.flags.discard("fuzzy")
        entry.flags.add(CONVERTED)
        entry.previous_id = []
        count += 1
    return count


def seed(root: Path, code: str, everything: bool = False) -> int:
    """Convert language ``code``'s catalog as its ``convert.yml`` says; raises ContentError."""
    locales = root / "locales"
    problems = Problems()
    seeding = read_seeding(locales / locale_name(code) / SEEDING, problems)
    problems.raise_if_any()
    assert seeding is not None
    source = read_catalog(catalog_path(locales, seeding.source), problems)
    path = catalog_path(locales, code)
    target = read_catalog(path, problems)
    problems.raise_if_any()
    assert source is not None and target is not None
    count = convert_catalog(source, target, converter(seeding), everything)
    with path.open("wb") as f:
        write_po(f, target, width=0)  # no wrapping, as `pybabel update --no-wrap` writes it
    return count


@click.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--all", "everything", is_flag=True, help="Convert reviewed entries too.")
def main(root: Path, everything: bool) -> None:
    """Seed every language that has a convert.yml from its source catalog."""
    for code in languages(root / "locales")[1:]:
        if not (root / "locales" / locale_name(code) / SEEDING).is_file():
            continue
        try:
            count = seed(root, code, everything)
        except ContentError as e:
            click.echo(str(e), err=True)
            sys.exit(1)
        click.echo(f"{catalog_path(Path('locales'), code)}: {count} entries converted", err=True)


if __name__ == "__main__":
    main()
