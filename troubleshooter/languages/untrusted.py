"""What a translation may not add to its English: HTML, links and format directives.

Every translated string is escaped on its way to a page, so markup in a msgstr
shows as text and cannot inject anything; these checks tell the translator early,
with the ``.po`` line, instead of letting the text show up garbled on the site.
"""

from __future__ import annotations

import re
from collections import Counter

from ..content.source import PLACEHOLDER

_HTML = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*|<!--|&#?\w+;")
_LINK = re.compile(
    r"\]\s*\(|\b[a-z][a-z0-9+.-]*://|\b(?:javascript|vbscript|data|mailto):|\bwww\.",
    re.IGNORECASE,
)
# Every %-sequence printf-style formatting would read, a lone "%" included.
_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]?")
# Every field str.format would read (click's own messages use them).
_FIELD = re.compile(r"\{\w*(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}]*)?\}")


def added_markup(msgid: str, msgstr: str) -> list[str]:
    """What ``msgstr`` adds to ``msgid``, one phrase per kind: ``HTML '<b', '<i'``."""
    found = []
    kinds = ("HTML", _HTML), ("a link", _LINK), ("a format directive", _FORMAT), ("a field", _FIELD)
    for kind, pattern in kinds:
        added = _tokens(pattern, msgstr)  # mostly none: the English is then never scanned
        extra = Counter(added) - Counter(_tokens(pattern, msgid)) if added else None
        if extra:
            found.append(f"{kind} {', '.join(repr(token) for token in sorted(extra))}")
    return found


def _tokens(pattern: re.Pattern[str], text: str) -> list[str]:
    # Placeholders that match the English are checked elsewhere (placeholders differ).
    return [
        " ".join(m.group(0).lower().split())
        for m in pattern.finditer(text)
        if not PLACEHOLDER.fullmatch(m.group(0))
    ]


def formats_safely(msgid: str, msgstr: str) -> bool:
    """Whether ``msgstr`` uses no %-sequence or ``{field}`` its msgid lacks, so that
    ``msgstr % values`` and ``msgstr.format(**values)`` work."""
    return all(set(p.findall(msgstr)) <= set(p.findall(msgid)) for p in (_FORMAT, _FIELD))
