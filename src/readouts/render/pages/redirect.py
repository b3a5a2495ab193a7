"""Old addresses: a small page at each one a readout or meeting was published under and left
(SiteGraph.moved_readouts, .moved_meetings), sending the reader on to where it is now.

A static host answers no redirects of its own, so each old address is a page, as Hugo's
`aliases:` and mkdocs-redirects make them: a meta refresh, a canonical link to the new address,
noindex, and a visible link (redirect.html). A line of script takes the `#paragraph` of the old
link along (a meta refresh drops it); without scripts the refresh still leads to the page. Links
are relative, so the pages work from file:// as from a host; the canonical link is absolute when
base_url is set. The sitemap does not list them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import format_date
from readouts.render.depends import digest
from readouts.render.pages.kind import Page, PageKind, Site


@dataclass(frozen=True, slots=True)
class Redirect:
    """One old address and the page it leads to."""

    path: str
    """The old output path, e.g. readouts/undated-tass-talks.html."""
    target: str
    """The output path of the page it leads to."""
    title: str
    """The title of that page, for the link a reader sees."""


def redirects(graph: SiteGraph) -> Iterator[Redirect]:
    """Every old address of the site, readouts' then meetings', each by its old id."""
    for alias, readout_id in sorted(graph.moved_readouts.items()):
        yield Redirect(urls.readout_path(alias), urls.readout_path(readout_id), graph.readouts[readout_id].title)
    for old_id, meeting_id in sorted(graph.moved_meetings.items()):
        day = format_date(graph.meetings[meeting_id].date)
        yield Redirect(urls.meeting_path(old_id), urls.meeting_path(meeting_id),
                       f"Meeting of {day}" if day else "Undated meeting")


def redirect_context(graph: SiteGraph, redirect: Redirect) -> dict[str, Any]:
    """redirect.html: where the page went (relative, as every link), its canonical address, its title."""
    config = graph.corpus.config
    to = urls.relative(redirect.path, redirect.target)
    return {"site": {"language": config.language}, "title": redirect.title, "href": to,
            "canonical": f"{config.base_url}{redirect.target}" if config.base_url else to}


def pages(site: Site) -> Iterator[Page]:
    for redirect in redirects(site.graph):
        yield Page(redirect.path, "redirect.html", partial(redirect_context, site.graph, redirect),
                   digest((site.depends.common, redirect)), in_sitemap=False)


KIND = PageKind("redirect", pages)
