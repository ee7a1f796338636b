"""The decision tree as accessible SVG flowcharts, one per first answer, drawn at build time.

Each branch of the first question gets its own chart, top to bottom, narrow
enough for a 1,280 px screen, with a text outline (a nested list) beside it.
Questions are rounded boxes, checks diamonds, outcomes boxes with a thick border
(linked to their page when ``href`` gives a URL); every option has its own arrow,
labelled with the option's words. Words come from the tree and its wording only:
a check names the questions whose answers it weighs, and its arrows need no label
because each leads to an outcome whose title says the verdict.

Colours are CSS custom properties with light fallbacks, so an inline chart
follows the page's light or dark scheme. No script, no external resource, no web
font. Every node carries ``data-node`` and every edge ``data-edge`` =
``from:option:to``, so tests can check that the charts show all of the tree.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Callable, Collection, Iterator
from functools import cache, partial
from xml.sax.saxutils import escape, quoteattr

from ..hints import N_
from ..textwidth import wrap
from ..tree.engine import Tree
from ..tree.words import Words
from .layout import DUMMY, Layout, Route, layered
from .render import nowrap

FONTS = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, "
    "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
    "'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
)
# (font size, line height, widest line, horizontal and vertical padding)
NODE = (14.0, 18.0, 150.0, 10.0, 8.0)
DECISION = (13.0, 16.0, 120.0, 0.0, 0.0)
LABEL = (12.5, 15.0, 118.0, 4.0, 3.0)
# Light colours are fallbacks; docs/assets/extra.css sets both schemes.
STYLE = (
    ".question .shape{fill:var(--fc-question,#eef3fb);stroke:var(--fc-question-line,#3b5b8c)}"
    ".decision .shape{fill:var(--fc-decision,#fff4dc);stroke:var(--fc-decision-line,#8a5a00)}"
    ".outcome .shape{fill:var(--fc-outcome,#e6f4e7);stroke:var(--fc-outcome-line,#2e6b32)}"
    "text{fill:var(--fc-ink,#1b1b1b)}"
    ".edges path{stroke:var(--fc-edge,#5f6b7a)}.edges polygon{fill:var(--fc-edge,#5f6b7a)}"
    ".label-box{fill:var(--fc-paper,#ffffff);fill-opacity:.94}"
    "a:focus .shape,a:hover .shape{stroke-width:3.5px}"
    "a:focus{outline:none}a text{text-decoration:underline}"
)

TITLE = N_("Flowchart: %(branch)s")
DESCRIPTION = N_(
    "From top to bottom: %(questions)s questions, %(decisions)s checks and %(outcomes)s "
    "outcomes. Rounded boxes are questions, diamonds are checks made from the answers and "
    "boxes with a thick border are outcomes; each arrow from a question is labelled with "
    "the answer it stands for."
)
OUTCOME_TITLE = N_("Outcome: %(title)s")
CHECK = N_("Check the answers")
CHECK_TITLE = N_("Check the answers to: %(questions)s")
SEE_ABOVE = N_("%(question)s (see above)")

Edge = tuple[str, str, str]


def flowchart_edges(tree: Tree) -> set[Edge]:
    """Every edge of the tree as ``(from, option or verdict, to)``."""
    edges = {(q.id, o.id, o.next) for q in tree.questions.values() for o in q.options}
    return edges | {(d.id, v, t) for d in tree.decisions.values() for v, t in d.then.items()}


def branches(tree: Tree) -> list[tuple[str, str]]:
    """``(option id, first node)`` of each answer to the first question."""
    return [(o.id, o.next) for o in tree.questions[tree.start].options]


def tree_order(tree: Tree, root: str | None = None) -> list[str]:
    """Every node and outcome reachable from ``root`` (the start), depth first."""
    seen: dict[str, None] = {}

    def visit(node: str) -> None:
        if node not in seen:
            seen[node] = None
            for target in tree.targets(node):
                visit(target)

    visit(tree.start if root is None else root)
    return list(seen)


def _options(tree: Tree, node: str) -> list[str]:
    if node in tree.questions:
        return [o.id for o in tree.questions[node].options]
    return list(tree.decisions[node].then)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` in a sans-serif font of ``size`` px."""
    return sum(map(_em, text)) * size * (1.08 if bold else 1.0)


@cache  # a chart measures every prefix of its labels while it wraps them
def _em(c: str) -> float:
    """The width of character ``c`` in ems, generously."""
    if unicodedata.east_asian_width(c) in "WF" or c in "—…":
        return 1.0
    if c in " .,:;'!|ijlI":
        return 0.32
    if c in "()[]-ftr“”‘’/":
        return 0.42
    if c in "mwMW@%":
        return 0.92
    if c.isupper() or c.isdigit() or c in "?+&":
        return 0.7
    return 0.58


def _lines(
    text: str, style: tuple[float, ...], keep: Collection[str], bold: bool = False
) -> list[str]:
    """``text`` in lines that fit ``style``; no line breaks inside one of ``keep`` unless
    at a space (``500,000 US dollars`` may break as words do, ``50万美元`` may not)."""
    whole = [k for k in keep if " " not in k]
    return wrap(text, style[2], partial(text_width, size=style[0], bold=bold), whole)


def _block_size(
    lines: list[str], style: tuple[float, ...], bold: bool = False
) -> tuple[float, float]:
    size, line_height, _, pad_x, pad_y = style
    width = max(text_width(line, size, bold) for line in lines)
    return width + 2 * pad_x, len(lines) * line_height + 2 * pad_y


def _text(lines: list[str], cx: float, top: float, style: tuple[float, ...], **attrs: str) -> str:
    """Centred lines whose first line box starts at ``top``."""
    size, line_height = style[0], style[1]
    first = top + (line_height - size) / 2 + size * 0.82
    extra = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in attrs.items())
    spans = "".join(
        f'<tspan x="{cx:.1f}" y="{first + i * line_height:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text font-size="{size:g}" text-anchor="middle"{extra}>{spans}</text>'


class Flowchart:
    """The words and sizes of every node and arrow of one branch, in one language."""

    def __init__(self, words: Words, root: str) -> None:
        self.words, self.tree, self.root = words, words.project.tree, root
        self.gettext = words.lang.gettext
        self.kind: dict[str, str] = {}
        self.text: dict[str, str] = {}
        self.title: dict[str, str] = {}
        self.order = tree_order(self.tree, root)
        for node in self.order:
            self._node(node)
        self.edges = sorted(
            (e for e in flowchart_edges(self.tree) if e[0] in self.kind),
            key=lambda e: (self.order.index(e[0]), _options(self.tree, e[0]).index(e[1])),
        )
        self.labels = {e: self.edge_text(e) for e in self.edges}

    def _node(self, node: str) -> None:
        tree, words = self.tree, self.words
        if node in tree.questions:
            self.kind[node] = "question"
            self.text[node] = self.title[node] = words.question(tree.questions[node])
        elif node in tree.decisions:
            inputs = tree.decisions[node].inputs.values()
            asked = [words.question(tree.questions[q]) for q in inputs]
            self.kind[node], self.text[node] = "decision", self.gettext(CHECK)
            self.title[node] = self.gettext(CHECK_TITLE) % {"questions": " / ".join(asked)}
        else:
            self.kind[node] = "outcome"
            self.text[node] = words.title(tree.outcomes[node])
            self.title[node] = self.gettext(OUTCOME_TITLE) % {"title": self.text[node]}

    def edge_text(self, edge: Edge) -> str | None:
        """An option's words; None for a check's arrow (its outcome says the verdict)."""
        node, option_id, _ = edge
        if node not in self.tree.questions:
            return None
        question = self.tree.questions[node]
        option = question.option(option_id)
        assert option is not None
        return self.words.option(question, option)

    def layout(self) -> Layout:
        """Top to bottom: laid out left to right with every size transposed."""
        sizes = {}
        for node, text in self.text.items():
            style = DECISION if self.kind[node] == "decision" else NODE
            bold = self._bold(node)
            w, h = _block_size(_lines(text, style, self.words.lang.amounts, bold), style, bold)
            if self.kind[node] == "decision":
                # a diamond holds a w×h box when its half-axes a, b satisfy w/2a + h/2b ≤ 1
                b = h / 2 + 14
                w, h = 2 * (w / 2) / (1 - h / (2 * b)) + 8, 2 * b
            sizes[node] = (h, w)
        edges: dict[tuple[str, ...], tuple[float, float]] = {}
        for edge, label in self.labels.items():
            if label is None:  # no label: the arrow only passes its row
                edges[edge] = (0.0, DUMMY)
            else:
                w, h = _block_size(_lines(label, LABEL, self.words.lang.amounts), LABEL)
                edges[edge] = (h, w)
        return layered(sizes, edges).transposed()

    def _bold(self, node: str) -> bool:
        return self.kind[node] == "outcome"


def flowchart_svg(
    words: Words, href: Callable[[str], str | None], root: str, ident: str, branch: str
) -> str:
    """The branch from ``root`` as SVG; ``href(outcome_id)`` gives an outcome's link or None."""
    chart = Flowchart(words, root)
    layout = chart.layout()
    links = {n: href(n) for n, kind in chart.kind.items() if kind == "outcome"}
    kinds = list(chart.kind.values())
    desc = chart.gettext(DESCRIPTION) % {
        "questions": kinds.count("question"),
        "decisions": kinds.count("decision"),
        "outcomes": kinds.count("outcome"),
    }
    # role="img" hides the contents from assistive technology, links included: with
    # links the chart is a graphics document whose nodes and links are read out.
    role = "graphics-document" if any(links.values()) else "img"
    w, h = layout.width, layout.height
    parts = [
        # xlink:href, not href: Material's script re-assigns the href of elements that have
        # an href attribute, which fails on an SVG link (its href property is read-only).
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'class="flowchart" role="{role}" '
        f'viewBox="0 0 {w:.0f} {h:.0f}" width="{w:.0f}" height="{h:.0f}" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
        f'font-family="{escape(FONTS)}" lang="{words.lang.tag}">',
        f'<title id="{ident}-title">{escape(chart.gettext(TITLE) % {"branch": branch})}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        f"<style>{STYLE}</style>",
        '<g class="edges" fill="none">',
        *(_edge_path(edge, layout.edges[edge]) for edge in chart.edges),
        "</g>",
        '<g class="edge-labels">',
        *(
            _label(edge, _lines(text, LABEL, chart.words.lang.amounts), layout.edges[edge])
            for edge, text in chart.labels.items()
            if text
        ),
        "</g>",
        '<g class="nodes">',
        *(_node(chart, node, layout, links.get(node)) for node in chart.kind),
        "</g>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _edge_path(edge: Edge, route: Route) -> str:
    points = list(route.points)
    ex, ey = points[-1]
    points[-1] = (ex, ey - 6)  # the arrowhead covers the last few pixels
    d = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for i, ((x1, y1), (x2, y2)) in enumerate(zip(points, points[1:], strict=False)):
        if i % 2:  # straight through a label or a row the edge crosses
            d.append(f"L{x2:.1f},{y2:.1f}")
        else:
            mid = (y1 + y2) / 2
            d.append(f"C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2:.1f}")
    arrow = f"{ex:.1f},{ey:.1f} {ex - 4.5:.1f},{ey - 8:.1f} {ex + 4.5:.1f},{ey - 8:.1f}"
    return (
        f'<g data-edge={quoteattr(":".join(edge))}><path d="{" ".join(d)}" stroke-width="1.4"/>'
        f'<polygon points="{arrow}"/></g>'
    )


def _label(edge: Edge, lines: list[str], route: Route) -> str:
    box = route.label
    return (
        f'<g data-label={quoteattr(":".join(edge))}><rect class="label-box" x="{box.x:.1f}" '
        f'y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="3"/>'
        f"{_text(lines, box.x + box.w / 2, box.y + LABEL[4], LABEL)}</g>"
    )


def _node(chart: Flowchart, node: str, layout: Layout, link: str | None) -> str:
    box, kind = layout.nodes[node], chart.kind[node]
    cx = box.x + box.w / 2
    if kind == "decision":
        lines = _lines(chart.text[node], DECISION, chart.words.lang.amounts)
        top = box.cy - len(lines) * DECISION[1] / 2
        shape = (
            f'<polygon class="shape" points="{cx:.1f},{box.y:.1f} {box.x + box.w:.1f},'
            f'{box.cy:.1f} {cx:.1f},{box.y + box.h:.1f} {box.x:.1f},{box.cy:.1f}" '
            f'stroke-width="1.5"/>'
        )
        text = _text(lines, cx, top, DECISION)
    else:
        lines = _lines(chart.text[node], NODE, chart.words.lang.amounts, chart._bold(node))
        radius, width = ("10", "1.5") if kind == "question" else ("3", "2.5")
        shape = (
            f'<rect class="shape" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
            f'height="{box.h:.1f}" rx="{radius}" stroke-width="{width}"/>'
        )
        bold = {"font_weight": "600"} if kind == "outcome" else {}
        text = _text(lines, cx, box.y + NODE[4], NODE, **bold)
    title = f"<title>{escape(chart.title[node])}</title>"
    if link:
        return (
            f'<a xlink:href={quoteattr(link)} data-node={quoteattr(node)} class="{kind}">'
            f"{title}{shape}{text}</a>"
        )
    return f'<g data-node={quoteattr(node)} class="{kind}">{title}{shape}{text}</g>'


def outline(words: Words, href: Callable[[str], str | None], root: str, ident: str) -> str:
    """The branch as a nested HTML list: each question, its options and where they lead.

    A question reached again links back to where it was first listed.
    """
    chart = Flowchart(words, root)
    seen: set[str] = set()
    arrow = '<span aria-hidden="true"> → </span>'

    def escaped(text: str) -> str:
        return nowrap(html.escape(text), words.lang.amounts)

    def item(node: str) -> Iterator[str]:
        text = escaped(chart.text[node])
        if chart.kind[node] == "outcome":
            link = href(node)
            yield f'<strong><a href="{html.escape(link)}">{text}</a></strong>' if link else text
            return
        if node in seen:
            see = chart.gettext(SEE_ABOVE) % {"question": chart.text[node]}
            yield f'<a href="#{ident}-{node}">{html.escape(see)}</a>'
            return
        seen.add(node)
        yield f"<span id={quoteattr(f'{ident}-{node}')}>{text}</span><ul>"
        for edge in (e for e in chart.edges if e[0] == node):
            label = chart.labels[edge]
            yield "<li>" + (f"{escaped(label)}{arrow}" if label else "")
            yield from item(edge[2])
            yield "</li>"
        yield "</ul>"

    return f'<ul class="agent-outline-list"><li>{"".join(item(root))}</li></ul>'
