"""What a page kind is: the pages it adds to the site, each with what makes it and what it is made of.

Every HTML page of the site belongs to one kind (a readout, a meeting, a topic, the timeline, …),
and each kind is one module of this package with a `KIND`. A kind plans its pages from the
linked graph; the write stage renders the ones whose fingerprint changed and keeps the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from readouts.model import SiteGraph
    from readouts.render.depends import Dependencies
    from readouts.render.mentions import Linker
    from readouts.render.pages.grouped import GroupMemo
    from readouts.render.pages.unchanged import UnchangedPages

SITE_PART: Literal["site"] = "site"
"""The year of a page that belongs to no year (an overview, an index): the sitemap lists it in
the site's own part."""


@dataclass(frozen=True, slots=True)
class Page:
    path: str
    """Where the page is written, relative to the site's root."""
    template: str
    context: Callable[[], dict[str, Any]]
    """Builds what the template renders; called only when the page is made again."""
    fingerprint: str
    """Everything the context reads, as a digest: equal fingerprints, equal pages."""
    year: int | Literal["site"] | None = SITE_PART
    """The year whose part of the sitemap lists the page (None: the undated readouts')."""
    in_sitemap: bool = True
    """False for a page search engines should not list (a redirect from an old address)."""


@dataclass(frozen=True, slots=True)
class NavEntry:
    """A kind's link in the navigation bar of every page."""

    key: str
    """The section a page names as its own (page_context's `section`) to mark the link current."""
    title: str
    path: str
    order: int
    """Place in the bar, smallest first."""


@dataclass
class Site:
    """What kinds plan their pages from: the graph, its fingerprints, and the last build's
    pages of each topic and person (GroupMemo), and of each readout and meeting whose inputs did
    not change (UnchangedPages; None plans every page)."""

    graph: SiteGraph
    depends: Dependencies
    memo: GroupMemo
    unchanged: UnchangedPages | None = None
    _linker: Linker | None = field(default=None, repr=False)

    @property
    def linker(self) -> Linker:
        """One name linker for every readout page (building it scans every name and term once)."""
        if self._linker is None:
            from readouts.render.mentions import Linker

            self._linker = Linker(self.graph)
        return self._linker


@dataclass(frozen=True, slots=True)
class PageKind:
    name: str
    pages: Callable[[Site], Iterator[Page]]
    """The kind's pages, in a stable order."""
    nav: NavEntry | None = None
    page_at: Callable[[Site, str], Page | None] | None = None
    """The kind's page at an output path, planned alone (None: not one of its pages), for a kind
    whose page is found by its path without planning the others: the page a person waits for
    is then made before the rest of the site is planned."""
