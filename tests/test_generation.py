"""Generated Markdown: golden pages, facts flowing into every page, escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.golden import assert_golden
from tests.languages import CHINESE, LANGS
from troubleshooter.languages.i18n import money
from troubleshooter.project import Project, load_project
from troubleshooter.publish.pages import pages


@pytest.mark.parametrize(
    ("lang", "page"),
    [
        ("en", "articles/dsc-login.md"),
        ("zh", "articles/share-device.md"),
        ("en", "troubleshooter/dsc/buttons-dead/dsc-buttons/index.md"),
        ("zh", "agents/replies.md"),
        ("zh-Hant", "articles/share-device.md"),
        ("zh-Hant", "agents/replies.md"),
        ("en", "agents/replies.md"),
    ],
    ids=[
        "article-en",
        "article-zh",
        "outcome-en",
        "agents-zh",
        "article-zh-Hant",
        "agents-zh-Hant",
        "agents-en",
    ],
)
def test_generated_markdown_matches_golden_file(
    fixture_loaded: Project, lang: str, page: str
) -> None:
    """Pages of the fixture project (writers' edits do not move them); after a reviewed
    change of the templates or the generator: UPDATE_GOLDEN=1 make test."""
    assert_golden(f"{lang}/{page}", pages(fixture_loaded, lang).files[page])


def test_changing_a_fact_changes_every_page_and_nothing_else(fixture_project: Path) -> None:
    project = fixture_project
    before = {lang: pages(load_project(project), lang).files for lang in LANGS}
    facts = project / "content" / "facts.yml"
    facts.write_text(
        facts.read_text("utf-8").replace(
            "dsc_plus_threshold: 500000", "dsc_plus_threshold: 750000"
        ),
        "utf-8",
    )
    after = {lang: pages(load_project(project), lang).files for lang in LANGS}
    for lang in LANGS:
        old, new = (
            re.compile(r"(?<![\d,.])" + re.escape(money(n, "USD", lang))) for n in (500000, 750000)
        )
        for path, page in after[lang].items():
            assert not old.search(page), f"{lang} {path} still shows the old value"
        # The troubleshooter's balance answers are named after the threshold, so its
        # pages (and the flowchart's ids) move; every other page changes only where
        # the amount is shown.
        articles = [p for p in before[lang] if p.startswith("articles/") or p == "index.md"]
        assert any(before[lang][p] != after[lang][p] for p in articles)
        for path in articles:
            restored = new.sub(money(500000, "USD", lang), after[lang][path])
            assert restored == before[lang][path]
        assert any("from-750000" in p for p in after[lang])


def test_money_is_formatted_per_locale() -> None:
    """English writes the full figure; Chinese counts in 万 where that is exact."""
    assert money(500000, "USD", "en") == "500,000 US dollars"
    assert money(500000, "USD", "zh") == "50万美元"
    assert money(1_500_000, "USD", "zh") == "150万美元"
    assert money(10_000, "USD", "zh") == "1万美元"
    assert money(12_345, "USD", "zh") == "12,345美元"  # 1.23万 would round it
    assert money(9_999, "USD", "zh") == "9,999美元"
    assert money(1_000_000, "USD", "ja") == "100万米ドル"  # any locale that counts in 万
    assert money(500000, "USD", "zh-Hant") == "50萬 美元"


@pytest.mark.parametrize("lang", CHINESE)
def test_dates_are_formatted_per_locale(fixture_loaded: Project, lang: str) -> None:
    zh = pages(fixture_loaded, lang).files["articles/m2fs.md"]
    en = pages(fixture_loaded, "en").files["articles/m2fs.md"]
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", zh)
    assert re.search(r"[A-Z][a-z]+ \d{1,2}, \d{4}", en)


def test_related_articles_we_do_not_carry_have_no_link(fixture_loaded: Project) -> None:
    markdown = pages(fixture_loaded, "en").files["articles/dsc-login.md"]
    related = markdown.split("{ #related }")[1]
    for kb in ("KB1042", "KB1942", "KB1943"):
        line = next(line for line in related.splitlines() if kb in line)
        assert "](" not in line
    assert "](sls-overview.md)" in related
