"""What a reader of a Chinese page sees: its text, titles, labels and placeholders."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Elements whose text is not prose for the reader (code, ids, scripts, icons).
_SKIP = {"script", "style", "code", "pre", "svg", "template", "kbd"}
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}
_SHOWN = ("title", "aria-label", "placeholder", "alt")
# Product names, abbreviations, ids and cell positions a Chinese text keeps in Latin letters.
PRODUCT_WORDS = re.compile(
    r"^(?:IBKR|IB|Key|TWS|Trader|Workstation|PIN|DSC|SLS|SMS|M2FS|OTCBB|iPhone|Android|iOS"
    r"|JavaScript|KB\d+|ibkr|com|support|[A-Z]\d)$"
)
# Labels a device or platform shows in English, quoted as the reader sees them.
SCREEN_LABELS = re.compile(r"“(?:Select Second Factor Device|press|OK|PIN>|CHALLNG>)”")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


class _Reader(HTMLParser):
    """Collects the page's text and shown attributes outside code and other languages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.texts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def _skipped(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        other_language = "lang" in a and not a["lang"].startswith("zh")
        skipped = self._skipped() or tag in _SKIP or other_language or "hidden" in a
        if not skipped:
            self.texts += ["\n" + a[k] + "\n" for k in _SHOWN if a.get(k)]
        if tag not in _VOID:
            self._stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped():
            self.texts.append(data)


def read(path: Path, sep: str = "\n") -> tuple[str, str]:
    """The page's ``lang`` and what a reader sees, as one text (see ``seen``)."""
    return seen(path.read_text(encoding="utf-8"), sep)


def seen(html: str, sep: str = "\n") -> tuple[str, str]:
    """The ``lang`` of an HTML page and what a reader sees: its texts joined by ``sep``
    ("" shows the text as laid out in a line, across inline elements)."""
    reader = _Reader()
    reader.feed(html)
    return reader.lang, sep.join(reader.texts)


def english_words(text: str) -> list[str]:
    """Latin-letter words that are not product names, ids, abbreviations or screen labels."""
    words = LATIN_WORD.findall(SCREEN_LABELS.sub("", text))
    return [w for w in words if not PRODUCT_WORDS.match(w)]
