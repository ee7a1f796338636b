"""Search articles and troubleshooter outcomes in both languages at once.

Customers' words (``content/keywords.yml``) count as text, so agents find a case
with the words the customer used.

An item matches when every word occurs in its English or its Chinese text: a
Latin word at the start of a word, ignoring case (``reactivat`` finds
"Reactivate"); a word with Chinese characters anywhere (``共享`` finds
"共享一个安全设备"). Results are ranked by hits, a hit in a title counting three.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..content.model import article_messages
from ..content.source import PLACEHOLDER
from ..hints import N_
from ..project import Project
from ..textwidth import cell_width
from ..tree.engine import first_paths
from ..tree.words import Words

TITLE_WEIGHT = 3
_HAS_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")

ARTICLE, OUTCOME = "article", "outcome"
KINDS = {ARTICLE: N_("article"), OUTCOME: N_("outcome")}
TITLE_AND_ID = N_("%(title)s (%(id)s)")
NO_RESULTS = N_(
    "Nothing matches %(words)s. Try fewer or other words, in English or Chinese; "
    "every word must occur."
)


@dataclass(frozen=True)
class Entry:
    """One searchable item with its text in every language."""

    kind: str
    id: str
    titles: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    kind: str
    id: str
    score: int


def entries(project: Project) -> list[Entry]:
    """Every article and outcome, each with its words in all languages."""
    langs = [project.lang(code) for code in project.languages]

    def clean(text: str) -> str:
        return PLACEHOLDER.sub("", text)

    out = []
    keywords = project.content.keywords
    for article in project.content.articles.values():
        body = [m for m in article_messages(article) if m is not article.title]
        body += keywords.articles.get(article.slug, ())
        out.append(
            Entry(
                ARTICLE,
                article.slug,
                tuple(lang.t(article.title) for lang in langs)
                + ((article.kb,) if article.kb else ()),
                tuple(clean(lang.t(m)) for lang in langs for m in body),
            )
        )
    for outcome_id, words in project.content.wizard.outcomes.items():
        out.append(
            Entry(
                OUTCOME,
                outcome_id,
                tuple(lang.t(words.title) for lang in langs),
                tuple(
                    clean(lang.t(m))
                    for lang in langs
                    for m in (words.diagnosis, words.reply, *keywords.outcomes.get(outcome_id, ()))
                ),
            )
        )
    return out


def matcher(word: str) -> Callable[[str], int]:
    """Counts the hits of ``word`` in a text."""
    needle = word.casefold()
    if _HAS_CJK.search(word) or not word[:1].isalnum():
        return lambda text: text.casefold().count(needle)
    start_of_word = re.compile(r"(?<![a-z0-9])" + re.escape(needle))
    return lambda text: len(start_of_word.findall(text.casefold()))


def search(items: list[Entry], query: list[str]) -> list[Result]:
    """Items that contain every word of the query, best first."""
    words = [w for part in query for w in part.split()]
    if not words:
        return []
    matchers = [matcher(w) for w in words]
    results = []
    for order, item in enumerate(items):
        score = 0
        for match in matchers:
            hits = TITLE_WEIGHT * sum(map(match, item.titles)) + sum(map(match, item.texts))
            if not hits:
                break
            score += hits
        else:
            results.append((-score, order, Result(item.kind, item.id, score)))
    return [r for *_, r in sorted(results)]


def result_lines(project: Project, code: str, results: list[Result]) -> Iterator[str]:
    """Results in one language: kind, title and id, then where to go."""
    words = Words(project, project.lang(code))
    _ = words.lang.gettext
    trails = (
        first_paths(project.tree, project.content.facts)
        if any(r.kind == OUTCOME for r in results)
        else {}
    )
    width = max((cell_width(_(k)) for k in KINDS.values()), default=0)
    for number, result in enumerate(results, 1):
        kind = _(KINDS[result.kind])
        kind += " " * (width - cell_width(kind))
        if result.kind == ARTICLE:
            article = project.content.articles[result.id]
            ident = f"{article.slug}, {article.kb}" if article.kb else article.slug
            title = _(TITLE_AND_ID) % {"title": words.lang.t(article.title), "id": ident}
            yield f"{number}. {kind}  {title}"
            yield f"   {' ' * width}  {code}/articles/{article.slug}/"
        else:
            outcome = project.tree.outcomes[result.id]
            title = _(TITLE_AND_ID) % {"title": words.title(outcome), "id": outcome.id}
            yield f"{number}. {kind}  {title}"
            answers = " ".join(f"--answer {n}={o}" for n, o in trails[outcome.id].trail)
            lang = f" --lang {code}" if code != "en" else ""
            yield f"   {' ' * width}  troubleshooter diagnose {answers}{lang}"
