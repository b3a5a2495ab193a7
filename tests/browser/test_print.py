"""Readout and meeting pages printed to PDF by Chromium, and read back page by page.

A printout is cited like the page: by paragraph. So it keeps the ¶ numbers, drops what only
works on a screen (navigation, search, buttons), and starts its content on the first sheet.
"""

from __future__ import annotations

import io
from typing import Any

from .conftest import READOUT_2017, skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
    from pypdf import PdfReader
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

MEETING = "meetings/2019-09-25-lavrov-motegi.html"


def printed_pages(page: Page) -> list[str]:
    """The text of each sheet of the page printed on A4, as a PDF reader extracts it."""
    pdf = page.pdf(format="A4", print_background=True)
    return [" ".join(sheet.extract_text().split()) for sheet in PdfReader(io.BytesIO(pdf)).pages]


def test_a_printed_meeting_starts_its_table_of_topics_on_the_first_sheet(page: Page, file_root: str) -> None:
    page.goto(file_root + MEETING)
    first_topic = page.locator("table.topic-grid tbody th[scope=row]").first.inner_text().strip()
    sheets = printed_pages(page)
    assert "Toshimitsu Motegi – Sergey Lavrov" in sheets[0], sheets[0][:300]
    assert first_topic in sheets[0], f"the table of topics starts after the first sheet: {sheets[0][-300:]}"


def test_a_printed_meeting_sets_its_table_in_no_box_that_scrolls(page: Page, file_root: str) -> None:
    # Paper does not scroll: a scrolling box is cut at the page's edge, and a browser that does not
    # split one across sheets moves it whole to the second, leaving the first all but blank.
    page.goto(file_root + MEETING)
    page.emulate_media(media="print")
    scrolling = page.locator("table.topic-grid").evaluate(
        """table => {
             const found = [];
             for (let box = table; box; box = box.parentElement) {
               const style = getComputedStyle(box);
               if (style.overflowX !== "visible" || style.overflowY !== "visible") {
                 found.push(box.tagName.toLowerCase() + "." + box.className);
               }
             }
             return found;
           }"""
    )
    assert not scrolling, f"the printed table of topics sits in boxes that scroll or clip: {scrolling}"


def test_a_printed_meeting_cites_each_paragraph_by_its_number_on_the_readouts_page(page: Page, file_root: str) -> None:
    page.goto(file_root + MEETING)
    pilcrow = page.locator(".compare .paragraph .pilcrow").first
    number, href = pilcrow.inner_text(), pilcrow.get_attribute("href") or ""
    first_words = " ".join(page.locator(".compare .paragraph > p:last-child").first.inner_text().split()[:6])
    sheets = " ".join(printed_pages(page))
    assert f"{number} {first_words}" in sheets or (number in sheets and first_words in sheets), sheets[:500]
    page.goto(file_root + "meetings/" + href)
    assert page.locator(f"[id='{href.partition('#')[2]}'] .pilcrow").inner_text() == number


def test_a_printed_readout_keeps_its_paragraph_numbers_and_leaves_out_the_navigation(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + READOUT_2017)
    numbers = page.locator("article .body .pilcrow").all_inner_texts()
    nav = page.locator("header.site-header nav a").all_inner_texts()
    page.emulate_media(media="print")
    for hidden in ("header.site-header nav", ".site-search", "nav.prev-next", "#cite button"):
        expect(page.locator(hidden).first).to_be_hidden()
    pilcrows = page.locator("article .body .pilcrow")
    for index in range(pilcrows.count()):
        expect(pilcrows.nth(index)).to_be_visible()
    sheets = " ".join(printed_pages(page))
    missing = [n for n in numbers if n not in sheets]
    assert not missing, f"¶ numbers left out of the printout: {missing}"
    assert " ".join(nav) not in sheets and "Skip to content" not in sheets, sheets[:300]
    assert "Japan-Russia Foreign Ministerial Meeting" in sheets.split("¶1")[0]


def test_a_printed_readout_sets_each_paragraph_number_beside_its_paragraph(page: Page, file_root: str) -> None:
    page.goto(file_root + READOUT_2017)
    page.emulate_media(media="print")
    boxes: list[dict[str, Any]] = page.locator("article .body .block:has(.pilcrow)").evaluate_all(
        """blocks => blocks.map(block => {
             const number = block.querySelector(".pilcrow").getBoundingClientRect();
             const text = block.getBoundingClientRect();
             return {id: block.id, numberTop: number.top, textTop: text.top, numberRight: number.right,
                     textLeft: text.left + parseFloat(getComputedStyle(block).paddingLeft)};
           })"""
    )
    assert boxes
    for box in boxes:
        assert abs(box["numberTop"] - box["textTop"]) < 4, box
        assert box["numberRight"] <= box["textLeft"] + 1, f"the ¶ number overlaps the text: {box}"
