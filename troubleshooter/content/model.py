"""The content model: articles, site structure, glossary and external references.

``load_content`` reads ``content/``, checks every cross-reference and fact name,
and raises :class:`ContentError` listing every problem with its file and line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problems, Where
from .facts import Facts, load_facts
from .keywords import Keywords, read_keywords
from .source import PLACEHOLDER, SLUG, SLUG_FIX, Msg, Node, load_yaml
from .wording import ANSWER_PARAMS, Wizard, read_wizard

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
KB_ID = re.compile(r"^KB\d+$")
URL = re.compile(r"^https://[a-z0-9.-]+(/[A-Za-z0-9._~/-]*)?$")
NOTE_KINDS = ("note", "tip", "warning", "danger", "info", "example")
PLATFORMS = {"android": "Android", "ios": "iOS"}
TABLES = ("withdrawal-limits", "security-levels", "sharing-levels")
EXAMPLES = ("dsc-walkthrough",)


@dataclass(frozen=True)
class Para:
    text: Msg


@dataclass(frozen=True)
class Steps:
    items: tuple[Msg, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[Msg, ...]


@dataclass(frozen=True)
class Note:
    kind: str
    title: Msg
    text: Msg


@dataclass(frozen=True)
class Tabs:
    tabs: tuple[tuple[str, tuple[Block, ...]], ...]


@dataclass(frozen=True)
class Table:
    name: str


@dataclass(frozen=True)
class Example:
    name: str


@dataclass(frozen=True)
class See:
    """A cross-reference ``slug`` or ``slug#section``, checked at load."""

    target: str
    where: Where

    @property
    def slug(self) -> str:
        return self.target.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.target.partition("#")[2]


Block = Para | Steps | Bullets | Note | Tabs | Table | Example | See


@dataclass(frozen=True)
class Section:
    id: str
    title: Msg
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Article:
    slug: str
    kb: str | None
    reviewed: dt.date
    title: Msg
    summary: Msg
    sections: tuple[Section, ...]
    related: tuple[See, ...]
    where: Where

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class External:
    """An article of the broker's knowledge base that this help centre does not carry."""

    kb: str
    title: Msg


@dataclass(frozen=True)
class Topic:
    id: str
    title: Msg
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Start:
    """A common case on the home page: its words and the troubleshooter answers it stands for."""

    title: Msg
    answers: tuple[str, ...]  # option ids from the first question on
    where: Where


@dataclass(frozen=True)
class Site:
    title: Msg
    home_title: Msg
    intro: Msg
    topics: tuple[Topic, ...]
    starts: tuple[Start, ...] = ()
    links: dict[str, str] = field(default_factory=dict)  # text in content -> web address


@dataclass(frozen=True)
class Term:
    """A glossary entry: the English term, each language's word for it, and the
    words a language must not use instead (``avoid``)."""

    en: str
    words: dict[str, str]
    avoid: dict[str, tuple[str, ...]]
    where: Where


@dataclass(frozen=True)
class Content:
    root: Path
    facts: Facts
    site: Site
    articles: dict[str, Article]
    externals: dict[str, External]
    glossary: tuple[Term, ...]
    wizard: Wizard
    keywords: Keywords

    def messages(self) -> Iterator[Msg]:
        """Every translatable string, in source order."""
        yield from self.facts.messages()
        yield from site_messages(self.site)
        for article in self.articles.values():
            yield from article_messages(article)
        for ext in self.externals.values():
            yield ext.title
        yield from self.wizard.messages()
        yield from self.keywords.messages()

    def article_for(self, ref: str) -> Article | None:
        """An article by slug or by KB id (case-insensitive)."""
        if ref in self.articles:
            return self.articles[ref]
        return next(
            (a for a in self.articles.values() if a.kb and a.kb.lower() == ref.lower()), None
        )


# -- reading -----------------------------------------------------------------


def _id(node: Node, what: str) -> str:
    value = node.str()
    if value and not SLUG.match(value):
        node._report(f"{what} {value!r} is not a slug", SLUG_FIX)
    return value


def _blocks(node: Node) -> tuple[Block, ...]:
    return tuple(b for item in node.seq() if (b := _block(item)) is not None)


def _block(node: Node) -> Block | None:
    kinds = ("text", "steps", "list", "note", "tabs", "table", "example", "see")
    if not isinstance(node.value, dict) or len(node.value) != 1:
        node._report(
            "a block must be a mapping with exactly one key",
            f"start it with one of: {', '.join(kinds)}",
        )
        return None
    f = node.mapping((), kinds)
    if not f:
        return None
    kind, value = next(iter(f.items()))
    if kind == "text":
        return Para(value.msg())
    if kind == "steps":
        return Steps(tuple(i.msg() for i in value.seq()))
    if kind == "list":
        return Bullets(tuple(i.msg() for i in value.seq()))
    if kind == "note":
        n = value.mapping(("text",), ("kind", "title"))
        note_kind = n["kind"].str() if "kind" in n else "note"
        if note_kind not in NOTE_KINDS:
            n["kind"]._report(
                f"unknown note kind {note_kind!r}", f"use one of: {', '.join(NOTE_KINDS)}"
            )
        title = n["title"].msg() if "title" in n else Msg(note_kind.capitalize(), value.where)
        return Note(note_kind, title, n["text"].msg() if "text" in n else Msg("", value.where))
    if kind == "tabs":
        tabs = []
        for platform, body in value.items():
            if platform not in PLATFORMS:
                body._report(f"unknown tab {platform!r}", f"use {' or '.join(PLATFORMS)}")
            tabs.append((platform, _blocks(body)))
        return Tabs(tuple(tabs))
    name = value.str()
    if kind == "table":
        if name not in TABLES:
            value._report(f"unknown table {name!r}", f"use one of: {', '.join(TABLES)}")
        return Table(name)
    if kind == "example":
        if name not in EXAMPLES:
            value._report(f"unknown example {name!r}", f"use one of: {', '.join(EXAMPLES)}")
        return Example(name)
    return See(name, value.where)


def read_article(path: Path, problems: Problems) -> Article | None:
    root = load_yaml(path, problems)
    if root is None:
        return None
    f = root.mapping(("slug", "title", "summary", "reviewed", "sections"), ("kb", "related"))
    if not {"slug", "title", "summary", "sections"} <= f.keys():
        return None
    kb = f["kb"].str() if "kb" in f else None
    if kb is not None and not KB_ID.match(kb):
        f["kb"]._report(
            f"KB id {kb!r} is malformed", "write it as KB followed by digits, e.g. KB1131"
        )
    sections = []
    for node in f["sections"].seq():
        s = node.mapping(("id", "title", "body"))
        if {"id", "title", "body"} <= s.keys():
            sections.append(
                Section(_id(s["id"], "section id"), s["title"].msg(), _blocks(s["body"]))
            )
    return Article(
        slug=_id(f["slug"], "slug"),
        kb=kb,
        reviewed=f["reviewed"].date() if "reviewed" in f else dt.date(1970, 1, 1),
        title=f["title"].msg(),
        summary=f["summary"].msg(),
        sections=tuple(sections),
        related=tuple(See(n.str(), n.where) for n in f["related"].seq()) if "related" in f else (),
        where=f["slug"].where,
    )


def read_site(path: Path, problems: Problems) -> Site | None:
    root = load_yaml(path, problems)
    if root is None:
        return None
    f = root.mapping(("title", "home_title", "intro", "topics"), ("start", "links"))
    if not {"title", "home_title", "intro", "topics"} <= f.keys():
        return None
    links = {}
    for text, node in f["links"].items() if "links" in f else []:
        links[text] = node.str()
        if not URL.match(links[text]):
            node._report(f"{links[text]!r} is not a web address", "write it as https://host/path")
    topics = []
    for node in f["topics"].seq():
        t = node.mapping(("id", "title", "articles"))
        if len(t) == 3:
            topics.append(
                Topic(
                    _id(t["id"], "topic id"),
                    t["title"].msg(),
                    tuple(a.str() for a in t["articles"].seq()),
                )
            )
    starts = []
    for node in f["start"].seq() if "start" in f else []:
        s = node.mapping(("title", "answers"))
        if len(s) == 2:
            answers = tuple(s["answers"].str().split("/"))
            starts.append(Start(s["title"].msg(), answers, s["answers"].where))
    return Site(
        f["title"].msg(),
        f["home_title"].msg(),
        f["intro"].msg(),
        tuple(topics),
        tuple(starts),
        links,
    )


def read_externals(path: Path, problems: Problems) -> dict[str, External]:
    root = load_yaml(path, problems)
    out: dict[str, External] = {}
    for kb, node in root.items() if root is not None else []:
        if not KB_ID.match(kb):
            node._report(f"KB id {kb!r} is malformed", "write it as KB followed by digits")
        out[kb] = External(kb, node.msg())
    return out


def read_glossary(path: Path, problems: Problems) -> tuple[Term, ...]:
    """Entries ``{en: ..., <language>: word, avoid: {<language>: [words]}, note: ...}``."""
    root = load_yaml(path, problems)
    terms = []
    for node in root.seq() if root is not None else []:
        fields = dict(node.items())
        fields.pop("note", None)
        avoid = fields.pop("avoid", None)
        en = fields.pop("en", None)
        if en is None:
            node._report("missing key 'en'", "add en: with the English term")
            continue
        words = {}
        for code, word in fields.items():
            if not LANGUAGE_CODE.match(code):
                word._report(f"unknown key {code!r}", "use en, note, avoid or a language code")
            words[code] = word.str()
        avoided = {c: tuple(w.str() for w in ws.seq()) for c, ws in avoid.items()} if avoid else {}
        terms.append(Term(en.str(), words, avoided, node.where))
    return tuple(terms)


def site_messages(site: Site) -> Iterator[Msg]:
    yield from (site.title, site.home_title, site.intro)
    yield from (s.title for s in site.starts)
    yield from (t.title for t in site.topics)


def article_messages(article: Article) -> Iterator[Msg]:
    yield article.title
    yield article.summary
    for section in article.sections:
        yield section.title
        yield from _block_messages(section.blocks)


def _block_messages(blocks: tuple[Block, ...]) -> Iterator[Msg]:
    for b in blocks:
        if isinstance(b, Para):
            yield b.text
        elif isinstance(b, Steps | Bullets):
            yield from b.items
        elif isinstance(b, Note):
            yield from (b.title, b.text)
        elif isinstance(b, Tabs):
            for _, body in b.tabs:
                yield from _block_messages(body)


def _sees(blocks: tuple[Block, ...]) -> Iterator[See]:
    for b in blocks:
        if isinstance(b, See):
            yield b
        elif isinstance(b, Tabs):
            for _, body in b.tabs:
                yield from _sees(body)


# -- checking ----------------------------------------------------------------


def load_content(root: Path) -> Content:
    """Load everything under ``root`` (the ``content/`` folder) and check it whole."""
    problems = Problems()
    facts = load_facts(root / "facts.yml", problems)
    site = read_site(root / "site.yml", problems)
    externals = read_externals(root / "external.yml", problems)
    glossary = read_glossary(root / "glossary.yml", problems)
    wizard = read_wizard(root / "wizard.yml", problems)
    keywords = read_keywords(root / "keywords.yml", problems)
    articles: dict[str, Article] = {}
    for path in sorted((root / "articles").glob("*.yml")):
        article = read_article(path, problems)
        if article is None:
            continue
        if article.slug in articles:
            problems.add(
                article.where,
                f"duplicate slug {article.slug!r}",
                f"{articles[article.slug].where} already uses it; pick another slug",
            )
            continue
        articles[article.slug] = article
    # Cross-references are checked only once every file reads cleanly: a file
    # that fails to parse would otherwise show up again as missing everywhere.
    problems.raise_if_any()
    assert facts is not None and site is not None and wizard is not None
    content = Content(root, facts, site, articles, externals, glossary, wizard, keywords)
    problems.extend(_check(content).items)
    problems.raise_if_any()
    return content


def _check(content: Content) -> Problems:
    problems = Problems()
    known = content.facts.placeholder_names() | ANSWER_PARAMS
    for msg in content.messages():
        for name in PLACEHOLDER.findall(msg.text):
            if name not in known:
                problems.add(
                    msg.where,
                    f"unknown fact %({name})s",
                    f"use a fact defined in facts.yml: {', '.join(sorted(known))}",
                )
    problems.extend(
        content.keywords.check(set(content.articles), set(content.wizard.outcomes)).items
    )
    listed: dict[str, str] = {}
    for topic in content.site.topics:
        for slug in topic.articles:
            if slug not in content.articles:
                problems.add(
                    topic.title.where,
                    f"topic {topic.id!r} lists unknown article {slug!r}",
                    "use the slug of a file in content/articles/",
                )
            listed[slug] = topic.id
    for article in content.articles.values():
        if article.slug not in listed:
            problems.add(
                article.where,
                f"article {article.slug!r} is in no topic",
                "add its slug to a topic in content/site.yml",
            )
        ids = [s.id for s in article.sections]
        for dup in {i for i in ids if ids.count(i) > 1}:
            problems.add(
                article.where, f"section id {dup!r} is used twice", "give each section its own id"
            )
        for ref in article.related:
            if ref.target not in content.articles and ref.target not in content.externals:
                problems.add(
                    ref.where,
                    f"unknown related article {ref.target!r}",
                    "use an article slug or a KB id listed in content/external.yml",
                )
        for section in article.sections:
            for see in _sees(section.blocks):
                target = content.articles.get(see.slug)
                if target is None or (see.anchor and target.section(see.anchor) is None):
                    problems.add(
                        see.where,
                        f"unknown cross-reference {see.target!r}",
                        "use 'slug' or 'slug#section-id' of an existing article",
                    )
    return problems
