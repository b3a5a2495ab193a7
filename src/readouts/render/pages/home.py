"""The home page: the latest dated readouts, the undated as a group of their own, the main
topics with their counts, and readouts per year."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import LATEST, page_context, readout_link
from readouts.render.pages.kind import NavEntry, Page, PageKind, Site
from readouts.render.urls import Links


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



def pages(site: Site) -> Iterator[Page]:
    yield Page(urls.INDEX, "index.html", lambda: index_context(site.graph), site.depends.listing(urls.INDEX))


KIND = PageKind("home", pages, NavEntry("home", "Home", urls.INDEX, 10))
