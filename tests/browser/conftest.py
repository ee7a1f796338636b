"""Real Chromium (Debian's ``chromium`` or ``chromium-headless-shell``, driven by Playwright)
against the built site on 127.0.0.1.

Every test opens its pages through the ``visitor`` fixture, which records the requests
Chromium makes and the script errors it sees: a request to any other host or a script
error fails the test. Every test here carries the ``browser`` marker, so
``pytest -m "not browser"`` leaves them out. A missing browser fails the tests: it is
never a reason to skip.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.conftest import ROOT
from tests.languages import LANGS
from troubleshooter.project import Project
from troubleshooter.tree.engine import State, first_paths
from troubleshooter.tree.words import Words

HERE = Path(__file__).resolve().parent
# The first browser on PATH: Debian's full browser, or its smaller headless shell.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-headless-shell")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def words(real_project: Project) -> dict[str, Words]:
    """The real project's words by language."""
    return {lang: Words(real_project, real_project.lang(lang)) for lang in LANGS}


@pytest.fixture(scope="session")
def first_path(real_project: Project) -> dict[str, State]:
    """The first path (in tree order) to each outcome of the real tree."""
    return first_paths(real_project.tree, real_project.content.facts)


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert CHROMIUM, (
        "Chromium is missing: apt-get install chromium (or chromium-headless-shell); "
        "make test installs it when run as root"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser context that remembers every request it made and every script error."""

    def __init__(self, context: BrowserContext, base: str) -> None:
        self.context = context
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page: Page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        return self.page

    def outside(self) -> list[str]:
        host = urlsplit(self.base).netloc
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != host
        ]


class Visitor(Protocol):
    def __call__(
        self,
        *,
        javascript: bool = True,
        locale: str = "en-US",
        base: str | None = None,
        permissions: Sequence[str] = (),
    ) -> Visit: ...


@pytest.fixture
def visitor(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Visitor]:
    """Opens fresh browser contexts; after the test, each must have made no request to
    another host and raised no script error. ``base`` defaults to the built site."""
    visits: list[Visit] = []

    def new(
        *,
        javascript: bool = True,
        locale: str = "en-US",
        base: str | None = None,
        permissions: Sequence[str] = (),
    ) -> Visit:
        # Build the site only when asked: the practice card's fixture page has its own server.
        base = base or request.getfixturevalue("server")
        context = browser.new_context(java_script_enabled=javascript, locale=locale)
        if permissions:
            context.grant_permissions(list(permissions), origin=base)
        visits.append(Visit(context, base))
        return visits[-1]

    yield new
    for visit in visits:
        visit.context.close()
    for visit in visits:
        assert visit.outside() == [], "the site must not call another host"
        assert visit.errors == [], "no script error on any page"


@pytest.fixture
def visit(visitor: Visitor) -> Visit:
    """A fresh page on the built site with JavaScript on."""
    return visitor()


@pytest.fixture
def visit_nojs(visitor: Visitor) -> Visit:
    """A fresh page on the built site with JavaScript off."""
    return visitor(javascript=False)


def axe_violations(page: Page) -> list[str]:
    """Serious or critical axe-core violations on the current page."""
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
