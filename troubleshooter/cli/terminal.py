"""An article as plain text for a terminal, rendered from the content model.

Headings are underlined, steps numbered, notes indented under their title,
Android/iOS tabs shown one after the other under the platform's name and data
tables laid out in columns that stay aligned with Chinese (double-width) text.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.facts import Limits
from ..content.model import (
    PLATFORMS,
    Article,
    Block,
    Bullets,
    Example,
    Note,
    Para,
    See,
    Steps,
    Table,
    Tabs,
)
from ..demo import dsc_walkthrough
from ..hints import N_
from ..languages.i18n import Lang
from ..project import Project
from ..publish.render import STEP_LABELS
from ..textwidth import cell_width, join, pad, wrap
from ..tree.words import Words

INDENT = "    "
NOTE_BAR = "  | "
HEADING_WIDTH = 20  # table headings wider than this and than their column wrap
PLATFORM_HEADING = N_("%(platform)s:")


def article_ref_error(project: Project, ref: str, lang: Lang) -> str:
    """The message for an unknown article: every slug with its KB id."""
    choices = ", ".join(
        f"{a.slug} ({a.kb})" if a.kb else a.slug for a in project.content.articles.values()
    )
    return (
        lang.gettext("unknown article %(ref)r") % {"ref": ref}
        + "\n"
        + lang.gettext("valid choices: %(choices)s") % {"choices": choices}
    )


class ArticleText:
    """Lines of one article in one language, at most ``width`` cells wide where possible."""

    def __init__(self, words: Words, width: int = 80) -> None:
        self.words, self.lang, self.width = words, words.lang, max(width, 30)
        self.content = words.project.content

    def render(self, article: Article) -> list[str]:
        return list(self._article(article))

    def _article(self, article: Article) -> Iterator[str]:
        _ = self.lang.gettext
        yield from self._heading(self.lang.t(article.title), "=")
        yield ""
        yield from self._para(self.lang.t(article.summary), "")
        meta = [_("Article %(kb)s") % {"kb": article.kb}] if article.kb else []
        meta.append(_("Last reviewed: %(date)s") % {"date": self.lang.date(article.reviewed)})
        yield ""
        yield " · ".join(meta)
        for section in article.sections:
            yield ""
            yield from self._heading(self.lang.t(section.title), "-")
            yield from self._blocks(section.blocks, "")
        if article.related:
            yield ""
            yield from self._heading(_("Related articles"), "-")
            yield ""
            for ref in article.related:
                yield from self._related(ref.target)

    def _heading(self, text: str, rule: str) -> Iterator[str]:
        yield text
        yield rule * cell_width(text)

    def _para(self, text: str, indent: str, hanging: str = "") -> Iterator[str]:
        """``text`` wrapped; the first line starts with ``hanging`` (a number or bullet)."""
        first = indent + hanging
        rest = indent + " " * cell_width(hanging)
        for i, line in enumerate(wrap(text, self.width - cell_width(first))):
            yield (first if i == 0 else rest) + line

    def _blocks(self, blocks: tuple[Block, ...], indent: str) -> Iterator[str]:
        for block in blocks:
            yield ""
            yield from self._block(block, indent)

    def _block(self, block: Block, indent: str) -> Iterator[str]:
        t, _ = self.lang.t, self.lang.gettext
        if isinstance(block, Para):
            yield from self._para(t(block.text), indent)
        elif isinstance(block, Steps):
            for number, item in enumerate(block.items, 1):
                yield from self._para(t(item), indent, f"{number}. ")
        elif isinstance(block, Bullets):
            for item in block.items:
                yield from self._para(t(item), indent, "• ")
        elif isinstance(block, Note):
            yield from self._para(t(block.title), indent + NOTE_BAR)
            yield from self._para(t(block.text), indent + NOTE_BAR)
        elif isinstance(block, Tabs):
            for number, (platform, body) in enumerate(block.tabs):
                if number:
                    yield ""
                yield indent + _(PLATFORM_HEADING) % {"platform": PLATFORMS[platform]}
                yield from self._blocks(body, indent + INDENT)
        elif isinstance(block, Table):
            yield from self._table(block.name, indent)
        elif isinstance(block, Example):
            yield from self._example(indent + NOTE_BAR)
        elif isinstance(block, See):
            target = self.content.articles[block.slug]
            section = target.section(block.anchor) if block.anchor else None
            title = t(section.title if section else target.title)
            anchor = f"#{block.anchor}" if block.anchor else ""
            yield from self._para(join(_("See also:"), title), indent)
            yield f"{indent}  {self.lang.code}/articles/{block.slug}/{anchor}"

    def _related(self, target: str) -> Iterator[str]:
        _ = self.lang.gettext
        if target in self.content.articles:
            other = self.content.articles[target]
            kb = _("(%(kb)s)") % {"kb": other.kb} if other.kb else ""
            yield from self._para(join(self.lang.t(other.title), kb), "", "• ")
            yield f"  {self.lang.code}/articles/{target}/"
        else:
            title = self.lang.t(self.content.externals[target].title)
            line = _("%(kb)s: %(title)s") % {"kb": target, "title": title}
            yield from self._para(join(line, _("(not part of this help centre)")), "", "• ")

    # -- tables and the worked example ---------------------------------------------

    def _table(self, name: str, indent: str) -> Iterator[str]:
        _, money = self.lang.gettext, self.lang.money
        facts = self.content.facts
        if name == "withdrawal-limits":
            header = [
                _("Security device"),
                _("Maximum withdrawal per day"),
                _("Maximum withdrawal in 5 business days"),
            ]
            limits: list[tuple[str, Limits]] = [
                (self.words.device(d), d.limits) for d in facts.by_level(highest_first=False)
            ]
            limits += [(self.lang.t(n), lim) for n, lim in facts.fallback.values()]
            rows = [[n, money(lim.per_day), money(lim.five_days)] for n, lim in limits]
            yield from columns(header, rows, indent, right=(1, 2))
            yield ""
            yield from self._para(_("Legacy devices are no longer issued."), indent)
        elif name in ("security-levels", "sharing-levels"):
            devices = facts.by_level()
            if name == "sharing-levels":
                devices = [d for d in devices if d.physical]
            top, bottom = devices[0].level, devices[-1].level
            levels = {top: _("Highest"), bottom: _("Lowest")}
            rows = [[levels.get(d.level, str(d.level)), self.words.device(d)] for d in devices]
            yield from columns([_("Security level"), _("Device")], rows, indent)

    def _example(self, indent: str) -> Iterator[str]:
        _ = self.lang.gettext
        walk = dsc_walkthrough()
        yield from self._para(_("Worked example with a demo card"), indent)
        text = _("The login screen shows the challenge code %(challenge)s.")
        yield from self._para(text % {"challenge": walk.challenge}, indent)
        yield indent.rstrip()
        header = [_("You do"), _("You type"), _("The card shows")]
        rows = [[_(STEP_LABELS[s.action]), s.typed or "—", s.display] for s in walk.steps]
        yield from columns(header, rows, indent)
        yield indent.rstrip()
        text = _(
            "Type %(response)s on the login screen to log in. These codes come from a demo "
            "card computed by this help centre; your own card gives other codes."
        )
        yield from self._para(text % {"response": walk.response}, indent)


def columns(
    header: list[str], rows: list[list[str]], indent: str = "", right: tuple[int, ...] = ()
) -> Iterator[str]:
    """A table as aligned text columns; a long heading wraps to the width of its column."""
    widths = [max(cell_width(row[i]) for row in rows) for i in range(len(header))]
    heads = []
    for i, head in enumerate(header):
        longest_word = max(cell_width(w) for w in wrap(head, 1))
        widths[i] = max(widths[i], longest_word, min(cell_width(head), HEADING_WIDTH))
        heads.append(wrap(head, widths[i]))
    gap = "  "
    for n in range(max(len(h) for h in heads)):
        cells = [h[n] if n < len(h) else "" for h in heads]
        yield _row(cells, widths, indent, gap, right)
    yield indent + gap.join("-" * w for w in widths)
    for row in rows:
        yield _row(row, widths, indent, gap, right)


def _row(cells: list[str], widths: list[int], indent: str, gap: str, right: tuple[int, ...]) -> str:
    padded = [
        pad(c, w, right=i in right) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ]
    return (indent + gap.join(padded)).rstrip()
