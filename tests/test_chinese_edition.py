"""The Chinese edition reads as the broker's own: Simplified Chinese declared, no
English outside product names, amounts with 万, the broker's terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.chinese_text import english_words, read, seen
from tests.conftest import ROOT
from tests.languages import CHINESE
from troubleshooter.languages.i18n import money
from troubleshooter.project import Project, load_project

# An amount written the Western way in Chinese: 1,000,000美元.
WESTERN_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+\s*美元")
NOWRAP = re.compile(r'<span class="nowrap">[^<]*</span>')


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT)


@pytest.fixture(scope="module")
def chinese_pages(built_site: Path) -> list[Path]:
    pages = sorted((built_site / "zh").rglob("*.html"))
    assert len(pages) > 100
    return pages


def test_every_chinese_page_declares_simplified_chinese(chinese_pages: list[Path]) -> None:
    """The catalog's locale (zh_Hans_CN) gives every page, and every Chinese part of a page,
    its tag: browsers then choose Simplified glyphs."""
    wrong = {str(p): lang for p in chinese_pages if (lang := read(p)[0]) != "zh-Hans-CN"}
    assert not wrong
    for page in chinese_pages:
        html = page.read_text(encoding="utf-8")
        # Other languages in their own tags: the switcher, the agents' keywords of every language.
        html = re.sub(r'<ul class="md-select__list">.*?</ul>', "", html, flags=re.S)
        html = re.sub(r'<span class="agent-keywords" hidden>.*?</span></span>', "", html)
        tags = set(re.findall(r'\slang="(zh[^"]*)"', html))
        assert tags <= {"zh-Hans-CN"}, page


def test_no_english_on_chinese_pages_outside_product_names(chinese_pages: list[Path]) -> None:
    """Text, titles, aria-labels, placeholders and alt texts: theme chrome included."""
    found = {str(p): words for p in chinese_pages if (words := english_words(read(p)[1]))}
    assert not found


def test_chinese_punctuation_is_full_width_and_unspaced(chinese_pages: list[Path]) -> None:
    """No ASCII punctuation next to Chinese, no space beside full-width punctuation."""
    cjk = "\u3400-\u9fff"
    wrong = re.compile(rf"[{cjk}][,;:?!]|[,;:?!][{cjk}]|[{cjk}] [（：，。；]|[：，。；）] [{cjk}]")
    found = {}
    for page in chinese_pages:
        # An option's hint shows on a line of its own.
        html = page.read_text(encoding="utf-8").replace(' <span class="wizard-hint">', "\n<span>")
        if m := wrong.search(seen(html, sep="")[1]):
            found[str(page)] = m[0]
    assert not found


def test_chinese_amounts_are_written_with_wan(
    built_site: Path, chinese_pages: list[Path], project: Project
) -> None:
    western = {str(p) for p in chinese_pages if WESTERN_AMOUNT.search(read(p)[1])}
    assert not western
    facts = project.content.facts
    day = facts.device("dsc").limits.per_day
    assert day is not None
    rules = (built_site / "zh" / "agents" / "rules" / "index.html").read_text(encoding="utf-8")
    assert money(day, facts.currency, "zh") in rules
    assert money(day, facts.currency, "zh").endswith("万美元")
    english = (built_site / "en" / "agents" / "rules" / "index.html").read_text(encoding="utf-8")
    assert f"{day:,} US dollars" in english


def test_amounts_never_break_inside(chinese_pages: list[Path], project: Project) -> None:
    """Every amount in a page's text is kept on one line (``.nowrap``), and no line of a
    flowchart ends inside one."""
    amounts = project.lang("zh").amounts
    broken = re.compile(
        "|".join(
            re.escape(a[:i]) + "</tspan><tspan[^>]*>" + re.escape(a[i:])
            for a in amounts
            for i in range(1, len(a))
        )
    )
    for page in chinese_pages:
        html = page.read_text(encoding="utf-8")
        # The tab's title and the header's one-line title (Material's .md-ellipsis) never wrap.
        html = re.sub(r'<title>[^<]*</title>|<span class="md-ellipsis">[^<]*</span>', "", html)
        assert not re.search(r"\d[\d,.]*[万亿]?美元", seen(NOWRAP.sub("", html))[1]), page
        assert not broken.search(html), page


@pytest.mark.parametrize("code", CHINESE)
def test_words_the_broker_does_not_use_appear_on_no_page(
    built_site: Path, project: Project, code: str
) -> None:
    """The glossary's words to avoid, in each Chinese edition (Simplified and Traditional)."""
    glossary = project.content.glossary
    words = [t.words[code] for t in glossary if code in t.words]
    avoided = [w for t in glossary for w in t.avoid.get(code, ())]
    assert avoided
    for page in sorted((built_site / code).rglob("*.html")):
        text = read(page)[1]
        for word in avoided:
            seen_text = text
            for right in (w for w in words if word in w and w != word):
                seen_text = seen_text.replace(right, "")
            assert word not in seen_text, (page, word)


def test_the_broker_terms_for_physical_devices_and_pink_sheets(built_site: Path) -> None:
    articles = built_site / "zh" / "articles"
    assert "粉纸市场" in read(articles / "opt-back-in" / "index.html")[1]
    assert "实物安全设备" in read(articles / "m2fs" / "index.html")[1]
    assert "同一实体" in read(articles / "share-device" / "index.html")[1]
