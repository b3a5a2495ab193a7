"""SiteGraph → every file of the site, written under a given folder.

Pages are rendered in chronological, then id order, so two builds of the same content write
the same bytes.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from readouts import parallel
from readouts.cache import CACHE_DIR, FileMemo
from readouts.errors import ReadoutsError, naming
from readouts.model import SiteGraph
from readouts.parallel import map_in_workers
from readouts.render import context as ctx
from readouts.render import listings, urls
from readouts.render.depends import Dependencies, digest
from readouts.render.env import THEME, make_env
from readouts.render.exports import Fragments, export_files, write_export
from readouts.render.mentions import Linker
from readouts.render.search import (
    FieldCounts,
    count_words,
    previous_search_files,
    search_years,
    write_search_index,
    write_search_text,
    write_search_year,
)

Page = tuple[str, str, Callable[[], dict[str, Any]], str]
"""(output path, template name, context builder, fingerprint of what the page is made from)."""


OVERVIEW = "overview"
"""The part of a topic's or person's pages that is not a year's (GroupMemo)."""


@dataclass
class GroupMemo:
    """The pages of each topic and person as the last build made them, under the key of what
    they were made from (Dependencies.group_key).

    Listing a topic or a person and fingerprinting its pages reads every one of its readouts:
    for a site of 10,000 readouts that was most of the time of adding one. A topic or person
    whose key is unchanged has the same pages, so they are taken from here unlisted.
    """

    before: dict[Any, tuple[tuple[Any, ...], list[tuple[str, str, Any, str]]]]
    """(kind, id) → (key, [(path, template, part, fingerprint)]) of the last build; part is
    OVERVIEW or the year."""
    reusable: Callable[[str, str], bool]
    """Whether the last build's file at a path, with a fingerprint, can stay."""
    now: dict[Any, tuple[tuple[Any, ...], list[tuple[str, str, Any, str]]]] = field(default_factory=dict)

    def kept(self, group: tuple[str, str], key: tuple[Any, ...]) -> list[tuple[str, str, Any, str]] | None:
        """The group's pages when unchanged and still all in the site, else None."""
        entry = self.before.get(group)
        if entry is None or entry[0] != key or not all(self.reusable(p, f) for p, _, _, f in entry[1]):
            return None
        self.now[group] = entry
        return entry[1]


@dataclass(frozen=True, slots=True)
class _GroupPages:
    """How a topic's or a person's pages are made: the same shape, an overview and a page a year."""

    listing: Callable[[SiteGraph, str], Any]
    path: Callable[[str], str]
    template: str
    context: Callable[..., dict[str, Any]]
    fingerprint: Callable[[Dependencies, Any], str]
    year_path: Callable[[str, Any], str]
    year_template: str
    year_context: Callable[..., dict[str, Any]]
    year_fingerprint: Callable[[Dependencies, Any, Any], str]


def _group_pages_of(kind: str) -> _GroupPages:
    # Looked up at each call, not bound once: the listing functions are the module's as it is now.
    if kind == "topic":
        return _GroupPages(listings.topic_listing, urls.topic_path, "topic.html", ctx.topic_context,
                           Dependencies.topic, urls.topic_year_path, "topic_year.html", ctx.topic_year_context,
                           Dependencies.topic_year)
    return _GroupPages(listings.person_listing, urls.person_path, "person.html", ctx.person_context,
                       Dependencies.person, urls.person_year_path, "person_year.html", ctx.person_year_context,
                       Dependencies.person_year)


def _group_page(graph: SiteGraph, kind: str, owner: str, part: Any) -> dict[str, Any]:
    """The context of one kept page of a topic or person, listed anew (GroupMemo.kept)."""
    made = _group_pages_of(kind)
    listing = made.listing(graph, owner)
    return made.context(graph, listing) if part == OVERVIEW else made.year_context(graph, listing, part)


def _group_pages(graph: SiteGraph, depends: Dependencies, memo: GroupMemo, kind: str, owner: str,
                 members: tuple[str, ...]) -> Iterator[Page]:
    """A topic's or person's overview and year pages: from the memo when nothing they read
    changed, else listed and fingerprinted anew (and remembered)."""
    key = depends.group_key(members)
    kept = memo.kept((kind, owner), key)
    if kept is None:
        made = _group_pages_of(kind)
        listing = made.listing(graph, owner)
        pages_made: list[tuple[Page, Any]] = [
            ((made.path(owner), made.template, partial(made.context, graph, listing),
              made.fingerprint(depends, listing)), OVERVIEW)]
        pages_made.extend(((made.year_path(owner, part.year), made.year_template,
                            partial(made.year_context, graph, listing, part.year),
                            made.year_fingerprint(depends, listing, part)), part.year) for part in listing.years)
        memo.now[(kind, owner)] = (key, [(path, template, part, fingerprint)
                                         for (path, template, _, fingerprint), part in pages_made])
        for page, _ in pages_made:
            yield page
        return
    # Rendered only if its file went missing from the site after reusable() looked.
    for path, template, part, fingerprint in kept:
        yield path, template, partial(_group_page, graph, kind, owner, part), fingerprint


def pages(graph: SiteGraph, depends: Dependencies, memo: GroupMemo) -> Iterator[Page]:
    """Every HTML page of the site, with the template and context that make it."""
    for path, template, builder in (
        (urls.INDEX, "index.html", ctx.index_context),
        (urls.TOPICS, "topics.html", ctx.topics_index_context),
        (urls.PEOPLE, "people.html", ctx.people_index_context),
        (urls.NOT_FOUND, "404.html", ctx.not_found_context),
        (urls.GLOSSARY, "glossary.html", ctx.glossary_context),
        (urls.SEARCH, "search.html", ctx.search_context),
    ):
        yield path, template, partial(builder, graph), depends.listing(path)
    # The timeline and the meetings are split by year like a topic (listings.py), and the
    # publishers' page lists only each publisher's latest: a new readout rewrites its year's pages
    # and the overviews, not every readout's entry on the site.
    timeline = listings.timeline_listing(graph)
    yield urls.TIMELINE, "timeline.html", partial(ctx.timeline_context, graph, timeline), depends.timeline(timeline)
    for year, _ in timeline.years:
        yield (urls.timeline_year_path(year), "timeline_year.html",
               partial(ctx.timeline_year_context, graph, timeline, year), depends.timeline_year(timeline, year))
    meetings = listings.meetings_listing(graph)
    yield (urls.MEETINGS, "meetings.html", partial(ctx.meetings_index_context, graph, meetings),
           depends.meetings(meetings))
    for year, _ in meetings.years:
        yield (urls.meetings_year_path(year), "meetings_year.html",
               partial(ctx.meetings_year_context, graph, meetings, year), depends.meetings_year(meetings, year))
    publishers = listings.publisher_listings(graph)
    yield (urls.PUBLISHERS, "publishers.html", partial(ctx.publishers_context, graph, publishers),
           depends.publishers(publishers))
    linker = Linker(graph)
    for readout_id in graph.chronology:
        yield (urls.readout_path(readout_id), "readout.html", partial(ctx.readout_context, graph, readout_id, linker),
               depends.readout(readout_id))
    # A topic's and a person's entries are split by year (listings.py): an overview page and a
    # page per year, each with its own fingerprint, so a new readout rewrites its year's page and
    # the overview but no other year's.
    for topic in graph.corpus.topics:
        yield from _group_pages(graph, depends, memo, "topic", topic.id, graph.readouts_by_topic.get(topic.id, ()))
    for person in graph.corpus.people:
        yield from _group_pages(graph, depends, memo, "person", person.id,
                                graph.readouts_by_person.get(person.id, ()))
    for meeting_id in sorted(graph.meetings):
        yield (urls.meeting_path(meeting_id), "meeting.html", partial(ctx.meeting_context, graph, meeting_id),
               depends.meeting(meeting_id))


@dataclass
class WriteReport:
    manifest: dict[str, str] = field(default_factory=dict)
    """Output path → fingerprint, for the next build."""
    written: int = 0
    unchanged: int = 0


def write_site(graph: SiteGraph, root: Path, out: Path, previous: Path | None = None,
               manifest: dict[str, str] | None = None, progress: Progress | None = None,
               fragments: dict[str, bytes] | None = None,
               search_counts: dict[str, bytes] | None = None, *, link_unchanged: bool = True,
               groups: dict[Any, Any] | None = None, previous_whole: bool = False,
               file_memo: FileMemo | None = None) -> WriteReport:
    """Write the files of the site into `out`. A file whose fingerprint equals the one in
    `manifest` is not made again: it is linked from the `previous` site into `out`, or, without
    `link_unchanged`, left where it is for the build to patch the previous site with what `out`
    holds (publish.patch). `fragments` keeps the pieces of the export files
    (exports.write_exports) between builds, `search_counts` each readout's word counts for
    the search index, and `groups` the pages of each topic and person (GroupMemo); the last two
    are updated in place. `previous_whole` says the previous site holds every file `manifest`
    names (nothing was removed from it since): then they are not looked at one by one.
    `file_memo` knows the digests of raw sources the import step took."""
    file_memo = file_memo or FileMemo()
    depends = Dependencies(graph, root)
    old = manifest or {}
    report = WriteReport()

    # Plain strings, not Paths: this runs for every file of the site on every build.
    previous_dir = os.fspath(previous) if previous is not None else None
    out_dir = os.fspath(out)
    made_dirs: set[str] = set()

    def reusable(path: str, fingerprint: str) -> bool:
        return (previous_dir is not None and old.get(path) == fingerprint
                and (previous_whole or os.path.isfile(os.path.join(previous_dir, path))))

    def keep(path: str, fingerprint: str) -> bool:
        """Reuse the previous build's file when nothing it was made from changed."""
        report.manifest[path] = fingerprint
        if not reusable(path, fingerprint):
            return False
        if not link_unchanged:
            report.unchanged += 1
            return True
        assert previous_dir is not None
        source, target = os.path.join(previous_dir, path), os.path.join(out_dir, path)
        folder = os.path.dirname(target)
        if folder not in made_dirs:
            os.makedirs(folder, exist_ok=True)
            made_dirs.add(folder)
        try:
            try:
                os.link(source, target)
            except OSError:
                with naming(target):
                    shutil.copyfile(source, target)
        except FileNotFoundError:
            return False  # gone from the previous site after all (previous_whole): made again
        report.unchanged += 1
        return True

    memo = GroupMemo(groups if groups is not None and previous_dir is not None else {}, reusable)
    site_pages = list(pages(graph, depends, memo))
    if groups is not None:
        groups.clear()
        groups.update(memo.now)
    _refuse_shared_paths(site_pages)
    to_render = [(path, template, build) for path, template, build, fingerprint in site_pages
                 if not keep(path, fingerprint)]
    # Counted before the pages start rendering: counting runs on every core itself.
    counts_of = _kept_counts(graph, depends.common, search_counts if search_counts is not None else {})
    # Everything but the pages (static files, sources, the search index, the exports) is
    # written while the pages render: on a large site, in other processes.
    with pages_rendering(to_render, root, out, progress) as pages_written:
        for path, source in _static_files(root):
            if not keep(path, digest((depends.static, path))):
                _copy(source, out / path)
                report.written += 1
        content = root / "content"
        for readout in graph.readouts.values():
            # The raw source and the Markdown sit beside the page: provenance a reader can check.
            if readout.source:
                source = content / readout.source.file
                path = urls.source_path(readout.source.file)
                made_from = None if path in report.manifest else _source_made_from(path, source, file_memo)
                # Two readouts made from one source: it is there already.
                if made_from is not None and not keep(path, made_from):
                    _copy(source, out / path)
                    report.written += 1
            path = urls.readout_markdown_path(readout.id)
            if not keep(path, digest((path, readout.digest))):
                _copy(Path(readout.path.path), out / path)
                report.written += 1
        # The search index: a year's files are made from that year's readouts alone and a readout's
        # text from itself, so a new readout rewrites its year's files, its text and the index's list.
        previous_search = previous_search_files(old)
        years = search_years(graph)
        year_files: dict[str, list[str]] = {}
        for year, readout_ids in years.items():
            made_from = digest((depends.common, year, [(r, graph.readouts[r].digest) for r in readout_ids]))
            files = [path for path in previous_search.get(year, ()) if old[path] == made_from]
            if files and all(reusable(path, made_from) for path in files):
                for path in files:
                    keep(path, made_from)
            else:
                files = write_search_year(graph, out, year, readout_ids, counts_of)
                report.manifest.update(dict.fromkeys(files, made_from))
                report.written += len(files)
            year_files[year] = sorted(files)
            for readout_id in readout_ids:
                path = urls.search_text_path(readout_id)
                if not keep(path, digest((path, graph.readouts[readout_id].digest))):
                    write_search_text(graph, out, readout_id)
                    report.written += 1
        # index.js holds the filters' values and the glossary's and people's names too: the registries.
        if not keep(urls.SEARCH_INDEX, digest([depends.common] + [(year, len(ids), year_files[year])
                                                                  for year, ids in years.items()])):
            write_search_index(graph, out, year_files)
            report.written += 1
        # The exports: each file has a fingerprint of exactly what it is made from (exports.py), so a
        # new readout rewrites its year's data file and sitemap part, the indexes that count them,
        # the CSV, the calendar and the feeds it enters, and keeps every other year's files. The
        # sitemap lists the site's own static pages too.
        pieces = Fragments(fragments)
        for export in export_files(graph, list(report.manifest), pieces):
            if not keep(export.path, export.fingerprint):
                write_export(out, export)
                report.written += 1
        pieces.forget_unused()
        report.written += pages_written()
    return report


def _source_made_from(path: str, source: Path, file_memo: FileMemo) -> str | None:
    """The fingerprint of a raw source's copy, None when the source cannot be read.

    By its digest, which the import step has just taken (FileMemo keeps it while the file's
    size and times are unchanged): an imported site has a source per readout, and each build
    read them all again to hash them."""
    try:
        return digest((path, file_memo.sha256(source)))
    except OSError:
        return None


def _kept_counts(graph: SiteGraph, common: str, kept: dict[str, bytes]) -> Callable[[str], FieldCounts]:
    """Readout id → its word counts for the search index, from `kept` (by readout and settings)
    where an earlier build made them, else counted now — on every core when many are new (a cold
    build). Kept marshalled: only the years being written are ever unpacked. Counts of readouts
    gone from the site are dropped."""
    live = {f"{common}:{r.digest}" for r in graph.readouts.values() if r.digest}
    for key in set(kept) - live:
        del kept[key]
    new = [r for r in graph.chronology
           if graph.readouts[r].digest and f"{common}:{graph.readouts[r].digest}" not in kept]
    packed = map_in_workers(lambda readout_id: marshal.dumps(count_words(graph, readout_id)), new)
    for readout_id, counts in zip(new, packed, strict=True):
        kept[f"{common}:{graph.readouts[readout_id].digest}"] = counts

    def counts_of(readout_id: str) -> FieldCounts:
        digest = graph.readouts[readout_id].digest
        if not digest:  # a readout made in memory: nothing to keep its counts by
            return count_words(graph, readout_id)
        counts: FieldCounts = marshal.loads(kept[f"{common}:{digest}"])
        return counts

    return counts_of


Progress = Callable[[int, int], None]
"""Told (pages rendered so far, pages to render) as rendering goes."""

PARALLEL_FROM = 400
"""Fewer pages than this render in this process: starting workers would cost more than it saves."""

_WORK: list[tuple[str, str, Callable[[], dict[str, Any]]]] = []
"""The pages the worker processes render, set before they are forked so they inherit it."""


@contextlib.contextmanager
def pages_rendering(work: list[tuple[str, str, Callable[[], dict[str, Any]]]], root: Path, out: Path,
                    progress: Progress | None = None) -> Iterator[Callable[[], int]]:
    """Render and write pages. Gives a function that waits for them and returns how many were
    written; the caller writes other files meanwhile.

    Many pages render in worker processes, one per core, which start at once: the build's
    other files (search index, exports, copies) are written in this process while they run,
    instead of after them with every core but one idle. A few pages render in this process when
    the function is called."""
    workers = parallel.workers()
    if len(work) < PARALLEL_FROM or not parallel.can_fork():
        yield partial(_render_here, work, root, out, progress)
        return
    global _WORK
    _WORK = work
    try:
        # Forked workers inherit the graph and the page list without pickling either; each
        # renders every n-th page, so the share of long and short pages evens out.
        done = 0

        def told(count: int) -> None:
            nonlocal done
            done += count
            if progress:
                progress(done, len(work))

        with parallel.forked(partial(_render_share, root, out), workers, on_share=told) as wait:
            yield lambda: sum(wait())
    finally:
        _WORK = []


def _render_here(work: list[tuple[str, str, Callable[[], dict[str, Any]]]], root: Path, out: Path,
                 progress: Progress | None) -> int:
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    for done, (path, template, build) in enumerate(work, start=1):
        _write_page(env, out, path, template, build)
        if progress and done % 50 == 0:
            progress(done, len(work))
    return len(work)


def _render_share(root: Path, out: Path, start: int, step: int) -> int:
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    share = _WORK[start::step]
    for path, template, build in share:
        _write_page(env, out, path, template, build)
    return len(share)


def _write_page(env: jinja2.Environment, out: Path, path: str, template: str,
                build: Callable[[], dict[str, Any]]) -> None:
    html = render_page(env, template, build())
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with naming(target):
        target.write_text(html, encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with naming(target):
        shutil.copyfile(source, target)


def render_page(env: jinja2.Environment, template_name: str, context: dict[str, Any]) -> str:
    """Render one page; a template's mistake becomes an error naming the template and line."""
    try:
        return env.get_template(template_name).render(context)
    except jinja2.TemplateSyntaxError as error:
        raise ReadoutsError(f"template syntax: {error.message}", error.filename or template_name,
                            error.lineno) from None
    except jinja2.TemplateError as error:
        filename, line = _template_frame(error)
        raise ReadoutsError(f"template error: {error}", filename or template_name, line,
                            hint="docs/templates.md lists what each page's template is given") from None


def _template_frame(error: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in a Jinja traceback."""
    found: tuple[str | None, int | None] = (None, None)
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def _refuse_shared_paths(site_pages: list[Page]) -> None:
    """Two pages at one path would overwrite each other, and one may be a link into the live
    site: ids are checked when loaded, this is the last guard."""
    seen: dict[str, str] = {}
    for path, template, _, _ in site_pages:
        if path in seen:
            raise ReadoutsError(f"two pages would be written to {path} ({seen[path]} and {template})",
                                hint="give the topic, person or meeting another id")
        seen[path] = template


def _static_files(root: Path) -> list[tuple[str, Path]]:
    """(output path, file) for the theme's static files, then the site's own static/ over them."""
    files: dict[str, Path] = {}
    for folder in (THEME / "static", root / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    return sorted(files.items())
