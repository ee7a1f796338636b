"""Babel extractor for the content YAML (entry point ``babel.extractors: content_yaml``).

``pybabel extract -F babel.cfg`` calls it for each file under ``content/``; it
reads the file with the same loader as the build, so the catalog's ``#:``
locations are the lines the check reports.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..content.facts import load_facts
from ..content.keywords import read_keywords
from ..content.model import article_messages, read_article, read_externals, read_site, site_messages
from ..content.source import Msg
from ..content.wording import read_wizard
from ..errors import Problems


def messages_of(path: Path, problems: Problems) -> list[Msg]:
    """The translatable strings of one content file, chosen by its name."""
    if path.parent.name == "articles":
        article = read_article(path, problems)
        return list(article_messages(article)) if article else []
    if path.name == "facts.yml":
        facts = load_facts(path, problems)
        return facts.messages() if facts else []
    if path.name == "site.yml":
        site = read_site(path, problems)
        return list(site_messages(site)) if site else []
    if path.name == "wizard.yml":
        wizard = read_wizard(path, problems)
        return list(wizard.messages()) if wizard else []
    if path.name == "keywords.yml":
        return list(read_keywords(path, problems).messages())
    if path.name == "external.yml":
        return [e.title for e in read_externals(path, problems).values()]
    return []


def extract_content(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Yield ``(line, funcname, message, comments)`` for each string of a content file."""
    problems = Problems()
    for msg in messages_of(Path(fileobj.name), problems):
        yield msg.where.line, "", msg.text, []
    problems.raise_if_any()
