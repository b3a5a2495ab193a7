"""Topics: the index of topics, and each topic's overview and year pages.

A topic's overview counts its readouts by year and publisher; its year pages list each readout
with the paragraphs that discuss the topic, and who raised it at each meeting of that year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import listings, urls
from readouts.render.context import (
    SIDE_LABELS,
    count_of,
    format_date,
    page_context,
    publisher_name,
    readout_link,
    span_of,
    summary_of,
    year_navigation,
)
from readouts.render.depends import Dependencies, digest_of_fields
from readouts.render.listings import TopicListing, TopicYear, Year, year_label
from readouts.render.pages.grouped import YearSplitPages
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site
from readouts.render.paragraphs import quoted_and_linked
from readouts.render.urls import Links

QUOTED_PER_READOUT = 1
"""How many of a readout's paragraphs on the topic a topic's page quotes; the others are linked
by their ¶ numbers.

A page that quoted every one was a short book: a main topic's year lists some 270 readouts
with 11 paragraphs on it each, 1.7 MB of a 10,000-readout site's pages and 188 MB of its
topics. An index's entry, like a back-of-book index or a subject index of documents, names the
document, shows the passage that makes it relevant, and points at the rest."""


def topic_entries(graph: SiteGraph, links: Links, topic_id: str, readout_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each readout with its first paragraph that discusses the topic quoted and linked to its
    place (`excerpts`), and each other such paragraph linked by its ¶ number (`more`)."""
    entries = []
    for readout_id in readout_ids:
        anchors = [anchor for topic, anchor in graph.quoted.get(readout_id, ()) if topic == topic_id]
        excerpts, more = quoted_and_linked(links, graph.readouts[readout_id], anchors, QUOTED_PER_READOUT)
        entries.append({**readout_link(graph, links, readout_id), "excerpts": excerpts, "more": more})
    return entries


def topic_context(graph: SiteGraph, listing: TopicListing) -> dict[str, Any]:
    """topic.html, the overview: the topic, its readouts counted by year and publisher with a link
    to each year's page, and either every readout with its excerpts and the meeting-by-meeting
    table (when there are few) or the latest readouts."""
    topic = graph.topics[listing.topic_id]
    path = urls.topic_path(topic.id)
    links = Links(path)
    ids = listing.readout_ids
    by_year = [(part, Counter[str](graph.readouts[r].publisher for r in part.readout_ids)) for part in listing.years]
    publishers = [p for p in PUBLISHERS if any(counts[p] for _, counts in by_year)]
    complete = listing.complete()
    context = page_context(graph, path, topic.title, "topics")
    context["topic"] = {"id": topic.id, "title": topic.title, "description": topic.description,
                        "main": topic.main, "count": len(ids),
                        "span": span_of([p.year for p in listing.years if p.year is not None and p.readout_ids])}
    most = max((len(part.readout_ids) for part in listing.years), default=0) or 1
    context["years"] = {"publishers": [publisher_name(graph, p) for p in publishers],
                        "rows": [{"label": year_label(part.year), "href": links.topic_year(topic.id, part.year),
                                  "count": len(part.readout_ids), "percent": round(100 * len(part.readout_ids) / most),
                                  "cells": [counts[p] for p in publishers]}
                                 for part, counts in by_year]}
    context["complete"] = complete
    context["coverage"] = coverage_rows(graph, links, topic.id, listing.meeting_ids) if complete else None
    context["entries"] = topic_entries(graph, links, topic.id, ids if complete else listing.latest())
    return context


def topic_year_context(graph: SiteGraph, listing: TopicListing, year: Year) -> dict[str, Any]:
    """topic_year.html: one year of a topic, its readouts with their excerpts oldest first, and
    who raised it at each of that year's meetings."""
    topic = graph.topics[listing.topic_id]
    part = next(p for p in listing.years if p.year == year)
    path = urls.topic_year_path(topic.id, year)
    links = Links(path)
    context = page_context(graph, path, f"{topic.title}, {year if year is not None else 'undated'}",
                           "topics")
    context["topic"] = {"id": topic.id, "title": topic.title, "description": topic.description,
                        "href": links.topic(topic.id)}
    counted = [count_of(len(part.readout_ids), "readout"), count_of(len(part.meeting_ids), "meeting")]
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": summary_of([c for c in counted if c], year)}
    context.update(year_navigation(
        links, [p.year for p in listing.years], year, lambda y: links.topic_year(topic.id, y),
        [{"title": "Topics", "href": links.to(urls.TOPICS)}, {"title": topic.title, "href": links.topic(topic.id)}]))
    context["coverage"] = coverage_rows(graph, links, topic.id, part.meeting_ids)
    context["entries"] = topic_entries(graph, links, topic.id, part.readout_ids)
    return context


def coverage_rows(graph: SiteGraph, links: Links, topic_id: str, meeting_ids: tuple[str, ...]) -> dict[str, Any]:
    """Meetings × sides: who reported the topic at each meeting, linked to where."""
    sides = ["japan", "russia", "other"]
    rows = []
    for meeting_id in meeting_ids:
        meeting = graph.meetings[meeting_id]
        cells = []
        for side in sides:
            accounts = [r for r in meeting.readout_ids if PUBLISHERS[graph.readouts[r].publisher].side == side]
            reporting = [r for r in accounts if topic_id in graph.readouts[r].topics]
            first = None
            if reporting:
                # Anchors are unique within a readout and marked in body order: the first
                # marked is the first block that discusses it, found without unpacking the body.
                marks = graph.block_topics.get(reporting[0], {})
                anchor = next((anchor for anchor, topics in marks.items() if topic_id in topics), None)
                first = links.readout(reporting[0], anchor)
            cells.append({"state": "reported" if reporting else ("silent" if accounts else "none"), "href": first,
                          "side": SIDE_LABELS.get(side, "Other outlets")})
        rows.append({"href": links.meeting(meeting.id), "date": format_date(meeting.date) or "Undated",
                     "place": meeting.place, "cells": cells})
    return {"sides": [SIDE_LABELS.get(s, "Other outlets") for s in sides], "rows": rows}


def topics_index_context(graph: SiteGraph) -> dict[str, Any]:
    links = Links(urls.TOPICS)
    context = page_context(graph, urls.TOPICS, "Topics", "topics")
    context["topics"] = [{"title": t.title, "description": t.description, "href": links.topic(t.id),
                          "main": t.main, "count": len(graph.readouts_by_topic.get(t.id, ()))}
                         for t in graph.corpus.topics]
    return context



def topic_fingerprint(depends: Dependencies, listing: TopicListing) -> str:
    """The overview: the counts by year and publisher, and the entries it lists."""
    readouts = depends.graph.readouts
    counts = [(part.year, sorted(Counter(readouts[r].publisher for r in part.readout_ids).items()))
              for part in listing.years]
    if listing.complete():
        shown = (depends.readouts(listing.readout_ids), depends.coverage(listing.topic_id, listing.meeting_ids))
    else:
        shown = (depends.readouts(listing.latest()), None)
    return digest_of_fields((depends.common, listing.topic_id, counts, shown))


def topic_year_fingerprint(depends: Dependencies, listing: TopicListing, part: TopicYear) -> str:
    """One year's page: its readouts and meetings, and which other years have a page (the
    links between years), but nothing of the other years' entries."""
    return digest_of_fields((depends.common, listing.topic_id, part.year, [p.year for p in listing.years],
                             depends.readouts(part.readout_ids), depends.coverage(listing.topic_id, part.meeting_ids)))


TOPIC_PAGES = YearSplitPages(
    "topic", lambda graph, owner: graph.readouts_by_topic.get(owner, ()),
    lambda graph, owner: listings.topic_listing(graph, owner),  # the module's function as it is at each call
    urls.topic_path, topic_context, topic_fingerprint, urls.topic_year_path, topic_year_context,
    topic_year_fingerprint, lambda part: (part.readout_ids, part.meeting_ids))


def pages(site: Site) -> Iterator[Page]:
    """The topics' index, then each topic's overview and a page per year, each with its own
    fingerprint, so a new readout rewrites its year's page and the overview but no other year's."""
    yield Page(urls.TOPICS, "topics.html", lambda: topics_index_context(site.graph), site.depends.listing(urls.TOPICS))
    for topic in site.graph.corpus.topics:
        yield from TOPIC_PAGES.pages(site, topic.id)


KIND = PageKind("topic", pages, NavEntry("topics", "Topics", urls.TOPICS, 20))
