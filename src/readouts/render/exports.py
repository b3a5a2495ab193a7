"""Data for researchers and machines: feeds, sitemap, the corpus as JSON and CSV, meetings as iCalendar.

Every file is a function of the graph alone (and, for the sitemap, of the pages already written):
dates come from the readouts, their import records (the instant each entered the archive, which
the feeds are dated by) and meetings, never from the build's clock, so two builds of the same
content write the same bytes and a re-deployed site does not look changed to feed readers.
Without `base_url` the files use site-relative links and `urn:` ids, which still identify each
readout across builds but cannot be followed from outside the site.

Each file comes with a fingerprint of exactly what it is made from (`OutputFile`), so a build
writes only the files whose inputs changed. The corpus's records and the sitemap's pages are
split by year behind small index files, so a new or edited readout rewrites its year's files
and not every readout's; the files that stay whole (the feeds, the CSV, the calendar) are
joined from pieces kept between builds (`Fragments`).
"""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from readouts.errors import naming
from readouts.model import Block, Meeting, Readout, SiteGraph
from readouts.render import urls
from readouts.render.context import credited_to
from readouts.render.depends import digest
from readouts.render.listings import Year
from readouts.render.output import OutputFile

FEED_ENTRIES = 50
"""Feed readers fetch the whole file on every poll: the newest readouts are what they need."""

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
SITEMAP_MAX_URLS = 50_000
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
"""What the sitemaps.org protocol allows one sitemap file: a part that would hold more is split."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PRODID = "-//readouts//readouts//EN"
CSV_COLUMNS = ("id", "title", "publisher", "kind", "published", "meeting_date", "place", "occasion",
               "duration_minutes", "participants", "mentioned", "topics", "meeting_id", "url")

# CommonMark's backslash escapes: a backslash before any ASCII punctuation character.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Characters XML 1.0 cannot hold even escaped (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_files(graph: SiteGraph, site_files: Iterable[str], fragments: Fragments,
                 years: dict[str, Year]) -> list[OutputFile]:
    """Every export file of the site. `site_files` are the paths of every other file of the site
    (the sitemap lists its pages), `years` the year of each page that belongs to one (Page.year).
    The pieces the files are joined from are taken from `fragments` and marked as in use there,
    whether or not the file is made again."""
    return [*feed_files(graph), *sitemap_files(graph, site_files, years), *readouts_data_files(graph, fragments),
            corpus_csv_file(graph, fragments), meetings_calendar_file(graph, fragments)]


def write_exports(graph: SiteGraph, out: Path, site_files: Iterable[str],
                  fragments: dict[str, bytes] | None = None) -> int:
    """Write every export file under `out`; returns how many files were written.

    `fragments` keeps each readout's record and each meeting's event from the last build, by a
    digest of what they are made from: a new readout then costs one record, not the whole
    corpus's. It is updated in place to hold this build's only.
    """
    from readouts.render.pages import page_years

    kept = Fragments(fragments)
    files = export_files(graph, site_files, kept, page_years(graph))
    for export in files:
        write_export(out, export)
    kept.forget_unused()
    return len(files)


def write_export(out: Path, export: OutputFile) -> None:
    target = out / export.path
    target.parent.mkdir(parents=True, exist_ok=True)
    with naming(target):
        target.write_bytes(export.make())


class Fragments:
    """Pieces of export files from the last build, by the digest of what each is made from.

    A piece is kept while a file of the site is made from it, even when that file is not made
    again in this build: a later change to one of its neighbours then costs one piece."""

    def __init__(self, store: dict[str, bytes] | None) -> None:
        self.store = store if store is not None else {}
        self.used: set[str] = set()

    def key(self, inputs: object) -> str:
        """The key of the piece made from `inputs`, which is kept for the next build."""
        key = digest(inputs)
        self.used.add(key)
        return key

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        self.used.add(key)
        fragment = self.store.get(key)
        if fragment is None:
            fragment = self.store[key] = make()
        return fragment

    def forget_unused(self) -> None:
        for key in set(self.store) - self.used:
            del self.store[key]


def _made_from(readout: Readout) -> object:
    """What a readout's facts and text follow from: its digest, or itself when made in memory."""
    return readout.digest or readout


def _year(day: dt.date | None) -> Year:
    return day.year if day else None


# ---------------------------------------------------------------- links and text


def absolute_or_relative(graph: SiteGraph, from_file: str, path: str) -> str:
    """base_url + path when the site has a base URL; otherwise the link from one output file to another."""
    base_url = graph.corpus.config.base_url
    return f"{base_url}{path}" if base_url else urls.relative(from_file, path)


def site_slug(graph: SiteGraph) -> str:
    """The site title as ASCII words, for `urn:` ids: stable for as long as the title is."""
    words = re.sub(r"\W+", " ", graph.corpus.config.title.lower())  # "Japan–Russia" is two words
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_words)) or "site"


def readout_uri(graph: SiteGraph, readout_id: str) -> str:
    """A readout's permanent id in feeds: its page's URL, else a `urn:` that no build changes."""
    base_url = graph.corpus.config.base_url
    if base_url:
        return f"{base_url}{urls.readout_path(readout_id)}"
    return f"urn:readouts:{site_slug(graph)}:{readout_id}"


def unescaped_text(markdown: str) -> str:
    """A block's Markdown with backslash escapes removed: imported text escapes every special
    character, and otherwise holds no markup. Feeds and data exports give the text as written,
    so an asterisk a person typed stays; search.snippet_text, for reading, drops emphasis too."""
    return _MARKDOWN_ESCAPE.sub(r"\1", markdown)


def summary_block(readout: Readout) -> Block | None:
    """The first paragraph; a readout without one is summed up by its first block that is not a heading."""
    paragraphs = [b for b in readout.blocks if b.kind == "paragraph"] or [
        b for b in readout.blocks if b.kind != "heading"]
    return paragraphs[0] if paragraphs else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# ---------------------------------------------------------------- Atom feeds


def feed_files(graph: SiteGraph) -> list[OutputFile]:
    """The site's feed and each main topic's. A feed is made from the settings, the topics and
    the readouts it lists: a readout that is not among a feed's newest leaves it as it was."""
    config = graph.corpus.config
    settings = digest((config, graph.corpus.topics))
    feeds: list[tuple[str, str | None, Iterable[str]]] = [(urls.FEED, None, graph.chronology)]
    feeds += [(urls.TOPIC_FEED.format(topic_id=t), t, graph.readouts_by_topic.get(t, ()))
              for t in config.main_topics if t in graph.topics]
    files = []
    for path, topic_id, candidates in feeds:
        ids = _entered_newest_first(graph, candidates)
        fallback = None if ids else _newest_instant(graph)  # what an empty feed is dated by
        made_from = (settings, path, [(r, _made_from(graph.readouts[r])) for r in ids], fallback)
        files.append(OutputFile(path, digest(made_from), partial(atom_feed, graph, path, ids, topic_id)))
    return files


def _entered_newest_first(graph: SiteGraph, readout_ids: Iterable[str]) -> list[str]:
    """The readouts that entered the archive last, newest first (ties by date, then id), at most
    FEED_ENTRIES; a readout with no instant to date it by is left out (entry_instant)."""
    known = [r for r in readout_ids if entry_instant(graph.readouts[r])]
    return heapq.nlargest(FEED_ENTRIES, known, key=lambda r: (
        entry_instant(graph.readouts[r]), graph.readouts[r].date or dt.date.min, r))


def _newest_instant(graph: SiteGraph) -> dt.datetime:
    """The corpus's newest entry instant, and a fixed one for a corpus without one."""
    return max((d for d in map(entry_instant, graph.readouts.values()) if d), default=_EPOCH)


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def entry_instant(readout: Readout) -> dt.datetime | None:
    """When a readout entered the archive, as its entry is published and updated in a feed.

    A feed reader is told what is new in the archive, so every readout is listed, undated ones
    too, by the instant its import record keeps. A readout without one (written by hand, or
    imported before records kept it and not imported since) is dated by midnight UTC of its
    published day, else of its meeting's day; one with neither is left out of the feeds."""
    if readout.imported and readout.imported.entered:
        return readout.imported.entered
    day = readout.published or readout.date
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc) if day else None


def _timestamp(moment: dt.datetime) -> str:
    """RFC 3339 in UTC, to the second: "2026-12-06T09:40:12Z"."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element; text and attributes lose only the characters XML cannot hold at all."""
    child = ET.SubElement(parent, tag, {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        child.text = _NOT_XML.sub("", text)
    return child


def _xml_bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8",
                                                                    xml_declaration=False) + b"\n"


def atom_feed(graph: SiteGraph, path: str, readout_ids: list[str], topic_id: str | None = None) -> bytes:
    """An Atom 1.0 feed written to `path`, listing `readout_ids` in the order given."""
    config = graph.corpus.config
    topic = graph.topics[topic_id] if topic_id else None
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: config.language})
    _element(feed, "title", f"{config.title}: {topic.title}" if topic else config.title)
    subtitle = topic.description if topic else config.description
    if subtitle:
        _element(feed, "subtitle", subtitle)
    if config.base_url:
        feed_id = f"{config.base_url}{path}"
    else:
        feed_id = f"urn:readouts:{site_slug(graph)}:" + (f"topic:{topic_id}" if topic_id else "feed")
    _element(feed, "id", feed_id)
    _element(feed, "link", rel="self", type="application/atom+xml", href=absolute_or_relative(graph, path, path))
    page = urls.topic_path(topic_id) if topic_id else urls.INDEX
    _element(feed, "link", rel="alternate", type="text/html", href=absolute_or_relative(graph, path, page))
    # The newest entry's instant, so the feed changes only when its entries do; an empty feed
    # takes the corpus's newest, and an empty corpus a fixed one.
    instants = [d for d in (entry_instant(graph.readouts[r]) for r in readout_ids) if d]
    newest = max(instants, default=None) or _newest_instant(graph)
    _element(feed, "updated", _timestamp(newest))
    _element(feed, "generator", "readouts")
    for readout_id in readout_ids:
        _entry(graph, feed, path, graph.readouts[readout_id])
    return _xml_bytes(feed)


def _entry(graph: SiteGraph, feed: ET.Element, path: str, readout: Readout) -> None:
    entry = _element(feed, "entry")
    _element(entry, "title", readout.title)
    _element(entry, "link", rel="alternate", type="text/html",
             href=absolute_or_relative(graph, path, urls.readout_path(readout.id)))
    _element(entry, "id", readout_uri(graph, readout.id))
    entered = entry_instant(readout)
    assert entered is not None, "feeds list readouts with an entry instant only"
    _element(entry, "published", _timestamp(entered))
    _element(entry, "updated", _timestamp(entered))
    author = _element(entry, "author")
    _element(author, "name", credited_to(graph, readout))
    block = summary_block(readout)
    if block is not None:
        summary = _element(entry, "summary", unescaped_text(block.text), type="text")
        if block.lang:
            summary.set(XML_LANG, block.lang)
    for topic_id in readout.topics:
        if topic_id in graph.topics:
            _element(entry, "category", term=topic_id, label=graph.topics[topic_id].title)


# ---------------------------------------------------------------- sitemap


def sitemap_files(graph: SiteGraph, site_files: Iterable[str], years: dict[str, Year]) -> list[OutputFile]:
    """sitemap.xml, a sitemap index, and the parts it lists beside it: every HTML page of the site
    but the 404 page, a year's pages in that year's part (`years`, from each Page's year) and the others in the
    site's.

    A new readout's pages (its own, its meeting's, a first year page of a topic) are all of its
    year, so it changes that part alone; the index changes only when a part comes or goes. A
    part is made from the addresses it lists and nothing else.
    """
    base_url = graph.corpus.config.base_url
    site_pages: list[str] = []
    by_year: dict[Year, list[str]] = {}
    for page in sorted(path for path in site_files if path.endswith(".html") and path != urls.NOT_FOUND):
        loc = _loc(base_url, page)
        if page in years:
            by_year.setdefault(years[page], []).append(loc)
        else:
            site_pages.append(loc)
    # The site's part, then the years ascending, then the undated.
    parts = [(urls.SITEMAP_SITE, site_pages), *((urls.sitemap_year_path(year), by_year[year])
                                                for year in sorted(by_year, key=lambda y: (y is None, y or 0)))]
    files = []
    for first_path, pages in parts:
        for number, locs in enumerate(_sitemap_chunks(pages), start=1):
            path = first_path if number == 1 else first_path.removesuffix(".xml") + f"-{number}.xml"
            files.append(OutputFile(path, digest(("sitemap", base_url, locs)),
                                    partial(sitemap_part, base_url, locs)))
    index = sitemap_index(graph, [f.path for f in files])
    return [OutputFile(urls.SITEMAP, digest(index), lambda: index), *files]


def _loc(base_url: str | None, page: str) -> str:
    """A page's address: absolute with a base URL, else relative to the site's root, where the
    parts are."""
    return f"{base_url or ''}{quote(page, safe='/')}"


_URL_BYTES = len("  <url>\n    <loc></loc>\n  </url>\n")
_PART_BYTES = 400
"""Generous bounds for what a part holds besides its addresses: its head, its comment and its end."""


def _sitemap_chunks(locs: list[str]) -> list[list[str]]:
    """`locs` in as many parts as the protocol's limits need: one, for any site of a realistic
    size (a year would need some 25,000 readouts, each with a page and a meeting's, for two)."""
    chunks: list[list[str]] = [[]]
    size = _PART_BYTES
    for loc in locs:
        entry = len(loc.encode("utf-8")) + _URL_BYTES
        if len(chunks[-1]) >= SITEMAP_MAX_URLS or size + entry > SITEMAP_MAX_BYTES:
            chunks.append([])
            size = _PART_BYTES
        chunks[-1].append(loc)
        size += entry
    return chunks


def _relative_comment(root: ET.Element) -> None:
    root.append(ET.Comment(" Relative paths: set base_url in site.yaml to make this a valid sitemap, "
                           "which needs absolute URLs. "))


def sitemap_part(base_url: str | None, locs: list[str]) -> bytes:
    """A <urlset> of the given addresses."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    if not base_url:
        _relative_comment(root)
    for loc in locs:
        entry = _element(root, "url")
        _element(entry, "loc", loc)
    return _xml_bytes(root)


def sitemap_index(graph: SiteGraph, parts: list[str]) -> bytes:
    """A <sitemapindex> of the parts. It gives no <lastmod>: the day a part last changed is known
    only to the clock or to an earlier build, and either would make two builds of the same
    content differ (a crawler fetches every part instead)."""
    root = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
    if not graph.corpus.config.base_url:
        _relative_comment(root)
    for part in parts:
        entry = _element(root, "sitemap")
        _element(entry, "loc", absolute_or_relative(graph, urls.SITEMAP, part))
    return _xml_bytes(root)


# ---------------------------------------------------------------- JSON and CSV


def readout_record(graph: SiteGraph, readout: Readout) -> dict[str, Any]:
    """One readout as data (docs/readouts-json.md); keys in a fixed order."""
    marks = graph.block_topics.get(readout.id, {})
    meeting = readout.meeting
    return {
        "id": readout.id,
        "title": readout.title,
        "publisher": readout.publisher,
        "kind": readout.kind,
        "published": _iso(readout.published),
        "meeting": {"date": _iso(meeting.date), "place": meeting.place, "format": meeting.format,
                    "occasion": meeting.occasion,
                    "duration_minutes": meeting.duration_minutes},
        "meeting_id": graph.meeting_of.get(readout.id),
        "participants": list(readout.participants),
        "mentioned": list(readout.mentioned),
        "topics": list(readout.topics),
        "source": {"file": readout.source.file, "sha256": readout.source.sha256} if readout.source else None,
        "url": urls.readout_path(readout.id),
        "paragraphs": [{"anchor": b.anchor, "kind": b.kind, "text": unescaped_text(b.text),
                        "topics": list(marks.get(b.anchor, ()))} for b in readout.blocks],
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def readouts_data_files(graph: SiteGraph, fragments: Fragments) -> list[OutputFile]:
    """readouts.json, which describes the site and lists the year files, and a file of records
    for each year (data/readouts-<year>.json) in chronological order.

    A year file is made from its readouts' records alone, each kept in `fragments` by what it
    follows from: the readout's bytes, its meeting's id and the topic rules (which mark its
    paragraphs). A new or edited readout rewrites its year's file and the index's count."""
    rules = digest(graph.corpus.topics)
    by_year: dict[Year, list[str]] = {}
    for readout_id in graph.chronology:  # dated years ascending, then the undated
        by_year.setdefault(_year(graph.readouts[readout_id].date), []).append(readout_id)
    files = []
    listed = []
    for year, ids in by_year.items():
        keys = [fragments.key(("json", r, _made_from(graph.readouts[r]), graph.meeting_of.get(r), rules))
                for r in ids]
        path = urls.readouts_year_path(year)
        files.append(OutputFile(path, digest(("readouts", year, keys)),
                                partial(readouts_year, graph, year, ids, keys, fragments)))
        listed.append({"path": path, "year": year, "count": len(ids)})
    index = readouts_index(graph, listed)
    return [OutputFile(urls.READOUTS_JSON, digest(index), lambda: index), *files]


def readouts_index(graph: SiteGraph, files: list[dict[str, Any]]) -> bytes:
    """readouts.json: the site's settings, how many readouts it has, and its year files."""
    config = graph.corpus.config
    return _json({"site": {"title": config.title, "description": config.description,
                           "language": config.language, "base_url": config.base_url},
                  "count": sum(f["count"] for f in files), "files": files}) + b"\n"


def readouts_year(graph: SiteGraph, year: Year, readout_ids: list[str], keys: list[str],
                  fragments: Fragments) -> bytes:
    """One year's file: {"year": …, "readouts": [record, …]}, joined from each record's own text
    so that unchanged records come from `fragments`."""
    records = [fragments.get(key, partial(_record_json, graph, readout_id))
               for readout_id, key in zip(readout_ids, keys, strict=True)]
    return _json({"year": year})[:-1] + b',"readouts":[' + b",".join(records) + b"]}\n"


def _record_json(graph: SiteGraph, readout_id: str) -> bytes:
    return _json(readout_record(graph, graph.readouts[readout_id]))


def corpus_csv_file(graph: SiteGraph, fragments: Fragments) -> OutputFile:
    """readouts.csv, joined from each readout's row, kept in `fragments` by what the row follows
    from: the readout's bytes and its meeting's id."""
    keys = [fragments.key(("csv", r, _made_from(graph.readouts[r]), graph.meeting_of.get(r))) for r in graph.chronology]
    return OutputFile(urls.READOUTS_CSV, digest(keys), partial(corpus_csv, graph, keys, fragments))


def corpus_csv(graph: SiteGraph, keys: list[str], fragments: Fragments) -> bytes:
    """readouts.csv: a header, then one row per readout, oldest first; list fields joined with ';'."""
    rows = [fragments.get(key, partial(_csv_row, graph, readout_id))
            for readout_id, key in zip(graph.chronology, keys, strict=True)]
    return _csv_line(CSV_COLUMNS) + b"".join(rows)


def _csv_row(graph: SiteGraph, readout_id: str) -> bytes:
    readout = graph.readouts[readout_id]
    meeting = readout.meeting
    return _csv_line([
        readout.id, readout.title, readout.publisher, readout.kind, _iso(readout.published) or "",
        _iso(meeting.date) or "", meeting.place or "", meeting.occasion or "",
        "" if meeting.duration_minutes is None else meeting.duration_minutes,
        ";".join(readout.participants), ";".join(readout.mentioned), ";".join(readout.topics),
        graph.meeting_of.get(readout_id, ""), urls.readout_path(readout_id),
    ])


def _csv_line(values: Iterable[object]) -> bytes:
    """One line of RFC 4180 CSV, quoted where the values need it; text a spreadsheet would take
    for a formula is kept as text."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([_not_a_formula(v) if isinstance(v, str) else v for v in values])
    return buffer.getvalue().encode("utf-8")


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _not_a_formula(value: str) -> str:
    """A title like `=HYPERLINK("http://…")` opened in a spreadsheet is a formula, run on
    opening: a leading quote keeps it text (OWASP's advice for CSV injection)."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# ---------------------------------------------------------------- iCalendar


CalendarEvent = tuple[Meeting, list[str], list[str], str]
"""What a meeting's event is made from: the meeting, its participants' names, its accounts as
"title (publisher)", and its page's address."""


def meetings_calendar_file(graph: SiteGraph, fragments: Fragments) -> OutputFile:
    """meetings.ics, made from the site's title and each dated meeting's event."""
    events = _calendar_events(graph)
    # Keyed by what _event shows, not the Meeting itself: its repr is made in Python, field by
    # field, and 10,000 of them took most of the time of this file.
    keys = [fragments.key(("ics", meeting.id, meeting.date, meeting.place, names, accounts, url))
            for meeting, names, accounts, url in events]
    title = graph.corpus.config.title
    return OutputFile(urls.MEETINGS_ICS, digest((title, keys)),
                      partial(meetings_calendar, title, events, keys, fragments))


def _calendar_events(graph: SiteGraph) -> list[CalendarEvent]:
    """Every dated meeting, oldest first, with what its event shows."""
    dated = sorted((m for m in graph.meetings.values() if m.date), key=lambda m: (m.date, m.id))
    events = []
    for meeting in dated:
        names = [graph.person_name(p) for p in meeting.participants]
        accounts = [f"{graph.readouts[r].title} ({credited_to(graph, graph.readouts[r])})"
                    for r in meeting.readout_ids]
        url = absolute_or_relative(graph, urls.MEETINGS_ICS, urls.meeting_path(meeting.id))
        events.append((meeting, names, accounts, url))
    return events


def meetings_calendar(title: str, events: list[CalendarEvent], keys: list[str], fragments: Fragments) -> bytes:
    """meetings.ics: one all-day event per dated meeting, oldest first.

    The calendar's own lines, then each event's text (unchanged events from `fragments`)."""
    import icalendar  # here, not above: most builds do not write the calendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    head, end = bytes(calendar.to_ical()).rsplit(b"END:VCALENDAR", 1)
    pieces = [fragments.get(key, partial(_event, *event)) for event, key in zip(events, keys, strict=True)]
    return head + b"".join(pieces) + b"END:VCALENDAR" + end


_ICAL_CONTROLS = dict.fromkeys([*range(9), *range(11, 32), 0x7f, *range(0x80, 0xa0)], None)
"""What an iCalendar text may not hold (RFC 5545, 3.3.11): control characters but the tab; a line
break is written as \\n. A title in front matter can hold them ("\\e[31m", "\\r" in quotes), and a
raw carriage return would end the line early."""


def _ical_text(text: str) -> str:
    return text.translate(_ICAL_CONTROLS)


def _event(meeting: Meeting, names: list[str], accounts: list[str], url: str) -> bytes:
    assert meeting.date is not None
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@readouts")
    # The meeting's own day, not the build time: the same meeting always gives the same bytes.
    event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), tzinfo=dt.timezone.utc))
    event.add("dtstart", meeting.date)
    event.add("dtend", meeting.date + dt.timedelta(days=1))
    event.add("summary", _ical_text(f"{' – '.join(names)} meeting" if names else "Meeting"))
    if meeting.place:
        event.add("location", _ical_text(meeting.place))
    event.add("description", _ical_text("Accounts:\n" + "\n".join(f"- {a}" for a in accounts)))
    event.add("url", url)
    return bytes(event.to_ical())
