"""The flowchart: all of the tree, readable, accessible and self-contained."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

import pytest

from troubleshooter.flowchart import Flowchart, flowchart_edges, flowchart_svg
from troubleshooter.layout import Box, layered
from troubleshooter.project import load_project
from troubleshooter.wizard import Words

PROJECT = load_project()
TREE = PROJECT.tree
SVG = "{http://www.w3.org/2000/svg}"


def words(lang: str) -> Words:
    return Words(PROJECT, PROJECT.lang(lang))


def link(outcome: str) -> str:
    return f"../troubleshooter/{outcome}/"


def chart(lang: str, href: object = link) -> ET.Element:
    return ET.fromstring(flowchart_svg(words(lang), href))  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_node_and_edge_of_the_tree_is_drawn(lang: str) -> None:
    root = chart(lang)
    nodes = {e.get("data-node"): e for e in root.iter() if e.get("data-node")}
    assert set(nodes) == set(TREE.questions) | set(TREE.decisions) | set(TREE.outcomes)
    drawn = {tuple(e.get("data-edge", "").split(":")) for e in root.iter() if e.get("data-edge")}
    assert drawn == flowchart_edges(TREE)
    # generated options too: 6 devices, amount bands, balance
    assert sum(1 for e in drawn if e[0] == "withdraw-device") == len(PROJECT.content.facts.devices)
    for node, element in nodes.items():
        title = element.find(f"{SVG}title")
        assert title is not None and title.text, node


def test_edges_come_from_tree_yml() -> None:
    edges = flowchart_edges(TREE)
    assert ("problem", "ib-key", "ibkey-situation") in edges
    assert ("withdraw-decision", "over", "withdrawal-needs-stronger-device") in edges
    assert ("withdraw-device", "dsc-plus", "withdraw-day") in edges
    assert ("share-decision", "temporary-device", "share-device-ineligible-temporary") in edges


def test_chinese_chart_uses_chinese_words() -> None:
    root = chart("zh")
    texts = "".join(root.itertext())
    assert "数码安全卡+" in texts  # a generated device option
    question = next(e for e in root.iter() if e.get("data-node") == "problem")
    assert re.search(r"[\u4e00-\u9fff]", "".join(question.itertext()))
    assert root.get("lang") == "zh"


XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def test_outcomes_link_to_their_pages() -> None:
    root = chart("en")
    links = {a.get("data-node"): a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")}
    assert links == {o: link(o) for o in TREE.outcomes}
    questions = [e for e in root.iter() if e.get("data-node") in TREE.questions]
    assert all(e.tag == f"{SVG}g" for e in questions)


def test_without_links_the_chart_is_one_image() -> None:
    root = chart("en", lambda outcome: None)
    assert not list(root.iter(f"{SVG}a"))
    assert root.get("role") == "img"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_svg_is_accessible_and_self_contained(lang: str) -> None:
    text = flowchart_svg(words(lang), link)
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") in ("img", "graphics-document")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert "sans-serif" in root.get("font-family", "")
    for element in root.iter():
        assert element.tag.split("}")[1] not in ("script", "image", "foreignObject", "use")
        for name, value in element.attrib.items():
            assert not name.startswith("on"), name
            if "href" in name:
                assert element.tag == f"{SVG}a" and not value.startswith(("http", "//"))
    assert "url(" not in text and "@import" not in text and "@font-face" not in text
    assert re.findall(r"https?://[^\s\"']*", text) == [
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_overlaps(lang: str) -> None:
    layout = layered(*Flowchart(words(lang)).sizes())
    boxes: list[Box] = [*layout.nodes.values(), *(r.label for r in layout.edges.values())]

    def overlap(a: Box, b: Box) -> bool:
        return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h

    assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if overlap(a, b)]
    assert all(b.x >= 0 and b.x + b.w <= layout.width for b in boxes)
    assert all(b.y >= 0 and b.y + b.h <= layout.height for b in boxes)


def test_boxes_are_sized_for_their_text() -> None:
    flow = Flowchart(words("en"))
    sizes, _ = flow.sizes()
    one_line = sizes["m2fs-platform"][1]  # "Where do you log in?"
    assert sizes["share-temporary"][1] > 3 * one_line / 2  # a long question wraps
    boxes = [size for node, size in sizes.items() if node not in TREE.decisions]
    assert max(w for w, _ in boxes) <= 190 + 2 * 10  # the widest line and the padding


def test_layout_refuses_a_cycle() -> None:
    with pytest.raises(ValueError, match="cycle"):
        layered({"a": (10, 10), "b": (10, 10)}, {("a", "b"): (5, 5), ("b", "a"): (5, 5)})
