"""Data for researchers and machines: feeds, sitemap, the corpus as JSON and CSV, meetings as iCalendar.

Every file is a function of the graph alone (and, for the sitemap, of the pages already written):
dates come from the readouts and meetings, never from the clock, so two builds of the same
content write the same bytes and a re-deployed site does not look changed to feed readers.
Without `base_url` the files use site-relative links and `urn:` ids, which still identify each
readout across builds but cannot be followed from outside the site.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import icalendar

from readouts.model import Block, Meeting, Readout, SiteGraph
from readouts.render import urls
from readouts.render.context import publisher_name

FEED_ENTRIES = 50
"""Feed readers fetch the whole file on every poll: the newest readouts are what they need."""

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PRODID = "-//readouts//readouts//EN"
CSV_COLUMNS = ("id", "title", "publisher", "kind", "published", "meeting_date", "place", "occasion",
               "duration_minutes", "participants", "mentioned", "topics", "meeting_id", "url")

# CommonMark's backslash escapes: a backslash before any ASCII punctuation character.
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Characters XML 1.0 cannot hold even escaped (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_paths(graph: SiteGraph) -> list[str]:
    """Every file write_exports writes."""
    feeds = [urls.TOPIC_FEED.format(topic_id=t) for t in graph.corpus.config.main_topics if t in graph.topics]
    return [urls.FEED, *feeds, urls.SITEMAP, urls.READOUTS_JSON, urls.READOUTS_CSV, urls.MEETINGS_ICS]


def write_exports(graph: SiteGraph, out: Path, site_files: Iterable[str],
                  fragments: dict[str, bytes] | None = None) -> int:
    """Write every export file under `out`; returns how many files were written.

    `site_files` are the paths of every other file of the site (the sitemap lists its pages).
    `fragments` keeps each readout's record and each meeting's event from the last build, by a
    digest of what they are made from: a new readout then costs one record, not the whole
    corpus's. It is updated in place to hold this build's only.
    """
    kept = Fragments(fragments)
    files: dict[str, bytes] = {urls.FEED: atom_feed(graph, urls.FEED, _dated_newest_first(graph, graph.chronology))}
    for topic_id in graph.corpus.config.main_topics:
        if topic_id in graph.topics:
            path = urls.TOPIC_FEED.format(topic_id=topic_id)
            ids = _dated_newest_first(graph, graph.readouts_by_topic.get(topic_id, ()))
            files[path] = atom_feed(graph, path, ids, topic_id)
    files[urls.SITEMAP] = sitemap(graph, site_files)
    files[urls.READOUTS_JSON] = corpus_json(graph, kept)
    files[urls.READOUTS_CSV] = corpus_csv(graph)
    files[urls.MEETINGS_ICS] = meetings_calendar(graph, kept)
    kept.forget_unused()
    for path, data in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


class Fragments:
    """Pieces of export files from the last build, by the digest of what each is made from."""

    def __init__(self, store: dict[str, bytes] | None) -> None:
        self.store = store if store is not None else {}
        self.used: set[str] = set()

    def get(self, inputs: object, make: Callable[[], bytes]) -> bytes:
        key = hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()
        self.used.add(key)
        fragment = self.store.get(key)
        if fragment is None:
            fragment = self.store[key] = make()
        return fragment

    def forget_unused(self) -> None:
        for key in set(self.store) - self.used:
            del self.store[key]


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


def plain_text(markdown: str) -> str:
    """A block's Markdown with backslash escapes removed: imported text escapes every special
    character, and otherwise holds no markup."""
    return _MARKDOWN_ESCAPE.sub(r"\1", markdown)


def summary_block(readout: Readout) -> Block | None:
    """The first paragraph; a readout without one is summed up by its first block that is not a heading."""
    paragraphs = [b for b in readout.blocks if b.kind == "paragraph"] or [
        b for b in readout.blocks if b.kind != "heading"]
    return paragraphs[0] if paragraphs else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# ---------------------------------------------------------------- Atom feeds


def _dated_newest_first(graph: SiteGraph, readout_ids: Iterable[str]) -> list[str]:
    """Readouts with a date, newest first (ties by id), at most FEED_ENTRIES: an entry needs a date."""
    dated = [r for r in readout_ids if graph.readouts[r].date]
    dated.sort(key=lambda r: (graph.readouts[r].date, r), reverse=True)
    return dated[:FEED_ENTRIES]


def entry_day(readout: Readout) -> dt.date | None:
    """An entry's published and updated day: when the readout was published, else its meeting's day."""
    return readout.published or readout.date


def _timestamp(day: dt.date) -> str:
    """Midnight UTC of the day: the readouts give dates, and Atom wants a date-time."""
    return f"{day.isoformat()}T00:00:00Z"


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
    # The newest entry's day, so the feed changes only when its entries do; an empty feed takes
    # the corpus's newest day, and an empty corpus a fixed one.
    days = [d for d in (entry_day(graph.readouts[r]) for r in readout_ids) if d]
    newest = max(days, default=None) or max((d for d in map(entry_day, graph.readouts.values()) if d),
                                            default=dt.date(1970, 1, 1))
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
    day = entry_day(readout)
    assert day is not None, "feeds list dated readouts only"
    _element(entry, "published", _timestamp(day))
    _element(entry, "updated", _timestamp(day))
    author = _element(entry, "author")
    _element(author, "name", publisher_name(graph, readout.publisher))
    block = summary_block(readout)
    if block is not None:
        summary = _element(entry, "summary", plain_text(block.text), type="text")
        if block.lang:
            summary.set(XML_LANG, block.lang)
    for topic_id in readout.topics:
        if topic_id in graph.topics:
            _element(entry, "category", term=topic_id, label=graph.topics[topic_id].title)


# ---------------------------------------------------------------- sitemap


def sitemap(graph: SiteGraph, site_files: Iterable[str]) -> bytes:
    """Every HTML page of the site but the 404 page, sorted by path."""
    base_url = graph.corpus.config.base_url
    pages = sorted(path for path in site_files if path.endswith(".html"))
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    if not base_url:
        root.append(ET.Comment(" Relative paths: set base_url in site.yaml to make this a valid sitemap, "
                               "which needs absolute URLs. "))
    for page in pages:
        if page == urls.NOT_FOUND:
            continue
        entry = _element(root, "url")
        _element(entry, "loc", f"{base_url or ''}{quote(page, safe='/')}")
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
        "meeting": {"date": _iso(meeting.date), "place": meeting.place, "occasion": meeting.occasion,
                    "duration_minutes": meeting.duration_minutes},
        "meeting_id": graph.meeting_of.get(readout.id),
        "participants": list(readout.participants),
        "mentioned": list(readout.mentioned),
        "topics": list(readout.topics),
        "source": {"file": readout.source.file, "sha256": readout.source.sha256} if readout.source else None,
        "url": urls.readout_path(readout.id),
        "paragraphs": [{"anchor": b.anchor, "kind": b.kind, "text": plain_text(b.text),
                        "topics": list(marks.get(b.anchor, ()))} for b in readout.blocks],
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def corpus_json(graph: SiteGraph, fragments: Fragments | None = None) -> bytes:
    """readouts.json: the site's settings and every readout, oldest first.

    Written as the JSON text of {"site": …, "readouts": [record, …]}, joined from each record's
    own text so that unchanged records come from `fragments`."""
    config = graph.corpus.config
    kept = fragments or Fragments(None)
    site = _json({"site": {"title": config.title, "description": config.description,
                           "language": config.language, "base_url": config.base_url}})
    # A record's topic marks follow from the readout's bytes and the topic rules.
    rules = hashlib.blake2b(repr(graph.corpus.topics).encode("utf-8"), digest_size=16).hexdigest()
    records = []
    for readout_id in graph.chronology:
        readout = graph.readouts[readout_id]
        inputs = ("json", readout_id, readout.digest or readout, graph.meeting_of.get(readout_id), rules)
        records.append(kept.get(inputs, lambda: _json(readout_record(graph, readout))))  # noqa: B023
    return site[:-1] + b',"readouts":[' + b",".join(records) + b"]}\n"


def corpus_csv(graph: SiteGraph) -> bytes:
    """readouts.csv: one row per readout, oldest first; list fields joined with ';'."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for readout_id in graph.chronology:
        readout = graph.readouts[readout_id]
        meeting = readout.meeting
        writer.writerow([
            readout.id, readout.title, readout.publisher, readout.kind, _iso(readout.published) or "",
            _iso(meeting.date) or "", meeting.place or "", meeting.occasion or "",
            "" if meeting.duration_minutes is None else meeting.duration_minutes,
            ";".join(readout.participants), ";".join(readout.mentioned), ";".join(readout.topics),
            graph.meeting_of.get(readout_id, ""), urls.readout_path(readout_id),
        ])
    return buffer.getvalue().encode("utf-8")


# ---------------------------------------------------------------- iCalendar


def meetings_calendar(graph: SiteGraph, fragments: Fragments | None = None) -> bytes:
    """meetings.ics: one all-day event per dated meeting, oldest first.

    The calendar's own lines, then each event's text (unchanged events from `fragments`)."""
    kept = fragments or Fragments(None)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", graph.corpus.config.title)
    head, end = bytes(calendar.to_ical()).rsplit(b"END:VCALENDAR", 1)
    dated = sorted((m for m in graph.meetings.values() if m.date), key=lambda m: (m.date, m.id))
    events = []
    for meeting in dated:
        names = [graph.people[p].name if p in graph.people else p for p in meeting.participants]
        accounts = [f"{graph.readouts[r].title} ({publisher_name(graph, graph.readouts[r].publisher)})"
                    for r in meeting.readout_ids]
        url = absolute_or_relative(graph, urls.MEETINGS_ICS, urls.meeting_path(meeting.id))
        events.append(kept.get(("ics", meeting, names, accounts, url),
                               lambda: _event(meeting, names, accounts, url)))  # noqa: B023
    return head + b"".join(events) + b"END:VCALENDAR" + end


def _event(meeting: Meeting, names: list[str], accounts: list[str], url: str) -> bytes:
    assert meeting.date is not None
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@readouts")
    # The meeting's own day, not the build time: the same meeting always gives the same bytes.
    event.add("dtstamp", dt.datetime.combine(meeting.date, dt.time(), tzinfo=dt.timezone.utc))
    event.add("dtstart", meeting.date)
    event.add("dtend", meeting.date + dt.timedelta(days=1))
    event.add("summary", f"{' – '.join(names)} meeting" if names else "Meeting")
    if meeting.place:
        event.add("location", meeting.place)
    event.add("description", "Accounts:\n" + "\n".join(f"- {a}" for a in accounts))
    event.add("url", url)
    return bytes(event.to_ical())
