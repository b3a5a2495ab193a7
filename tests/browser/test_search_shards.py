"""Search over a year cut into shards (render/search_files.py): a word's rarity is added up
across the shards, so the clear best match still comes first; browsing still lists the year's
readouts newest first; a query loads the word's term file from each of the year's shards."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from readouts.build import build_site
from readouts.render import search_files
from tests.conftest import copy_demo_site

from .conftest import skip_without_test_extra
from .test_search import index_files, search

try:
    from playwright.sync_api import Page, expect
except ImportError as error:  # pragma: no cover - depends on the environment
    skip_without_test_extra(error)

BEST = "2003-10-14-memo-best"
"""The readout about salmon: the word in its title and three times in its text."""


def _memo(folder: Path, readout_id: str, day: str, title: str, text: str) -> None:
    (folder / f"{readout_id}.md").write_text(
        f"---\nid: {readout_id}\ntitle: {title}\npublisher: other\nkind: statement\n"
        f"meeting: {{date: {day}}}\nparticipants: []\ntopics: []\n---\n\n{text}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo site plus 40 memos of 2003, one every nine days, indexed eight readouts a shard:
    2003 is cut into eight shards. One memo is about salmon; a few others name it in passing."""
    root = copy_demo_site(tmp_path_factory.mktemp("sharded"), with_readouts=False)
    readouts = root / "content" / "readouts"
    readouts.mkdir(exist_ok=True)
    for number in range(40):
        day = (dt.date(2003, 1, 3) + dt.timedelta(days=9 * number)).isoformat()
        passing = " The delegations had salmon for lunch." if number % 10 == 3 else ""
        _memo(readouts, f"{day}-memo-{number}", day, f"Memo {number}",
              f"Officials spoke about fishing quotas and the season's catch, number {number}.{passing}")
    _memo(readouts, BEST, "2003-10-14", "Salmon quotas",
          "Salmon: the sides agreed on salmon quotas. Salmon catches will be counted together.")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_files, "READOUTS_PER_SHARD", 8)
        build_site(root)
    yield root / "site"


def test_the_year_is_indexed_in_shards(sharded: Path) -> None:
    shards = sorted(folder.name for folder in (sharded / "search").iterdir() if folder.name.startswith("2003-"))
    assert len(shards) == 8, shards  # 41 readouts, eight a shard: the next power of two of 41 / 8
    assert not (sharded / "search" / "2003").exists()


def test_the_clear_best_match_comes_first_across_shards(page: Page, sharded: Path) -> None:
    loaded = index_files(page)
    found = search(page, sharded.as_uri() + "/", "salmon")
    assert found[0]["href"].startswith(f"readouts/{BEST}.html"), found
    assert len(found) == 5, found  # the salmon memo and the four that name it in passing
    shards = {path.split("/")[1] for path in loaded if "/terms/" in path and path.startswith("search/2003-")}
    assert len(shards) == 8, sorted(loaded)  # the word's term file in each shard of the year


def test_browsing_lists_the_years_readouts_newest_first_across_shards(page: Page, sharded: Path) -> None:
    page.goto(sharded.as_uri() + "/search.html?from=2003&to=2003")
    expect(page.locator("#search-status")).to_have_text("41 readouts that match the filters, newest first.")
    expect(page.locator("#search-results > li")).to_have_count(20)
    hrefs = page.locator("#search-results > li > a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")
    dates = [href.split("/")[-1][:10] for href in hrefs]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) for date in dates), hrefs
    assert dates == sorted(dates, reverse=True) and len(dates) == 20, dates
    assert dates[0] == (dt.date(2003, 1, 3) + dt.timedelta(days=9 * 39)).isoformat()
