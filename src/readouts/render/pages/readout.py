"""Readouts: one page each, with its facts, its paragraphs and their topics, its neighbours by
date, the other accounts of its meeting, its citations and its provenance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial
from typing import Any

from readouts.model import Readout, SiteGraph
from readouts.render import listings, urls
from readouts.render.cite import citations, meta_tags
from readouts.render.context import (
    FORMAT_LABELS,
    KIND_LABELS,
    credited_to,
    format_date,
    format_duration,
    format_month_day,
    page_context,
    person_link,
    preview_link,
    readout_link,
    supplied_meeting_date,
    topic_links,
)
from readouts.render.depends import Dependencies
from readouts.render.markdown import render_block, render_inline
from readouts.render.mentions import Linker
from readouts.render.pages.kind import Page, PageKind, Site
from readouts.render.paragraphs import paragraph_numbers
from readouts.render.urls import Links


def body_elements(graph: SiteGraph, readout: Readout, links: Links,
                  linker: Linker | None = None) -> list[dict[str, Any]]:
    """The body as headings, paragraphs and lists, each block with its anchor and topic marks,
    and with the source line it was imported from while the Markdown is as import wrote it."""
    marks = graph.block_topics.get(readout.id, {})
    record = readout.imported
    source_lines = (record.block_lines if record and not record.edited
                    and len(record.block_lines) == len(readout.blocks) else ())
    numbers = paragraph_numbers(readout.blocks)
    elements: list[dict[str, Any]] = []
    linked: set[str] = set()  # each person and term is linked at its first mention on the page
    for index, block in enumerate(readout.blocks):
        html = render_block(block.text) if block.kind == "other" else render_inline(block.text, block.lang)
        if linker is not None and block.kind != "heading":
            html = linker.link(html, links, linked)
        item = {"anchor": block.anchor, "html": html, "lang": block.lang, "number": numbers.get(block.anchor),
                "level": block.level, "topics": topic_links(graph, links, marks.get(block.anchor, ())),
                "source_line": source_lines[index] if source_lines else None}
        if block.kind == "item":
            ordered = block.number is not None
            last = elements[-1] if elements else None
            if last and last["type"] == "list" and last["ordered"] == ordered:
                last["entries"].append(item)
            else:
                elements.append({"type": "list", "ordered": ordered, "start": block.number or 1,
                                 "entries": [item]})
        else:
            elements.append({"type": block.kind, **item})
    return elements


def _source(readout: Readout, links: Links) -> dict[str, Any] | None:
    """The raw source beside the page, with its digest and where it was published."""
    if readout.source is None:
        return None
    return {"file": readout.source.file, "sha256": readout.source.sha256,
            "href": links.source(readout.source.file), "url": readout.source.url}


def _citing(graph: SiteGraph, readout: Readout, links: Links, context: dict[str, Any]) -> None:
    """The page's citation meta tags, its citations in four formats and the script that copies
    them with the reader's access date."""
    base_url = graph.corpus.config.base_url
    path = urls.readout_path(readout.id)
    permalink = f"{base_url}{path}" if base_url else path
    context["page"]["meta"] = meta_tags(readout, credited_to(graph, readout), permalink if base_url else None)
    context["page"]["scripts"] = [links.to(urls.CITE_SCRIPT)]
    context["cite"] = {**citations(readout, credited_to(graph, readout), KIND_LABELS[readout.kind],
                                   permalink, graph.corpus.config.title),
                       "permalink": permalink, "has_base": bool(base_url)}


def readout_context(graph: SiteGraph, readout_id: str, linker: Linker | None = None) -> dict[str, Any]:
    """readout.html: the readout, its facts and body, its neighbours by date (or, when undated, the
    link to the undated group) and its provenance."""
    readout = graph.readouts[readout_id]
    path = urls.readout_path(readout_id)
    links = Links(path)
    day = readout.date
    previous, following = graph.neighbours[readout_id]
    meeting_id = graph.meeting_of.get(readout_id)
    # The meeting's other texts, its accounts apart from the previews published before it.
    other_accounts, previews = [], []
    meeting = graph.meetings[meeting_id] if meeting_id else None
    if meeting:
        other_accounts = [readout_link(graph, links, r) for r in meeting.account_ids if r != readout_id]
        previews = [preview_link(graph, links, r) for r in meeting.preview_ids if r != readout_id]
    imported = readout.imported
    context = page_context(graph, path, readout.title, "readouts")
    _citing(graph, readout, links, context)
    context["readout"] = {
        "id": readout.id,
        "title": readout.title,
        "publisher": credited_to(graph, readout),
        "kind": KIND_LABELS[readout.kind],
        "published": format_date(readout.published),
        "published_iso": readout.published.isoformat() if readout.published else None,
        # a day printed without a year is shown in the row it dates: the text's or the meeting's
        "printed": format_month_day(imported.printed_day) if imported and readout.published is None else None,
        "meeting": {
            "supplied": supplied_meeting_date(graph, readout),
            "printed": format_month_day(imported.printed_meeting_day) if imported else None,
            "date": format_date(readout.meeting.date),
            "date_iso": readout.meeting.date.isoformat() if readout.meeting.date else None,
            "place": readout.meeting.place, "occasion": readout.meeting.occasion,
            "format": FORMAT_LABELS.get(readout.meeting.format or ""),
            "duration": format_duration(readout.meeting.duration_minutes),
            "href": links.meeting(meeting_id) if meeting_id else None,
        },
        "participants": [person_link(graph, links, p, day) for p in readout.participants],
        "mentioned": [person_link(graph, links, p, day) for p in readout.mentioned],
        "topics": topic_links(graph, links, readout.topics),
        "body": body_elements(graph, readout, links, linker),
        "source": _source(readout, links),
        "markdown_href": links.to(urls.readout_markdown_path(readout.id)),
        "changes": [{"line": c.line, "action": c.action, "what": c.what, "why": c.why}
                    for c in (imported.changes if imported else ())],
        "edited": bool(imported and imported.edited),
        "hand_written": imported is None,
    }
    # An undated readout has no neighbours by date; it leads to the others without one.
    context["undated"] = {"href": links.timeline_year(None)} if readout.date is None else None
    context["previous"] = readout_link(graph, links, previous) if previous else None
    context["next"] = readout_link(graph, links, following) if following else None
    context["related"] = [readout_link(graph, links, r) for r in graph.related.get(readout_id, ())]
    context["other_accounts"] = other_accounts
    context["previews"] = previews
    context["is_preview"] = bool(meeting and readout_id in meeting.preview_ids)
    return context



def readout_fingerprint(depends: Dependencies, readout_id: str) -> str:
    graph, link = depends.graph, depends.link_of
    meeting_id = graph.meeting_of.get(readout_id)
    meeting = graph.meetings[meeting_id] if meeting_id else None
    # The topic marks of its paragraphs are not listed: they follow from the readout's bytes
    # and topics.yaml, which `common` holds. The meeting's date is: a text that prints none
    # shows it as supplied, and it comes from the other accounts. (map, not generators: this
    # runs for each of 10,000 readouts on every build.)
    return depends.fingerprint((depends.common, graph.readouts[readout_id].digest,
                                tuple(map(link, graph.neighbours[readout_id])),
                                tuple(map(link, graph.related.get(readout_id, ()))),
                                meeting_id, _day(meeting.date) if meeting else None,
                                tuple(map(link, meeting.readout_ids)) if meeting else (),
                                (meeting.account_ids, meeting.preview_ids) if meeting else None))


def _day(day: dt.date | None) -> int | None:
    """A date in a fingerprint, as its ordinal: a fingerprint of text and numbers alone is
    digested from marshal's bytes (depends.digest_of_fields)."""
    return day.toordinal() if day else None


def _page(site: Site, readout_id: str, fingerprint: str | None = None) -> Page:
    """The readout's page, with `fingerprint` when the last build's holds (its inputs did not change)."""
    graph = site.graph
    return Page(urls.readout_path(readout_id), "readout.html",
                partial(readout_context, graph, readout_id, site.linker),
                fingerprint or readout_fingerprint(site.depends, readout_id),
                listings.year_of(graph.readouts[readout_id].date))


def pages(site: Site) -> Iterator[Page]:
    unchanged = site.unchanged
    for readout_id in site.graph.chronology:
        yield _page(site, readout_id,
                    unchanged.readout(readout_id, urls.readout_path(readout_id)) if unchanged else None)


def page_at(site: Site, path: str) -> Page | None:
    readout_id = urls.readout_id_of(path)
    return _page(site, readout_id) if readout_id is not None and readout_id in site.graph.readouts else None


KIND = PageKind("readout", pages, page_at=page_at)
