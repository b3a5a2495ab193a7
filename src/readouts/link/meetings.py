"""Accounts of the same meeting, grouped: same day, overlapping participants, compatible place
and format.

A person's `meeting: {id: …}` in front matter always wins over the automatic grouping.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from readouts.link.undated import compatible, join_by_people, printed_day_of
from readouts.model import Meeting, Readout

if TYPE_CHECKING:
    from readouts.link.meetings_kept import KeptMeetings


def _same_meeting(a: Readout, b: Readout, apart: int = 0) -> bool:
    """Two dated accounts describe one meeting when they share the day, at least two
    participants (or all of the smaller list), and do not name different places. Two "2+2"
    accounts of one day are one meeting whoever each names (one side's press conference names
    its own minister only): two countries hold one "2+2" a day at most.

    `apart` days between the two dates are allowed when both name the same place: a meeting
    late in the evening in Lima is the next day in Moscow's account of it."""
    if a.meeting.date is None or b.meeting.date is None or not compatible(a, b):
        return False
    if abs((a.meeting.date - b.meeting.date).days) > apart:
        return False
    if a.meeting.date != b.meeting.date and not (a.meeting.place and a.meeting.place == b.meeting.place):
        return False
    if a.meeting.date == b.meeting.date and a.meeting.format == b.meeting.format == "2+2":
        return True
    shared = set(a.participants) & set(b.participants)
    smaller = min(len(a.participants), len(b.participants))
    return len(shared) >= 2 or (smaller > 0 and len(shared) == smaller)


ONE_DAY = dt.timedelta(days=1)


def _agreement(readout: Readout, members: list[Readout]) -> int:
    """How many of place and format the account shares with a meeting's accounts."""
    facts = readout.meeting
    return sum(1 for m in members for same in (facts.place and facts.place == m.meeting.place,
                                               facts.format and facts.format == m.meeting.format) if same)


ANNOUNCED_AHEAD = 1
"""Days an announcement without a year (an arrival report, a preview) is printed before its
meeting, at most: the same day or the eve. Farther ahead, the same people's meeting at the same
yearly forum of another year fits as well (an arrival in Vladivostok on 4 September, the talks
there on 5 September 2019 or on 7 September 2017)."""


def _offsets(announces: bool) -> range:
    """Days from the meeting to the day a text prints: 0–2 after it for an account (a dateline
    is often the next day, in another time zone), 0–1 before it for an announcement."""
    return range(0, -ANNOUNCED_AHEAD - 1, -1) if announces else range(3)


def date_for_printed_day(printed: tuple[int, int], meeting_day: dt.date, announces: bool = False) -> dt.date | None:
    """The full date of a day printed without a year, if it falls 0–2 days after the meeting
    (0–1 days before it, for a text that `announces` the meeting)."""
    for offset in _offsets(announces):
        day = meeting_day + dt.timedelta(days=offset)
        if (day.month, day.day) == printed:
            return day
    return None


def _fits_printed_day(readout: Readout, printed: tuple[int, int], members: list[Readout]) -> bool:
    dated = [m for m in members if m.meeting.date is not None]
    announces = readout.imported is not None and readout.imported.announces
    if not dated or date_for_printed_day(printed, dated[0].meeting.date, announces) is None:  # type: ignore[arg-type]
        return False
    shared = set(readout.participants) & {p for m in members for p in m.participants}
    return len(shared) >= 2 and all(compatible(readout, member) for member in members)


def _meeting_days(printed: tuple[int, int], announces: bool) -> set[tuple[int, int]]:
    """(month, day) of each day a meeting can have been held on for a text that prints this day:
    the day and the two before it, or for an announcement the day and the one after it; in a
    leap year and not."""
    days: set[tuple[int, int]] = set()
    for year in (2000, 2001):
        try:
            day = dt.date(year, *printed)
        except ValueError:  # 29 February, in 2001
            continue
        days.update(((day - dt.timedelta(days=back)).month, (day - dt.timedelta(days=back)).day)
                    for back in _offsets(announces))
    return days


def _announces(readout: Readout) -> bool:
    """A preview or an announcement: a text published before the day of the meeting it names, or
    one that speaks of its meeting as still to come on the day itself ("to hold phone talks on
    Thursday night", filed that Thursday afternoon)."""
    meeting_day, published = readout.meeting.date, readout.published
    if readout.imported is not None and readout.imported.announces and meeting_day is not None:
        return True
    return meeting_day is not None and published is not None and meeting_day > published


def meeting_id_for(readout: Readout) -> str:
    day = readout.meeting.date.isoformat() if readout.meeting.date else "undated"
    people = "-".join(p.split("-")[-1] for p in sorted(readout.participants)[:3]) or "meeting"
    return f"{day}-{people}"


def group_meetings(readouts: Mapping[str, Readout], order: tuple[str, ...], made: dict[str, Any] | None = None,
                   ministers: frozenset[str] = frozenset(), stored: dict[str, Any] | None = None
                   ) -> tuple[dict[str, Meeting], dict[str, str]]:
    """(meeting id → Meeting, readout id → meeting id) for readouts that report a meeting.

    Four steps, in this order: the accounts that print their day are grouped; then those that
    print a day without a year join the group they fit (they need the dated groups to fit one);
    then those that print no day at all join the one group their people and format name; then
    each group becomes a Meeting. `made` holds the groups and Meetings of the last build of this
    process, `stored` those of the build cache (meetings_kept.py): a stretch of days or a Meeting
    whose accounts are the very same Readouts, or hold the same digests, is taken again, not
    made, and both are left holding this build's. `ministers` are the people who held a foreign
    or defence ministry, of whom a "2+2" is made."""
    # Imported here: the importer reads this module's rules, and what it loads is what it is keyed by.
    from readouts.link.meetings_kept import KeptMeetings

    kept = KeptMeetings(made, stored)
    groups = _groups_by_day(readouts, order, kept)
    _join_printed_days(readouts, order, groups)
    join_by_people(readouts, order, groups, ministers)
    found = _meetings_of(readouts, groups, kept)
    kept.forget_the_rest()
    return found


def _groups_by_day(readouts: Mapping[str, Readout], order: tuple[str, ...], kept: KeptMeetings
                   ) -> dict[str, list[str]]:
    """Group key → its readout ids: the groups a person set (`meeting: id:`) and the accounts of
    each day that report the same meeting.

    An account is compared only with the groups of its day and the days beside it, so the
    accounts of a stretch of consecutive days are grouped apart from every other stretch's; a
    stretch whose accounts `kept` grouped last time is taken again."""
    groups: dict[str, list[str]] = defaultdict(list)
    for readout_id in order:
        if set_by := readouts[readout_id].meeting.meeting_id:
            groups[set_by].append(readout_id)
    # An automatic key never takes a name a person gave a meeting, wherever that meeting's accounts are.
    set_by_hand = frozenset(groups)
    for stretch in _stretches(readouts, order):
        accounts = tuple(readouts[r] for r in stretch)
        grouped = kept.groups(stretch, accounts, set_by_hand,
                              functools.partial(_group_stretch, readouts, stretch, set_by_hand))
        for key, members in grouped.items():
            groups[key] = list(members)
    return groups


def _stretches(readouts: Mapping[str, Readout], order: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The dated accounts without a group set by hand, in stretches of consecutive days (a day
    without one between two stretches), each in the order they are grouped: accounts of a
    meeting first, then previews — a text published before the meeting it names joins that
    meeting's accounts but never makes a meeting of its own."""
    days = sorted({r.meeting.date for r in readouts.values() if r.meeting.date and not r.meeting.meeting_id})
    stretch_of: dict[dt.date, int] = {}
    for number, day in enumerate(days):
        stretch_of[day] = stretch_of[days[number - 1]] + (day - days[number - 1] > ONE_DAY) if number else 0
    accounts: list[list[str]] = [[] for _ in range(len(set(stretch_of.values())))]
    previews: list[list[str]] = [[] for _ in accounts]
    for readout_id in order:
        readout = readouts[readout_id]
        if readout.meeting.date is not None and not readout.meeting.meeting_id:
            (previews if _announces(readout) else accounts)[stretch_of[readout.meeting.date]].append(readout_id)
    return [tuple(first + then) for first, then in zip(accounts, previews, strict=True)]


def _group_stretch(readouts: Mapping[str, Readout], stretch: tuple[str, ...], set_by_hand: frozenset[str]
                   ) -> dict[str, tuple[str, ...]]:
    """The groups of one stretch of days: each account joins the group of its day it fits (or,
    failing that, one of the day before or after in the same place), else makes one."""
    groups: dict[str, list[str]] = defaultdict(list)
    on_day: dict[dt.date, list[str]] = defaultdict(list)
    """Day → the groups of that day: a readout is compared with its own day's only."""
    for readout_id in stretch:
        readout = readouts[readout_id]
        day = readout.meeting.date
        assert day is not None
        fits = [key for key in on_day[day] if any(_same_meeting(readout, readouts[m]) for m in groups[key])]
        if not fits:
            # the day before or after, in the same place (time zones)
            fits = [key for near in (day - ONE_DAY, day + ONE_DAY) for key in on_day[near]
                    if any(_same_meeting(readout, readouts[m], apart=1) for m in groups[key])]
        if fits:
            # an account that fits two meetings of the day joins the one it agrees with most
            best = max(fits, key=lambda key: _agreement(readout, [readouts[m] for m in groups[key]]))
            groups[best].append(readout_id)
        elif not _announces(readout):
            key = meeting_id_for(readout)
            suffix = 2
            while key in groups or key in set_by_hand:
                key, suffix = f"{meeting_id_for(readout)}-{suffix}", suffix + 1
            groups[key].append(readout_id)
            on_day[day].append(key)
    return {key: tuple(members) for key, members in groups.items()}


def _join_printed_days(readouts: Mapping[str, Readout], order: tuple[str, ...],
                       groups: dict[str, list[str]]) -> None:
    """Add to `groups` each account that prints its day without a year and fits one group.

    An account that prints its day without a year ("TOKYO, August 31. /TASS/.") joins the one
    meeting it fits: same people, no other place, held that day or up to two days before (a
    dateline is often the next day, in another time zone). A text that announces its meeting
    ("has arrived …, where he is due to … meet with") joins one held that day or the next,
    never one before: an arrival report printed "September 4" is not an account of
    the talks of 2 September three years earlier."""
    # Only the meetings held on the printed day or up to two days before can fit, so they are
    # looked up by the month and day of their date, not tried one by one: a site of imported
    # news items without a year would otherwise compare each with every meeting.
    joining = [r for r in order if readouts[r].meeting.date is None and not readouts[r].meeting.meeting_id
               and printed_day_of(readouts[r]) is not None]
    if not joining:
        return  # the meetings are not looked up by day for nothing (0.01 s at 10,000 readouts)
    by_day: dict[tuple[int, int], list[str]] = defaultdict(list)
    place_in_order = {key: number for number, key in enumerate(groups)}
    for key, members in groups.items():
        first_day = next((readouts[m].meeting.date for m in members if readouts[m].meeting.date), None)
        if first_day is not None:
            by_day[(first_day.month, first_day.day)].append(key)
    for readout_id in joining:
        readout = readouts[readout_id]
        printed = printed_day_of(readout)
        assert printed is not None
        announces = readout.imported is not None and readout.imported.announces
        candidates = sorted({key for day in _meeting_days(printed, announces) for key in by_day.get(day, ())},
                            key=place_in_order.__getitem__)
        fits = [key for key in candidates if _fits_printed_day(readout, printed, [readouts[m] for m in groups[key]])]
        if len(fits) == 1:
            groups[fits[0]].append(readout_id)


def _meetings_of(readouts: Mapping[str, Readout], groups: Mapping[str, list[str]], kept: KeptMeetings
                 ) -> tuple[dict[str, Meeting], dict[str, str]]:
    """Each group as a Meeting, its facts from the first account that gives each; one `kept`
    from the same accounts is taken again."""
    meetings: dict[str, Meeting] = {}
    meeting_of: dict[str, str] = {}
    for key, members in sorted(groups.items()):
        accounts = tuple(readouts[m] for m in members)
        meetings[key] = kept.meeting(key, tuple(members), accounts, functools.partial(_meeting, key, accounts))
        for member in members:
            meeting_of[member] = key
    return meetings, meeting_of


def _meeting(key: str, accounts: tuple[Readout, ...]) -> Meeting:
    date = next((r.meeting.date for r in accounts if r.meeting.date), None)
    place = next((r.meeting.place for r in accounts if r.meeting.place), None)
    participants = tuple(dict.fromkeys(p for r in accounts for p in r.participants))
    how = next((r.meeting.format for r in accounts if r.meeting.format), None)
    previews = tuple(r.id for r in accounts if date and (_announces(r) or (r.published and r.published < date)))
    if len(previews) == len(accounts):
        previews = ()  # what the previews tell is all that is known of it: they are its accounts
    return Meeting(id=key, date=date, place=place, participants=participants,
                   readout_ids=tuple(r.id for r in accounts), format=how, preview_ids=previews)
