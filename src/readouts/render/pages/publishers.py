"""The publishers' page: each publisher, its side, its readouts counted by year and its latest."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from readouts.model import SiteGraph
from readouts.publishers import PUBLISHERS
from readouts.render import listings, urls
from readouts.render.context import SIDE_LABELS, page_context, publisher_name, readout_link
from readouts.render.depends import Dependencies, digest_of_fields
from readouts.render.listings import YearListing, year_label
from readouts.render.pages.kind import Page, PageKind, Site
from readouts.render.urls import Links


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



def publishers_fingerprint(depends: Dependencies, by_publisher: dict[str, YearListing]) -> str:
    """Each publisher's counts by year and the readouts it lists."""
    return digest_of_fields((depends.common, [(publisher, listing.counts(), listing.complete(),
                                               [depends.link(r) for r in listing.shown()])
                                              for publisher, listing in by_publisher.items()]))


def pages(site: Site) -> Iterator[Page]:
    """One page, listing only each publisher's latest: a new readout rewrites its entry there,
    not every readout's."""
    by_publisher = listings.publisher_listings(site.graph)
    yield Page(urls.PUBLISHERS, "publishers.html", partial(publishers_context, site.graph, by_publisher),
               publishers_fingerprint(site.depends, by_publisher))


KIND = PageKind("publishers", pages)
