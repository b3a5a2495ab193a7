"""Pagefind, switched on in site.yaml: a served site searches with it and lands on the readout."""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from readouts.build import build_site
from tests.browser.conftest import _QuietHandler
from tests.conftest import copy_demo_site


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(the served address, the built folder) of the demo site built with Pagefind on."""
    if importlib.util.find_spec("pagefind") is None:
        message = "Pagefind is not installed: pip install 'pagefind[bin]'"
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message)
        pytest.skip(message)
    root = copy_demo_site(tmp_path_factory.mktemp("pagefind"), with_readouts=False)
    with open(root / "site.yaml", "a", encoding="utf-8") as settings:
        settings.write("pagefind: true\n")
    build_site(root)
    assert (root / "site" / "pagefind" / "pagefind-ui.js").is_file()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root / "site")))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root / "site"
    finally:
        server.shutdown()
        server.server_close()


def test_pagefind_finds_grave_visit_and_leads_to_the_readout(new_page: Any, pagefind_site: tuple[str, Path]) -> None:
    page = new_page()
    page.goto(pagefind_site[0] + "search.html?q=grave+visit")
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for()
    assert first.inner_text().strip() == "Japan-Russia Foreign Ministerial Meeting"
    first.click()
    page.wait_for_load_state()
    assert page.url.endswith("readouts/2017-09-18-mofa-japan-russia-foreign-ministerial-meeting.html")


def test_opened_from_disk_the_site_still_searches_with_its_own_index(new_page: Any,
                                                                     pagefind_site: tuple[str, Path]) -> None:
    page = new_page()
    page.goto((pagefind_site[1] / "search.html").as_uri() + "?q=grave+visit")
    first = page.locator("#search-results li a").first
    first.wait_for()
    assert first.inner_text().strip() == "Japan-Russia Foreign Ministerial Meeting"
