"""The whole decision tree as one standalone, accessible SVG flowchart, drawn at build time.

Questions are rounded boxes, decisions diamonds named by their rule, outcomes
green boxes (linked to their page when ``href`` gives a URL); each arrow is
labelled with the option (or verdict) it stands for. No script, no external
resource, no web font: system sans-serif fonts, so Chinese renders too. Box
sizes come from the text, measured conservatively, so that nothing overlaps.
Every node carries ``data-node`` and every edge label ``data-edge`` =
``from:option:to``, so tests can check that the chart shows all of the tree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import partial
from xml.sax.saxutils import escape, quoteattr

from .hints import N_
from .layout import Layout, Route, layered
from .textwidth import wrap
from .tree import Tree
from .wizard import Words

FONTS = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, "
    "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
    "'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif"
)
# (font size, line height, widest line, horizontal and vertical padding)
NODE = (13.0, 17.0, 190.0, 10.0, 8.0)
DECISION = (12.0, 15.0, 110.0, 0.0, 0.0)
LABEL = (11.5, 14.0, 150.0, 4.0, 3.0)
OPTION_GAP = 4.0  # between the options that share one arrow
COLOURS = {
    "question": ("#eef3fb", "#3b5b8c"),
    "decision": ("#fff4dc", "#8a5a00"),
    "outcome": ("#e6f4e7", "#2e6b32"),
}
INK, EDGE, PAPER = "#1b1b1b", "#5f6b7a", "#ffffff"
STYLE = (
    "a:focus .shape,a:hover .shape{stroke-width:3.5px}"
    "a:focus{outline:none}a text{text-decoration:underline}"
)

TITLE = N_("Troubleshooter flowchart")
DESCRIPTION = N_(
    "The Secure Login troubleshooter from left to right: %(questions)s questions, "
    "%(decisions)s checks and %(outcomes)s outcomes. Rounded boxes are questions, diamonds "
    "are checks made from your answers and green boxes are outcomes; each arrow is labelled "
    "with the answer it stands for."
)
OUTCOME_TITLE = N_("Outcome: %(title)s")
RULE_NAMES = {
    "withdrawal": N_("Within the limits of the device?"),
    "dsc-plus": N_("Balance of at least %(dsc_plus_threshold)s?"),
    "sharing": N_("May these users share a device?"),
}
VERDICTS = {
    ("withdrawal", "within"): N_("Yes, within the limits"),
    ("withdrawal", "over"): N_("No, over a limit"),
    ("dsc-plus", "eligible"): N_("Yes"),
    ("dsc-plus", "not-eligible"): N_("No"),
    ("sharing", "eligible"): N_("Yes, all conditions hold"),
    ("sharing", "identity-differs"): N_("No, the identity data differ"),
    ("sharing", "temporary-device"): N_("No, one of them holds a temporary device"),
}

Edge = tuple[str, str, str]


def flowchart_edges(tree: Tree) -> set[Edge]:
    """Every edge of the tree as ``(from, option or verdict, to)``."""
    edges = {(q.id, o.id, o.next) for q in tree.questions.values() for o in q.options}
    return edges | {(d.id, v, t) for d in tree.decisions.values() for v, t in d.then.items()}


def tree_order(tree: Tree) -> list[str]:
    """Every node and outcome, depth first from the start."""
    seen: dict[str, None] = {}

    def visit(node: str) -> None:
        if node not in seen:
            seen[node] = None
            for target in tree.targets(node):
                visit(target)

    visit(tree.start)
    return list(seen)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of ``text`` in a sans-serif font of ``size`` px."""
    em = 0.0
    for c in text:
        if unicodedata.east_asian_width(c) in "WF" or c in "—…":
            em += 1.0
        elif c in " .,:;'!|ijlI":
            em += 0.32
        elif c in "()[]-ftr“”‘’/":
            em += 0.42
        elif c in "mwMW@%":
            em += 0.92
        elif c.isupper() or c.isdigit() or c in "?+&":
            em += 0.7
        else:
            em += 0.58
    return em * size * (1.08 if bold else 1.0)


def _lines(text: str, style: tuple[float, ...], bold: bool = False) -> list[str]:
    return wrap(text, style[2], partial(text_width, size=style[0], bold=bold))


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
    """The words and sizes of every node and arrow of one language's tree."""

    def __init__(self, words: Words) -> None:
        self.words, self.tree = words, words.project.tree
        self.gettext = words.lang.gettext
        self.kind: dict[str, str] = {}
        self.text: dict[str, list[str]] = {}
        self.title: dict[str, str] = {}
        self.labels: dict[tuple[str, str], list[tuple[Edge, list[str]]]] = {}
        self.order = tree_order(self.tree)
        for node in self.order:
            self._node(node)
        for edge in sorted(flowchart_edges(self.tree), key=self._edge_order):
            text = self._edge_text(edge)
            self.labels.setdefault((edge[0], edge[2]), []).append((edge, _lines(text, LABEL)))

    def _node(self, node: str) -> None:
        tree, words = self.tree, self.words
        if node in tree.questions:
            self.kind[node], text = "question", words.question(tree.questions[node])
            self.title[node] = text
        elif node in tree.decisions:
            rule = tree.decisions[node].rule
            self.kind[node], text = "decision", words.lang.t(RULE_NAMES[rule])
            self.title[node] = text
        else:
            self.kind[node], text = "outcome", words.title(tree.outcomes[node])
            self.title[node] = self.gettext(OUTCOME_TITLE) % {"title": text}
        style = DECISION if self.kind[node] == "decision" else NODE
        self.text[node] = _lines(text, style, bold=self.kind[node] == "outcome")

    def _edge_order(self, edge: Edge) -> tuple[int, int]:
        node = edge[0]
        options = (
            [o.id for o in self.tree.questions[node].options]
            if node in self.tree.questions
            else list(self.tree.decisions[node].then)
        )
        return self.order.index(node), options.index(edge[1])

    def _edge_text(self, edge: Edge) -> str:
        node, option_id, _ = edge
        if node in self.tree.questions:
            question = self.tree.questions[node]
            option = question.option(option_id)
            assert option is not None
            return self.words.option(question, option)
        verdict = VERDICTS.get((self.tree.decisions[node].rule, option_id))
        return self.gettext(verdict) if verdict else option_id

    def sizes(
        self,
    ) -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], tuple[float, float]]]:
        nodes = {}
        for node, lines in self.text.items():
            if self.kind[node] == "decision":
                w, h = _block_size(lines, DECISION)
                # a diamond holds a w×h box when its half-axes a, b satisfy w/2a + h/2b ≤ 1
                b = h / 2 + 16
                nodes[node] = (2 * (w / 2) / (1 - h / (2 * b)) + 8, 2 * b)
            else:
                nodes[node] = _block_size(lines, NODE, bold=self.kind[node] == "outcome")
        labels = {}
        for pair, options in self.labels.items():
            sizes = [_block_size(lines, LABEL) for _, lines in options]
            pad = 2 * LABEL[4]
            labels[pair] = (
                max(w for w, _ in sizes),
                sum(h - pad for _, h in sizes) + OPTION_GAP * (len(sizes) - 1) + pad,
            )
        return nodes, labels


def flowchart_svg(words: Words, href: Callable[[str], str | None], ident: str = "flowchart") -> str:
    """The tree as SVG; ``href(outcome_id)`` gives an outcome's link, or None for no link."""
    chart = Flowchart(words)
    layout = layered(*chart.sizes())
    links = {n: href(n) for n, kind in chart.kind.items() if kind == "outcome"}
    tree = chart.tree
    title = chart.gettext(TITLE)
    desc = chart.gettext(DESCRIPTION) % {
        "questions": len(tree.questions),
        "decisions": len(tree.decisions),
        "outcomes": len(tree.outcomes),
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
        f'font-family="{escape(FONTS)}" lang="{words.lang.code}">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
        f"<style>{STYLE}</style>",
        f'<rect width="100%" height="100%" fill="{PAPER}"/>',
        '<g class="edges" fill="none">',
        *(_edge_path(pair, route) for pair, route in layout.edges.items()),
        "</g>",
        '<g class="edge-labels">',
        *(_label(chart, pair, route) for pair, route in layout.edges.items()),
        "</g>",
        '<g class="nodes">',
        *(_node(chart, node, layout, links.get(node)) for node in chart.kind),
        "</g>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


def _edge_path(pair: tuple[str, str], route: Route) -> str:
    points = list(route.points)
    ex, ey = points[-1]
    points[-1] = (ex - 6, ey)  # the arrowhead covers the last few pixels
    d = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for i, ((x1, y1), (x2, y2)) in enumerate(zip(points, points[1:], strict=False)):
        if i % 2:  # straight through a label or a column the edge crosses
            d.append(f"L{x2:.1f},{y2:.1f}")
        else:
            mid = (x1 + x2) / 2
            d.append(f"C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} {x2:.1f},{y2:.1f}")
    arrow = f"{ex:.1f},{ey:.1f} {ex - 8:.1f},{ey - 4.5:.1f} {ex - 8:.1f},{ey + 4.5:.1f}"
    return (
        f'<g data-from="{pair[0]}" data-to="{pair[1]}"><path d="{" ".join(d)}" '
        f'stroke="{EDGE}" stroke-width="1.4"/><polygon points="{arrow}" fill="{EDGE}"/></g>'
    )


def _label(chart: Flowchart, pair: tuple[str, str], route: Route) -> str:
    box = route.label
    out = [
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" '
        f'rx="3" fill="{PAPER}" fill-opacity="0.94"/>'
    ]
    top = box.y + LABEL[4]
    for edge, lines in chart.labels[pair]:
        text = _text(lines, box.x + box.w / 2, top, LABEL, fill=INK)
        out.append(f'<g data-edge="{":".join(edge)}">{text}</g>')
        top += len(lines) * LABEL[1] + OPTION_GAP
    return "".join(out)


def _node(chart: Flowchart, node: str, layout: Layout, link: str | None) -> str:
    box, kind, lines = layout.nodes[node], chart.kind[node], chart.text[node]
    fill, stroke = COLOURS[kind]
    cx = box.x + box.w / 2
    if kind == "decision":
        top = box.cy - len(lines) * DECISION[1] / 2
        shape = (
            f'<polygon class="shape" points="{cx:.1f},{box.y:.1f} {box.x + box.w:.1f},'
            f'{box.cy:.1f} {cx:.1f},{box.y + box.h:.1f} {box.x:.1f},{box.cy:.1f}" '
            f'fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        )
        text = _text(lines, cx, top, DECISION, fill=INK)
    else:
        radius, width = ("10", "1.5") if kind == "question" else ("3", "2.5")
        shape = (
            f'<rect class="shape" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
            f'height="{box.h:.1f}" rx="{radius}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{width}"/>'
        )
        bold = {"font_weight": "600"} if kind == "outcome" else {}
        text = _text(lines, cx, box.y + NODE[4], NODE, fill=INK, **bold)
    title = f"<title>{escape(chart.title[node])}</title>"
    if link:
        return (
            f'<a xlink:href={quoteattr(link)} data-node="{node}" class="{kind}">'
            f"{title}{shape}{text}</a>"
        )
    return f'<g data-node="{node}" class="{kind}">{title}{shape}{text}</g>'
