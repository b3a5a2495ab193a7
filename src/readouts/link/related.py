"""Related readouts from inverted lists (topic → readouts, person → readouts), never all pairs.

Rare topics and people say more than common ones, so each shared key weighs 1/log(2 + n), where n
is how many readouts carry it; a very common key (every readout names Lavrov) is skipped. Ties go
to the readout closest in time (days between their dates), then to the id.

A readout's list depends only on its own keys, on who carries each of them and on their dates,
so `kept` (RELATED_KEPT, in the build cache) lets the next build work out again only the lists of
the readouts that share a key with one whose keys or date changed: adding one readout to ten
thousand reworks tens, where working out every list took a sixth of the command-line add.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from readouts.cache import CacheTable, pickled_by_marshal
from readouts.model import Readout

MAX_RELATED = 5
_COMMON = 200
"""Keys shared by more readouts than this are too common to say two readouts are related."""
_UNKNOWN_TIME = 10**7
"""Days between two readouts when either is undated: farther than any two dates."""

Entry = tuple[tuple[str, ...], int | None]
"""What a readout's list is made from: its keys and its date (as a day number)."""


@pickled_by_marshal
@dataclass(frozen=True, slots=True)
class RelatedLists:
    """What one call made, for the next: each readout's entry, how many carry each key, the lists."""

    entries: dict[str, Entry]
    carriers: dict[str, int]
    """Key → how many readouts carried it: all the next call asks of who carried a key (whether
    it counted), where the lists of who carried each were 0.6 MB of every add's cache at 10,000
    readouts, marshalled on saving and loading."""
    related: dict[str, tuple[str, ...]]
    version: int
    """Counts the calls that changed anything: the cache writes the lists again only when it moved."""


def _versions(part: Mapping[str, RelatedLists]) -> frozenset[object]:
    return frozenset((key, kept.version) for key, kept in part.items())


RELATED_KEPT: CacheTable[str, RelatedLists] = CacheTable("related", _versions)
""""lists" → what the last build made, kept in the build cache so that the command line, too,
reworks only the lists a change can move."""


def related_readouts(readouts: Mapping[str, Readout], order: tuple[str, ...],
                     kept: dict[str, RelatedLists] | None = None,
                     made: dict[str, tuple[Readout, Entry]] | None = None) -> dict[str, tuple[str, ...]]:
    """Readout id → up to MAX_RELATED related readout ids, best first. `kept` holds what the last
    call made (RELATED_KEPT) and is brought up to date; `made`, each readout's entry by the very
    Readout it was made from, for the next call of this process (readouts serve)."""
    entries: dict[str, Entry] = {}
    index: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        readout = readouts[readout_id]
        last = made.get(readout_id) if made is not None else None
        entry = entries[readout_id] = last[1] if last is not None and last[0] is readout else _entry(readout)
        for key in entry[0]:
            index[key].append(readout_id)
    if made is not None:
        made.clear()
        made.update({readout_id: (readouts[readout_id], entry) for readout_id, entry in entries.items()})
    weight = {key: 1 / math.log(2 + len(ids)) for key, ids in index.items()}
    before = kept.get("lists") if kept is not None else None
    if before is None:
        redo: Iterable[str] = order
        related: dict[str, tuple[str, ...]] = {}
    else:
        redo = _affected(entries, index, before.entries, before.carriers)
        related = {r: before.related[r] for r in order if r not in redo}
    for readout_id in redo:
        related[readout_id] = _ranked(readout_id, entries, index, weight)
    if kept is not None and (before is None or redo or entries != before.entries):
        carriers = {key: len(ids) for key, ids in index.items()}
        kept["lists"] = RelatedLists(entries, carriers, related, before.version + 1 if before else 0)
    return {r: related[r] for r in order}


def _ranked(readout_id: str, entries: Mapping[str, Entry], index: Mapping[str, list[str]],
            weight: Mapping[str, float]) -> tuple[str, ...]:
    keys, day = entries[readout_id]
    scores: dict[str, float] = defaultdict(float)
    for key in keys:
        ids = index[key]
        if len(ids) > _COMMON:
            continue
        for other in ids:
            if other != readout_id:
                scores[other] += weight[key]

    candidates: Iterable[tuple[str, float]] = scores.items()
    if len(scores) > MAX_RELATED:
        # Only those that can be among the first: a score more than _NEAR below the fifth
        # highest rounds below it too. Sorting every candidate (a few hundred for each of the
        # hundreds of lists an add reworks at 10,000 readouts) was most of the lists' time.
        least = heapq.nlargest(MAX_RELATED, scores.values())[-1] - _NEAR
        candidates = [(other, score) for other, score in candidates if score >= least]
    ranked = heapq.nsmallest(MAX_RELATED, [
        (-round(score, 9),
         _UNKNOWN_TIME if day is None or (other_day := entries[other][1]) is None else abs(other_day - day), other)
        for other, score in candidates])
    return tuple(other for _, _, other in ranked)


_NEAR = 1e-6
"""Far more than a score's rounding to nine places and its sum's float error can move it."""


def _affected(entries: Mapping[str, Entry], index: Mapping[str, list[str]],
              old_entries: Mapping[str, Entry], old_carriers: Mapping[str, int]) -> set[str]:
    """The readouts whose lists may differ from the last call's: those whose keys or date
    changed, and everyone sharing a key that counts (carried by _COMMON or fewer, before or now)
    with one of them, since that key's weight, its carriers or their dates moved."""
    changed = {r for r, _ in entries.items() ^ old_entries.items()}  # set operations in C: 10,000 compared
    affected = {r for r in changed if r in entries}
    touched = {key for r in changed for entry in (entries.get(r), old_entries.get(r)) if entry for key in entry[0]}
    for key in touched:
        now = index.get(key, ())
        if min(len(now), old_carriers.get(key, 0)) <= _COMMON:
            affected.update(now)
    return affected


def _entry(readout: Readout) -> Entry:
    keys = tuple(map(_TOPIC_KEYS.__getitem__, readout.topics)) + tuple(map(_PERSON_KEYS.__getitem__,
                                                                           readout.participants))
    date = readout.date
    return keys, date.toordinal() if date else None


class _Keys(dict[str, str]):
    """Topic or person id → its key ("t:asean"), made once: 10,000 readouts name a few hundred."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, name: str) -> str:
        key = self[name] = self.prefix + name
        return key


_TOPIC_KEYS, _PERSON_KEYS = _Keys("t:"), _Keys("p:")
