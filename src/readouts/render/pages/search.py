"""The search page: the form and an empty list that search.js fills from the index's files
(render/search.py writes them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import page_context
from readouts.render.pages.kind import Page, PageKind, Site
from readouts.render.urls import Links


def search_context(graph: SiteGraph) -> dict[str, Any]:
    """search.html: the form and an empty list that search.js fills, loading the index's files
    a query needs after the index's table of contents."""
    links = Links(urls.SEARCH)
    context = page_context(graph, urls.SEARCH, "Search", "search")
    context["page"]["scripts"] = [links.to(urls.SEARCH_INDEX), links.to(urls.SEARCH_SCRIPT)]
    context["count"] = len(graph.readouts)
    context["pagefind"] = graph.corpus.config.pagefind
    return context



def pages(site: Site) -> Iterator[Page]:
    yield Page(urls.SEARCH, "search.html", lambda: search_context(site.graph), site.depends.listing(urls.SEARCH))


KIND = PageKind("search", pages)
