"""What the contexts of every page kind share: the frame of a page, links to readouts and
people, dates and labels as the site prints them.

The context is the templates' API (docs/templates.md): sorting, grouping, choosing labels and
computing every link happen in the context builders (render/pages/, one module per kind), so
templates only loop, test and print.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from readouts.model import Readout, SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import urls
from readouts.render.listings import Year, YearListing, year_label
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


@functools.lru_cache(maxsize=4096)
def format_date(day: dt.date | None) -> str | None:
    """25 September 2019: day first, month in words, never ambiguous. Kept by day: a build
    prints the same few thousand days a hundred thousand times."""
    return f"{day.day} {day:%B %Y}" if day else None


def format_printed_day(readout: Readout) -> str | None:
    """What a text prints of its date when it prints no year: "26 September, year not printed",
    its dateline's day, or else its meeting's. None once a person has given the published date,
    or when the text printed nothing."""
    printed = readout.imported.day_without_year if readout.imported else None
    if readout.published is not None:
        return None
    return format_month_day(printed)


def format_month_day(printed: tuple[int, int] | None) -> str | None:
    """(9, 26) → "26 September, year not printed"."""
    if printed is None:
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
    """What base.html needs on every page; with `base` its links are absolute (see Links).
    The navigation bar lists the page kinds that have a place in it (pages.navigation)."""
    from readouts.render.pages import navigation  # the kinds' modules build on this one

    links = Links(path, base)
    config = graph.corpus.config
    return {
        "site": {"title": config.title, "description": config.description, "language": config.language},
        "page": {"title": title, "path": path, "stylesheet": links.to(urls.STYLESHEET), "icon": links.to(urls.ICON),
                 "home": links.to(urls.INDEX), "search": links.to(urls.SEARCH),
                 "publishers": links.to(urls.PUBLISHERS), "scripts": [], "meta": [],
                 "feed": links.to(urls.FEED), "data": links.to(urls.READOUTS_JSON),
                 "canonical": _canonical(path, config.base_url)},
        "nav": [{"title": entry.title, "href": links.to(entry.path), "current": entry.key == section}
                for entry in navigation()],
    }


def _canonical(path: str, base_url: str | None) -> str | None:
    """The page's own address, which the pages at its old addresses name too (pages/redirect.py):
    absolute with base_url, else the page's file name. None for the 404 page, shown at any address."""
    if path == urls.NOT_FOUND:
        return None
    return f"{base_url}{path}" if base_url else path.rsplit("/", 1)[-1]


def readout_link(graph: SiteGraph, links: Links, readout_id: str) -> dict[str, Any]:
    readout = graph.readouts[readout_id]
    return {"id": readout.id, "title": readout.title, "href": links.readout(readout.id),
            "date": format_date(readout.date), "date_iso": readout.date.isoformat() if readout.date else None,
            "printed": format_printed_day(readout) if readout.date is None else None,
            "publisher": credited_to(graph, readout), "kind": KIND_LABELS[readout.kind]}


def preview_link(graph: SiteGraph, links: Links, readout_id: str) -> dict[str, Any]:
    """A preview as a link, dated by the day it was published: the meeting's day is the page's."""
    published = graph.readouts[readout_id].published
    return {**readout_link(graph, links, readout_id), "date": format_date(published),
            "date_iso": published.isoformat() if published else None}


def person_link(graph: SiteGraph, links: Links, person_id: str, day: dt.date | None) -> dict[str, Any]:
    person = graph.people.get(person_id)
    if person is None:
        # A participant people.yaml does not know still shows, by id, without a link.
        return {"name": graph.person_name(person_id), "href": None, "role": None}
    return {"name": person.name, "href": links.person(person_id), "role": person.role_on(day)}


def topic_links(graph: SiteGraph, links: Links, topic_ids: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"id": t, "title": graph.topics[t].title, "href": links.topic(t), "main": graph.topics[t].main}
            for t in topic_ids if t in graph.topics]


def span_of(years: list[int]) -> str | None:
    """2017–2019, or 2019 for one year."""
    if not years:
        return None
    return f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])


def count_of(n: int, noun: str) -> str:
    """3 readouts, 1 meeting; "" for none."""
    return f"{n} {noun}{'' if n == 1 else 's'}" if n else ""


def summary_of(parts: list[str], year: Year) -> str:
    """What a year page holds, in a sentence: "4 readouts and 2 meetings in 2019"."""
    text = " and ".join(parts)
    text = text[0].upper() + text[1:] if text else "Nothing"
    return f"{text} in {year}" if year is not None else text


def year_navigation(links: Links, years: list[Year], current: Year, href: Callable[[Year], str],
                     crumbs: list[dict[str, Any]]) -> dict[str, Any]:
    """What a year page needs to move about: the way up (crumbs), every year, the year before and after."""
    at = years.index(current)

    def neighbour(year: Year) -> dict[str, Any]:
        return {"label": year_label(year), "href": href(year)}

    return {"crumbs": crumbs,
            "years": [{"label": year_label(y), "href": href(y), "current": y == current} for y in years],
            "previous": neighbour(years[at - 1]) if at > 0 else None,
            "next": neighbour(years[at + 1]) if at + 1 < len(years) else None}


def year_rows(listing: YearListing, href: Callable[[Year], str]) -> list[dict[str, Any]]:
    """A listing's counts by year as bars, each linking to its year's page."""
    most = max((n for _, n in listing.counts()), default=0) or 1
    return [{"label": year_label(year), "href": href(year), "count": n, "percent": round(100 * n / most)}
            for year, n in listing.counts()]


def site_year_page(graph: SiteGraph, listing: YearListing, year: Year, path: str, section: str, noun: str,
                    year_href: Callable[[Links], Callable[[Year], str]],
                    overview: str) -> tuple[dict[str, Any], Links, tuple[str, ...]]:
    """The frame of a year page of a site-wide list (the timeline, the meetings): its title and
    count, the way up to `overview` and to the other years. Returns it, its links and the year's ids."""
    links = Links(path)
    ids = listing.of(year)
    context = page_context(graph, path, f"{section}, {year if year is not None else 'undated'}", section.lower())
    context["year"] = {"label": year_label(year), "dated": year is not None,
                       "summary": summary_of([count_of(len(ids), noun)], year)}
    context.update(year_navigation(links, [y for y, _ in listing.years], year, year_href(links),
                                    [{"title": section, "href": links.to(overview)}]))
    return context, links, ids


SIDE_LABELS = {"japan": "Japan", "russia": "Russia", "neutral": "Neutral", "other": "Other outlets"}


