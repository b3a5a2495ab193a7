"""Accounts of the same meeting, grouped: same day, overlapping participants, compatible place.

A person's `meeting: {id: …}` in front matter always wins over the automatic grouping.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from readouts.model import Meeting, Readout


def _same_meeting(a: Readout, b: Readout) -> bool:
    """Two dated accounts describe one meeting when they share the day, at least two
    participants (or all of the smaller list), and do not name different places."""
    if a.meeting.date is None or a.meeting.date != b.meeting.date:
        return False
    if a.meeting.place and b.meeting.place and a.meeting.place != b.meeting.place:
        return False
    shared = set(a.participants) & set(b.participants)
    smaller = min(len(a.participants), len(b.participants))
    return len(shared) >= 2 or (smaller > 0 and len(shared) == smaller)


def meeting_id_for(readout: Readout) -> str:
    day = readout.meeting.date.isoformat() if readout.meeting.date else "undated"
    people = "-".join(p.split("-")[-1] for p in sorted(readout.participants)[:3]) or "meeting"
    return f"{day}-{people}"


def group_meetings(readouts: Mapping[str, Readout], order: tuple[str, ...]
                   ) -> tuple[dict[str, Meeting], dict[str, str]]:
    """(meeting id → Meeting, readout id → meeting id) for readouts that report a meeting."""
    groups: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        readout = readouts[readout_id]
        if readout.meeting.meeting_id:
            groups[readout.meeting.meeting_id].append(readout_id)
            continue
        if readout.meeting.date is None:
            continue
        for key, members in groups.items():
            if any(_same_meeting(readout, readouts[m]) for m in members if not readouts[m].meeting.meeting_id):
                members.append(readout_id)
                break
        else:
            key = meeting_id_for(readout)
            suffix = 2
            while key in groups:
                key, suffix = f"{meeting_id_for(readout)}-{suffix}", suffix + 1
            groups[key].append(readout_id)

    meetings: dict[str, Meeting] = {}
    meeting_of: dict[str, str] = {}
    for key, members in sorted(groups.items()):
        accounts = [readouts[m] for m in members]
        date = next((r.meeting.date for r in accounts if r.meeting.date), None)
        place = next((r.meeting.place for r in accounts if r.meeting.place), None)
        participants = tuple(dict.fromkeys(p for r in accounts for p in r.participants))
        meetings[key] = Meeting(id=key, date=date, place=place, participants=participants,
                                readout_ids=tuple(members))
        for member in members:
            meeting_of[member] = key
    return meetings, meeting_of
