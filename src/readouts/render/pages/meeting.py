"""Meetings: each meeting with its accounts side by side, and the meetings listed by year.

A meeting page sets each account's paragraphs beside the others', each once with its topics and
whose voice it is in, and a table of which account raised which topic; the listings give each
meeting's date, place, format and participants. A meeting reported by one account has nothing to
compare: its page gives the meeting's facts and the account as a short entry (its first paragraph
and topics) leading to the readout's page, which holds the whole text; printing that text again
made the meeting pages a fifth of what a site of generated readouts writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from readouts.model import SiteGraph
from readouts.render import listings, urls
from readouts.render.compare import compare_accounts
from readouts.render.context import (
    FORMAT_KICKERS,
    FORMAT_LABELS,
    format_date,
    page_context,
    person_link,
    preview_link,
    readout_link,
    site_year_page,
    topic_links,
    year_rows,
)
from readouts.render.depends import Dependencies, digest_of_fields
from readouts.render.listings import Year, YearListing
from readouts.render.pages.grouped import SiteYearPages
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site
from readouts.render.paragraphs import NUMBERED_KINDS, paragraph_excerpts
from readouts.render.urls import Links


def meeting_context(graph: SiteGraph, meeting_id: str) -> dict[str, Any]:
    """meeting.html: the accounts of one meeting side by side, each paragraph once with its topics
    and voice, and a table of topics × accounts pointing at them (render/compare.py); or, for a
    meeting reported by one account, that account as a short entry (`single`)."""
    meeting = graph.meetings[meeting_id]
    path = urls.meeting_path(meeting_id)
    links = Links(path)
    accounts = meeting.account_ids
    compared: dict[str, Any]
    if len(accounts) == 1:
        compared = {"single": single_account(graph, links, accounts[0]), "rows": [], "one_sided": []}
        compared["accounts"] = [compared["single"]]
    else:
        topic_ids = [t.id for t in graph.corpus.topics if any(t.id in graph.readouts[r].topics for r in accounts)]
        compared = {"single": None, **compare_accounts(graph, links, meeting, topic_ids,
                                                       [readout_link(graph, links, r) for r in accounts])}
    names = [person_link(graph, links, p, meeting.date) for p in meeting.participants]
    title = " – ".join(n["name"] for n in names) or "Meeting"
    context = page_context(graph, path, f"{title}, {format_date(meeting.date) or 'undated'}", "meetings")
    context["meeting"] = {"id": meeting.id, "date": format_date(meeting.date), "place": meeting.place,
                          "format": FORMAT_LABELS.get(meeting.format or ""),
                          "kicker": FORMAT_KICKERS.get(meeting.format or "", "Meeting"),
                          "participants": names, **compared,
                          "previews": [preview_link(graph, links, r) for r in meeting.preview_ids]}
    return context


EXCERPT_CHARACTERS = 120
"""A one-account meeting's excerpt runs to the first paragraph that brings it to this length
("Ladies and gentlemen," opens a press conference and says nothing of the meeting)."""
EXCERPT_PARAGRAPHS = 3


def single_account(graph: SiteGraph, links: Links, readout_id: str) -> dict[str, Any]:
    """The one account of a meeting as a short entry: its link, the occasion it names, its first
    paragraph as an excerpt (the first blocks a reader cites by ¶ number, to EXCERPT_CHARACTERS),
    and its topics. Its voices and topic marks are the readout page's to show: nothing here
    compares them."""
    readout = graph.readouts[readout_id]
    anchors: list[str] = []
    length = 0
    for block in readout.blocks:
        if block.kind in NUMBERED_KINDS and length < EXCERPT_CHARACTERS and len(anchors) < EXCERPT_PARAGRAPHS:
            anchors.append(block.anchor)
            length += len(block.text)
    return {**readout_link(graph, links, readout_id),
            "occasion": readout.meeting.occasion,
            "excerpts": paragraph_excerpts(links, readout, anchors),
            # in topics.yaml's order, as a meeting's table of several accounts lists them
            "topics": topic_links(graph, links, tuple(t.id for t in graph.corpus.topics if t.id in readout.topics))}


def meeting_items(graph: SiteGraph, links: Links, meeting_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    items = []
    for meeting_id in meeting_ids:
        meeting = graph.meetings[meeting_id]
        items.append({"href": links.meeting(meeting.id), "date": format_date(meeting.date), "place": meeting.place,
                      "kind": FORMAT_KICKERS.get(meeting.format or ""),
                      "participants": [person_link(graph, links, p, meeting.date)["name"]
                                       for p in meeting.participants],
                      "accounts": len(meeting.account_ids),
                      "previews": len(meeting.preview_ids)})
    return items


def meetings_index_context(graph: SiteGraph, listing: YearListing) -> dict[str, Any]:
    """meetings.html, the overview: meetings counted by year with a link to each year's page, and
    every meeting, newest first, while there are few, else the latest."""
    links = Links(urls.MEETINGS)
    context = page_context(graph, urls.MEETINGS, "Meetings", "meetings")
    context["total"] = len(listing.ids)
    context["complete"] = listing.complete()
    context["years"] = year_rows(listing, links.meetings_year)
    context["meetings"] = meeting_items(graph, links, listing.shown())
    return context


def meetings_year_context(graph: SiteGraph, listing: YearListing, year: Year) -> dict[str, Any]:
    """meetings_year.html: the meetings of one year, oldest first."""
    context, links, ids = site_year_page(graph, listing, year, urls.meetings_year_path(year), "Meetings", "meeting",
                                          lambda links: links.meetings_year, urls.MEETINGS)
    context["meetings"] = meeting_items(graph, links, ids)
    return context



def meeting_fingerprint(depends: Dependencies, meeting_id: str) -> str:
    """Its accounts, paragraph by paragraph: their text, topic marks and voices follow from each
    account's bytes (its digest) and topics.yaml and people.yaml (`common`), but for the day a
    voice measures earlier years against, which is the meeting's date. A one-account meeting's
    page reads less of the same (its account's link, opening paragraphs, topics and occasion, all
    in the account's bytes; no voice), so the one fingerprint covers both forms of the page, and
    which form it takes follows from account_ids."""
    m = depends.graph.meetings[meeting_id]
    # Its fields, not the Meeting: a dataclass's repr is made in Python, one per meeting.
    # The date as its ordinal: text and numbers alone are digested quicker (depends.digest_of_fields).
    return depends.fingerprint((depends.common, m.id, m.date.toordinal() if m.date else None, m.place, m.format,
                                m.participants, m.readout_ids, m.account_ids, m.preview_ids,
                                depends.readouts(m.readout_ids)))


def meetings_fingerprint(depends: Dependencies, listing: YearListing) -> str:
    return digest_of_fields((depends.common, listing.counts(), listing.complete(), depends.meetings(listing.shown())))


def meetings_year_fingerprint(depends: Dependencies, listing: YearListing, year: Year) -> str:
    return digest_of_fields((depends.common, year, [y for y, _ in listing.years],
                             depends.meetings(listing.of(year))))


MEETINGS_PAGES = SiteYearPages("meetings", urls.MEETINGS, urls.meetings_year_path, meetings_index_context,
                               meetings_fingerprint, meetings_year_context, meetings_year_fingerprint)


def pages(site: Site) -> Iterator[Page]:
    """The meetings' overview and a page per year (split like the timeline, so a new meeting
    rewrites its year's page and the overview), then each meeting's page."""
    graph = site.graph
    yield from MEETINGS_PAGES.pages(site, listings.meetings_listing(graph))
    unchanged = site.unchanged
    for meeting_id in sorted(graph.meetings):
        yield _page(site, meeting_id,
                    unchanged.meeting(meeting_id, urls.meeting_path(meeting_id)) if unchanged else None)


def _page(site: Site, meeting_id: str, fingerprint: str | None = None) -> Page:
    """The meeting's page, with `fingerprint` when the last build's holds (its inputs did not change)."""
    graph = site.graph
    return Page(urls.meeting_path(meeting_id), "meeting.html", partial(meeting_context, graph, meeting_id),
                fingerprint or meeting_fingerprint(site.depends, meeting_id),
                listings.year_of(graph.meetings[meeting_id].date))


def page_at(site: Site, path: str) -> Page | None:
    meeting_id = urls.meeting_id_of(path)
    return _page(site, meeting_id) if meeting_id is not None and meeting_id in site.graph.meetings else None


KIND = PageKind("meeting", pages, NavEntry("meetings", "Meetings", urls.MEETINGS, 30), page_at=page_at)
