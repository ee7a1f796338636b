"""Real Chromium (Debian's package, driven by Playwright) against the built site on 127.0.0.1.

Every page load records the requests Chromium makes; a request to any other host
fails the test. A missing browser fails the tests: it is never a reason to skip.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
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
    assert CHROMIUM.exists(), (
        "Chromium is missing: install Debian's package (apt-get install chromium); "
        ".ci/run does this in CI"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser context that remembers every request it made."""

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


def _visit(browser: Browser, server: str, javascript: bool) -> Iterator[Visit]:
    context = browser.new_context(java_script_enabled=javascript, locale="en-US")
    visit = Visit(context, server)
    yield visit
    context.close()
    assert visit.outside() == [], "the site must not call another host"
    assert visit.errors == [], "no script error on any page"


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    """A fresh page with JavaScript on."""
    yield from _visit(browser, server, javascript=True)


@pytest.fixture
def visit_nojs(browser: Browser, server: str) -> Iterator[Visit]:
    """A fresh page with JavaScript off."""
    yield from _visit(browser, server, javascript=False)


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
