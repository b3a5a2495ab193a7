"""One builder per page kind: SiteGraph + id → the plain dict a template renders.

The context is the templates' API (docs/templates.md): sorting, grouping, choosing labels and
computing every link happen here, so templates only loop, test and print.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from readouts.model import Person, Readout, SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import urls
from readouts.render.cite import citations, meta_tags
from readouts.render.compare import compare_accounts
from readouts.render.listings import Attendance, PersonListing, TopicListing, Year, YearListing, year_label
from readouts.render.markdown import render_block, render_inline
from readouts.render.mentions import Linker
from readouts.render.urls import Links


def publisher_name(graph: SiteGraph, publisher: str) -> str:
    """The publisher's name as site.yaml's `publishers:` (or the default) gives it."""
    return graph.corpus.config.publisher_names.get(publisher) or PUBLISHERS[publisher].name


def credited_to(graph: SiteGraph, readout: Readout) -> str:
    """Who a readout is credited to: its publisher, or for "other" the outlet the text names."""
    if readout.publisher == "other" and readout.outlet:
        return readout.outlet
    return publisher_name(graph, readout.publisher)


KIND_LABELS = {"readout": "Readout", "statement": "Statement", "press-conference": "Press conference",
               "news": "News report"}
LATEST = 15
FORMAT_LABELS = {"in-person": "in person", "telephone": "by telephone", "video": "by video link",
                 "2+2": "“2+2”: foreign and defence ministers"}
"""How a meeting was held, as a fact line says it."""
FORMAT_KICKERS = {"telephone": "Telephone talk", "video": "Video conference", "2+2": "“2+2” meeting"}
"""What a meeting page calls its meeting when it was not an ordinary one."""


def format_date(day: dt.date | None) -> str | None:
    """25 September 2019: day first, month in words, never ambiguous."""
    return f"{day.day} {day:%B %Y}" if day else None


def format_printed_day(readout: Readout) -> str | None:
    """What a text prints of its date when it prints no year: "26 September, year not printed".
    None once a person has given the published date, or when the text printed nothing."""
    printed = readout.imported.printed_day if readout.imported else None
    if printed is None or readout.published is not None:
        return None
    month, day = printed
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None  # a record edited by hand into no day of any month: nothing to show
    # 2000, a leap year, names every (month, day) a dateline can print, 29 February included
    return f"{day} {dt.date(2000, month, 1):%B}, year not printed"


SUPPLIED_FROM_MEETING = "another account of the same meeting"


def supplied_meeting_date(graph: SiteGraph, readout: Readout) -> dict[str, Any] | None:
    """The meeting's date for a text that does not print it, marked as the editor's: {date
    ("[26 September 2019]", in square brackets as in FRUS), date_iso, note}; None when the text
    prints it or nobody knows it.

    A person's `date_supplied:` wins; otherwise the date of the dated meeting the readout joined."""
    if readout.meeting.date is not None:
        return None
    day, source = readout.meeting.date_supplied, readout.meeting.supplied_from
    if day is None:
        meeting_id = graph.meeting_of.get(readout.id)
        day = graph.meetings[meeting_id].date if meeting_id else None
        source = SUPPLIED_FROM_MEETING
    if day is None:
        return None
    where = f"supplied from {source}" if source else "supplied by the archive"
    return {"date": f"[{format_date(day)}]", "date_iso": day.isoformat(),
            "note": f"date {where}, not printed in this text"}


def format_duration(minutes: int | None) -> str | None:
    if minutes is None:
        return None
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} hour{'s' if hours > 1 else ''}"] if hours else []) + (
        [f"{rest} minute{'s' if rest != 1 else ''}"] if rest else [])
    return " ".join(parts)


def page_context(graph: SiteGraph, path: str, title: str, section: str, base: str | None = None) -> dict[str, Any]:
    """What base.html needs on every page; with `base` its links are absolute (see Links)."""
    links = Links(path, base)
    config = graph.corpus.config
    nav = [("home", "Home", urls.INDEX), ("topics", "Topics", urls.TOPICS),
           ("meetings", "Meetings", urls.MEETINGS), ("people", "People", urls.PEOPLE),
           ("timeline", "Timeline", urls.TIMELINE), ("glossary", "Glossary", urls.GLOSSARY)]
    return {
        "site": {"title": config.title, "description": config.description, "language": config.language},
        "page": {"title": title, "path": path, "stylesheet": links.to(urls.STYLESHEET),
                 "home": links.to(urls.INDEX), "search": links.to(urls.SEARCH),
                 "publishers": links.to(urls.PUBLISHERS), "scripts": [], "meta": [],
                 "feed": links.to(urls.FEED), "data": links.to(urls.READOUTS_JSON)},
        "nav": [{"title": label, "href": links.to(target), "current": key == section}
                for key, label, target in nav],
    }


def readout_link(graph: SiteGraph, links: Links, readout_id: str) -> dict[str, Any]:
    readout = graph.readouts[readout_id]
    return {"id": readout.id, "title": readout.title, "href": links.readout(readout.id),
            "date": format_date(readout.date), "date_iso": readout.date.isoformat() if readout.date else None,
            "printed": format_printed_day(readout) if readout.date is None else None,
            "publisher": credited_to(graph, readout), "kind": KIND_LABELS[readout.kind]}


def person_link(graph: SiteGraph, links: Links, person_id: str, day: dt.date | None) -> dict[str, Any]:
    person = graph.people.get(person_id)
    if person is None:
        # A participant people.yaml does not know still shows, by id, without a link.
        return {"name": graph.person_name(person_id), "href": None, "role": None}
    return {"name": person.name, "href": links.person(person_id), "role": person.role_on(day)}


def _topic_links(graph: SiteGraph, links: Links, topic_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": t, "title": graph.topics[t].title, "href": links.topic(t), "main": graph.topics[t].main}
            for t in topic_ids if t in graph.topics]


def body_elements(graph: SiteGraph, readout: Readout, links: Links,
                  linker: Linker | None = None) -> list[dict[str, Any]]:
    """The body as headings, paragraphs and lists, each block with its anchor and topic marks,
    and with the source line it was imported from while the Markdown is as import wrote it."""
    marks = graph.block_topics.get(readout.id, {})
    record = readout.imported
    source_lines = (record.block_lines if record and not record.edited
                    and len(record.block_lines) == len(readout.blocks) else ())
    elements: list[dict[str, Any]] = []
    linked: set[str] = set()  # each person and term is linked at its first mention on the page
    for number, block in enumerate(readout.blocks, start=1):
        html = render_block(block.text) if block.kind == "other" else render_inline(block.text, block.lang)
        if linker is not None and block.kind != "heading":
            html = linker.link(html, links, linked)
        item = {"anchor": block.anchor, "html": html, "lang": block.lang, "number": number, "level": block.level,
                "topics": _topic_links(graph, links, marks.get(block.anchor, ())),
                "source_line": source_lines[number - 1] if source_lines else None}
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


def readout_context(graph: SiteGraph, readout_id: str, linker: Linker | None = None) -> dict[str, Any]:
    """readout.html: the readout, its facts and body, its neighbours by date (or, when undated, the
    link to the undated group) and its provenance."""
    readout = graph.readouts[readout_id]
    path = urls.readout_path(readout_id)
    links = Links(path)
    day = readout.date
    previous, following = graph.neighbours[readout_id]
    meeting_id = graph.meeting_of.get(readout_id)
    other_accounts = []
    if meeting_id:
        other_accounts = [readout_link(graph, links, r) for r in graph.meetings[meeting_id].readout_ids
                          if r != readout_id]
    source = None
    if readout.source:
        source = {"file": readout.source.file, "sha256": readout.source.sha256,
                  "href": links.source(readout.source.file), "url": readout.source.url}
    imported = readout.imported
    context = page_context(graph, path, readout.title, "readouts")
    base_url = graph.corpus.config.base_url
    permalink = f"{base_url}{path}" if base_url else path
    context["page"]["meta"] = meta_tags(readout, credited_to(graph, readout),
                                        permalink if base_url else None)
    context["page"]["scripts"] = [links.to(urls.CITE_SCRIPT)]
    context["cite"] = {**citations(readout, credited_to(graph, readout), KIND_LABELS[readout.kind],
                                   permalink, graph.corpus.config.title),
                       "permalink": permalink, "has_base": bool(base_url)}
    context["readout"] = {
        "id": readout.id,
        "title": readout.title,
        "publisher": credited_to(graph, readout),
        "kind": KIND_LABELS[readout.kind],
        "published": format_date(readout.published),
        "published_iso": readout.published.isoformat() if readout.published else None,
        "printed": format_printed_day(readout),
        "meeting": {
            "supplied": supplied_meeting_date(graph, readout),
            "date": format_date(readout.meeting.date),
            "date_iso": readout.meeting.date.isoformat() if readout.meeting.date else None,
            "place": readout.meeting.place, "occasion": readout.meeting.occasion,
            "format": FORMAT_LABELS.get(readout.meeting.format or ""),
            "duration": format_duration(readout.meeting.duration_minutes),
            "href": links.meeting(meeting_id) if meeting_id else None,
        },
        "participants": [person_link(graph, links, p, day) for p in readout.participants],
        "mentioned": [person_link(graph, links, p, day) for p in readout.mentioned],
        "topics": _topic_links(graph, links, readout.topics),
        "body": body_elements(graph, readout, links, linker),
        "source": source,
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
    return context


def _span(years: list[int]) -> str | None:
    """2017–2019, or 2019 for one year."""
    if not years:
        return None
    return f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])


def _count(n: int, noun: str) -> str:
    """3 readouts, 1 meeting; "" for none."""
    return f"{n} {noun}{'' if n == 1 else 's'}" if n else ""


def _summary(parts: list[str], year: Year) -> str:
    """What a year page holds, in a sentence: "4 readouts and 2 meetings in 2019"."""
    text = " and ".join(parts)
    text = text[0].upper() + text[1:] if text else "Nothing"
    return f"{text} in {year}" if year is not None else text


def _year_navigation(links: Links, years: list[Year], current: Year, href: Callable[[Year], str],
                     crumbs: list[dict[str, Any]]) -> dict[str, Any]:
    """What a year page needs to move about: the way up (crumbs), every year, the year before and after."""
    at = years.index(current)

    def neighbour(year: Year) -> dict[str, Any]:
        return {"label": year_label(year), "href": href(year)}

    return {"crumbs": crumbs,
            "years": [{"label": year_label(y), "href": href(y), "current": y == current} for y in years],
            "previous": neighbour(years[at - 1]) if at > 0 else None,
            "next": neighbour(years[at + 1]) if at + 1 < len(years) else None}


def _topic_entries(graph: SiteGraph, links: Links, topic_id: str, readout_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each readout with its paragraphs that discuss the topic, each linked to its place."""
    entries = []
    for readout_id in readout_ids:
        blocks = {b.anchor: b for b in graph.readouts[readout_id].blocks}
        anchors = [anchor for topic, anchor in graph.quoted.get(readout_id, ()) if topic == topic_id]
        entries.append({
            **readout_link(graph, links, readout_id),
            "excerpts": [{"html": render_inline(blocks[a].text, blocks[a].lang), "lang": blocks[a].lang,
                          "href": links.readout(readout_id, a)}
                         for a in anchors],
        })
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
                        "span": _span([p.year for p in listing.years if p.year is not None and p.readout_ids])}
    most = max((len(part.readout_ids) for part in listing.years), default=0) or 1
    context["years"] = {"publishers": [publisher_name(graph, p) for p in publishers],
                        "rows": [{"label": year_label(part.year), "href": links.topic_year(topic.id, part.year),
                                  "count": len(part.readout_ids), "percent": round(100 * len(part.readout_ids) / most),
                                  "cells": [counts[p] for p in publishers]}
                                 for part, counts in by_year]}
    context["complete"] = complete
    context["coverage"] = _coverage(graph, links, topic.id, listing.meeting_ids) if complete else None
    context["entries"] = _topic_entries(graph, links, topic.id, ids if complete else listing.latest())
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
    counted = [_count(len(part.readout_ids), "readout"), _count(len(part.meeting_ids), "meeting")]
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": _summary([c for c in counted if c], year)}
    context.update(_year_navigation(
        links, [p.year for p in listing.years], year, lambda y: links.topic_year(topic.id, y),
        [{"title": "Topics", "href": links.to(urls.TOPICS)}, {"title": topic.title, "href": links.topic(topic.id)}]))
    context["coverage"] = _coverage(graph, links, topic.id, part.meeting_ids)
    context["entries"] = _topic_entries(graph, links, topic.id, part.readout_ids)
    return context


def _coverage(graph: SiteGraph, links: Links, topic_id: str, meeting_ids: tuple[str, ...]) -> dict[str, Any]:
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
                marks = graph.block_topics.get(reporting[0], {})
                anchor = next((b.anchor for b in graph.readouts[reporting[0]].blocks
                               if topic_id in marks.get(b.anchor, ())), None)
                first = links.readout(reporting[0], anchor)
            cells.append({"state": "reported" if reporting else ("silent" if accounts else "none"), "href": first})
        rows.append({"href": links.meeting(meeting.id), "date": format_date(meeting.date) or "Undated",
                     "place": meeting.place, "cells": cells})
    return {"sides": [SIDE_LABELS.get(s, "Other outlets") for s in sides], "rows": rows}


def _attended(graph: SiteGraph, links: Links, person: Person,
              attendances: tuple[Attendance, ...]) -> list[dict[str, Any]]:
    """Each meeting with the others there, the person's role that day, and its accounts."""
    attended = []
    for attendance in attendances:
        others = [p for p in dict.fromkeys(p for r in attendance.readout_ids for p in graph.readouts[r].participants)
                  if p != person.id]
        attended.append({
            "date": format_date(attendance.day) or "Undated",
            "place": attendance.place,
            "href": links.meeting(attendance.meeting_id) if attendance.meeting_id else None,
            "with": [person_link(graph, links, p, attendance.day) for p in others],
            "role": person.role_on(attendance.day),
            "accounts": [readout_link(graph, links, r) for r in attendance.readout_ids],
        })
    return attended


def person_context(graph: SiteGraph, listing: PersonListing) -> dict[str, Any]:
    """person.html, the overview: roles over time, counterparts counted once per meeting, meetings
    and mentions counted by year with a link to each year's page, and every meeting (each with
    all its accounts) and mention when there are few, else the latest."""
    person: Person = graph.people[listing.person_id]
    path = urls.person_path(person.id)
    links = Links(path)
    complete = listing.complete()
    context = page_context(graph, path, person.name, "people")
    context["person"] = {
        "id": person.id, "name": person.name, "spellings": list(person.spellings),
        "roles": [{"title": r.title, "start": format_date(r.start), "end": format_date(r.end)}
                  for r in person.roles],
    }
    context["counterparts"] = [{**person_link(graph, links, p, None), "count": n} for p, n in listing.counterparts]
    context["years"] = [{"label": year_label(part.year), "href": links.person_year(person.id, part.year),
                         "attended": len(part.attended), "mentioned": len(part.mentioned)}
                        for part in listing.years]
    context["complete"] = complete
    context["attended"] = _attended(graph, links, person,
                                    listing.attended if complete else listing.latest_attended())
    context["mentioned"] = [readout_link(graph, links, r)
                            for r in (listing.mentioned if complete else listing.latest_mentioned())]
    return context


def person_year_context(graph: SiteGraph, listing: PersonListing, year: Year) -> dict[str, Any]:
    """person_year.html: one year of a person: the meetings they attended, each with its
    accounts, and the readouts that name them."""
    person: Person = graph.people[listing.person_id]
    part = next(p for p in listing.years if p.year == year)
    path = urls.person_year_path(person.id, year)
    links = Links(path)
    context = page_context(graph, path, f"{person.name}, {year if year is not None else 'undated'}",
                           "people")
    context["person"] = {"id": person.id, "name": person.name, "href": links.person(person.id)}
    counted = [_count(len(part.attended), "meeting") + " attended" if part.attended else "",
               "named in " + _count(len(part.mentioned), "other readout" if part.attended else "readout")
               if part.mentioned else ""]
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": _summary([c for c in counted if c], year)}
    context.update(_year_navigation(
        links, [p.year for p in listing.years], year, lambda y: links.person_year(person.id, y),
        [{"title": "People", "href": links.to(urls.PEOPLE)}, {"title": person.name, "href": links.person(person.id)}]))
    context["attended"] = _attended(graph, links, person, part.attended)
    context["mentioned"] = [readout_link(graph, links, r) for r in part.mentioned]
    return context


def meeting_context(graph: SiteGraph, meeting_id: str) -> dict[str, Any]:
    """meeting.html: the accounts of one meeting side by side, each paragraph once with its topics
    and voice, and a table of topics × accounts pointing at them (render/compare.py)."""
    meeting = graph.meetings[meeting_id]
    path = urls.meeting_path(meeting_id)
    links = Links(path)
    topic_ids = [t.id for t in graph.corpus.topics
                 if any(t.id in graph.readouts[r].topics for r in meeting.readout_ids)]
    compared = compare_accounts(graph, links, meeting, topic_ids,
                                [readout_link(graph, links, r) for r in meeting.readout_ids])
    names = [person_link(graph, links, p, meeting.date) for p in meeting.participants]
    title = " – ".join(n["name"] for n in names) or "Meeting"
    context = page_context(graph, path, f"{title}, {format_date(meeting.date) or 'undated'}", "meetings")
    context["meeting"] = {"id": meeting.id, "date": format_date(meeting.date), "place": meeting.place,
                          "format": FORMAT_LABELS.get(meeting.format or ""),
                          "kicker": FORMAT_KICKERS.get(meeting.format or "", "Meeting"),
                          "participants": names, **compared}
    return context


def index_context(graph: SiteGraph) -> dict[str, Any]:
    """index.html: the latest dated readouts, newest first; the undated ones as a group of their own
    (the first few, by id, and a link to all of them); the main topics with counts; readouts per year."""
    links = Links(urls.INDEX)
    config = graph.corpus.config
    # Undated readouts sort after every date in the chronology, but an unknown date is not the
    # latest: they get their own group, after the dated ones.
    dated = [r for r in graph.chronology if graph.readouts[r].date is not None]
    undated_ids = [r for r in graph.chronology if graph.readouts[r].date is None]
    latest = [readout_link(graph, links, r) for r in reversed(dated[-LATEST:])]
    main = [{"title": graph.topics[t].title, "description": graph.topics[t].description,
             "href": links.topic(t), "count": len(graph.readouts_by_topic.get(t, ()))}
            for t in config.main_topics if t in graph.topics]
    years = Counter(r.date.year for r in graph.readouts.values() if r.date)
    most = max(years.values(), default=1)
    context = page_context(graph, urls.INDEX, config.title, "home")
    context["latest"] = latest
    context["main_topics"] = main
    context["years"] = [{"year": y, "count": years[y], "percent": round(100 * years[y] / most)}
                        for y in sorted(years)]
    context["undated"] = len(undated_ids)
    context["undated_group"] = {
        "href": links.timeline_year(None), "count": len(undated_ids),
        "readouts": [readout_link(graph, links, r) for r in undated_ids[:LATEST]],
    } if undated_ids else None
    context["total"] = len(graph.readouts)
    return context


def topics_index_context(graph: SiteGraph) -> dict[str, Any]:
    links = Links(urls.TOPICS)
    context = page_context(graph, urls.TOPICS, "Topics", "topics")
    context["topics"] = [{"title": t.title, "description": t.description, "href": links.topic(t.id),
                          "main": t.main, "count": len(graph.readouts_by_topic.get(t.id, ()))}
                         for t in graph.corpus.topics]
    return context


def people_index_context(graph: SiteGraph) -> dict[str, Any]:
    links = Links(urls.PEOPLE)
    context = page_context(graph, urls.PEOPLE, "People", "people")
    # Someone no readout names has nothing to show yet, so the index leaves them out.
    people = sorted((p for p in graph.corpus.people if graph.readouts_by_person.get(p.id)),
                    key=lambda p: p.name.split()[-1])
    context["people"] = [{"name": p.name, "href": links.person(p.id), "role": _role_when_last_named(graph, p),
                          "count": len(graph.readouts_by_person[p.id])} for p in people]
    return context


def _role_when_last_named(graph: SiteGraph, person: Person) -> str | None:
    """The role held on the day of the person's latest dated readout: the index puts it beside
    the count of readouts, and a role taken up after them all ("Minister of Defense" beside
    Kono's 2018 meetings) would misdate them. None when no readout is dated or no role held then."""
    days = [d for r in graph.readouts_by_person[person.id] if (d := graph.readouts[r].date) is not None]
    return person.role_on(max(days)) if days else None


def _year_rows(listing: YearListing, href: Callable[[Year], str]) -> list[dict[str, Any]]:
    """A listing's counts by year as bars, each linking to its year's page."""
    most = max((n for _, n in listing.counts()), default=0) or 1
    return [{"label": year_label(year), "href": href(year), "count": n, "percent": round(100 * n / most)}
            for year, n in listing.counts()]


def _meeting_items(graph: SiteGraph, links: Links, meeting_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    items = []
    for meeting_id in meeting_ids:
        meeting = graph.meetings[meeting_id]
        items.append({"href": links.meeting(meeting.id), "date": format_date(meeting.date), "place": meeting.place,
                      "kind": FORMAT_KICKERS.get(meeting.format or ""),
                      "participants": [person_link(graph, links, p, meeting.date)["name"]
                                       for p in meeting.participants],
                      "accounts": len(meeting.readout_ids)})
    return items


def meetings_index_context(graph: SiteGraph, listing: YearListing) -> dict[str, Any]:
    """meetings.html, the overview: meetings counted by year with a link to each year's page, and
    every meeting, newest first, while there are few, else the latest."""
    links = Links(urls.MEETINGS)
    context = page_context(graph, urls.MEETINGS, "Meetings", "meetings")
    context["total"] = len(listing.ids)
    context["complete"] = listing.complete()
    context["years"] = _year_rows(listing, links.meetings_year)
    context["meetings"] = _meeting_items(graph, links, listing.shown())
    return context


def _site_year_page(graph: SiteGraph, listing: YearListing, year: Year, path: str, section: str, noun: str,
                    year_href: Callable[[Links], Callable[[Year], str]],
                    overview: str) -> tuple[dict[str, Any], Links, tuple[str, ...]]:
    """The frame of a year page of a site-wide list (the timeline, the meetings): its title and
    count, the way up to `overview` and to the other years. Returns it, its links and the year's ids."""
    links = Links(path)
    ids = listing.of(year)
    context = page_context(graph, path, f"{section}, {year if year is not None else 'undated'}", section.lower())
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": _summary([_count(len(ids), noun)], year)}
    context.update(_year_navigation(links, [y for y, _ in listing.years], year, year_href(links),
                                    [{"title": section, "href": links.to(overview)}]))
    return context, links, ids


def meetings_year_context(graph: SiteGraph, listing: YearListing, year: Year) -> dict[str, Any]:
    """meetings_year.html: the meetings of one year, oldest first."""
    context, links, ids = _site_year_page(graph, listing, year, urls.meetings_year_path(year), "Meetings", "meeting",
                                          lambda links: links.meetings_year, urls.MEETINGS)
    context["meetings"] = _meeting_items(graph, links, ids)
    return context


SIDE_LABELS = {"japan": "Japan", "russia": "Russia", "neutral": "Neutral", "other": "Other outlets"}


def glossary_context(graph: SiteGraph) -> dict[str, Any]:
    """glossary.html: each term's names on each side, and which publishers use which name."""
    context = page_context(graph, urls.GLOSSARY, "Glossary", "glossary")
    terms = []
    for term in sorted(graph.corpus.terms, key=lambda t: t.title.lower()):
        usage = graph.term_usage.get(term.id, {})
        sides = []
        for side, names in term.names.items():
            sides.append({"side": SIDE_LABELS.get(side, side.title()), "names": [
                {"name": name, "used_by": [{"publisher": publisher_name(graph, p), "count": n}
                                           for p, n in usage.get(name, {}).items()]}
                for name in names]})
        terms.append({"id": term.id, "title": term.title, "definition": term.definition, "sides": sides})
    context["terms"] = terms
    return context


def search_context(graph: SiteGraph) -> dict[str, Any]:
    """search.html: the form and an empty list that search.js fills, loading the index's files
    a query needs after the index's table of contents."""
    links = Links(urls.SEARCH)
    context = page_context(graph, urls.SEARCH, "Search", "search")
    context["page"]["scripts"] = [links.to(urls.SEARCH_INDEX), links.to(urls.SEARCH_SCRIPT)]
    context["count"] = len(graph.readouts)
    context["pagefind"] = graph.corpus.config.pagefind
    return context


CHART_HEIGHT = 160
CHART_BAR = 28
CHART_UNDATED_GAP = 16
"""Room on each side of the undated bar for its label, wider than a year's."""


def timeline_context(graph: SiteGraph, listing: YearListing) -> dict[str, Any]:
    """timeline.html: a chart of readouts by year and publisher whose bars lead to each year's
    page (the undated readouts a bar of their own, last), and every readout by year while there
    are few, else the years with their counts."""
    links = Links(urls.TIMELINE)
    context = page_context(graph, urls.TIMELINE, "Timeline", "timeline")
    complete = listing.complete()
    by_year = dict(listing.years)
    years = [y for y in by_year if y is not None]
    rows = {row["label"]: row for row in _year_rows(listing, links.timeline_year)}

    def entry(year: Year) -> dict[str, Any]:
        return {**rows[year_label(year)], "year": year, "anchor": f"y{year}" if year is not None else "undated",
                "readouts": [readout_link(graph, links, r) for r in by_year[year]] if complete else []}

    context["total"] = len(listing.ids)
    context["complete"] = complete
    context["years"] = [entry(y) for y in years]
    context["undated"] = entry(None) if None in by_year else None
    publishers = [p for p in PUBLISHERS if any(r.publisher == p for r in graph.readouts.values())]
    most = max((len(ids) for ids in by_year.values()), default=1)

    def bar(year: Year, x: int) -> dict[str, Any]:
        counts: Counter[str] = Counter(graph.readouts[r].publisher for r in by_year.get(year, ()))
        top = CHART_HEIGHT
        segments = []
        for publisher in publishers:
            height = round(CHART_HEIGHT * counts[publisher] / most) if counts[publisher] else 0
            if height:
                top -= height
                segments.append({"publisher": publisher, "y": top, "height": height, "count": counts[publisher]})
        return {"year": year, "label": year_label(year), "x": x,
                "href": links.timeline_year(year) if year in by_year else None,
                "total": sum(counts.values()), "segments": segments}

    step = CHART_BAR + 8
    bars = [bar(year, index * step) for index, year in enumerate(range(years[0], years[-1] + 1) if years else ())]
    width = max(1, len(bars)) * step
    if None in by_year:
        # Undated readouts count too: a bar of their own after the years, set apart by a gap
        # wide enough for its label, so it is not read as one more year.
        bars.append(bar(None, width + CHART_UNDATED_GAP if bars else CHART_UNDATED_GAP))
        width = bars[-1]["x"] + step + CHART_UNDATED_GAP
    context["chart"] = {"bars": bars, "height": CHART_HEIGHT, "bar": CHART_BAR, "width": width,
                        "undated": len(by_year[None]) if None in by_year else 0,
                        "legend": [{"publisher": p, "name": publisher_name(graph, p)} for p in publishers]}
    return context


def timeline_year_context(graph: SiteGraph, listing: YearListing, year: Year) -> dict[str, Any]:
    """timeline_year.html: the readouts of one year, oldest first."""
    context, links, ids = _site_year_page(graph, listing, year, urls.timeline_year_path(year), "Timeline", "readout",
                                          lambda links: links.timeline_year, urls.TIMELINE)
    context["readouts"] = [readout_link(graph, links, r) for r in ids]
    return context


def publishers_context(graph: SiteGraph, listings: dict[str, YearListing]) -> dict[str, Any]:
    """publishers.html: each publisher, its side, its readouts counted by year (each year leading
    to the timeline's page for it), and its readouts newest first while few, else the latest."""
    links = Links(urls.PUBLISHERS)
    context = page_context(graph, urls.PUBLISHERS, "Publishers", "publishers")
    groups = []
    for publisher, listing in listings.items():
        groups.append({"id": publisher, "name": publisher_name(graph, publisher),
                       "side": SIDE_LABELS.get(PUBLISHERS[publisher].side, ""), "count": len(listing.ids),
                       "years": [{"label": year_label(y), "href": links.timeline_year(y), "count": n}
                                 for y, n in listing.counts()],
                       "complete": listing.complete(),
                       "readouts": [readout_link(graph, links, r) for r in listing.shown()]})
    context["publishers"] = groups
    return context


def not_found_context(graph: SiteGraph) -> dict[str, Any]:
    """404.html: a host serves it in place of any missing page, at that page's address ("/topics/a/b/x"),
    where links relative to the site's root lead nowhere; with base_url they are absolute. Without it
    they work only where the host serves it from the root (docs/deploying.md)."""
    return page_context(graph, urls.NOT_FOUND, "Page not found", "", graph.corpus.config.base_url)
