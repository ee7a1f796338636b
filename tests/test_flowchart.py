"""The flowcharts: all of the tree, one chart per branch, readable, accessible, self-contained.

Drawn from the fixture project's tree; the real tree's charts are checked for their
layout only (nothing overlaps, each fits beside its outline).
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from html import escape

import pytest

from tests.golden import assert_golden
from tests.languages import CHINESE, LANGS, chinese
from troubleshooter.project import Project
from troubleshooter.publish.flowchart import (
    NODE,
    Flowchart,
    branches,
    flowchart_edges,
    flowchart_svg,
    outline,
)
from troubleshooter.publish.layout import Box, layered
from troubleshooter.tree.engine import Tree
from troubleshooter.tree.words import Words

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# The fixture tree's branches (frozen; checked by test_the_fixture_has_these_branches).
ROOTS = [
    "m2fs-platform",
    "withdraw-device",
    "dsc-plus-balance",
    "share-entity",
    "rejoin-permission",
    "dsc-problem",
]
PROJECT: Project  # the fixture project, set once by the autouse fixture below
TREE: Tree


@pytest.fixture(autouse=True, scope="module")
def _fixture(fixture_loaded: Project) -> None:
    global PROJECT, TREE
    PROJECT, TREE = fixture_loaded, fixture_loaded.tree


def words(lang: str, project: Project | None = None) -> Words:
    project = project or PROJECT
    return Words(project, project.lang(lang))


def test_the_fixture_has_these_branches() -> None:
    assert [root for _, root in branches(TREE) if root not in TREE.outcomes] == ROOTS


def link(outcome: str) -> str:
    return f"../troubleshooter/{outcome}/"


def chart(lang: str, root: str, href: object = link) -> ET.Element:
    svg = flowchart_svg(words(lang), href, root, f"c-{root}", "branch")  # type: ignore[arg-type]
    return ET.fromstring(svg)


@pytest.mark.parametrize("lang", LANGS)
def test_the_charts_together_draw_every_node_and_edge(lang: str) -> None:
    nodes: set[str] = set()
    drawn: set[tuple[str, ...]] = set()
    for root in ROOTS:
        element = chart(lang, root)
        nodes |= {e.get("data-node", "") for e in element.iter() if e.get("data-node")}
        edges = [e.get("data-edge", "") for e in element.iter() if "data-edge" in e.attrib]
        drawn |= {tuple(edge.split(":")) for edge in edges}
    reached: set[str] = set()
    stack = list(ROOTS)
    while stack:
        if (node := stack.pop()) not in reached:
            reached.add(node)
            stack += TREE.targets(node)
    assert nodes == reached
    everything = set(TREE.questions) | set(TREE.decisions) | set(TREE.outcomes)
    # The first question heads the charts; an answer that ends at once needs no chart.
    assert everything - nodes <= {TREE.start} | {target for _, target in branches(TREE)}
    assert drawn == {e for e in flowchart_edges(TREE) if e[0] != TREE.start}


def test_each_option_has_its_own_arrow_and_label() -> None:
    root = chart("en", "withdraw-device")
    devices = [e for e in root.iter() if e.get("data-edge", "").startswith("withdraw-device:")]
    assert len(devices) == len(PROJECT.content.facts.devices) + 1  # and the not-sure escape
    labels = [e for e in root.iter() if e.get("data-label", "").startswith("withdraw-device:")]
    assert len(labels) == len(devices)
    assert len({"".join(e.itertext()) for e in labels}) == len(labels)


def test_edges_come_from_tree_yml() -> None:
    edges = flowchart_edges(TREE)
    assert ("problem", "withdrawal", "withdraw-device") in edges
    assert ("withdraw-decision", "over", "withdrawal-needs-stronger-device") in edges
    assert ("withdraw-device", "dsc-plus", "withdraw-day") in edges
    assert ("share-decision", "temporary-device", "share-device-ineligible-temporary") in edges


@pytest.mark.parametrize("lang", LANGS)
def test_a_check_is_worded_from_the_questions_it_weighs(lang: str) -> None:
    """No wording per rule: a check's title names the questions whose answers it uses."""
    w = words(lang)
    for decision in TREE.decisions.values():
        flow = Flowchart(w, decision.id)
        for question in decision.inputs.values():
            assert w.question(TREE.questions[question]) in flow.title[decision.id]
        assert {flow.edge_text(e) for e in flow.edges} == {None}  # outcomes say the verdict


@pytest.mark.parametrize("lang", CHINESE)
def test_chinese_chart_uses_chinese_words(lang: str) -> None:
    root = chart(lang, "withdraw-device")
    texts = "".join(root.itertext())
    assert chinese(lang, "数码安全卡+") in texts  # a generated device option
    question = next(e for e in root.iter() if e.get("data-node") == "withdraw-device")
    assert re.search(r"[\u4e00-\u9fff]", "".join(question.itertext()))
    assert root.get("lang") == lang


def test_outcomes_link_to_their_pages() -> None:
    links: dict[str | None, str | None] = {}
    for root in ROOTS:
        links |= {a.get("data-node"): a.get(XLINK_HREF) for a in chart("en", root).iter(f"{SVG}a")}
    assert links == {o: link(o) for o in TREE.outcomes if o in links}
    assert set(links) >= {o for o in TREE.outcomes if o not in dict(branches(TREE)).values()}


def test_without_links_a_chart_is_one_image() -> None:
    root = chart("en", "dsc-problem", lambda outcome: None)
    assert not list(root.iter(f"{SVG}a"))
    assert root.get("role") == "img"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("root", ROOTS)
def test_svg_is_accessible_self_contained_and_themed(lang: str, root: str) -> None:
    text = flowchart_svg(words(lang), link, root, "c", "branch")
    svg = ET.fromstring(text)
    assert svg.get("role") in ("img", "graphics-document")
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert svg.get("aria-labelledby") == title.get("id")
    assert svg.get("aria-describedby") == desc.get("id")
    for element in svg.iter():
        assert element.tag.split("}")[1] not in ("script", "image", "foreignObject", "use")
        for name, value in element.attrib.items():
            assert not name.startswith("on"), name
            assert name not in ("fill", "stroke") or value == "none", "colours: the scheme's"
            if "href" in name:
                assert element.tag == f"{SVG}a" and not value.startswith(("http", "//"))
    assert "var(--fc-ink" in text and "url(" not in text and "@import" not in text
    assert re.findall(r"https?://[^\s\"']*", text) == [
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_real_charts_run_top_to_bottom_narrow_and_nothing_overlaps(
    real_project: Project, lang: str
) -> None:
    tree = real_project.tree
    for _, root in branches(tree):
        if root not in tree.outcomes:
            _check_layout(words(lang, real_project), root)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("root", ROOTS)
def test_top_to_bottom_narrow_and_nothing_overlaps(lang: str, root: str) -> None:
    _check_layout(words(lang), root)


def _check_layout(w: Words, root: str) -> None:
    layout = Flowchart(w, root).layout()
    boxes: list[Box] = [*layout.nodes.values(), *(r.label for r in layout.edges.values())]
    boxes = [b for b in boxes if b.w and b.h]

    def overlap(a: Box, b: Box) -> bool:
        return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h

    assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(a, b)]
    assert all(b.x >= 0 and b.x + b.w <= layout.width for b in boxes)
    assert all(b.y >= 0 and b.y + b.h <= layout.height for b in boxes)
    assert layout.width <= 900, "fits beside its outline on a 1,280 px screen"
    assert layout.nodes[root].y == min(b.y for b in layout.nodes.values()), "starts at the top"
    for (u, *_, v), route in layout.edges.items():
        assert layout.nodes[u].y < layout.nodes[v].y, "every arrow points down"
        assert route.points[0][1] <= route.points[-1][1]


def test_boxes_are_sized_for_their_text() -> None:
    layout = Flowchart(words("en"), "m2fs-platform").layout()
    nodes = layout.nodes
    assert nodes["tws-dropdown"].h > 3 * nodes["m2fs-platform"].h / 2  # a long question wraps
    boxes = [b for n, b in nodes.items() if n not in TREE.decisions]
    assert max(b.w for b in boxes) <= NODE[2] + 2 * NODE[3]  # the widest line and the padding


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("root", ROOTS)
def test_outline_lists_every_option_and_outcome(lang: str, root: str) -> None:
    w = words(lang)
    flow = Flowchart(w, root)
    html = outline(w, link, root, "o")
    text = re.sub(r'<span class="nowrap">([^<]*)</span>', r"\1", html)  # amounts kept whole
    for label in flow.labels.values():
        assert label is None or escape(label) in text
    for node, kind in flow.kind.items():
        if kind == "outcome":
            assert f'href="{link(node)}"' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert all(f'href="#{target}"' not in html or target in ids for target in ids)
    ET.fromstring(html)  # well-formed


@pytest.mark.parametrize("lang", LANGS)
def test_a_chart_matches_the_reviewed_golden_file(lang: str) -> None:
    assert_golden(f"{lang}/flowchart-withdraw-device.svg", chart_svg(lang, "withdraw-device"))


def chart_svg(lang: str, root: str) -> str:
    return flowchart_svg(words(lang), link, root, f"c-{root}", "branch")


def test_layout_refuses_a_cycle() -> None:
    with pytest.raises(ValueError, match="cycle"):
        layered({"a": (10, 10), "b": (10, 10)}, {("a", "b"): (5, 5), ("b", "a"): (5, 5)})
