"""Checks that each page's fingerprint covers what its context reads.

A page whose context reads something its fingerprint leaves out goes stale: an incremental build
keeps the old file although a clean build would write another. `uncovered_reads` builds every
page's fingerprint and context over a graph that records each read — a table's entry, a
readout's or meeting's field — and returns the reads of a context that no read of its
fingerprint covers. The tests run it over built sites; a kind added without the inputs of its
context in its fingerprint fails there, not in a reader's browser.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readouts.model import SiteGraph
from readouts.render.depends import Dependencies
from readouts.render.pages.grouped import YEAR_SPLITS, GroupMemo
from readouts.render.pages.kind import Site

Read = tuple[str, ...]
"""("readouts", id, field), ("meetings", id, field), (table, key), (table, "*") for the whole
table, ("everything",) for every readout's file."""

COMMON = frozenset({"config", "topics", "people", "terms"})
"""What every fingerprint covers through Dependencies.common: the settings and registries."""

OWN_TEXT = frozenset({"block_topics", "quoted", "terms_by_readout", "block_voice"})
"""Tables derived from one readout's own text and the registries: its digest covers them (and,
for block_voice of a readout in a meeting, the meeting's date: see _covered)."""

IDENTITY = frozenset({"id", "path"})
"""Fields that name a readout or meeting rather than say anything of it."""


class _Recorded:
    """A readout or meeting whose field reads are logged."""

    __slots__ = ("_key", "_log", "_table", "_value")

    def __init__(self, table: str, key: str, value: Any, log: set[Read]) -> None:
        self._table, self._key, self._value, self._log = table, key, value, log

    def __getattr__(self, name: str) -> Any:
        self._log.add((self._table, self._key, name))
        return getattr(self._value, name)


class _RecordedTable(Mapping[str, Any]):
    """A table of the graph whose lookups are logged; iterating it reads the whole table."""

    def __init__(self, name: str, table: Mapping[str, Any], log: set[Read], records: bool) -> None:
        self._name, self._table, self._log, self._records = name, table, log, records

    def _value(self, key: str, value: Any) -> Any:
        return _Recorded(self._name, key, value, self._log) if self._records else value

    def __getitem__(self, key: str) -> Any:
        if not self._records:
            self._log.add((self._name, key))
        return self._value(key, self._table[key])

    def __contains__(self, key: object) -> bool:
        self._log.add((self._name, str(key)))
        return key in self._table

    def __iter__(self) -> Iterator[str]:
        self._log.add((self._name, "*"))
        return iter(self._table)

    def __len__(self) -> int:
        self._log.add((self._name, "*"))
        return len(self._table)

    def values(self) -> Any:
        # Each value logs the fields read of it; which values there are is the table's keys.
        self._log.add((self._name, "*"))
        return [self._value(k, v) for k, v in self._table.items()]


class _RecordedCorpus:
    __slots__ = ("_corpus", "_log")

    def __init__(self, corpus: Any, log: set[Read]) -> None:
        self._corpus, self._log = corpus, log

    def __getattr__(self, name: str) -> Any:
        if name not in COMMON:
            self._log.add(("everything",) if name == "readouts" else ("corpus", name))
        return getattr(self._corpus, name)


class RecordingGraph:
    """A SiteGraph that logs what is read of it."""

    def __init__(self, graph: SiteGraph) -> None:
        self.log: set[Read] = set()
        self._graph = graph

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._graph, name)
        if name == "corpus":
            return _RecordedCorpus(value, self.log)
        if name in ("people", "topics") or callable(value):
            return value  # the registries: Dependencies.common
        if name == "chronology":
            self.log.add(("chronology", "*"))
            return value
        return _RecordedTable(name, value, self.log, records=name in ("readouts", "meetings"))


def _covered(read: Read, covering: set[Read], graph: SiteGraph) -> bool:
    if read in covering or ("everything",) in covering:
        return True
    table, key = read[0], read[1] if len(read) > 1 else ""
    if len(read) == 3 and read[2] in IDENTITY:
        return True
    if table == "meetings" and key in graph.meetings:
        # A meeting is made from its accounts: their texts cover all it says.
        return all(("readouts", r, "digest") in covering for r in graph.meetings[key].readout_ids)
    if table == "block_voice" and key in graph.meeting_of:
        # A paragraph's voice is its text read against its meeting's day (link/voice.py).
        return (("readouts", key, "digest") in covering
                and ("meetings", graph.meeting_of[key], "date") in covering)
    return (table == "readouts" or table in OWN_TEXT) and ("readouts", key, "digest") in covering


@dataclass(frozen=True, slots=True)
class Uncovered:
    path: str
    reads: tuple[Read, ...]
    """What the page's context reads and its fingerprint does not cover."""


class _FingerprintReads(Dependencies):
    """Fingerprints over a recording graph; a group's key is made unrecorded, and checked apart."""

    def __init__(self, graph: SiteGraph, recording: RecordingGraph, root: Path) -> None:
        super().__init__(recording, root)  # type: ignore[arg-type]
        self._real = Dependencies(graph, root)

    def group_key(self, readout_ids: tuple[str, ...]) -> tuple[Any, ...]:
        return self._real.group_key(readout_ids)


def uncovered_reads(graph: SiteGraph, root: Path) -> list[Uncovered]:
    """Every page whose context reads what its fingerprint does not cover, with those reads.

    Each kind's pages are planned twice in step: once with fingerprints made over a recording
    graph (a page's fingerprint is made as the page is given, so the reads between two pages are
    its own), once with contexts bound to another recording graph, each context then built
    alone. A topic's or person's pages are kept whole while their group key is unchanged, so
    what their contexts read must be covered by that key as well.
    """
    from readouts.render.pages import KINDS

    never = GroupMemo({}, lambda path, fingerprint: False)
    found = []
    for kind in KINDS:
        fingerprint_graph, context_graph = RecordingGraph(graph), RecordingGraph(graph)
        planner = Site(graph, _FingerprintReads(graph, fingerprint_graph, root), never)
        builder = Site(context_graph, Dependencies(graph, root), GroupMemo({}, never.reusable))  # type: ignore[arg-type]
        fingerprint_pages, context_pages = kind.pages(planner), kind.pages(builder)
        for page in fingerprint_pages:
            covering = set(fingerprint_graph.log)
            fingerprint_graph.log.clear()
            planner.depends.forget_links()  # each page's fingerprint reads its links itself
            built = next(context_pages)
            assert built.path == page.path, (built.path, page.path)
            context_graph.log.clear()
            built.context()
            keyed = _group_key_reads(graph, root, never, page.path)
            missing = {r for r in context_graph.log if not (_covered(r, covering, graph) and _covered(r, keyed, graph))}
            if missing:
                found.append(Uncovered(page.path, tuple(sorted(missing))))
    return found


def _group_key_reads(graph: SiteGraph, root: Path, memo: GroupMemo, path: str) -> set[Read]:
    """What the group key of the topic or person a page belongs to reads; everything for a page
    of no group (it has no key to be kept by)."""
    for (kind, owner), (_, remembered, _) in memo.now.items():
        if any(entry[0] == path for entry in remembered):
            recording = RecordingGraph(graph)
            Dependencies(recording, root).group_key(YEAR_SPLITS[kind].members(graph, owner))  # type: ignore[arg-type]
            return recording.log
    return {("everything",)}
