"""Search as precise as the reader asks, its filters, and browsing the archive with them: on a
small archive written for these tests, from disk and over HTTP.

The archive: two readouts print "Habomai"; eight more name the islands otherwise ("Northern
Territories", "southern Kurils", "Four Northern Islands", "Южные Курилы"), which the glossary
lists as names of the same thing. One prints the phrase "peace treaty"; two others have both
words apart. Their sides, publishers, kinds, topics, people, years and languages differ so that
each filter picks a known few.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from readouts.build import build_site
from tests.conftest import copy_demo_site

from .conftest import opened, serve_folder, skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

# id → (publisher, kind, participants, topics, paragraphs); the year is the id's.
ARCHIVE = {
    "2001-02-01-fishing": ("mofa-japan", "readout", ["taro-kono", "sergey-lavrov"], ["peace-treaty"], [
        "The ministers met in Tokyo.",
        "They discussed the peace treaty at length.",
        "Fishing near Habomai was raised by the Japanese side."]),
    "2002-03-01-fishermen": ("mid-russia", "statement", ["sergey-lavrov"], ["peace-treaty"], [
        "Minister Lavrov spoke to the press.",
        "A treaty on peace must respect the results of the war.",
        "Habomai fishermen were discussed."]),
    "2003-04-01-leaders": ("kremlin", "readout", ["vladimir-putin", "shinzo-abe"], ["joint-economic-activities"], [
        "The leaders discussed the Northern Territories.",
        "Joint economic activities will continue."]),
    "2003-05-01-report": ("tass", "news", [], [], [
        "The southern Kurils were mentioned in Moscow.",
        "Peace remains the aim; a treaty is far off."]),
    "2004-06-01-zayavlenie": ("mid-russia", "statement", ["sergey-lavrov"], ["peace-treaty"], [
        "Стороны обсудили мирный договор и Южные Курилы.",
        "Министр Лавров выступил перед прессой."]),
    **{f"2005-0{n}-01-islands-{n}": ("mofa-japan", "press-conference", [], [], [
        f"The Four Northern Islands were discussed, for the {n}th time."]) for n in range(1, 7)},
}


def readout_path(readout_id: str) -> str:
    return f"readouts/{readout_id}.html"


def write_archive(root: Path) -> None:
    folder = root / "content" / "readouts"
    folder.mkdir(exist_ok=True)
    for readout_id, (publisher, kind, people, topics, paragraphs) in ARCHIVE.items():
        day = readout_id[:10]
        body = "\n\n".join(paragraphs)
        (folder / f"{readout_id}.md").write_text(
            f"---\nid: {readout_id}\ntitle: Readout {readout_id[11:]}\npublisher: {publisher}\nkind: {kind}\n"
            f"meeting: {{date: {day}}}\nparticipants: [{', '.join(people)}]\ntopics: [{', '.join(topics)}]\n---\n\n"
            f"{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site's registries with the archive above as its readouts, built once."""
    root = copy_demo_site(tmp_path_factory.mktemp("archive"), with_readouts=False)
    for source in (root / "content" / "sources").glob("*"):
        source.unlink()
    write_archive(root)
    build_site(root)
    return root / "site"


@pytest.fixture(scope="module")
def archive_http(archive_dir: Path) -> Iterator[str]:
    yield from serve_folder(archive_dir)


@pytest.fixture(params=["file", "http"])
def archive(request: pytest.FixtureRequest, archive_dir: Path) -> str:
    """The archive's address, once opened from disk and once served over HTTP."""
    return opened(request, archive_dir, "archive_http")


RESULTS_PER_PAGE = 20
"""How many results search.js lists before its "More results" button (its PAGE)."""


def found(page: Page) -> list[str]:
    """The readouts the page lists, by id, in order, once the status line says how many and the
    list shows them (the status is set before each result's details are loaded and listed)."""
    status_line = page.locator("#search-status")
    expect(status_line).to_contain_text(re.compile(r"^[\d,]+ readouts?"))
    count = int(re.match(r"[\d,]+", status_line.inner_text()).group().replace(",", ""))  # type: ignore[union-attr]
    expect(page.locator("#search-results > li")).to_have_count(min(count, RESULTS_PER_PAGE))
    hrefs = page.locator("#search-results > li > a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [href.split("/")[-1].split(".html")[0] for href in hrefs]


def status(page: Page) -> str:
    return page.locator("#search-status").inner_text()


def search(page: Page, root: str, query: str, filters: str = "") -> list[str]:
    page.goto(root + "search.html?q=" + quote(query) + filters)
    expect(page.locator("#search-status")).to_contain_text("for “")
    return found(page)


# A query finds the spelling it gives.

def test_a_name_finds_the_readouts_that_print_it_and_no_others(page: Page, archive: str) -> None:
    assert sorted(search(page, archive, "Habomai")) == ["2001-02-01-fishing", "2002-03-01-fishermen"]
    assert status(page) == "2 readouts for “Habomai”"


def test_the_other_names_of_what_a_query_names_are_offered_and_each_is_a_search_of_its_own(
    page: Page, archive: str
) -> None:
    search(page, archive, "Habomai", "&from=2001")
    offer = page.locator("#search-offer")
    expect(offer).to_contain_text("Also search for:")
    expect(offer).to_contain_text("the glossary's names for The disputed islands")
    link = offer.get_by_role("link", name="Northern Territories", exact=True)
    assert parse_qs(urlsplit(link.get_attribute("href") or "").query)["from"] == ["2001"], "the filters are kept"
    link.click()
    expect(page.locator("#search-status")).to_contain_text("for “\"Northern Territories\"”")
    expect(page.locator("#search-input")).to_have_value('"Northern Territories"')
    assert found(page) == ["2003-04-01-leaders"]
    # And from that name, the one searched first is offered back.
    expect(page.locator("#search-offer").get_by_role("link", name="Habomai", exact=True)).to_be_visible()


def test_a_word_begun_in_cyrillic_is_matched_as_typed_and_its_other_names_offered(page: Page, archive: str) -> None:
    assert search(page, archive, "Курил") == ["2004-06-01-zayavlenie"]
    expect(page.locator("#search-offer").get_by_role("link", name="southern Kurils")).to_be_visible()
    assert search(page, archive, "МИРНЫЙ ДОГОВОР") == ["2004-06-01-zayavlenie"]


def test_a_quoted_phrase_finds_its_words_side_by_side_in_order(page: Page, archive: str) -> None:
    assert search(page, archive, '"peace treaty"') == ["2001-02-01-fishing"]
    assert status(page) == "1 readout for “\"peace treaty\"”"
    # Unquoted, the words may stand anywhere; quoted, the stop word between them counts too.
    assert set(search(page, archive, "peace treaty")) == {
        "2001-02-01-fishing", "2002-03-01-fishermen", "2003-05-01-report"}
    assert search(page, archive, '"treaty on peace"') == ["2002-03-01-fishermen"]
    assert search(page, archive, '"treaty peace"') == []


def test_a_result_opens_the_readout_at_the_paragraph_that_matched(page: Page, archive: str) -> None:
    search(page, archive, "fishermen")
    result = page.locator("#search-results > li").first
    expect(result.locator(".excerpt-text mark")).to_have_text("fishermen")
    href = result.get_by_role("link").get_attribute("href") or ""
    assert re.search(r"\.html#.+$", href), href
    result.get_by_role("link").click()
    page.wait_for_url(re.compile(re.escape(href.split("/")[-1]) + "$"))
    target = page.locator(":target")
    expect(target).to_contain_text("Habomai fishermen were discussed.")
    expect(target).to_be_in_viewport()


# Filters, on an empty query (browsing) and on a query.

@pytest.mark.parametrize(("filters", "expected"), [
    ("from=2003&to=2004", ["2004-06-01-zayavlenie", "2003-05-01-report", "2003-04-01-leaders"]),
    ("side=russia", ["2004-06-01-zayavlenie", "2003-05-01-report", "2003-04-01-leaders", "2002-03-01-fishermen"]),
    ("publisher=kremlin", ["2003-04-01-leaders"]),
    ("kind=news", ["2003-05-01-report"]),
    ("topic=peace-treaty", ["2004-06-01-zayavlenie", "2002-03-01-fishermen", "2001-02-01-fishing"]),
    ("person=sergey-lavrov", ["2004-06-01-zayavlenie", "2002-03-01-fishermen", "2001-02-01-fishing"]),
    ("language=ru", ["2004-06-01-zayavlenie"]),
    ("kind=readout&kind=news", ["2003-05-01-report", "2003-04-01-leaders", "2001-02-01-fishing"]),
    ("side=japan&to=2001", ["2001-02-01-fishing"]),
])
def test_each_filter_in_the_address_selects_its_readouts_newest_first(
    page: Page, archive_dir: Path, filters: str, expected: list[str]
) -> None:
    page.goto(archive_dir.as_uri() + "/search.html?" + filters)
    assert found(page) == expected
    plural = "s that match" if len(expected) > 1 else " that matches"
    assert status(page) == f"{len(expected)} readout{plural} the filters, newest first."
    for name, value in (pair.split("=") for pair in filters.split("&")):
        if name in ("from", "to"):
            expect(page.locator(f"#filter-{name}")).to_have_value(value)
        else:
            expect(page.locator(f"input[name={name}][value={value}]")).to_be_checked()


def test_filters_narrow_a_query(page: Page, archive: str) -> None:
    assert search(page, archive, "Habomai", "&side=russia") == ["2002-03-01-fishermen"]
    assert status(page) == "1 readout for “Habomai” that matches the filters"


def facet_counts(page: Page, facet: str) -> dict[str, int]:
    """A facet's values the panel shows, with their counts: {"Japan": 7, …}."""
    labels = page.locator(f".facet-{facet} li:not([hidden]) label").all_inner_texts()
    return {match.group(1): int(match.group(2))
            for match in (re.fullmatch(r"\s*(.+?)\s+\((\d+)\)\s*", label) for label in labels) if match}


def test_browsing_shows_every_readout_with_counts_that_follow_the_filters(page: Page, archive: str) -> None:
    page.goto(archive + "search.html")
    assert len(found(page)) == len(ARCHIVE)
    assert status(page) == f"{len(ARCHIVE)} readouts, newest first."
    expect(page.locator(".facet-side")).to_contain_text("Japan (7)")
    assert facet_counts(page, "side") == {"Japan": 7, "Russia": 4}
    assert facet_counts(page, "language") == {"English": 10, "Russian": 1}
    assert facet_counts(page, "person")["Sergey Lavrov"] == 3
    # Ticked from the keyboard: the counts of the other facets follow, the list and the address too.
    russia = page.get_by_role("checkbox", name=re.compile(r"^Russia \("))
    russia.focus()
    page.keyboard.press("Space")
    expect(page.locator("#search-status")).to_have_text("4 readouts that match the filters, newest first.")
    assert facet_counts(page, "person")["Sergey Lavrov"] == 2
    assert facet_counts(page, "side") == {"Japan": 7, "Russia": 4}, "a facet's own counts ignore its own filter"
    assert facet_counts(page, "kind") == {"Readout": 1, "Statement": 2, "News report": 1}
    assert parse_qs(urlsplit(page.url).query) == {"side": ["russia"]}
    page.locator("#filter-from").select_option("2004")
    expect(page.locator("#search-status")).to_have_text("1 readout that matches the filters, newest first.")
    assert found(page) == ["2004-06-01-zayavlenie"]
    page.get_by_role("button", name="Clear filters").click()
    expect(page.locator("#search-status")).to_have_text(f"{len(ARCHIVE)} readouts, newest first.")
    assert urlsplit(page.url).query == ""


def test_a_search_in_a_year_range_loads_nothing_of_the_other_years(page: Page, archive_dir: Path) -> None:
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url.split("/search/", 1)[-1]))
    page.goto(archive_dir.as_uri() + "/search.html?q=discussed&from=2005")
    assert len(found(page)) == 6
    years = {path.split("/")[0] for path in loaded if re.match(r"\d{4}/", path)}
    assert years == {"2005"}, sorted(loaded)


def test_the_filters_and_offers_are_accessible(page: Page, archive_dir: Path) -> None:
    from .test_reader import describe, serious_violations

    page.goto(archive_dir.as_uri() + "/search.html?q=Habomai&person=sergey-lavrov")
    found(page)
    expect(page.locator("#search-status")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#search-filters summary")).to_have_text("Filters")
    expect(page.locator("#search-filters")).to_have_attribute("open", "")
    expect(page.get_by_label("From")).to_be_visible()
    problems = serious_violations(page)
    assert not problems, describe(problems)


def test_a_search_on_a_narrow_screen_shows_its_results_first_with_the_filters_folded_away(
    new_page: Any, archive_dir: Path
) -> None:
    page = new_page(viewport={"width": 800, "height": 900})
    page.goto(archive_dir.as_uri() + "/search.html?q=Habomai")
    found(page)
    expect(page.locator("#search-filters")).not_to_have_attribute("open", "")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Japan \("))).to_be_hidden()
    page.locator("#search-filters summary").click()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Japan \("))).to_be_visible()


def test_on_a_wide_screen_the_filters_stand_open_beside_the_results(page: Page, archive_dir: Path) -> None:
    page.goto(archive_dir.as_uri() + "/search.html?q=Habomai")
    found(page)
    expect(page.locator("#search-filters")).to_have_attribute("open", "")
    panel = page.locator("#search-filters").bounding_box()
    results = page.locator("#search-results").bounding_box()
    assert panel and results and panel["x"] + panel["width"] <= results["x"], (panel, results)
    assert panel["y"] < results["y"] + results["height"] and results["y"] < panel["y"] + panel["height"]
