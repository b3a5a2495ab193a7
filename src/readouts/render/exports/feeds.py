"""The Atom feeds: the site's, and one per main topic, dated by when each readout entered the archive."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from functools import partial

from readouts.model import Readout, SiteGraph
from readouts.render import urls
from readouts.render.context import credited_to
from readouts.render.depends import digest
from readouts.render.exports.common import (
    _NOT_XML,
    ATOM,
    FEED_ENTRIES,
    XML_LANG,
    _made_from,
    absolute_or_relative,
    readout_uri,
    site_slug,
    summary_block,
    unescaped_text,
)
from readouts.render.output import OutputFile


def feed_files(graph: SiteGraph, entered: Mapping[str, dt.datetime | None] | None = None) -> list[OutputFile]:
    """The site's feed and each main topic's. A feed is made from the settings, the topics and
    the readouts it lists: a readout that is not among a feed's newest leaves it as it was.
    `entered`: each readout's entry instant, when worked out already (entry_instants)."""
    entered = entry_instants(graph) if entered is None else entered
    config = graph.corpus.config
    settings = digest((config, graph.corpus.topics))
    ranked = _ranked_by_entry(graph, entered)
    feeds: list[tuple[str, str | None, list[str]]] = [(urls.FEED, None, _newest_of(ranked, graph.chronology))]
    feeds += [(urls.TOPIC_FEED.format(topic_id=t), t, _newest_of(ranked, graph.readouts_by_topic.get(t, ())))
              for t in config.main_topics if t in graph.topics]
    files = []
    for path, topic_id, ids in feeds:
        fallback = None if ids else _newest_instant(graph, entered)  # what an empty feed is dated by
        made_from = (settings, path, [(r, _made_from(graph.readouts[r])) for r in ids], fallback)
        files.append(OutputFile(path, digest(made_from), partial(atom_feed, graph, path, ids, topic_id)))
    return files


def _ranked_by_entry(graph: SiteGraph, entered: Mapping[str, dt.datetime | None]) -> list[str]:
    """Every readout with an instant to date it by (entry_instant), the newest entry first (ties
    by date, then id). Ranked once for every feed: choosing each feed's newest from its own
    readouts took a heap of every readout per feed, 0.02 s at 10,000 (the chronology comes
    nearly in order, the heap's worst case), where one sort of a list nearly in order is quick."""
    readouts = graph.readouts
    known = [(instant, readouts[r].date or dt.date.min, r) for r, instant in entered.items() if instant]
    known.sort(reverse=True)
    return [r for _, _, r in known]


def _newest_of(ranked: list[str], readout_ids: Iterable[str]) -> list[str]:
    """Of `readout_ids`, those that entered the archive last, in `ranked`'s order, at most
    FEED_ENTRIES: sorted(…, reverse=True)[:FEED_ENTRIES], which heapq.nlargest is too."""
    members = set(readout_ids)
    newest: list[str] = []
    for readout_id in ranked:
        if readout_id in members:
            newest.append(readout_id)
            if len(newest) == FEED_ENTRIES:
                break
    return newest


def _entered_newest_first(graph: SiteGraph, readout_ids: Iterable[str],
                          entered: Mapping[str, dt.datetime | None] | None = None) -> list[str]:
    """The readouts that entered the archive last, newest first (ties by date, then id), at most
    FEED_ENTRIES; a readout with no instant to date it by is left out (entry_instant)."""
    entered = entry_instants(graph) if entered is None else entered
    return _newest_of(_ranked_by_entry(graph, entered), readout_ids)


def _newest_instant(graph: SiteGraph, entered: Mapping[str, dt.datetime | None] | None = None) -> dt.datetime:
    """The corpus's newest entry instant, and a fixed one for a corpus without one."""
    instants = entered.values() if entered is not None else map(entry_instant, graph.readouts.values())
    return max((d for d in instants if d), default=_EPOCH)


def entry_instants(graph: SiteGraph) -> dict[str, dt.datetime | None]:
    """Each readout's entry instant (entry_instant), worked out once for the feeds and the
    calendar, which read every readout's (a readout written by hand makes a datetime each time)."""
    return {readout_id: entry_instant(readout) for readout_id, readout in graph.readouts.items()}


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
