"""Browser fixtures: the demo site built once, served over HTTP, and read with Debian's Chromium.

The tests drive the system Chromium (`/usr/bin/chromium`) through Playwright's sync API, because
Playwright's own browser downloads are not reachable everywhere the suite runs. Without that
Chromium the tests fail in CI (where `.ci/run` installs it) and are skipped elsewhere.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 5_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(reason: str) -> None:
    """Fail in CI, where everything the browser tests need is installed; skip anywhere else."""
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_dir(built_demo: Path) -> Path:
    """The demo site's rendered folder."""
    site = built_demo / "site"
    assert (site / "index.html").is_file(), f"the demo build wrote no {site / 'index.html'}"
    return site


@pytest.fixture(scope="session")
def file_root(site_dir: Path) -> str:
    """The site's address opened straight from disk, ending in a slash."""
    return site_dir.as_uri() + "/"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def http_root(site_dir: Path) -> Iterator[str]:
    """The site served by the standard library's HTTP server on a free local port, ending in a slash."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-http", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(params=["file", "http"])
def root(request: pytest.FixtureRequest) -> str:
    """The site's address, once opened from disk and once served over HTTP."""
    return str(request.getfixturevalue(f"{request.param}_root"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, launched headless once for the whole session."""
    if not CHROMIUM.exists():
        missing(f"the browser tests need Debian's Chromium at {CHROMIUM}; "
                "install it with `apt-get install -y chromium` (.ci/run does this in CI)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the browser tests need Playwright; install the test extra: pip install -e '.[test]'")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as error:
        playwright.stop()
        pytest.fail(f"could not launch {CHROMIUM}: {error}", pytrace=False)
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory for pages in fresh browser contexts (context options as keywords).

    Every page's uncaught script errors fail the test that opened it.
    """
    contexts: list[Any] = []
    errors: list[str] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield make
    for context in contexts:
        context.close()
    if errors:
        pytest.fail("uncaught script errors:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def page(new_page: Any) -> Any:
    """A page in a fresh desktop-sized browser context."""
    return new_page(viewport={"width": 1280, "height": 800})
