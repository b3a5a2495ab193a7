"""What changed in the graph since the last build, as the pages of readouts and meetings read it.

A readout's page reads the readout itself, its neighbours by date, its related readouts and its
meeting with that meeting's accounts; a meeting's page reads the meeting and its accounts. Adding
one readout to ten thousand changes these for a few dozen readouts and a meeting or two, yet
fingerprinting every page again to find them took a sixth of the command-line add at 10,000
readouts. `GraphState` is what the last build's graph was, as those pages read it, kept in the
build cache; `changes_since` names the readouts and meetings whose pages may read otherwise now.
The pages of every other readout and meeting read what they read last time, so the planning
stage gives them the fingerprints the last build gave them (render/pages/unchanged.UnchangedPages).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from readouts.cache import pickled_by_marshal
from readouts.model import SiteGraph

MeetingFields = tuple[int | None, str | None, str | None, tuple[str, ...], tuple[str, ...], tuple[str, ...]]
"""A meeting's date (its ordinal: pickling 5,000 dates was two thirds of the time the state took
to write at 10,000 readouts), place, format, participants, readouts and previews: what its page
and its accounts' pages show of it."""


@pickled_by_marshal
@dataclass(frozen=True, slots=True)
class GraphState:
    """The graph as the pages of readouts and meetings read it, by id."""

    digests: dict[str, str]
    """Readout id → its digest (which names its bytes and import record, so everything a link to
    it shows), in the chronology's order."""
    related: dict[str, tuple[str, ...]]
    meeting_of: dict[str, str]
    meetings: dict[str, MeetingFields]


@dataclass(frozen=True, slots=True)
class GraphChanges:
    """The readouts and meetings whose pages may read otherwise than at the last build."""

    readouts: frozenset[str]
    meetings: frozenset[str]
    regrouped: frozenset[str]
    """Of `readouts`, those new or changed, those whose meeting changed, and the accounts of a
    meeting changed, gone or holding a changed readout: what a topic's or person's group key
    (render/depends.group_key) reads of a readout, its neighbours and related lists aside."""


def graph_state(graph: SiteGraph) -> GraphState | None:
    """What the pages of `graph`'s readouts and meetings read; None when a readout has no digest
    (one made in memory stands for itself, and cannot be told unchanged)."""
    readouts = graph.readouts
    digests = {r: readouts[r].digest for r in graph.chronology}
    if not all(digests.values()):
        return None
    meetings: dict[str, MeetingFields] = {
        m: (_ordinal(meeting.date), meeting.place, meeting.format, meeting.participants, meeting.readout_ids,
            meeting.preview_ids) for m, meeting in graph.meetings.items()}
    return GraphState(digests, dict(graph.related), dict(graph.meeting_of), meetings)


def _ordinal(date: dt.date | None) -> int | None:
    return None if date is None else date.toordinal()


def changes_since(before: GraphState, now: GraphState) -> GraphChanges:
    """The readouts and meetings of `now` whose pages may read otherwise than in `before`: the
    readouts new or changed (a link to one shows it anew), those beside a readout new, changed or
    gone in either chronology (their neighbours moved), those whose related list changed or names a
    changed readout, those whose meeting changed, and every account of a meeting gone, or whose
    fields changed, or that holds a changed readout."""
    old_digests = before.digests
    changed = {r for r, digest in now.digests.items() if old_digests.get(r) != digest}
    moved = changed | (old_digests.keys() - now.digests.keys())
    touched = set(changed)
    for order in (tuple(old_digests), tuple(now.digests)):
        if moved:
            at = {r: i for i, r in enumerate(order)}
            for readout_id in moved:
                i = at.get(readout_id)
                if i is not None:
                    touched.update(order[max(i - 1, 0):i + 2])
    old_related = before.related
    touched.update(r for r, related in now.related.items()
                   if related != old_related.get(r) or not changed.isdisjoint(related))
    regrouped = set(changed)
    old_meeting_of = before.meeting_of
    regrouped.update(r for r, m in now.meeting_of.items() if old_meeting_of.get(r) != m)
    regrouped.update(old_meeting_of.keys() - now.meeting_of.keys())
    meetings = set()
    for meeting_id, fields in now.meetings.items():
        old = before.meetings.get(meeting_id)
        if old != fields or not changed.isdisjoint(fields[4]):
            meetings.add(meeting_id)
            regrouped.update(fields[4])
            if old is not None:
                regrouped.update(old[4])
    for meeting_id in before.meetings.keys() - now.meetings.keys():
        regrouped.update(before.meetings[meeting_id][4])
    return GraphChanges(frozenset(touched | regrouped), frozenset(meetings), frozenset(regrouped))
