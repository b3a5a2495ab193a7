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
    """What one call made, for the next: each readout's entry, who carries each key, the lists."""

    entries: dict[str, Entry]
    index: dict[str, list[str]]
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
    made_now: dict[str, tuple[Readout, Entry]] = {}
    for readout_id in order:
        readout = readouts[readout_id]
        last = made.get(readout_id) if made is not None else None
        entry = last[1] if last is not None and last[0] is readout else _entry(readout)
        entries[readout_id] = entry
        made_now[readout_id] = (readout, entry)
        for key in entry[0]:
            index[key].append(readout_id)
    if made is not None:
        made.clear()
        made.update(made_now)
    weight = {key: 1 / math.log(2 + len(ids)) for key, ids in index.items()}
    before = kept.get("lists") if kept is not None else None
    if before is None:
        redo: Iterable[str] = order
        related: dict[str, tuple[str, ...]] = {}
    else:
        redo = _affected(entries, index, before.entries, before.index)
        related = {r: before.related[r] for r in order if r not in redo}
    for readout_id in redo:
        related[readout_id] = _ranked(readout_id, entries, index, weight)
    if kept is not None and (before is None or redo or entries != before.entries):
        kept["lists"] = RelatedLists(entries, dict(index), related, before.version + 1 if before else 0)
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

    def apart(other: str) -> int:
        other_day = entries[other][1]
        return abs(other_day - day) if day is not None and other_day is not None else _UNKNOWN_TIME

    ranked = sorted(scores, key=lambda o: (-round(scores[o], 9), apart(o), o))
    return tuple(ranked[:MAX_RELATED])


def _affected(entries: Mapping[str, Entry], index: Mapping[str, list[str]],
              old_entries: Mapping[str, Entry], old_index: Mapping[str, list[str]]) -> set[str]:
    """The readouts whose lists may differ from the last call's: those whose keys or date
    changed, and everyone sharing a key that counts (carried by _COMMON or fewer, before or now)
    with one of them, since that key's weight, its carriers or their dates moved."""
    changed = [r for r in entries.keys() | old_entries.keys() if entries.get(r) != old_entries.get(r)]
    affected = {r for r in changed if r in entries}
    touched = {key for r in changed for entry in (entries.get(r), old_entries.get(r)) if entry for key in entry[0]}
    for key in touched:
        now, then = index.get(key, ()), old_index.get(key, ())
        if min(len(now), len(then)) <= _COMMON:
            affected.update(now)
    return affected


def _entry(readout: Readout) -> Entry:
    keys = tuple(f"t:{t}" for t in readout.topics) + tuple(f"p:{p}" for p in readout.participants)
    return keys, readout.date.toordinal() if readout.date else None
