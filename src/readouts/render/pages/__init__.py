"""Every kind of page the site has, one module each; KINDS is the registry.

A kind (pages/kind.py) plans its pages from the linked graph, each with its template, the
context builder that feeds it and the fingerprint of what that context reads; the write stage
renders the pages whose fingerprint changed. The navigation bar and the sitemap's parts are
derived from the kinds. A new kind of page is a module here with a `KIND`, its templates, and
its entry in KINDS.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from readouts.model import SiteGraph
from readouts.render.depends import Dependencies
from readouts.render.listings import Year
from readouts.render.pages import (
    glossary,
    home,
    meeting,
    not_found,
    person,
    publishers,
    readout,
    search,
    timeline,
    topic,
)
from readouts.render.pages.grouped import GroupMemo
from readouts.render.pages.kind import SITE_PART, NavEntry, Page, PageKind, Site

KINDS: list[PageKind] = [home.KIND, topic.KIND, person.KIND, not_found.KIND, glossary.KIND, search.KIND,
                         timeline.KIND, meeting.KIND, publishers.KIND, readout.KIND]
"""In the order their pages are planned (their order in the site's files does not matter)."""


def site_pages(site: Site) -> Iterator[Page]:
    """Every HTML page of the site, kind by kind."""
    for kind in KINDS:
        yield from kind.pages(site)


def page_years(graph: SiteGraph) -> dict[str, Year]:
    """Each page that belongs to a year → the year (the sitemap's parts), for a graph outside a
    build: the pages are planned as a build plans them, with nothing kept from a last one."""
    site = Site(graph, Dependencies(graph, Path(".")), GroupMemo({}, lambda path, fingerprint: False))
    return {page.path: page.year for page in site_pages(site) if page.year != SITE_PART}


def navigation() -> list[NavEntry]:
    """The navigation bar: the kinds that have a place there, in their order."""
    return sorted((kind.nav for kind in KINDS if kind.nav is not None), key=lambda entry: entry.order)


__all__ = ["KINDS", "NavEntry", "Page", "PageKind", "Site", "navigation", "page_years", "site_pages"]
