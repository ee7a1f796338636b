"""A strict reader of gettext ``.po`` catalogs, as strict as ``msgfmt --check``.

Babel's parser (``read_po``) reads the structure, but it takes any line after a
keyword as a string: an unterminated ``msgstr "text`` loses its last character,
an unquoted ``msgstr text`` loses its first and last, and a second entry with the
same msgid silently replaces the first. Translations are input, so this reader
checks every string line's quoting and rejects duplicates, each with its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, PoFileParser

from ..errors import Problems, Where

# A C string as gettext writes it: quotes, any character but a quote or a
# backslash, and backslash escapes.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_KEYWORD_LINE = re.compile(rf"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) {_STRING}")
_CONTINUATION = re.compile(_STRING)


class _StrictParser(PoFileParser):
    """Babel's parser, plus the checks of quoting and duplicates that ``msgfmt`` makes."""

    def _process_message_line(self, lineno: int, line: str, obsolete: bool = False) -> None:
        if line and not obsolete:
            pattern = _CONTINUATION if line[0] == '"' else _KEYWORD_LINE
            if not pattern.fullmatch(line):
                self._invalid_pofile(line, lineno, _what_is_wrong(line))
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        if not self.obsolete and self.messages:
            msgid = self.messages[0].denormalize()
            context = self.context.denormalize() if self.context else None
            first = self.catalog.get(msgid, context) if msgid else None
            if first is not None:
                self._invalid_pofile(
                    "", self.offset, f"duplicate msgid (first on line {first.lineno})"
                )
        super()._add_message()


def _what_is_wrong(line: str) -> str:
    keyword, _, rest = line.partition(" ")
    if line[0] == '"' or rest.startswith('"'):
        return "unterminated string, or text after its closing quote"
    if keyword.startswith(("msgid", "msgstr", "msgctxt")):
        return f"the text after {keyword} is not in double quotes"
    return "a line that is neither a keyword, a quoted string nor a comment"


def parse_catalog(path: Path) -> Catalog:
    """Parse one ``.po`` file strictly; raises Babel's ``PoFileError`` (0-based ``lineno``)."""
    catalog = Catalog()  # as in read_po: the header entry sets the charset
    with path.open("rb") as f:
        _StrictParser(catalog, abort_invalid=True).parse(f)
    return catalog


def read_catalog(path: Path, problems: Problems) -> Catalog | None:
    """Parse one ``.po`` file; every reason it cannot be read is reported with its line."""
    try:
        return parse_catalog(path)
    except PoFileError as e:
        # Babel counts lines from 0 and appends "on <that number>" to the message.
        # It may quote a whole multi-line entry: keep the message to one short line.
        what = one_line(re.sub(r" on \d+$", "", str(e)))
        problems.add(
            Where.of(path, e.lineno + 1),
            f"broken catalog: {what}",
            "fix the PO syntax (quotes, msgid/msgstr pairs, one entry per msgid)",
        )
    except UnicodeDecodeError as e:
        problems.add(
            Where.of(path, _first_line(path, _not_utf8)),
            f"cannot read the catalog ({e.reason})",
            "save it as UTF-8",
        )
    except ValueError as e:  # Babel reading a header field, e.g. a malformed date
        problems.add(
            Where.of(path, _first_line(path, lambda line: line.strip() == b'msgid ""')),
            f"broken catalog header: {one_line(str(e))}",
            'fix the header entry (msgid "") or copy it from messages.pot',
        )
    except LookupError as e:  # an unknown charset in the Content-Type header
        problems.add(Where.of(path, 1), f"cannot read the catalog ({e})", "declare charset=UTF-8")
    except OSError as e:
        problems.add(
            Where.of(path, 1), f"cannot read the catalog ({e.strerror})", "check that it exists"
        )
    return None


def one_line(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` characters: problems are one line each."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_line(path: Path, match: Callable[[bytes], bool]) -> int:
    """The number of the first line of ``path`` that ``match``es, else 1."""
    # Read again only to place a problem, after parsing has failed.
    lines = path.read_bytes().split(b"\n")
    return next((n for n, line in enumerate(lines, start=1) if match(line)), 1)


def _not_utf8(line: bytes) -> bool:
    """Whether ``line`` fails to decode (Babel decodes a catalog line by line)."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


__all__ = ["parse_catalog", "read_catalog", "one_line"]
