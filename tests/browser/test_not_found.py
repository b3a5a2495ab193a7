"""The 404 page as hosts serve it: in place of a missing page, at that page's address, however
deep, where links relative to the site's root would lead nowhere."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)


class _NotFoundHandler(SimpleHTTPRequestHandler):
    """Serves the site, and 404.html with status 404 for a missing file, as GitHub Pages does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served_with_base_url(built_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo site built with base_url set to the local server's own address, served there."""
    from readouts.build import build_site

    root = tmp_path_factory.mktemp("not-found") / "site"
    shutil.copytree(built_demo, root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundHandler, directory=str(root / "site")))
    server.daemon_threads = True
    host, port = server.server_address[:2]
    address = f"http://{host}:{port}/"
    site_yaml = root / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + f"base_url: {address}\n", encoding="utf-8")
    build_site(root)
    thread = threading.Thread(target=server.serve_forever, name="not-found-http", daemon=True)
    thread.start()
    try:
        yield address
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_the_404_page_served_at_a_nested_address_is_styled_and_its_links_work(
    page: Page, served_with_base_url: str
) -> None:
    missing = served_with_base_url + "topics/no-such-topic/deeper/still/missing.html"
    response = page.goto(missing)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    # The stylesheet loaded: the page is laid out by it, not by the browser's defaults.
    assert page.evaluate("Array.from(document.styleSheets).some(s => s.cssRules.length > 0)")
    page.get_by_role("link", name="Go to the home page").click()
    page.wait_for_url(served_with_base_url + "index.html")
    assert "Page not found" not in page.title()
    page.goto(missing)
    page.get_by_role("navigation").get_by_role("link", name="Topics").click()
    page.wait_for_url(served_with_base_url + "topics/index.html")
