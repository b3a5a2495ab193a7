"""Build: import what is new → load → link → render aside → put it in place of site/.

Each build leaves a cache for the next (cache.py): readouts whose files did not change are not
parsed again, and pages whose inputs did not change are kept from the previous site rather than
rendered again.

What changed is written aside and goes into site/ only when complete (publish.py), so a failed,
interrupted or killed build leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from readouts import collector
from readouts.cache import CACHE_DIR, BuildCache, CacheTable, Tables, now_ns, unchanged_under_keys
from readouts.errors import Superseded, from_os_error, naming
from readouts.file_memo import FILE_MEMO, FileMemo
from readouts.publish import (
    MARKER,
    EarlyPages,
    build_lock,
    check_replaceable,
    files_under,
    index_with_pagefind,
    journal_path,
    marker_token,
    patch,
    publish,
    real_folder,
    recover,
    staging_folder,
    write_marker,
)
from readouts.seal import key_problem
from readouts.site_token import manifest_token, summed, taken
from readouts.stamp import Stamp, look_at_inputs, scan_folders, signatures, site_folders, written_inputs

if TYPE_CHECKING:
    from readouts.importer.run import ImportReport
    from readouts.model import SiteGraph
    from readouts.render.output import PreviousBuild
    from readouts.render.write import WriteReport

@dataclass(frozen=True, slots=True)
class BuildReport:
    imports: ImportReport | None
    """None when the build found nothing changed and did not look at the sources."""
    written: int
    unchanged: int
    readouts: int
    seconds: float
    output: Path
    warnings: tuple[str, ...] = ()
    """What the site still builds with but a person should fix, e.g. a participant people.yaml lacks."""
    wrote: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """The inputs this build wrote itself (content/addresses.yaml, imported readouts and their
    records), each as a path relative to the site and its signature once written: a watcher that
    sees one of them changed, still so, has nothing to build again (readouts serve)."""


@dataclass(frozen=True, slots=True)
class WaitingPages:
    """What a person waits to see while a build runs (readouts serve): the pages open in their
    browsers, as output paths. These, and the pages of the readouts just saved, are put in place
    first, and `ready` is told their paths; the rest of the site follows."""

    shown: frozenset[str]
    ready: Callable[[tuple[str, ...]], None]


def build_site(root: Path, *, keep_going: bool = False, on_wait: Callable[[], None] | None = None,
               progress: Callable[[int, int], None] | None = None, cache_in_memory: bool = False,
               waiting: WaitingPages | None = None, cache_saved_later: bool = False,
               superseded: Callable[[], bool] | None = None, changed: Iterable[Path] | None = None) -> BuildReport:
    """Import new and changed sources, then render the whole site into its output folder.

    One build of a site runs at a time; a second one waits for the first (`on_wait` is told).
    When no file the build reads changed since the last build (by size and modification time),
    and the site is the one that build published, nothing is read or written.
    `cache_in_memory` keeps the build cache in memory after the build, and takes the one the
    last build of this process kept rather than read its files, while they are unchanged
    (readouts serve builds again and again). The command line keeps it too: it exits right
    after the build without freeing the cache's millions of objects one by one. `waiting` names
    the pages to put in place before the rest (serve.py); should the build then fail, they are
    put back as they were. `cache_saved_later` keeps the cache in memory unwritten, for the
    caller to write with cache.save_kept once it is idle (readouts serve: the next change's
    build need not wait for the writing). Once the `waiting` pages are in place, a build asks
    `superseded` now and then whether a newer change has come, and if so stops, leaving them
    there and the cache in memory for the next build (errors.Superseded). Of the inputs, only the
    files a watcher saw change since this process's last build began are looked at again: `changed`.
    """
    started = time.perf_counter()
    # A serving process builds again and again: its builds keep the collector's passes.
    with build_lock(root, on_wait=on_wait), collector.eased(passes=cache_saved_later):
        scanned_at = now_ns()
        inputs = look_at_inputs(root, changed)
        stamp = Stamp.load(root)
        # site.yaml is among the inputs: while they are unchanged, so is the output folder.
        if (stamp is not None and stamp.matches(inputs, marker_token(root / stamp.output), root / stamp.output)
                and not journal_path(root / stamp.output).exists()):
            return BuildReport(imports=None, written=0, unchanged=stamp.files, readouts=stamp.readouts,
                               seconds=time.perf_counter() - started, output=root / stamp.output,
                               warnings=tuple(stamp.warnings))
        report = _build(root, inputs, stamp, scanned_at, keep_going, progress,
                        "later" if cache_saved_later else "kept" if cache_in_memory else "now", waiting, superseded)
    return replace(report, seconds=time.perf_counter() - started)


def _build(root: Path, inputs: dict[str, list[int]], stamp: Stamp | None, scanned_at: int, keep_going: bool,
           progress: Callable[[int, int], None] | None, cache_saved: Literal["now", "kept", "later"],
           waiting: WaitingPages | None, superseded: Callable[[], bool] | None = None) -> BuildReport:
    """Import, load, link, write the site aside and put it in place, then save the cache."""
    # The settings and the stages' modules load here, not at the top: a build with nothing to do
    # is done before this, and starting Python is most of its time.
    from readouts.addresses import ADDRESSES, write_addresses
    from readouts.check import build_warnings
    from readouts.config import load_config
    from readouts.render.output import PUBLISHED, SITE_MANIFEST

    config = load_config(root)
    output = real_folder(root / config.output_dir)
    recover(output)
    check_replaceable(output)
    cache = BuildCache.load(root, cache_tables(), from_memory=cache_saved != "now")
    notes = _cache_notes(root, cache)
    file_memo, imports, graph = _import_and_link(root, cache, inputs, scanned_at, keep_going)
    warnings = build_warnings(graph, inputs)
    early = (EarlyPages(output, _waited_pages(imports, inputs, stamp, waiting.shown), waiting.ready, {})
             if waiting is not None else None)
    try:
        written, token = _write_and_publish(root, graph, output, stamp, cache, file_memo, progress, early, superseded)
    except Superseded:
        # What the cache holds is what this build's content gave (each entry keyed by what made
        # it) and the site as left: the next build of this process takes it, as after a build.
        if cache_saved != "now":
            cache.keep_unsaved(root)
        raise
    file_memo.forget_unused()
    # The site's folders as published, looked at before saving the cache (seconds): a file removed
    # from the site after this look changes its folder's time; the next build looks at each file.
    folders = scan_folders(output, site_folders(written.manifest))
    # The meeting pages now published, for the builds to come to redirect from (addresses.py).
    with naming(root / "content"):
        recorded = [ADDRESSES.as_posix()] if write_addresses(root, graph, file_memo) else []
    cache[SITE_MANIFEST] = {PUBLISHED: summed(written.manifest, cache[TOKENS_KEPT])}
    try:
        if cache_saved == "later":
            cache.keep_unsaved(root)
        else:
            cache.save(root, keep_in_memory=cache_saved == "kept")
        # A build that imported wrote into content/ after the scan, and failed imports and kept
        # edits must be reported again next time: none of them leaves a stamp. The addresses
        # it recorded are stamped as written, so the next build with nothing to do stops at once.
        if not (imports.imported or imports.failed or imports.kept_edited or imports.deleted or imports.renamed):
            Stamp.taken(inputs, scanned_at, config.output_dir, token, len(written.manifest),
                        len(graph.readouts), warnings, folders, written=signatures(root, recorded)).save(root)
    except OSError as error:
        # The new site is in place and whole; the cache only saves the next build work
        # (each of its files is written whole or not at all), so a full disk or a cache
        # folder we may not write is worth a line, not a failed build.
        notes.append(f"the build cache was not saved, so the next build does more work: {from_os_error(error)}")
    return BuildReport(imports=imports, written=written.written, unchanged=written.unchanged,
                       warnings=warnings + tuple(notes), readouts=len(graph.readouts), seconds=0.0, output=output,
                       wrote=written_inputs(root, recorded, imports))


def _import_and_link(root: Path, cache: BuildCache, inputs: dict[str, list[int]], scanned_at: int,
                     keep_going: bool) -> tuple[FileMemo, ImportReport, SiteGraph]:
    """Import what is new, load and link: the file memo the build goes on with, what the import
    did, and the graph."""
    from readouts.importer.run import import_sources
    from readouts.link import LINK_KEPT, LINK_RESULTS, link
    from readouts.link.meetings_kept import MEETINGS_KEPT
    from readouts.link.related import RELATED_KEPT
    from readouts.load import PARSED_READOUTS, load_corpus

    file_memo = FileMemo(cache[FILE_MEMO])
    # The look at the inputs found every file's size and times: they are not looked at again.
    file_memo.take_scan(root, inputs, scanned_at)
    # A write that finds the disk full says only "No space left on device": it is one of
    # the readouts and import records in content/.
    with naming(root / "content"):
        imports = import_sources(root, keep_going=keep_going, files=file_memo)
    if imports.imported or imports.deleted or imports.renamed or imports.failed:
        file_memo.forget_scan()  # the import wrote into content/ since the look
    graph = link(load_corpus(root, cache[PARSED_READOUTS], file_memo), cache[LINK_RESULTS], cache[LINK_KEPT],
                 cache[RELATED_KEPT], cache[MEETINGS_KEPT])
    collector.kept_to_the_end()
    return file_memo, imports, graph


def cache_tables() -> Tables:
    """The tables the build cache keeps, each declared by the module that fills it; imported
    here rather than at the top, as the stages are, so a build with nothing to do loads none."""
    from readouts.link import LINK_KEPT, LINK_RESULTS
    from readouts.link.meetings_kept import MEETINGS_KEPT
    from readouts.link.related import RELATED_KEPT
    from readouts.load import PARSED_READOUTS
    from readouts.render.output import SITE_MANIFEST

    return (PARSED_READOUTS, LINK_RESULTS, RELATED_KEPT, MEETINGS_KEPT, SITE_MANIFEST, *_write_tables(), FILE_MEMO,
            LINK_KEPT, TOKENS_KEPT)


def _write_tables() -> Tables:
    """The tables the write stage reads and fills: its pages of each topic and person, the
    export pieces, the year files' records, the search counts, the pages' fingerprints and what
    the readout and meeting pages were planned from."""
    from readouts.render.depends import FINGERPRINTS_KEPT
    from readouts.render.exports.common import EXPORT_FRAGMENTS
    from readouts.render.exports.records import YEAR_RECORDS
    from readouts.render.pages.grouped import GROUP_PAGES
    from readouts.render.pages.unchanged import PLANNED_FROM
    from readouts.render.search import SEARCH_COUNTS

    return GROUP_PAGES, EXPORT_FRAGMENTS, YEAR_RECORDS, SEARCH_COUNTS, FINGERPRINTS_KEPT, PLANNED_FROM


def _cache_notes(root: Path, cache: BuildCache) -> list[str]:
    """Why the cache, or part of it, was not used."""
    if key_problem():
        return [str(key_problem())]
    if cache.foreign:
        return [f"{cache.foreign} file(s) of {root / CACHE_DIR} were not sealed by readouts for this user "
                "on this machine: left unread, so this build does their work"]
    return []


def _waited_pages(imports: ImportReport, inputs: dict[str, list[int]], stamp: Stamp | None,
                  shown: frozenset[str]) -> frozenset[str]:
    """The pages to put in place first: those shown, and those of the readouts imported or saved
    since the last build (told by the scan against the stamp)."""
    from readouts.render.urls import readout_path

    saved = [Path(path).stem for path, signature in inputs.items()
             if path.startswith("content/readouts/") and path.endswith(".md")
             and (stamp is None or stamp.inputs.get(path) != signature)]
    return shown | {readout_path(readout_id) for readout_id in (*imports.imported, *saved)}


def _write_and_publish(root: Path, graph: SiteGraph, output: Path, stamp: Stamp | None, cache: BuildCache,
                       file_memo: FileMemo, progress: Callable[[int, int], None] | None,
                       early: EarlyPages | None = None, superseded: Callable[[], bool] | None = None
                       ) -> tuple[WriteReport, str]:
    """Write the site into a staging folder beside the output, keeping what the last build made
    from the same inputs, and put it in place; returns the report and the manifest's token.
    The `early` pages go into the output as soon as they are made when it is a site this build
    patches (one it replaces whole is not there yet), and are put back as they were should the
    build fail before the site is in place. Once they are in place the build stops when
    `superseded` says a newer change has come, leaving them there (_keep_early_pages)."""
    from readouts.render.output import PUBLISHED, SITE_MANIFEST
    from readouts.render.pages.unchanged import LAST
    from readouts.render.write import write_site

    pagefind = graph.corpus.config.pagefind
    staging = staging_folder(output)
    first: EarlyPages | None = None
    folders: list[str] | None = None
    try:
        staging.mkdir(parents=True)
        marker, manifest = marker_token(output), taken(cache[SITE_MANIFEST].get(PUBLISHED), cache[TOKENS_KEPT])
        previous = _previous_site(output, stamp, marker, manifest, cache)
        folders = _untouched_folders(stamp, marker, output, cache[TOKENS_KEPT]) if previous is not None else None
        # Pagefind indexes the whole site, so with it on the new site is made whole.
        patching = previous is not None and not pagefind
        written = write_site(graph, root, staging, _previous_build(cache, previous, manifest, whole=folders is not None,
                                                                   patching=patching), progress, file_memo,
            first.first_pages() if (first := early if patching else None) else None,
            stop := _once_placed(first, superseded))
        if stop is not None and stop():  # asked once more before publishing, not stopped once begun
            raise Superseded
        token = manifest_token(written.manifest, cache[TOKENS_KEPT], (manifest, written.changed))
        planned = {LAST: replace(written.planned, token=token)} if written.planned is not None else {}
        made: tuple[Mapping[Any, Any], ...] = (written.groups, written.fragments, written.records,
                                            written.search_counts, written.fingerprints, planned)
        for table, entries in zip(_write_tables(), made, strict=True):  # for the next build
            cache[table] = entries
        if pagefind:
            index_with_pagefind(staging)
        write_marker(staging, token)
        if patching:
            patch(staging, output, _removed(output, manifest, written.manifest), MARKER)
        else:
            publish(staging, output)
    except Superseded:
        shutil.rmtree(staging, ignore_errors=True)
        if first and first.replaced:
            _keep_early_pages(output, first, cache, folders)
        raise
    except BaseException:
        # Once the journal is committed its files are the new site: they stay for the
        # next build to move in.
        if not journal_path(output).exists():
            shutil.rmtree(staging, ignore_errors=True)
            if first:
                first.put_back()
        raise
    return written, token


def _previous_build(cache: BuildCache, site: Path | None, manifest: dict[str, str], *, whole: bool,
                    patching: bool) -> PreviousBuild:
    """What the write stage may keep of the last build: its site, its manifest, and the tables it filled."""
    from readouts.render.output import PreviousBuild
    from readouts.render.pages.unchanged import planned_for

    groups, fragments, records, counts, fingerprints, planned = (cache[table] for table in _write_tables())
    token = manifest_token(manifest, cache[TOKENS_KEPT]) if site is not None else None
    return PreviousBuild(site, manifest, whole=whole, link_unchanged=not patching, groups=groups,
                         fragments=fragments, records=records, search_counts=counts, fingerprints=fingerprints,
                         planned_from=planned_for(planned, token))


def _previous_site(output: Path, stamp: Stamp | None, marker: str | None, manifest: dict[str, str],
                   cache: BuildCache) -> Path | None:
    """The published site whose files this build may keep, if any. Files are reused only from
    the very site the cache describes: the marker names the manifest it was built with (a site
    restored from elsewhere, or built before a kill between publishing and saving the cache,
    does not match); a site with a folder that is a link is made whole and put in place of the
    old one, link and all."""
    if marker != manifest_token(manifest, cache[TOKENS_KEPT]) or _linked_folder(output, stamp, marker, manifest):
        return None
    return output


def _once_placed(early: EarlyPages | None, superseded: Callable[[], bool] | None) -> Callable[[], bool] | None:
    """`superseded`, asked only once a page is in place ahead: a build that placed none goes to
    the end, or a stream of saves would stop every build before it made anything."""
    return None if early is None or superseded is None else (lambda: bool(early.replaced) and superseded())


def _keep_early_pages(output: Path, early: EarlyPages, cache: BuildCache, folders: list[str] | None) -> None:
    """A build that stopped for a newer change leaves the pages it put in place ahead: the site
    is the last build's but for them, and the manifest says so — their fingerprints unknown, so
    the next build makes them again (or removes them) — under the name the marker now gives. A
    site whose every file was there (`folders` untouched) still is: their times are kept anew."""
    from readouts.render.output import PUBLISHED, SITE_MANIFEST

    placed = [path for path in early.replaced if path != MARKER]
    before = taken(cache[SITE_MANIFEST].get(PUBLISHED), cache[TOKENS_KEPT])
    manifest = {**before, **dict.fromkeys(placed, "")}
    token = manifest_token(manifest, cache[TOKENS_KEPT], (before, placed))
    cache[SITE_MANIFEST] = {PUBLISHED: summed(manifest, cache[TOKENS_KEPT])}
    write_marker(output, token)
    cache[TOKENS_KEPT]["whole"] = (token, scan_folders(output, folders)) if folders is not None else None


def _removed(output: Path, before: dict[str, str], now: dict[str, str]) -> list[str]:
    """What patching the site removes: the files the last build made and this one did not, and
    an index Pagefind made while it was on (a link there goes, not the files it leads to)."""
    removed = [p for p in before if p not in now]
    pagefind = output / "pagefind"
    return removed + (["pagefind"] if pagefind.is_symlink() else [f"pagefind/{p}" for p in files_under(pagefind)])


def _untouched_folders(stamp: Stamp | None, marker: str | None, output: Path,
                       kept: dict[str, Any]) -> list[str] | None:
    """The site's folders when no file was added to or removed from the site since the build
    that left `stamp` published it (or a build of this process that stopped for a newer change
    left it, `kept`): every folder's time is as that build recorded it (a file removed changes
    its folder's time). Then every file of the manifest is there, and the build need not look at
    each of them (45,000 at 10,000 readouts). None otherwise."""
    if (stamp is not None and stamp.marker == marker and stamp.site_folders
            and scan_folders(output, stamp.site_folders) == stamp.site_folders):
        return list(stamp.site_folders)
    left = kept.get("whole")
    if left is not None and left[0] == marker and scan_folders(output, left[1]) == left[1]:
        return list(left[1])
    return None


def _linked_folder(output: Path, stamp: Stamp | None, marker: str | None, manifest: dict[str, str]) -> bool:
    """True when a folder of the site is a symbolic link (a person shared it, or moved it to
    another disk): patching the site would write and delete files where the link leads, which
    is not the build's to touch. The folders are those the stamp recorded when the site was
    published, else those of its manifest."""
    folders = (stamp.site_folders if stamp is not None and stamp.marker == marker and stamp.site_folders
               else site_folders(manifest))
    return any(os.path.islink(os.path.join(output, folder)) for folder in folders if folder != ".")


TOKENS_KEPT: CacheTable[str, Any] = CacheTable("tokens", unchanged_under_keys, in_memory_only=True)
"""What this process knows of the site it left: "manifest", the last manifest it named, with its
token (readouts serve's next build need not name it again, 0.035 s at 10,000 readouts); "whole",
the marker's token and the site's folder times after a build that stopped for a newer change."""
