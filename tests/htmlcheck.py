"""Reading a built site: links, anchors and outside requests of its HTML pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    loads: list[str] = field(default_factory=list)  # src=, <link href>
    lang: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.info = PageInfo()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.info.ids.add(a["id"])
        if tag == "html":
            self.info.lang = a.get("lang", "")
        if tag == "a" and "href" in a:
            self.info.links.append(a["href"])
        if tag == "link" and "href" in a:
            self.info.loads.append(a["href"])
        if "src" in a:
            self.info.loads.append(a["src"])


def parse(path: Path) -> PageInfo:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.info


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def resolve(page: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points at, or None for outside links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor that does not resolve, as 'page -> href'."""
    # The 404 page is served at any depth, so MkDocs gives it absolute links.
    infos = {p.resolve(): parse(p) for p in html_pages(site) if p.name != "404.html"}
    problems = []
    for page, info in infos.items():
        for href in info.links + info.loads:
            found = resolve(page, href)
            if found is None:
                continue
            target, anchor = found
            if not target.exists():
                problems.append(f"{page.relative_to(site.resolve())} -> {href}")
            elif anchor and target.suffix == ".html":
                ids = infos[target].ids if target in infos else parse(target).ids
                if anchor not in ids:
                    problems.append(f"{page.relative_to(site.resolve())} -> {href} (anchor)")
    return problems


_CSS_OUTSIDE = re.compile(
    r"""@import\s+(?:url\()?["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//"""
)


def outside_requests(site: Path) -> list[str]:
    """Places in HTML and CSS that would make the browser load from another host.

    Links a person may follow (``<a href>``) are not loads; scripts, styles,
    images and CSS imports are.
    """
    hits = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".css":
            for m in _CSS_OUTSIDE.finditer(path.read_text(encoding="utf-8", errors="ignore")):
                hits.append(f"{path.relative_to(site)}: {m.group(0)}")
        if path.suffix == ".html":
            for href in parse(path).loads:
                if urlsplit(href).netloc:
                    hits.append(f"{path.relative_to(site)}: {href}")
    return hits


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pairs: set[tuple[str, str]] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.pairs.add((tag, ""))
        self.pairs.update((tag, name) for name, _ in attrs)


def markup(html: str) -> set[tuple[str, str]]:
    """Every element of a page as ``(tag, "")`` and every attribute as ``(tag, name)``."""
    parser = _Markup()
    parser.feed(html)
    return parser.pairs
