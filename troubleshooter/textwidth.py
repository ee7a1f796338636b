"""Width-aware line wrapping for mixed English and Chinese text.

Terminals show East Asian wide characters in two cells, and an SVG needs box
sizes before any font is known; both wrap the same way: Latin text breaks at
spaces, CJK text between any two characters, never before closing punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection

# A CJK character (or full-width punctuation) is a token of its own; a run of
# anything else but spaces is a word; spaces are where Latin text may break.
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[^\s\u2e80-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+|\s+"
)
# Punctuation that must not begin a line (it stays with the character before it).
NO_LINE_START = frozenset("，。、；：？！）」』】》〉”’…,.;:?!)]}")


def cell_width(text: str) -> int:
    """Terminal cells: two for wide and full-width characters, one otherwise."""
    return sum(2 if _wide(c) else 1 for c in text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def join(*parts: str) -> str:
    """Parts joined by spaces, except next to a wide character (``标题（KB1131）``)."""
    out = ""
    for part in filter(None, parts):
        out += part if not out or _wide(out[-1]) or _wide(part[0]) else " " + part
    return out


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` cells (aligned right if ``right``)."""
    fill = " " * max(0, width - cell_width(text))
    return fill + text if right else text + fill


def _tokens(text: str, keep: Collection[str] = ()) -> list[str]:
    """Unbreakable pieces: each of ``keep`` (an amount: ``100万美元``) is one; closing
    punctuation is glued to the token before it."""
    kept = re.compile("(" + "|".join(map(re.escape, sorted(keep, key=len, reverse=True))) + ")")
    pieces = kept.split(text) if keep else [text]
    tokens = [
        t for i, piece in enumerate(pieces) for t in ([piece] if i % 2 else _TOKENS.findall(piece))
    ]
    out: list[str] = []
    for token in tokens:
        if out and token[0] in NO_LINE_START and not out[-1].isspace():
            out[-1] += token
        else:
            out.append(token)
    return out


def wrap(
    text: str,
    width: float,
    measure: Callable[[str], float] = cell_width,
    keep: Collection[str] = (),
) -> list[str]:
    """Lines of at most ``width`` (as ``measure`` counts) each; a longer word gets a line
    alone, and no line break falls inside one of ``keep``."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(text.split()), keep):
        if token.isspace():
            if line:
                line += " "
            continue
        candidate = line + token
        if line and measure(candidate.rstrip()) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]
