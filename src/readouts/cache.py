"""What one build leaves for the next: parsed readouts, per-readout link results and the
fingerprint of every file written, in .readouts-cache/ beside the content.

The cache is an optimisation only: a missing, damaged or outdated cache (another version of
readouts wrote it) is ignored, and the build does the work again. It is keyed by the digest of
readouts' own code, so no object of an older shape is ever read back. Every file of it is sealed
with a key only this user on this machine holds (seal.py), and one whose seal does not match is
never unpickled: unpickling runs code, and a site folder may come from someone else.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import marshal
import os
import pickle
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Generic, TypeVar

from readouts.atomic import write_atomic_bytes
from readouts.cache_parts import KEYS, PartedEntries
from readouts.seal import seal, unseal

CACHE_DIR = ".readouts-cache"


@functools.cache
def code_digest() -> str:
    """The digest of this package's code and theme: a cache written by other code is not read.

    Taken once per process, before the stages' modules load, so that a process that keeps
    running (readouts serve) while the code on disk changes goes on naming the code it runs."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pickling makes objects by the million and frees none: the cyclic collector, which runs
    every few hundred allocations, would only slow it down (by half, measured)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_PARTS = 16
"""Each table of the cache is kept in this many files, so that a build that changed a few
entries rewrites a few files rather than the whole cache (hundreds of MB at 10,000 readouts)."""


Key = TypeVar("Key")
Entry = TypeVar("Entry")


@dataclass(frozen=True, slots=True)
class CacheTable(Generic[Key, Entry]):
    """One table of the build cache, declared by the module that fills it and reads it back: the
    shape of its entries lives with the code that knows what they mean, and the cache only keeps
    them. The build names the tables it keeps (build.py); the cache knows none of the stages."""

    name: str
    """What its files are called: `<name>-<part>.pickle`."""
    summary: Callable[[Mapping[Key, Entry]], frozenset[Any]]
    """What tells whether one part of the table changed since it was loaded or saved:
    BuildCache.save writes only the parts whose summary moved."""
    in_memory_only: bool = False
    """Kept only by a process that builds again and again (readouts serve), never written: what
    it holds is worth keeping only while the objects it was made from are the very ones the
    next build has (compared by identity, which no file can carry)."""
    part_by: Callable[[Any], str] | None = None
    """Key → the named part it is kept in, for a table kept in parts read as a build asks for
    their keys (cache_parts.py; its entries never change under their keys), rather than in
    _PARTS files read whole."""


def unchanged_under_keys(part: Mapping[Any, Any]) -> frozenset[Any]:
    """The summary of a table whose entries never change under their keys (each key is a digest
    of what made its entry): the keys alone."""
    return frozenset(part)


Tables = tuple[CacheTable[Any, Any], ...]


Kept = TypeVar("Kept")


def pickled_by_marshal(cls: type[Kept]) -> type[Kept]:
    """Pickle a frozen dataclass of plain dicts, tuples, lists, strings and numbers as one
    marshal blob: an entry every add rewrites whole (the manifest, the related readouts' lists,
    what the pages were planned from) pickled object by object took 15–20 ms each to write at
    10,000 readouts, several times what marshal takes for the same values. The blob is inside
    the part's sealed pickle, so it is read back only from a file this user's key sealed; a
    blob of another Python's marshal fails to load as a damaged part does."""
    names = tuple(field.name for field in fields(cls))  # type: ignore[arg-type]  # a dataclass

    def reduce(self: Kept) -> tuple[Any, ...]:
        return _unmarshalled, (cls, marshal.dumps(tuple(getattr(self, name) for name in names)))

    cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
    return cls


def _unmarshalled(cls: type[Kept], blob: bytes) -> Kept:
    return cls(*marshal.loads(blob))


@dataclass
class BuildCache:
    """The state carried from one build to the next: one dict for each of its tables, read and
    filled by the stages as `cache[table]`."""

    code: str
    tables: Tables
    entries: dict[str, dict[Any, Any]]
    """Table name → the table's entries."""
    foreign: int = 0
    """How many of its files were not sealed with this user's key, and were left unread."""
    stored: dict[tuple[str, int], dict[Any, Any]] = field(default_factory=dict, repr=False)
    """(table, part) → the entries that file held when loaded or last saved, the very objects: a
    part whose entries are all equal now is not summarised or written again (summarising every
    part of every table on each load and save took about 0.05 s of adding one readout to
    10,000; an add touches a few parts), and a key goes back to the part it was read from
    without the checksum of its text (_part) or a table of where each lies (50,000 keys)."""

    def __getitem__(self, table: CacheTable[Key, Entry]) -> dict[Key, Entry]:
        """The table's entries, to read and change in place; KeyError for a table not loaded.
        A table kept in parts gives its PartedEntries, which reads a part when asked."""
        return self.entries[table.name]

    def __setitem__(self, table: CacheTable[Key, Entry], entries: Mapping[Key, Entry]) -> None:
        """Replace the table's entries with what this build made."""
        if table.name not in self.entries:
            raise KeyError(table.name)
        kept = self.entries[table.name]
        if isinstance(kept, PartedEntries) and not isinstance(entries, PartedEntries):
            kept.replace(dict(entries))
            return
        self.entries[table.name] = entries  # type: ignore[assignment]  # a dict, or a table's PartedEntries

    def _touched_parts(self, table: str) -> dict[int, dict[Any, Any]]:
        """Part number → its entries now, for each part that may differ from its file: one never
        loaded or saved, and one where a key is gone, new or holds an unequal value. Entries are
        immutable where their table's summary reads them (tuples, frozen dataclasses), so a part
        whose every entry equals its file's summarises as it did. Compared in C (a value by
        identity first): going over 20,000 entries in Python took as long as summarising them."""
        entries = self.entries[table]
        stored = [self.stored.get((table, number)) or {} for number in range(_PARTS)]
        kept = {number for number, part in enumerate(stored)
                if (table, number) in self.stored and part.items() <= entries.items()}
        covered: set[Any] = set().union(*(stored[number].keys() for number in kept))
        others = [(number, stored[number]) for number in range(_PARTS) if number not in kept and stored[number]]
        added: dict[int, list[Any]] = {}
        # The entries of no part that still holds what its file does: of parts that changed, and new.
        for key in entries.keys() - covered if len(covered) != len(entries) else ():
            number = next((held for held, part in others if key in part), None)
            added.setdefault(_part(key) if number is None else number, []).append(key)
        parts: dict[int, dict[Any, Any]] = {}
        for number in sorted(set(range(_PARTS)) - kept | added.keys()):
            before = stored[number]
            new = sorted((key for key in added.get(number, ()) if key not in before), key=repr)
            parts[number] = {key: entries[key] for key in [*before, *new] if key in entries}
        return parts

    @classmethod
    def load(cls, root: Path, tables: Tables, *, from_memory: bool = False) -> BuildCache:
        """The cache of `tables`, from every part written by this code; a missing, damaged or
        foreign part is left out (its entries are made again), so a build killed while saving
        costs work, not results.

        `from_memory`: the cache this process last saved for `root`, if its files are still as
        it left them (a process that builds again and again, readouts serve, need not read half
        a gigabyte back at 10,000 readouts). Taken, not shared: a build that fails after
        changing it leaves nothing in memory, and the next one reads the files."""
        global _IN_MEMORY
        kept, _IN_MEMORY = _IN_MEMORY, None
        if (from_memory and kept is not None and kept[0] == root and kept[2].tables == tables
                and kept[1] == _part_signatures(root, tables)):
            gc.freeze()
            return kept[2]
        cache = cls(code_digest(), tables, {table.name: {} for table in tables})
        folder = root / CACHE_DIR
        with _collector_paused():
            for table in _written(tables):
                if table.part_by is not None:
                    cache.entries[table.name] = cache._parted(folder, table, table.part_by)  # type: ignore[assignment]
                    continue
                for number in range(_PARTS):
                    part = cache._read_part(folder / f"{table.name}-{number}.pickle")
                    if part is not None:
                        cache.entries[table.name].update(part)
                        cache.stored[(table.name, number)] = part
            # The cache's million objects live as long as the build: the collector need not walk
            # them again and again while the stages allocate (collector.eased unfreezes them at the end).
            # Frozen before the collector is back: its first pass would walk them all (0.13 s at
            # 10,000 readouts, measured).
            gc.freeze()
        return cache

    def _parted(self, folder: Path, table: CacheTable[Any, Any],
                part_by: Callable[[Any], str]) -> PartedEntries[Any, Any]:
        """A table kept in parts, with its key list read and no part yet."""
        def read(part: str) -> dict[Any, Any] | None:
            with _collector_paused():
                return self._read_part(folder / f"{table.name}-{part}.pickle")

        return PartedEntries(part_by, read, frozenset(read(KEYS) or ()))

    def _read_part(self, path: Path) -> dict[Any, Any] | None:
        """The entries of one part; None when it is missing, damaged, foreign or by other code."""
        try:
            with open(path, "rb") as stream:
                blob = stream.read()
        except OSError:
            return None
        data = unseal(blob)
        if data is None:
            self.foreign += 1  # never unpickled: it could run any code
            return None
        try:
            code, part = pickle.loads(data)
        except (EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        if code != self.code or not isinstance(part, dict):
            return None
        return part

    def save(self, root: Path, *, keep_in_memory: bool = False, stop: Callable[[], bool] | None = None) -> bool:
        """Write the parts that changed, each atomically; with `keep_in_memory`, keep this cache
        for the next load(from_memory=True) of this process. `stop` is asked before each part
        after the first (a part takes a few hundredths of a second at 10,000 readouts): True when
        every changed part is written.
        Parts written by different builds stay safe to read: each entry is keyed by what it was
        made from, and a manifest put together from two builds names no site, so its files are
        not reused."""
        folder = root / CACHE_DIR
        folder.mkdir(exist_ok=True)
        done = True
        for written, (name, part, mark_saved) in enumerate(self._changed_parts()):
            if written and stop is not None and stop():
                done = False
                break
            with _collector_paused():
                data = pickle.dumps((self.code, part), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic_bytes(folder / f"{name}.pickle", seal(data))
            mark_saved()
        for table in _written(self.tables):
            if table.part_by is not None:  # the files it was kept in before it was kept in parts
                for number in range(_PARTS):
                    (folder / f"{table.name}-{number}.pickle").unlink(missing_ok=True)
        self.foreign = 0  # what it holds now is this user's own
        if keep_in_memory:
            global _IN_MEMORY
            _IN_MEMORY = (root, _part_signatures(root, self.tables), self)
        return done

    def _changed_parts(self) -> Iterator[tuple[str, dict[Any, Any], Callable[[], None]]]:
        """(file name, entries, what marks it saved) of each part unlike what its file holds;
        a parted table's key list after its parts."""
        for table in _written(self.tables):
            entries = self.entries[table.name]
            if isinstance(entries, PartedEntries):
                yield from _changed_named_parts(table.name, entries)
                continue
            for number, part in self._touched_parts(table.name).items():
                before = self.stored.get((table.name, number))
                mark = functools.partial(self.stored.__setitem__, (table.name, number), part)
                if before is None or table.summary(part) != table.summary(before):
                    yield f"{table.name}-{number}", part, mark
                else:
                    mark()  # what the file holds, by the table's rule: its entries are kept to compare

    def keep_unsaved(self, root: Path) -> None:
        """Keep this cache for the next load(from_memory=True) of this process without writing
        it: readouts serve writes it once no change has come for a moment (`save_kept`), so the
        build a next change starts does not wait for the writing. The files stay as the last
        save left them; should this process end before writing them, the next build of another
        finds their manifest older than the site's marker and makes the site whole."""
        global _IN_MEMORY, _UNSAVED
        _IN_MEMORY = (root, _part_signatures(root, self.tables), self)
        _UNSAVED = True


def _changed_named_parts(table: str, entries: PartedEntries[Any, Any]
                         ) -> Iterator[tuple[str, dict[Any, Any], Callable[[], None]]]:
    for name, part in list(entries.changed_parts()):
        yield f"{table}-{name}", part, functools.partial(entries.saved.__setitem__, name, frozenset(part))
    keys = entries.all_keys()
    if keys != entries.keys_saved:
        yield f"{table}-{KEYS}", dict.fromkeys(keys), functools.partial(setattr, entries, "keys_saved", keys)


_MISSING = object()


def _part(key: Any) -> int:
    """The part a key is kept in: the same in every process (str's hash is not)."""
    return zlib.crc32(repr(key).encode("utf-8")) % _PARTS


_IN_MEMORY: tuple[Path, list[list[int]], BuildCache] | None = None
"""The root, the signatures of the cache's files as saved, and the cache last saved by this
process (BuildCache.load's `from_memory`)."""
_UNSAVED = False
"""Whether the cache kept in memory holds what its files do not (BuildCache.keep_unsaved)."""


def save_kept(root: Path, stop: Callable[[], bool] | None = None) -> bool:
    """Write the cache this process keeps in memory for `root` if it holds what its files do
    not, until `stop` says to (the rest at the next call); True when it wrote. The caller
    holds the build lock. Files another process wrote since are newer than what this process
    keeps: the kept cache is dropped, not written over them."""
    global _UNSAVED, _IN_MEMORY
    if not _UNSAVED or _IN_MEMORY is None or _IN_MEMORY[0] != root:
        return False
    if _IN_MEMORY[1] != _part_signatures(root, _IN_MEMORY[2].tables):
        _IN_MEMORY, _UNSAVED = None, False
        return False
    _UNSAVED = not _IN_MEMORY[2].save(root, keep_in_memory=True, stop=stop)
    return True


def _written(tables: Tables) -> Tables:
    """The tables kept in files."""
    return tuple(table for table in tables if not table.in_memory_only)


def _part_signatures(root: Path, tables: Tables) -> list[list[int]]:
    found = []
    for table in _written(tables):
        # A parted table's key list is written after every change to its parts.
        for part in [KEYS] if table.part_by is not None else range(_PARTS):
            try:
                found.append(signature_of(os.stat(root / CACHE_DIR / f"{table.name}-{part}.pickle")))
            except OSError:
                found.append(UNKNOWN_SIGNATURE)
    return found


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def settled_signature(stat: os.stat_result, looked_at_ns: int) -> tuple[int, ...] | None:
    """A file's size, modification and change time and inode, to tell it unchanged without
    reading it; None when it changed less than RACY_NS before `looked_at_ns`, too recently to
    tell."""
    signature = signature_of(stat)
    return tuple(signature) if settled(signature, looked_at_ns) else None


def settled(signature: list[int], looked_at_ns: int) -> bool:
    """Whether a file of this signature had last changed RACY_NS or more before `looked_at_ns`."""
    return looked_at_ns - max(signature[1], signature[2]) >= RACY_NS


RACY_NS = 2_000_000_000
"""A file modified this close before the scan may change again within the same timestamp tick
without its size or time changing: it is never taken as unchanged."""


def signature_of(stat: os.stat_result) -> list[int]:
    # The change time and inode too: copying with the times kept (cp -p, rsync -t, tar) or
    # swapping a file for another of the same size and time changes one of them.
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


UNKNOWN_SIGNATURE = [-1, -1, -1, -1]
"""What a file that cannot be looked at is recorded as: never equal, so never trusted."""


def now_ns() -> int:
    return time.time_ns()
