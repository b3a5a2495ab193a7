"""The page a host serves for an address the site does not have."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import page_context
from readouts.render.pages.kind import Page, PageKind, Site


def not_found_context(graph: SiteGraph) -> dict[str, Any]:
    """404.html: a host serves it in place of any missing page, at that page's address ("/topics/a/b/x"),
    where links relative to the site's root lead nowhere; with base_url they are absolute. Without it
    they work only where the host serves it from the root (docs/deploying.md)."""
    return page_context(graph, urls.NOT_FOUND, "Page not found", "", graph.corpus.config.base_url)



def pages(site: Site) -> Iterator[Page]:
    yield Page(urls.NOT_FOUND, "404.html", lambda: not_found_context(site.graph), site.depends.listing(urls.NOT_FOUND))


KIND = PageKind("not-found", pages)
