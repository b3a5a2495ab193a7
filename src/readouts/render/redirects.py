"""SiteGraph.moved_readouts and .moved_meetings → a small page at each old address that sends
the reader on to the new one.

A static host answers no redirects of its own, so each old address is a page, as Hugo's
`aliases:` and mkdocs-redirects make them: a meta refresh, a canonical link to the new address,
noindex, and a visible link. A line of script goes first and takes the `#paragraph` of the old
link along (a meta refresh drops it); without scripts the refresh still leads to the page. Links
are relative, so the pages work from file:// as from a host; the canonical link is absolute when
base_url is set. The sitemap does not list them: they are written after it is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path

from readouts.errors import naming
from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.context import format_date
from readouts.render.depends import digest


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


def redirect_html(graph: SiteGraph, redirect: Redirect) -> str:
    """The page at an old address."""
    config = graph.corpus.config
    to = urls.relative(redirect.path, redirect.target)
    canonical = f"{config.base_url}{redirect.target}" if config.base_url else to
    title = escape(redirect.title)
    # "</" cannot end the script early: ids and paths hold neither "<" nor quotes, and json escapes the rest.
    script = json.dumps(to).replace("</", "<\\/")
    return (f'<!DOCTYPE html>\n<html lang="{escape(config.language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>Moved: {title}</title>\n"
            '<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{escape(canonical)}">\n'
            f"<script>location.replace({script} + location.hash)</script>\n"
            f'<meta http-equiv="refresh" content="0; url={escape(to)}">\n'
            "</head>\n<body>\n"
            f'<p>This page has moved: <a href="{escape(to)}">{title}</a></p>\n'
            "</body>\n</html>\n")


def write_redirects(graph: SiteGraph, out: Path, keep: Callable[[str, str], bool]) -> int:
    """Write the page at every old address that `keep` (the build's reuse of an unchanged file)
    does not keep; returns how many were written."""
    written = 0
    for redirect in redirects(graph):
        made_from = digest(("redirect", redirect.path, redirect.target, redirect.title,
                            graph.corpus.config.base_url, graph.corpus.config.language))
        if keep(redirect.path, made_from):
            continue
        target = out / redirect.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with naming(target):
            target.write_text(redirect_html(graph, redirect), encoding="utf-8")
        written += 1
    return written
