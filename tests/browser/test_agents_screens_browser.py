"""The agents' pages on a 1,280 px screen and on a 390 px phone, in light and dark:
flowcharts that fit and follow the scheme, replies as cards with their copy buttons
in view. Screenshots go to build/screenshots/ (git-ignored) for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Visit
from tests.conftest import ROOT, lang_tag
from tests.languages import LANGS, OTHERS
from troubleshooter.languages.i18n import language_name
from troubleshooter.project import Project
from troubleshooter.publish.flowchart import branches

SHOTS = ROOT / "build" / "screenshots"
WIDTHS = [1280, 390]


def open_page(visit: Visit, path: str, width: int, scheme: str) -> Page:
    visit.page.set_viewport_size({"width": width, "height": 900})
    visit.page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page = visit.open(path)
    page.wait_for_load_state("load")
    return page


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False, timeout=90_000)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_flowcharts(
    visit: Visit, real_project: Project, lang: str, width: int, scheme: str
) -> None:
    tree = real_project.tree
    page = open_page(visit, f"/{lang}/agents/", width, scheme)
    charts = page.locator(".agent-flowchart svg")
    # an answer that ends at once is a link, not a chart
    assert charts.count() == len([r for _, r in branches(tree) if r not in tree.outcomes])
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        natural = float(charts.nth(i).get_attribute("width") or 0)
        assert box is not None
        if width == 1280:  # whole, and no smaller than 80 % of its own size
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
            assert box["width"] >= 0.8 * natural
        else:  # a phone keeps the text at its size: the chart scrolls sideways
            assert box["width"] == pytest.approx(natural, abs=1)
    outline = page.locator(".agent-outline").first.bounding_box()
    chart = charts.first.bounding_box()
    assert outline is not None and chart is not None
    if width == 1280:  # beside the chart
        assert outline["x"] >= chart["x"] + chart["width"] - 1
    else:  # below it, within the screen
        assert outline["y"] >= chart["y"] + chart["height"] - 1
        assert outline["x"] + outline["width"] <= width
    shape = page.locator(".agent-flowchart .question .shape").first
    fill = shape.evaluate("e => getComputedStyle(e).fill")
    ink = page.locator(".agent-flowchart text").first.evaluate("e => getComputedStyle(e).fill")
    light = luminance(fill) > 0.5
    assert light == (scheme == "light"), fill
    assert (luminance(ink) > 0.5) == (scheme == "dark"), ink
    page.locator("#branch-withdrawal").scroll_into_view_if_needed()
    shoot(page, f"flowchart-{lang}-{width}-{scheme}")


def luminance(css: str) -> float:
    """0 (black) to 1 (white) from a computed ``rgb(...)``/``rgba(...)`` colour."""
    parts = css[css.index("(") + 1 : css.index(")")].split(",")
    r, g, b = (float(p) / 255 for p in parts[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_replies(visit: Visit, real_project: Project, width: int, scheme: str) -> None:
    page = open_page(visit, "/en/agents/replies/", width, scheme)
    rows = page.locator(".agent-replies tbody tr")
    assert rows.count() == len(real_project.tree.outcomes)
    buttons = page.locator(".agent-copy")
    buttons.first.wait_for()
    assert buttons.count() == len(LANGS) * rows.count()  # the English page has every language
    for i in (0, 1, buttons.count() - 1):
        buttons.nth(i).scroll_into_view_if_needed()
        box = buttons.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    display = rows.first.evaluate("e => getComputedStyle(e).display")
    assert display == ("table-row" if width == 1280 else "block"), "one card per outcome"
    if width < 1280:
        card = rows.first.bounding_box()
        assert card is not None and card["x"] + card["width"] <= width
        for lang in OTHERS:
            label = page.locator(f".agent-reply[lang={lang_tag(lang)}]").first.evaluate(
                "e => getComputedStyle(e, '::before').content"
            )
            assert language_name(lang, "en") in label
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, f"replies-en-{width}-{scheme}")
