"""The files of a site as one stream: each with its path, a fingerprint of what it is made from,
and how to make it; and what the last build left that this one may keep.

Every file a build writes besides the pages — static files, raw sources, Markdown copies, the
exports, the search files — goes through `Outputs.put`: a file whose fingerprint equals the one
the last build recorded is kept (linked from the previous site, or left in place for the build
to patch it), any other is made. Pages go the same way but render in worker processes
(render/write.py).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readouts.cache import CacheTable
from readouts.errors import naming
from readouts.site_token import SummedManifest


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the site. A build keeps the previous build's file while the fingerprint is the
    same, so `make` runs only for the files whose inputs changed."""

    path: str
    fingerprint: str
    make: Callable[[], bytes]


def _sums(part: Mapping[str, SummedManifest]) -> frozenset[tuple[str, int]]:
    """A manifest's sum names its entries: an equal sum, an equal manifest (one number to
    compare where the entries were 70,000 pairs at 10,000 readouts)."""
    return frozenset((key, manifest.total) for key, manifest in part.items())


SITE_MANIFEST: CacheTable[str, SummedManifest] = CacheTable("pages", _sums)
"""PUBLISHED → the manifest of the site as last published, output path → the fingerprint of each
file (Outputs.manifest), with its sum: what the next build keeps files by. One entry, so one file,
as a new readout changes paths that fall in every part of any partition by path."""

PUBLISHED = "site"


@dataclass(frozen=True, slots=True)
class PreviousBuild:
    """What the last build left for this one: its site, the fingerprint of each file there, and
    the pieces it kept to make files again cheaply (each a table of the build cache, declared by
    the module that fills it)."""

    site: Path | None = None
    """The published site whose files may be kept; None makes every file."""
    manifest: Mapping[str, str] = field(default_factory=dict)
    """Output path → fingerprint, for each file of that site."""
    whole: bool = False
    """Every file the manifest names is there (nothing removed since): they are not looked at one by one."""
    link_unchanged: bool = True
    """Link kept files into the new folder; without, they are left for the build to patch the
    previous site with what the new folder holds (publish.patch)."""
    groups: Mapping[Any, Any] = field(default_factory=dict)
    """Each topic's and person's pages under their group key (pages.grouped.GROUP_PAGES)."""
    fragments: Mapping[str, bytes] = field(default_factory=dict)
    """Pieces of the export files (exports.common.EXPORT_FRAGMENTS)."""
    records: Mapping[str, Any] = field(default_factory=dict)
    """Where the readouts' records lie in the site's year files (exports.records.YEAR_RECORDS)."""
    search_counts: Mapping[Any, bytes] = field(default_factory=dict)
    """Each readout's word counts for the search index (search.SEARCH_COUNTS)."""
    fingerprints: Mapping[Any, str] = field(default_factory=dict)
    """The pages' fingerprints by what each was made of (depends.FINGERPRINTS_KEPT)."""
    planned_from: Any = None
    """What the readout and meeting pages of `manifest` were planned from, when known
    (pages.unchanged.PlannedFrom)."""


NO_PREVIOUS_BUILD = PreviousBuild()
"""A build from nothing: every file is made."""


class Outputs:
    """Keeps or makes each file of the site, and records what the new site is made of."""

    def __init__(self, previous: PreviousBuild, out: Path) -> None:
        self.previous = previous
        # Plain strings, not Paths: this runs for every file of the site on every build.
        self._previous_dir = os.fspath(previous.site) if previous.site is not None else None
        self._out = out
        self._out_dir = os.fspath(out)
        self._made_dirs: set[str] = set()
        self.manifest: dict[str, str] = {}
        """Output path → fingerprint, for the next build."""
        self.written = 0
        self.unchanged = 0
        self._changed: list[str] = []
        self._added = 0

    def reusable(self, path: str, fingerprint: str) -> bool:
        """Whether the last build's file at `path` was made from the same and is still there."""
        return (self._previous_dir is not None and self.previous.manifest.get(path) == fingerprint
                and (self.previous.whole or os.path.isfile(os.path.join(self._previous_dir, path))))

    def previous_bytes(self, path: str) -> bytes | None:
        """The last build's file at `path` as it is now, None when there is none."""
        if self._previous_dir is None:
            return None
        try:
            with open(os.path.join(self._previous_dir, path), "rb") as stream:
                return stream.read()
        except OSError:
            return None

    def keep(self, path: str, fingerprint: str) -> bool:
        """Record the file; reuse the previous build's when nothing it was made from changed."""
        self.manifest[path] = fingerprint
        before = self.previous.manifest.get(path)
        if before != fingerprint:
            self._changed.append(path)
            self._added += before is None
        return self.reusable(path, fingerprint) and self._take_previous(path)

    def keep_all(self, files: Mapping[str, str]) -> bool:
        """Record `files` (path → fingerprint) as kept in one step when the previous build made
        each from the same inputs and the site is patched with every file of its manifest there
        (previous.whole): keep() one by one was most of the time of passing over the 36,000
        files of an unchanged search index at 10,000 readouts. False, recording nothing, when
        any differs or the site is not so; the caller then goes file by file."""
        if self._previous_dir is None or self.previous.link_unchanged or not self.previous.whole:
            return False
        if not files.items() <= self.previous.manifest.items():
            return False
        self.manifest.update(files)
        self.unchanged += len(files)
        return True

    def _take_previous(self, path: str) -> bool:
        """Keep the previous site's file at `path` in the new site: left where it is for a site
        that is patched, linked into the new folder otherwise. False when it is gone."""
        if not self.previous.link_unchanged:
            self.unchanged += 1
            return True
        assert self._previous_dir is not None
        source, target = os.path.join(self._previous_dir, path), os.path.join(self._out_dir, path)
        folder = os.path.dirname(target)
        if folder not in self._made_dirs:
            os.makedirs(folder, exist_ok=True)
            self._made_dirs.add(folder)
        try:
            try:
                os.link(source, target)
            except OSError:
                with naming(target):
                    shutil.copyfile(source, target)
        except FileNotFoundError:
            return False  # gone from the previous site after all (previous.whole): made again
        self.unchanged += 1
        return True

    def changed(self) -> list[str]:
        """The paths where the manifest differs from the previous build's: made from something
        else, added, or removed (the name of the manifest is worked out from them)."""
        kept = len(self.manifest) - self._added  # paths of both, when no path was recorded twice
        if kept == len(self.previous.manifest):
            return self._changed
        return self._changed + [path for path in self.previous.manifest if path not in self.manifest]

    def put(self, output: OutputFile, *, same_bytes_kept: bool = False) -> None:
        """Keep the file, or make and write it. With `same_bytes_kept`, a file made again with the
        very bytes the previous site holds at its path is kept as a file whose fingerprint was
        unchanged is (the manifest takes the new fingerprint): for files that often come out the
        same from changed inputs, as a changed search shard's term files do (a new readout made
        about 440 of them again at 10,000 readouts, 129 with the bytes they had). Reading the old
        file costs less than creating the new one and moving it into the site."""
        if self.keep(output.path, output.fingerprint):
            return
        data = output.make()
        if same_bytes_kept and self.previous_bytes(output.path) == data and self._take_previous(output.path):
            return
        self.write(output.path, data)

    def write(self, path: str, data: bytes) -> None:
        write_new_file(os.path.join(self._out_dir, path), data, self._made_dirs)
        self.written += 1


def write_new_file(target: str, data: bytes, made_dirs: set[str]) -> None:
    """Write `data` to `target`, making its folder first unless `made_dirs` (the folders this
    build has made or found) names it. A build writes some 30,000 files at 3,000 readouts: asking
    for each one's folder again, and opening each through Python's buffered file (which asks the
    file whether it is a terminal and where it stands), were a tenth of a cold build's system
    calls; this is the open, the writes and the close."""
    folder = os.path.dirname(target)
    if folder not in made_dirs:
        os.makedirs(folder, exist_ok=True)
        made_dirs.add(folder)
    with naming(target):
        # O_BINARY: on Windows a descriptor opened without it turns "\n" into "\r\n"
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
        try:
            left = memoryview(data)
            while left:
                left = left[os.write(descriptor, left):]
        finally:
            os.close(descriptor)
