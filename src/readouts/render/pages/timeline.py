"""The timeline: a chart of readouts by year and publisher, and a page per year.

The overview lists every readout while there are few, else the years with their counts; each
year's page lists that year's readouts, oldest first, and the undated ones have a page of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import listings, urls
from readouts.render.context import page_context, publisher_name, readout_link, site_year_page, year_rows
from readouts.render.depends import Dependencies, digest_of_fields
from readouts.render.listings import Year, YearListing, year_label
from readouts.render.pages.grouped import SiteYearPages
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site
from readouts.render.urls import Links

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
    rows = {row["label"]: row for row in year_rows(listing, links.timeline_year)}

    def entry(year: Year) -> dict[str, Any]:
        return {**rows[year_label(year)], "year": year, "anchor": f"y{year}" if year is not None else "undated",
                "readouts": [readout_link(graph, links, r) for r in by_year[year]] if complete else []}

    context["total"] = len(listing.ids)
    context["complete"] = complete
    context["years"] = [entry(y) for y in years]
    context["undated"] = entry(None) if None in by_year else None
    on_site = {graph.readouts[r].publisher for r in listing.ids}
    publishers = [p for p in PUBLISHERS if p in on_site]
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
    context, links, ids = site_year_page(graph, listing, year, urls.timeline_year_path(year), "Timeline", "readout",
                                          lambda links: links.timeline_year, urls.TIMELINE)
    context["readouts"] = [readout_link(graph, links, r) for r in ids]
    return context



def timeline_fingerprint(depends: Dependencies, listing: YearListing) -> str:
    """The overview: the chart's counts by year and publisher, and every readout's link while
    it lists them all."""
    counts = [(year, depends.publishers(ids)) for year, ids in listing.years]
    shown = [depends.link(r) for r in listing.ids] if listing.complete() else None
    return digest_of_fields((depends.common, counts, shown))


def timeline_year_fingerprint(depends: Dependencies, listing: YearListing, year: Year) -> str:
    """One year's readouts, and which years have a page (the links between years)."""
    return digest_of_fields((depends.common, year, [y for y, _ in listing.years],
                             list(map(depends.link_of, listing.of(year)))))


TIMELINE_PAGES = SiteYearPages("timeline", urls.TIMELINE, urls.timeline_year_path, timeline_context,
                               timeline_fingerprint, timeline_year_context, timeline_year_fingerprint)


def pages(site: Site) -> Iterator[Page]:
    return TIMELINE_PAGES.pages(site, listings.timeline_listing(site.graph))


KIND = PageKind("timeline", pages, NavEntry("timeline", "Timeline", urls.TIMELINE, 50))
