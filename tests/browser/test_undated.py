"""Undated readouts in a real browser: where the home page puts them, and how a date the text does
not print is shown."""

from __future__ import annotations

from .conftest import READOUT_2019_MOFA, skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

READOUT_UNDATED = "readouts/undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to.html"


def test_the_home_page_lists_the_newest_dated_readout_first_and_the_undated_as_a_group_after(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + "index.html")
    latest = page.locator("section[aria-labelledby=latest]")
    first = latest.locator("ol.listing > li").first
    expect(first.locator("a")).to_have_attribute("href", READOUT_2019_MOFA)
    expect(first.locator("time")).to_have_text("25 September 2019")
    # the undated TASS item is not among the latest, but in its own group after them
    expect(latest.locator("ol.listing a[href*=undated-tass]")).to_have_count(0)
    group = latest.locator("section.undated-group")
    expect(group.locator("h3")).to_have_text("Undated")
    expect(group.locator("li a").first).to_have_attribute("href", READOUT_UNDATED)
    heights = latest.evaluate("""section => [section.querySelector("ol.listing").getBoundingClientRect().bottom,
                                             section.querySelector(".undated-group").getBoundingClientRect().top]""")
    assert heights[0] <= heights[1], "the undated group shows below the latest readouts"
    group.get_by_role("link", name="The undated readouts").click()
    expect(page).to_have_url(file_root + "timeline/undated.html")


def test_an_undated_readout_leads_to_the_undated_group_and_not_to_a_neighbour_by_date(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + READOUT_UNDATED)
    nav = page.locator("nav.prev-next")
    expect(nav.locator("a[rel=prev], a[rel=next]")).to_have_count(0)
    nav.get_by_role("link", name="All undated readouts").click()
    expect(page).to_have_url(file_root + "timeline/undated.html")


def test_a_readout_shows_the_day_its_text_prints_and_the_meetings_date_as_supplied(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + READOUT_UNDATED)
    facts = page.locator("dl.facts")
    expect(facts.locator("dt:text-is('Published') + dd")).to_have_text("26 September, year not printed")
    supplied = facts.locator("dt:text-is('Meeting') + dd time.supplied")
    expect(supplied).to_have_text("[25 September 2019]")
    expect(supplied).to_have_attribute("datetime", "2019-09-25")
    note = "date supplied from another account of the same meeting, not printed in this text"
    expect(supplied).to_have_attribute("title", note)
    expect(facts).not_to_contain_text("date not given")
    # the note is on the page too, for readers who cannot hover: the mark leads to it
    facts.locator("a.note-ref").click()
    expect(page).to_have_url(file_root + READOUT_UNDATED + "#date-supplied")
    expect(page.locator("#date-supplied")).to_contain_text("[25 September 2019]: " + note)
    expect(page.locator("#date-supplied")).to_be_in_viewport()
    # a readout that prints its meeting's date shows it plainly
    page.goto(file_root + READOUT_2019_MOFA)
    expect(page.locator("dl.facts time.supplied")).to_have_count(0)
    expect(page.locator("dt:text-is('Meeting') + dd time")).to_have_text("25 September 2019")


def test_the_timeline_chart_has_a_bar_for_the_undated_readouts_that_leads_to_them(
    page: Page, file_root: str
) -> None:
    page.goto(file_root + "timeline.html")
    chart = page.locator("figure.chart")
    expect(chart.locator("text").last).to_have_text("Undated")
    expect(chart.locator("figcaption")).to_contain_text("the 1 whose text prints no year")
    chart.get_by_role("link", name="Undated: 1 readout").click()
    expect(page).to_have_url(file_root + "timeline/undated.html")
