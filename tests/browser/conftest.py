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


# Readout pages of the demo site the browser tests open, by path from the site's root.
READOUT_2017 = "readouts/2017-09-18-mofa-japan-russia-foreign-ministerial-meeting.html"
READOUT_2019_MOFA = "readouts/2019-09-25-mofa-japan-russia-foreign-ministers-meeting.html"
READOUT_2019_MID = "readouts/2019-05-31-mid-statement-by-foreign-minister-sergey-lavrov-at-a-joint-news.html"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(reason: str) -> None:
    """Fail in CI, where everything the browser tests need is installed; skip anywhere else."""
    if in_ci():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def skip_without_test_extra(error: ImportError) -> None:
    """At the top of a browser test module whose imports failed: an error in CI, where the test
    extra is installed; the module skipped anywhere else."""
    message = f"the browser tests need the test extra: pip install -e '.[test]' ({error})"
    if in_ci():
        raise ImportError(message) from error
    pytest.skip(message, allow_module_level=True)


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
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def http_root(site_dir: Path) -> Iterator[str]:
    """The site served by the standard library's HTTP server on a free local port, ending in a slash."""
    yield from serve_folder(site_dir)


def serve_folder(site_dir: Path) -> Iterator[str]:
    """Serve a folder on a free local port while the generator is open; gives its address, ending in a slash."""
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


def opened(request: pytest.FixtureRequest, site: Path, served: str) -> str:
    """A site's address for a fixture parametrised "file"/"http": opened from disk, or served by
    the fixture named `served`."""
    return site.as_uri() + "/" if request.param == "file" else str(request.getfixturevalue(served))


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


def _open(browser: Any, errors: list[str], **options: Any) -> tuple[Any, Any]:
    """A page in a fresh browser context; its uncaught script errors are added to `errors`."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return context, page


def _fail_on(errors: list[str]) -> None:
    if errors:
        pytest.fail("uncaught script errors:\n" + "\n".join(errors), pytrace=False)


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory for pages, each in a fresh browser context (context options as keywords).

    Every page's uncaught script errors fail the test that opened it.
    """
    contexts: list[Any] = []
    errors: list[str] = []

    def make(**options: Any) -> Any:
        context, page = _open(browser, errors, **options)
        contexts.append(context)
        return page

    yield make
    for context in contexts:
        context.close()
    _fail_on(errors)


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def page(new_page: Any) -> Any:
    """A page in a fresh desktop-sized browser context."""
    return new_page(viewport=DESKTOP)


def _shared(browser: Any, **options: Any) -> Iterator[tuple[Any, list[str]]]:
    errors: list[str] = []
    context, page = _open(browser, errors, **options)
    yield page, errors
    context.close()


@pytest.fixture(scope="module")
def _desktop(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    yield from _shared(browser, viewport=DESKTOP)


@pytest.fixture(scope="module")
def _phone(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    yield from _shared(browser, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture(scope="module")
def _scriptless(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    yield from _shared(browser, viewport=DESKTOP, java_script_enabled=False)


def _reuse(shared: tuple[Any, list[str]]) -> Iterator[Any]:
    page, errors = shared
    errors.clear()
    yield page
    _fail_on(errors)


@pytest.fixture
def reused_page(_desktop: tuple[Any, list[str]]) -> Iterator[Any]:
    """A desktop-sized page kept open across a module's tests, for tests that only open and inspect a page."""
    yield from _reuse(_desktop)


@pytest.fixture
def phone_page(_phone: tuple[Any, list[str]]) -> Iterator[Any]:
    """A page on a 360 × 740 phone screen, kept open across a module's tests."""
    yield from _reuse(_phone)


@pytest.fixture
def scriptless_page(_scriptless: tuple[Any, list[str]]) -> Iterator[Any]:
    """A desktop-sized page with JavaScript off, kept open across a module's tests."""
    yield from _reuse(_scriptless)
