"""`readouts serve` as a writer uses it: a page open in the browser, its readout saved, the page
showing the change — once, not reloaded a second time when the rest of the site is done."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.test_serve import MOFA, _start

from .conftest import skip_without_test_extra

try:
    from playwright.sync_api import expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)


def test_the_open_page_of_a_saved_readout_shows_the_change_after_one_reload(page: Any, demo_site: Path) -> None:
    process, url = _start(demo_site)
    try:
        page.goto(f"{url}readouts/{MOFA}.html")
        loads: list[str] = []
        page.on("load", lambda: loads.append(page.url))
        readout = demo_site / "content" / "readouts" / f"{MOFA}.md"
        text = readout.read_text(encoding="utf-8")
        readout.write_text(re.sub(r"^title: .*$", "title: Saved while open", text, count=1, flags=re.M),
                           encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Saved while open")
        # The rest of the site is built by now; its reload must not come to this page. Waited
        # through Playwright, which hands over the page's events (its "load") only inside its own
        # calls: after a plain sleep, a load that came after the heading could still be unseen.
        page.wait_for_timeout(1500)
        assert loads == [f"{url}readouts/{MOFA}.html"]
    finally:
        process.terminate()
        process.wait(10)
