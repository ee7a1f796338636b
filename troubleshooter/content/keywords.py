"""Customers' words for articles and troubleshooter outcomes (``content/keywords.yml``).

The site's text uses the product's own terms; customers search with theirs
("new phone", "提款上限"). Each list is translated like every other string and
goes into the search index as the page's keywords, so that the site's own
search finds them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems, Where
from .source import Msg, load_yaml

KINDS = ("articles", "outcomes")


@dataclass(frozen=True)
class Keywords:
    """Keyword lists by article slug and by outcome id, with where each list starts."""

    articles: dict[str, tuple[Msg, ...]]
    outcomes: dict[str, tuple[Msg, ...]]
    where: dict[tuple[str, str], Where]

    def messages(self) -> Iterator[Msg]:
        for lists in (self.articles, self.outcomes):
            for words in lists.values():
                yield from words

    def check(self, articles: set[str], outcomes: set[str]) -> Problems:
        """Every list names an existing article or outcome."""
        problems = Problems()
        for kind, known, have in (
            ("article", articles, self.articles),
            ("outcome", outcomes, self.outcomes),
        ):
            for ident in have:
                if ident not in known:
                    problems.add(
                        self.where[(kind + "s", ident)],
                        f"keywords for unknown {kind} {ident!r}",
                        f"use one of: {', '.join(sorted(known))}",
                    )
        return problems


def read_keywords(path: Path, problems: Problems) -> Keywords:
    """The keyword lists of ``path``; a missing file means no keywords."""
    lists: dict[str, dict[str, tuple[Msg, ...]]] = {kind: {} for kind in KINDS}
    where: dict[tuple[str, str], Where] = {}
    if not path.exists():
        return Keywords({}, {}, where)
    root = load_yaml(path, problems)
    top = root.mapping((), KINDS) if root is not None else {}
    for kind, node in top.items():
        for ident, words in node.items():
            lists[kind][ident] = tuple(w.msg() for w in words.seq())
            where[(kind, ident)] = words.where
    return Keywords(lists["articles"], lists["outcomes"], where)
