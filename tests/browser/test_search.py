"""The site's own search, as a reader uses it: what a query finds, in what order, what a result
shows, and which files of the index the page loads to answer it — from disk and over HTTP."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from readouts.build import build_site
from tests.conftest import copy_demo_site

from .conftest import READOUT_2017, READOUT_2019_MID, READOUT_2019_MOFA, skip_without_test_extra

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def index_files(page: Page) -> list[str]:
    """Start recording the search index's files the page requests: paths below search/, decoded."""
    loaded: list[str] = []

    def record(request: Any) -> None:
        path = unquote(request.url.split("?")[0])
        if "/search/" in path:
            loaded.append("search/" + path.rsplit("/search/", 1)[1])

    page.on("request", record)
    return loaded


def term_key(path: str) -> str:
    """search/2019/terms/_43b_.js → "л": the letters a term file holds the terms of."""
    name = path.rsplit("/", 1)[1][: -len(".js")]
    return re.sub(r"_([0-9a-f]+)_", lambda match: chr(int(match.group(1), 16)), name)


def results(page: Page) -> list[dict[str, str]]:
    """The results search.js shows, once it shows them: title, href, meta line and snippet each."""
    expect(page.locator("#search-results > li").first).to_be_visible()
    return page.locator("#search-results > li").evaluate_all(
        """items => items.map(item => ({
             title: item.querySelector("a").textContent,
             href: item.querySelector("a").getAttribute("href"),
             meta: item.querySelector(".meta").textContent,
             snippet: item.querySelector(".excerpt-text").textContent,
             marked: Array.from(item.querySelectorAll(".excerpt-text mark"), mark => mark.textContent),
           }))"""
    )


def search(page: Page, root: str, query: str) -> list[dict[str, str]]:
    page.goto(root + "search.html?q=" + quote(query))
    expect(page.locator("#search-status")).to_contain_text(f"for “{query}”")
    return results(page)


def test_the_empty_search_page_browses_every_readout_loading_no_term_or_text_file(page: Page, root: str) -> None:
    loaded = index_files(page)
    page.goto(root + "search.html")
    expect(page.locator("#search-status")).to_have_text("5 readouts, newest first.")
    expect(page.locator("#search-results > li")).to_have_count(5)
    assert loaded[0] == "search/index.js"
    assert {path.split("/")[-1] for path in loaded[1:]} <= {"facets.js", "0.js"}, loaded
    assert sorted(path for path in loaded if path.endswith("/facets.js")) == [
        f"search/{year}/facets.js" for year in ("2012", "2017", "2019", "undated")]


def test_a_query_loads_only_the_term_files_of_its_words_and_what_its_results_show(
    page: Page, root: str, site_dir: Path
) -> None:
    loaded = index_files(page)
    found = search(page, root, "grave visit")
    terms = [path for path in loaded if "/terms/" in path]
    assert terms, loaded
    for path in terms:
        key = term_key(path)
        assert any(word.startswith(key) or key.startswith(word) for word in ("grave", "visit")), path
    every_term_file = list((site_dir / "search").glob("*/terms/*.js"))
    assert len(terms) <= len(every_term_file) / 4, f"{len(terms)} of {len(every_term_file)} term files loaded"
    texts = sorted(path for path in loaded if path.startswith("search/text/"))
    assert texts == sorted(f"search/text/{result['href'].split('/')[-1].split('.html')[0]}.js" for result in found)


def test_readouts_with_every_word_come_first_then_those_with_some(page: Page, root: str) -> None:
    found = search(page, root, "grave visit")
    status = page.locator("#search-status").inner_text()
    match = re.fullmatch(r"(\d+) readouts? for “grave visit”, then (\d+) with some of its words", status)
    assert match, status
    every, some = int(match.group(1)), int(match.group(2))
    assert every >= 1 and len(found) == every + some
    assert found[0]["href"].startswith(READOUT_2017 + "#"), found[0]
    assert {"grave", "visit"} <= set(found[0]["marked"]), found[0]
    assert "special grave visit by airplane" in found[0]["snippet"]


def test_the_last_word_finds_longer_words_while_it_is_typed(page: Page, root: str) -> None:
    page.goto(root + "search.html")
    page.locator("#search-input").press_sequentially("Sergey Lavr")
    expect(page.locator("#search-status")).to_contain_text("for “Sergey Lavr”")
    assert {READOUT_2017, READOUT_2019_MID} <= {result["href"].split("#")[0] for result in results(page)}
    assert page.url.endswith("search.html?q=Sergey+Lavr")


def test_case_and_diacritics_do_not_matter(page: Page, root: str) -> None:
    plain = [result["href"] for result in search(page, root, "sergey lavrov")]
    assert [result["href"] for result in search(page, root, "SERGÉY LAVRÓV")] == plain
    found = {result["href"].split("#")[0] for result in search(page, root, "FOUR NÖRTHERN islands")}
    assert {READOUT_2017, READOUT_2019_MOFA} <= found


def test_only_a_quoted_phrase_loads_the_places_of_its_words(page: Page, root: str) -> None:
    loaded = index_files(page)
    search(page, root, "peace treaty")
    assert not [path for path in loaded if "/pos/" in path]
    found = search(page, root, '"peace treaty"')
    places = [term_key(path) for path in loaded if "/pos/" in path]
    assert places and all("peace".startswith(key) or "treaty".startswith(key) for key in places), places
    assert all("peace treaty" in result["snippet"].lower() for result in found), found


# A site with more readouts than one page of results shows, and one whose text is markup.

@pytest.fixture(scope="module")
def many_readouts(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo site plus 30 short readouts over three years and a source full of markup,
    built once; its address opened from disk."""
    root = copy_demo_site(tmp_path_factory.mktemp("many"), with_readouts=False)
    shutil.copy(FIXTURES / "hostile.txt", root / "content" / "sources" / "hostile.txt")
    readouts = root / "content" / "readouts"
    readouts.mkdir(exist_ok=True)
    for number in range(30):
        day = f"{2001 + number % 3}-03-{1 + number:02d}"
        (readouts / f"{day}-memo-{number}.md").write_text(
            f"---\nid: {day}-memo-{number}\ntitle: Memo {number}\npublisher: other\nkind: statement\n"
            f"meeting: {{date: {day}}}\nparticipants: []\ntopics: []\n---\n\n"
            f"Officials spoke about a grave visit in March, number {number}.\n", encoding="utf-8")
    build_site(root)
    return (root / "site").as_uri() + "/"


def test_results_come_twenty_at_a_time_and_more_follow_on_request(page: Page, many_readouts: str) -> None:
    loaded = index_files(page)
    search(page, many_readouts, "grave")
    count = int(page.locator("#search-status").inner_text().split()[0])
    assert 30 < count <= 40, count
    expect(page.locator("#search-results > li")).to_have_count(20)
    assert len([path for path in loaded if path.startswith("search/text/")]) == 20
    more = page.get_by_role("button", name="More results")
    more.click()
    expect(page.locator("#search-results > li")).to_have_count(count)
    expect(more).to_be_hidden()
    assert len([path for path in loaded if path.startswith("search/text/")]) == count


def test_markup_in_a_readout_shows_as_text_in_its_snippet(page: Page, many_readouts: str) -> None:
    (found,) = search(page, many_readouts, "alert")
    assert "<script>alert(1)</script>" in found["snippet"], found
    assert found["marked"] == ["alert"] * found["snippet"].count("alert"), found
    assert page.locator("#search-results script, #search-results img").count() == 0
