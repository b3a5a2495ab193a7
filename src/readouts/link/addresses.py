"""Addresses published before and gone now → where they lead: a readout's old ids (its
`aliases:`) to the readout, a meeting's old id to the meeting holding most of its readouts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from readouts.model import Meeting, Readout


def moved_readouts(readouts: Mapping[str, Readout]) -> dict[str, str]:
    """Alias → the readout that lists it (load refuses an alias that is a live id or claimed twice)."""
    return {alias: readout.id for readout in readouts.values() for alias in readout.aliases}


def moved_meetings(published: Mapping[str, tuple[str, ...]], meetings: Mapping[str, Meeting],
                   meeting_of: Mapping[str, str], renamed: Mapping[str, str]) -> dict[str, str]:
    """Old meeting id → the live meeting that now holds most of the readouts its page held
    (a tie goes to the first id in order, so every build chooses the same).

    A readout renamed since is followed by its alias. An old meeting none of whose readouts is
    in a meeting now (all deleted, or no longer reporting one) leads nowhere: its address finds
    the site's 404 page, as any address of something removed does."""
    moved = {}
    for old_id, held in published.items():
        if old_id in meetings:
            continue
        now = Counter(meeting_of[r] for r in (renamed.get(r, r) for r in held) if r in meeting_of)
        if now:
            moved[old_id] = min(now, key=lambda meeting_id: (-now[meeting_id], meeting_id))
    return dict(sorted(moved.items()))
