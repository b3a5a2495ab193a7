"""Old addresses in a real browser: a renamed readout's and a moved meeting's old pages lead to
the new ones, from disk and over HTTP, and a link to a paragraph keeps its paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from readouts.build import build_site
from readouts.rename import rename_readout
from tests.conftest import copy_demo_site

from .conftest import opened, serve_folder, skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

UNDATED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"
RENAMED = "2019-09-25-tass-moscow-tokyo-working-on-a-visit"
OVERVIEW = "2012-09-25-mofa-japan-russia-foreign-ministers-meeting-overview"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site published, then a readout renamed and a meeting's participant corrected, built again."""
    root = copy_demo_site(tmp_path_factory.mktemp("moved"), with_readouts=False)
    build_site(root)
    rename_readout(root, UNDATED, RENAMED)
    overview = root / "content" / "readouts" / f"{OVERVIEW}.md"
    text = overview.read_text(encoding="utf-8")
    overview.write_text(text.replace("[koichiro-gemba, sergey-lavrov]", "[takeaki-matsumoto, sergey-lavrov]"),
                        encoding="utf-8")
    build_site(root)
    return root / "site"


@pytest.fixture(scope="module")
def moved_http(moved_site: Path) -> Iterator[str]:
    yield from serve_folder(moved_site)


@pytest.fixture(params=["file", "http"])
def moved_root(request: pytest.FixtureRequest, moved_site: Path) -> str:
    """The moved site's address, once opened from disk and once served over HTTP."""
    return opened(request, moved_site, "moved_http")


def test_a_renamed_readouts_old_address_opens_its_new_page(page: Page, moved_root: str) -> None:
    page.goto(moved_root + f"readouts/{UNDATED}.html")
    expect(page).to_have_url(moved_root + f"readouts/{RENAMED}.html")
    expect(page.locator("h1")).to_have_text("Moscow, Tokyo working on Japanese top diplomat’s visit to Russia")


def test_a_link_to_a_paragraph_at_the_old_address_opens_that_paragraph(page: Page, moved_root: str,
                                                                       moved_site: Path) -> None:
    html = (moved_site / f"readouts/{RENAMED}.html").read_text(encoding="utf-8")
    anchor = re.findall(r'<p id="([^"]+)" class="block"', html)[-1]
    page.goto(moved_root + f"readouts/{UNDATED}.html#{anchor}")
    expect(page).to_have_url(moved_root + f"readouts/{RENAMED}.html#{anchor}")


def test_a_moved_meetings_old_address_opens_the_meeting_that_holds_its_readouts(page: Page,
                                                                                moved_root: str) -> None:
    page.goto(moved_root + "meetings/2012-09-25-gemba-lavrov.html")
    expect(page).to_have_url(moved_root + "meetings/2012-09-25-lavrov-matsumoto.html")
    expect(page.locator("h1")).to_contain_text("Takeaki Matsumoto")


def test_without_scripts_the_old_address_still_leads_on(new_page: object, moved_root: str) -> None:
    page = new_page(java_script_enabled=False)  # type: ignore[operator]
    page.goto(moved_root + f"readouts/{UNDATED}.html")
    expect(page).to_have_url(moved_root + f"readouts/{RENAMED}.html")
