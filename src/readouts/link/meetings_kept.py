"""The last build's meeting groups and Meetings, taken again where what they were made from is
the same.

A stretch of consecutive days is grouped apart from every other (meetings.py), and a Meeting is
made from its accounts alone: a new readout changes the groups of its own stretch and the
Meeting it joins, and nothing else. What was made is kept two ways. A process that builds again
and again (readouts serve) keeps the very Readouts it was made from (link.LINK_KEPT, compared by
identity). The build cache's files keep it under the ids and digests of the accounts
(MEETINGS_KEPT), for the command line, where every build is a new process and no Readout is
the same object twice: a readout's digest is of its Markdown and its import record, all that
load makes the Readout from. A stretch or meeting with an account made in memory (no digest) is
made again.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from typing import Any

from readouts.cache import CacheTable, unchanged_under_keys
from readouts.model import Meeting, Readout

MEETINGS_KEPT: CacheTable[str, Any] = CacheTable("meetings", unchanged_under_keys)
"""`stretch <its readout ids in grouping order> / <their digests> / <the meeting ids set by hand>`
→ the stretch's groups; `meeting <its id> / <its accounts' ids> / <their digests>` → the
Meeting's fields (`_fields`). Each key holds all its entry was made from, so an entry never
changes under its key. Ids are letters, digits and hyphens and digests hex, so the words joined
by spaces say what they were made from; one string rather than a tuple of tuples was a third
of the objects to unpickle, and its hash is kept."""

Groups = dict[str, tuple[str, ...]]

KeptStretches = dict[tuple[str, ...], tuple[tuple[Readout, ...], frozenset[str], Groups]]
"""A stretch's readout ids → (its Readouts, the keys set by hand, its groups), for the next build."""

MadeMeetings = dict[str, tuple[tuple[Readout, ...], Meeting]]
"""Meeting id → (its accounts, the Meeting made of them), for the next build of this process."""


def _made_from(kind: str, ids: Iterable[str], accounts: tuple[Readout, ...], then: str = "") -> str | None:
    """The key of what `accounts` make; None when one was made in memory and has no digest."""
    digests = [readout.digest for readout in accounts]
    return f"{kind} {' '.join(ids)} / {' '.join(digests)}{then}" if all(digests) else None


MeetingFields = tuple[int | None, str | None, str | None, str, str]
"""What a Meeting holds besides its id and accounts (both in its key): its day's ordinal, place,
format, and its participants' and previews' ids joined by spaces. 10,000 Meetings at 10,000
readouts unpickled in 20 ms as dataclasses with dates, in 4 ms as tuples (measured), and
strings joined are a fraction of the objects (and of the memory: the table took 11 MB of an
add's 256 with the whole Meeting in tuples)."""


def _fields(meeting: Meeting) -> MeetingFields:
    return (meeting.date.toordinal() if meeting.date else None, meeting.place, meeting.format,
            " ".join(meeting.participants), " ".join(meeting.preview_ids))


def _meeting(meeting_id: str, readout_ids: tuple[str, ...], fields: MeetingFields) -> Meeting:
    day, place, how, participants, previews = fields
    return Meeting(id=meeting_id, date=None if day is None else dt.date.fromordinal(day), place=place,
                   participants=tuple(participants.split(" ")) if participants else (), readout_ids=readout_ids,
                   format=how, preview_ids=tuple(previews.split(" ")) if previews else ())  # type: ignore[arg-type]


class KeptMeetings:
    """What the last build made, asked stretch by stretch and meeting by meeting; it is left
    holding what this build made, and only that (`made` in memory, `stored` for the cache)."""

    def __init__(self, made: dict[str, Any] | None, stored: dict[str, Any] | None) -> None:
        kept = made if made is not None else {}
        self.stretches_before: KeptStretches = kept.setdefault("stretches", {})
        self.meetings_before: MadeMeetings = kept.setdefault("meetings", {})
        self.stored = stored if stored is not None else {}
        self.stretches_now: KeptStretches = {}
        self.meetings_now: MadeMeetings = {}
        self.used: set[str] = set()
        self._by_hand: tuple[frozenset[str], str] = (frozenset(), " / ")

    def groups(self, stretch: tuple[str, ...], accounts: tuple[Readout, ...], set_by_hand: frozenset[str],
               make: Callable[[], Groups]) -> Groups:
        """The groups of a stretch's `accounts`: the last build's when made from the same, else made."""
        before = self.stretches_before.get(stretch)
        if before is not None and before[1] == set_by_hand and all(map(operator.is_, before[0], accounts)):
            grouped = before[2]
        else:
            if self._by_hand[0] != set_by_hand:
                self._by_hand = (set_by_hand, " / " + " ".join(sorted(set_by_hand)))
            grouped = self._stored(_made_from("stretch", stretch, accounts, self._by_hand[1]), make)
        self.stretches_now[stretch] = (accounts, set_by_hand, grouped)
        return grouped

    def meeting(self, key: str, members: tuple[str, ...], accounts: tuple[Readout, ...],
                make: Callable[[], Meeting]) -> Meeting:
        """The Meeting `key` of `accounts`: the last build's when made from the same, else made."""
        before = self.meetings_before.get(key)
        if before is not None and len(before[0]) == len(accounts) and all(map(operator.is_, before[0], accounts)):
            made = before[1]
        else:
            fields = self._stored(_made_from(f"meeting {key} /", members, accounts), lambda: _fields(make()))
            made = _meeting(key, members, fields)
        self.meetings_now[key] = (accounts, made)
        return made

    def _stored(self, key: str | None, make: Callable[[], Any]) -> Any:
        if key is None:
            return make()
        self.used.add(key)
        found = self.stored.get(key)
        if found is None:
            found = self.stored[key] = make()
        return found

    def forget_the_rest(self) -> None:
        """Keep only what this build made or took, so the cache never outgrows the site."""
        self.stretches_before.clear()
        self.stretches_before.update(self.stretches_now)
        self.meetings_before.clear()
        self.meetings_before.update(self.meetings_now)
        for stale in self.stored.keys() - self.used:
            del self.stored[stale]
