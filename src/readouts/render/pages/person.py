"""People: the index of people, and each person's overview and year pages.

A person's pages list the meetings they attended, each with its accounts and the counterparts
there, and the readouts that only name them; their roles are shown as held on each day.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from readouts.model import Person, SiteGraph
from readouts.render import listings, urls
from readouts.render.context import (
    count_of,
    format_date,
    page_context,
    person_link,
    readout_link,
    summary_of,
    year_navigation,
)
from readouts.render.depends import Dependencies, digest_of_fields
from readouts.render.listings import Attendance, PersonListing, PersonYear, Year, year_label
from readouts.render.pages.grouped import YearSplitPages
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site
from readouts.render.urls import Links


def attended_rows(graph: SiteGraph, links: Links, person: Person,
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
    context["attended"] = attended_rows(graph, links, person,
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
    counted = [count_of(len(part.attended), "meeting") + " attended" if part.attended else "",
               "named in " + count_of(len(part.mentioned), "other readout" if part.attended else "readout")
               if part.mentioned else ""]
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": summary_of([c for c in counted if c], year)}
    context.update(year_navigation(
        links, [p.year for p in listing.years], year, lambda y: links.person_year(person.id, y),
        [{"title": "People", "href": links.to(urls.PEOPLE)}, {"title": person.name, "href": links.person(person.id)}]))
    context["attended"] = attended_rows(graph, links, person, part.attended)
    context["mentioned"] = [readout_link(graph, links, r) for r in part.mentioned]
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



def person_fingerprint(depends: Dependencies, listing: PersonListing) -> str:
    """The overview: counts by year, counterparts, and the entries it lists."""
    counts = [(part.year, len(part.attended), len(part.mentioned)) for part in listing.years]
    if listing.complete():
        shown = (depends.attended(listing.attended), [depends.link(r) for r in listing.mentioned])
    else:
        shown = (depends.attended(listing.latest_attended()), [depends.link(r) for r in listing.latest_mentioned()])
    return digest_of_fields((depends.common, listing.person_id, counts, listing.counterparts, shown))


def person_year_fingerprint(depends: Dependencies, listing: PersonListing, part: PersonYear) -> str:
    return digest_of_fields((depends.common, listing.person_id, part.year, [p.year for p in listing.years],
                             depends.attended(part.attended), [depends.link(r) for r in part.mentioned]))


def _year_members(part: PersonYear) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """The readouts a person's year page shows (every account of each meeting, and those naming
    them), and its meetings."""
    accounts = tuple(r for attendance in part.attended for r in attendance.readout_ids)
    return accounts + part.mentioned, tuple(attendance.meeting_id for attendance in part.attended)


PERSON_PAGES = YearSplitPages(
    "person", lambda graph, owner: graph.readouts_by_person.get(owner, ()),
    lambda graph, owner: listings.person_listing(graph, owner),  # the module's function as it is at each call
    urls.person_path, person_context, person_fingerprint, urls.person_year_path, person_year_context,
    person_year_fingerprint, _year_members)


def pages(site: Site) -> Iterator[Page]:
    yield Page(urls.PEOPLE, "people.html", lambda: people_index_context(site.graph), site.depends.listing(urls.PEOPLE))
    for person in site.graph.corpus.people:
        yield from PERSON_PAGES.pages(site, person.id)


KIND = PageKind("person", pages, NavEntry("people", "People", urls.PEOPLE, 40))
