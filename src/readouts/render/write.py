"""SiteGraph → every file of the site, written under a given folder.

Pages are rendered in chronological, then id order, so two builds of the same content write
the same bytes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from readouts import collector, parallel
from readouts.cache import CACHE_DIR
from readouts.errors import ReadoutsError, Superseded
from readouts.file_memo import FileMemo
from readouts.link.changes import GraphChanges, graph_state
from readouts.model import SiteGraph
from readouts.render import urls
from readouts.render.depends import Dependencies, digest, made_from_readout
from readouts.render.env import THEME, make_env
from readouts.render.exports import Fragments, export_files
from readouts.render.exports.records import PublishedRecords
from readouts.render.output import NO_PREVIOUS_BUILD, OutputFile, Outputs, PreviousBuild, write_new_file
from readouts.render.pages import KINDS, Page, Site, site_pages
from readouts.render.pages.grouped import GroupMemo
from readouts.render.pages.kind import SITE_PART
from readouts.render.pages.unchanged import PlannedFrom, unchanged_pages
from readouts.render.search import SearchCounts
from readouts.render.search_files import kept_counts, own_counts, search_outputs
from readouts.render.shares import worker_shares


@dataclass(frozen=True, slots=True)
class WriteReport:
    manifest: dict[str, str]
    """Output path → fingerprint, for the next build."""
    written: int
    unchanged: int
    groups: dict[Any, Any]
    """Each topic's and person's pages under their group key, for the next build."""
    fragments: dict[str, bytes]
    records: dict[str, Any]
    """Where the readouts' records lie in the year files written (exports.records.YEAR_RECORDS)."""
    search_counts: SearchCounts
    fingerprints: dict[Any, str]
    changed: list[str]
    """The paths where `manifest` differs from the previous build's (Outputs.changed)."""
    planned: PlannedFrom | None = None
    """What the readout and meeting pages were planned from, its token left for the caller to
    name (None for a graph with a readout made in memory)."""


@dataclass(frozen=True, slots=True)
class FirstPages:
    """Pages a person is waiting for — open in a browser, or the page of the readout just saved
    — rendered before every other file, and each handed to `put` as soon as it is made."""

    paths: frozenset[str]
    put: Callable[[str, str], None]
    """Told (output path, HTML) of each first page."""
    done: Callable[[tuple[str, ...]], None]
    """Told the paths of the first pages once all are put, if any was."""


FIRST_PAGES_AT_MOST = 8
"""More changed pages than this are a large change: they go with the rest, in order."""


def write_site(graph: SiteGraph, root: Path, out: Path, previous: PreviousBuild = NO_PREVIOUS_BUILD,
               progress: Progress | None = None, file_memo: FileMemo | None = None,
               first: FirstPages | None = None, superseded: Callable[[], bool] | None = None) -> WriteReport:
    """Write the files of the site into `out`: plan the pages, keep those `previous` made from
    the same inputs and render the others, then keep or make every other file the same way.
    `file_memo` knows the digests of raw sources the import step took; the `first` pages are
    rendered before all else. Once they are in place, `superseded` is asked now and then
    whether a newer change has come, and if so the rest is left (errors.Superseded)."""
    stop_if = _stopper(superseded)
    outputs = Outputs(previous, out)
    depends = Dependencies(graph, root, previous.fingerprints)
    memo = GroupMemo(dict(previous.groups) if previous.site is not None else {}, outputs.reusable)
    state = graph_state(graph)
    unchanged = unchanged_pages(previous.planned_from, depends.common, state, outputs.previous.manifest)
    site = Site(graph, depends, memo, unchanged)
    # The pages a person waits for that are found by their path are made before the rest of the
    # site is planned (planning every page of a large site takes most of a rebuild's first second)
    early = _render_first(site, first, outputs, root, out) if first is not None else {}
    planned = _planned(site, stop_if)
    collector.kept_to_the_end()
    _refuse_shared_paths(planned)
    to_render = [(page.path, page.template, page.context) for page in planned
                 if not outputs.keep(page.path, page.fingerprint) and early.get(page.path) != page.fingerprint]
    if first is not None:
        # the others (a topic's page, the home page) once every page is planned
        later = _render_first_planned(to_render, first, frozenset(early), root, out)
        to_render = [work for work in to_render if work[0] not in later]
        early.update(dict.fromkeys(later, ""))
    # Counted before the pages start rendering: counting runs on every core itself.
    search_counts = own_counts(previous.search_counts)
    counts_of = kept_counts(graph, depends.common, search_counts)
    fragments = Fragments(dict(previous.fragments), PublishedRecords(previous.records, outputs.previous_bytes))
    # Everything but the pages (static files, sources, the search index, the exports) is
    # written while the pages render: on a large site, in other processes.
    stop_if()
    years = {page.path: page.year for page in planned}
    with pages_rendering(to_render, root, out, progress, stop_if, years) as pages_written:
        for output in _copies(graph, root, depends, file_memo or FileMemo()):
            outputs.put(output)
            stop_if()
        # The search index: a shard's files are made from the shard's readouts alone and a
        # readout's text from itself, so a new readout makes its shard's files, its text and
        # the index's list again (search_files.py); those that come out as they were stay.
        for output in search_outputs(graph, depends.common, outputs.previous.manifest, outputs.reusable, counts_of,
                                     stop_if, outputs.keep_all):
            outputs.put(output, same_bytes_kept=True)
            stop_if()
        _put_exports(graph, planned, outputs, fragments, stop_if, unchanged.changes if unchanged else None)
        rendered = pages_written()
    stop_if()  # the last moment before the site is put in place
    return WriteReport(outputs.manifest, outputs.written + len(early) + rendered, outputs.unchanged, memo.now,
                       fragments.store, fragments.records.now, search_counts, depends.made, outputs.changed(),
                       PlannedFrom("", depends.common, state) if state is not None else None)


def _put_exports(graph: SiteGraph, planned: list[Page], outputs: Outputs, fragments: Fragments,
                 stop_if: Callable[[], None], changes: GraphChanges | None) -> None:
    """The exports: each file has a fingerprint of exactly what it is made from (exports.py), so a
    new readout rewrites its year's data file and sitemap part, the indexes that count them, the
    CSV, the calendar and the feeds it enters, and keeps every other year's files. The sitemap
    lists the site's own static pages too (its HTML files alone: the others are most of the site's).
    `changes`: what link says changed since the last build, whose files' keys the others keep."""
    year_of_page = {page.path: page.year for page in planned if page.year != SITE_PART}
    unlisted = {page.path for page in planned if not page.in_sitemap}
    listed = [path for path in outputs.manifest if path.endswith(".html") and path not in unlisted]
    for export in export_files(graph, listed, fragments, year_of_page, changes, outputs.previous.manifest):
        outputs.put(export)
        stop_if()
    fragments.forget_unused()


def _render_first(site: Site, first: FirstPages, outputs: Outputs, root: Path, out: Path) -> dict[str, str]:
    """Render the first pages whose kind finds them by their path (PageKind.page_at) and that
    changed, each put in place as soon as it is made, before the site is planned; returns
    their paths and fingerprints. Nothing is done for a large change."""
    found = [page_at(site, path) for path in sorted(first.paths) for page_at in _FINDERS]
    pages = [page for page in found if page is not None]
    if len(pages) > FIRST_PAGES_AT_MOST:
        return {}
    changed = [page for page in pages if not outputs.reusable(page.path, page.fingerprint)]
    if not changed:
        return {}
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    for page in changed:
        first.put(page.path, _write_page(env, out, page.path, page.template, page.context))
    first.done(tuple(page.path for page in changed))
    return {page.path: page.fingerprint for page in changed}


_FINDERS = [kind.page_at for kind in KINDS if kind.page_at is not None]


def _render_first_planned(to_render: list[tuple[str, str, Callable[[], dict[str, Any]]]], first: FirstPages,
                          made: frozenset[str], root: Path, out: Path) -> frozenset[str]:
    """Render the first pages among those to render that are not `made` already, once every
    page is planned, and put each in place; returns their paths. Nothing is done for a large
    change."""
    wanted = [work for work in to_render if work[0] in first.paths and work[0] not in made]
    if not wanted or len(wanted) > FIRST_PAGES_AT_MOST:
        return frozenset()
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    for path, template, build in wanted:
        first.put(path, _write_page(env, out, path, template, build))
    first.done(tuple(path for path, _, _ in wanted))
    return frozenset(path for path, _, _ in wanted)


def _copies(graph: SiteGraph, root: Path, depends: Dependencies, file_memo: FileMemo) -> Iterator[OutputFile]:
    """The theme's and the site's static files, and beside each readout's page its raw source
    and its Markdown: provenance a reader can check."""
    for path, source in _static_files(root):
        yield OutputFile(path, digest((depends.static, path)), source.read_bytes)
    content = root / "content"
    copied: set[str] = set()
    for readout in graph.readouts.values():
        if readout.source:
            source = content / readout.source.file
            path = urls.source_path(readout.source.file)
            # Two readouts made from one source: it is there already.
            made_from = None if path in copied else _source_made_from(path, source, file_memo)
            if made_from is not None:
                copied.add(path)
                yield OutputFile(path, made_from, source.read_bytes)
        path = urls.readout_markdown_path(readout.id)
        yield OutputFile(path, made_from_readout(path, readout), partial(_read_bytes, readout.path.path))


def _planned(site: Site, stop_if: Callable[[], None]) -> list[Page]:
    """Every page of the site, planned; `stop_if` asked after each (a change saved right after
    its page was shown comes while the next build plans: asked every thousand pages, it waited
    a tenth of a second at 10,000 readouts, where a topic's first page alone takes 0.04 s)."""
    planned = []
    for page in site_pages(site):
        planned.append(page)
        stop_if()
    return planned


def _stopper(superseded: Callable[[], bool] | None) -> Callable[[], None]:
    """What raises errors.Superseded once `superseded` says a newer change has come."""
    def stop_if() -> None:
        if superseded is not None and superseded():
            raise Superseded

    return stop_if


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _source_made_from(path: str, source: Path, file_memo: FileMemo) -> str | None:
    """The fingerprint of a raw source's copy, None when the source cannot be read.

    By its digest, which the import step has just taken (FileMemo keeps it while the file's
    size and times are unchanged): an imported site has a source per readout, and each build
    read them all again to hash them."""
    try:
        return digest((path, file_memo.sha256(source)))
    except OSError:
        return None


Progress = Callable[[int, int], None]
"""Told (pages rendered so far, pages to render) as rendering goes."""

PARALLEL_FROM = 400
"""Fewer pages than this render in one worker: starting one per core would cost more than it saves."""

ONE_WORKER_FROM = 4
"""Fewer pages than this render in this process. From this many, one forked worker renders them
while this process writes the other files (forking a build of 10,000 readouts takes about 0.01 s,
a page about as long; adding one readout there renders some 35 pages, 0.4 s, beside 0.6 s of
search and export files)."""

_WORK: list[tuple[str, str, Callable[[], dict[str, Any]]]] = []
"""The pages the worker processes render, set before they are forked so they inherit it."""
_SHARES: list[list[int]] = []
"""The indices in _WORK of each worker's pages (shares.worker_shares), set with it."""


@contextlib.contextmanager
def pages_rendering(work: list[tuple[str, str, Callable[[], dict[str, Any]]]], root: Path, out: Path,
                    progress: Progress | None = None, stop_if: Callable[[], None] | None = None,
                    years: Mapping[str, Hashable] | None = None) -> Iterator[Callable[[], int]]:
    """Render and write pages. Gives a function that waits for them and returns how many were
    written; the caller writes other files meanwhile.

    Many pages render in worker processes, one per core, which start at once: the build's
    other files (search index, exports, copies) are written in this process while they run,
    instead of after them with every core but one idle. Fewer than PARALLEL_FROM render in one
    worker, beside this process, and only a handful in this process when the function is called.
    `years` (output path → pages.Page.year) puts a year's pages in one worker (shares.py)."""
    if len(work) < ONE_WORKER_FROM or not parallel.can_fork():
        yield partial(_render_here, work, root, out, progress, stop_if)
        return
    workers = parallel.workers() if len(work) >= PARALLEL_FROM else 1
    global _WORK, _SHARES
    _WORK = work
    _SHARES = worker_shares([(years or {}).get(path, SITE_PART) for path, _, _ in work], workers)
    try:
        # Forked workers inherit the graph and the page list without pickling either.
        done = 0

        def told(count: int) -> None:
            nonlocal done
            done += count
            if progress:
                progress(done, len(work))

        with parallel.forked(partial(_render_share, root, out), workers, on_share=told, while_waiting=stop_if) as wait:
            yield lambda: sum(wait())
    finally:
        _WORK, _SHARES = [], []


def _render_here(work: list[tuple[str, str, Callable[[], dict[str, Any]]]], root: Path, out: Path,
                 progress: Progress | None, stop_if: Callable[[], None] | None = None) -> int:
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    made_dirs: set[str] = set()
    for done, (path, template, build) in enumerate(work, start=1):
        if stop_if is not None:
            stop_if()
        _write_page(env, out, path, template, build, made_dirs)
        if progress and done % 50 == 0:
            progress(done, len(work))
    return len(work)


def _render_share(root: Path, out: Path, start: int, step: int) -> int:
    env = make_env(root / "templates", root / CACHE_DIR / "templates")
    share = [_WORK[index] for index in _SHARES[start]]
    made_dirs: set[str] = set()
    for path, template, build in share:
        _write_page(env, out, path, template, build, made_dirs)
    return len(share)


def _write_page(env: jinja2.Environment, out: Path, path: str, template: str,
                build: Callable[[], dict[str, Any]], made_dirs: set[str] | None = None) -> str:
    """Render a page and write it; `made_dirs` holds the folders this process has made or found
    under `out` (output.write_new_file)."""
    html = render_page(env, template, build())
    write_new_file(os.path.join(out, path), html.encode("utf-8"), made_dirs if made_dirs is not None else set())
    return html


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


def _refuse_shared_paths(planned: list[Page]) -> None:
    """Two pages at one path would overwrite each other, and one may be a link into the live
    site: ids are checked when loaded, this is the last guard."""
    seen: dict[str, str] = {}
    for page in planned:
        if page.path in seen:
            raise ReadoutsError(f"two pages would be written to {page.path} ({seen[page.path]} and {page.template})",
                                hint="give the topic, person or meeting another id")
        seen[page.path] = page.template


def _static_files(root: Path) -> list[tuple[str, Path]]:
    """(output path, file) for the theme's static files, then the site's own static/ over them."""
    files: dict[str, Path] = {}
    for folder in (THEME / "static", root / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    files["static/" + path.relative_to(folder).as_posix()] = path
    return sorted(files.items())
