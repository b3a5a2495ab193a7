"""An account that prints no day at all ("on Monday"): the one meeting its people, place and way
of meeting single out, if any; and whether two accounts' places and ways of meeting agree at all.

Kept apart from meetings.py, which groups the dated accounts and those that print a day without
a year, because what singles a meeting out here is a judgement about archives: how often the same
people meet in the same city or call each other again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping

from readouts.model import Person, Readout


def compatible(a: Readout, b: Readout) -> bool:
    """Two accounts that name different places or different ways of meeting (a telephone talk
    and a meeting, a foreign ministers' meeting and the "2+2" held the same day) report two
    meetings."""
    if a.meeting.place and b.meeting.place and a.meeting.place != b.meeting.place:
        return False
    # a city is where people sat together: no account of a call names one
    if ((a.meeting.place and b.meeting.format in REMOTE_FORMATS)
            or (b.meeting.place and a.meeting.format in REMOTE_FORMATS)):
        return False
    return not (a.meeting.format and b.meeting.format and a.meeting.format != b.meeting.format)


REMOTE_FORMATS = frozenset({"telephone", "video"})


def printed_day_of(readout: Readout) -> tuple[int, int] | None:
    """The day a text prints without a year that places its meeting: the meeting's own ("summit on
    Nov. 10"), else its dateline's ("TOKYO, August 31. /TASS/.")."""
    return readout.imported.day_without_year if readout.imported else None


SPECIFIC_FORMATS = frozenset({"2+2"})
"""Ways of meeting rare enough that two people who met so are one meeting in most archives. Not
a call: two leaders or ministers call each other time and again (Kishida and Putin in October
2021 and February 2022), and an archive holding one call would take every story of the other
into it. A call singles out one by the weekday the story prints (_singled_out_by_format)."""


def join_by_people(readouts: Mapping[str, Readout], order: tuple[str, ...],
                   groups: dict[str, list[str]], ministers: frozenset[str] = frozenset()) -> None:
    """Add to `groups` each account that prints no day at all and names exactly one meeting.

    A news item retelling a ministry's readout often prints no date ("on Monday"). It joins the
    one dated meeting whose participants are exactly its own and whose accounts name no other
    place or format, when what it says singles out a meeting: three people or more, two and a
    "2+2", two and a call or video meeting on the weekday the text prints, two and the text's
    own date, since a text whose publication day is known was written within a week after
    the meeting (two who met on consecutive days fit both, and stay apart), or two and the city
    where the meeting's accounts say they met. Two ministers
    who met in person more than once fit several meetings, and an account that fits more than
    one, or none, stays apart: an account left out is a gap a person fills, one put in the wrong
    meeting a wrong record.

    Exactly its people, not people that hold its own or are held in them: a report of the
    foreign ministers' talks that also names the leaders whose summit they prepare would join
    the leaders' meeting; and one shared person is not enough even for a "2+2", whose Russian
    minister at Tokyo in 2017 was there in 2013 too — unless the account names four foreign and
    defence ministers, all of a "2+2", and the one "2+2" that fits is named in its accounts by
    some of them alone."""
    joined = {m for members in groups.values() for m in members}
    joining = [r for r in order if r not in joined and _names_its_meeting(readouts[r])]
    if not joining:
        return  # the meetings are not looked up by people for nothing (0.015 s at 10,000 readouts)
    by_people: dict[frozenset[str], list[str]] = defaultdict(list)
    for key, members in groups.items():
        if any(readouts[m].meeting.date for m in members):
            by_people[frozenset(p for m in members for p in readouts[m].participants)].append(key)
    for readout_id in joining:
        readout = readouts[readout_id]
        people = frozenset(readout.participants)
        keys = by_people.get(people, [])
        if not keys and readout.meeting.format == "2+2" and len(people) == 4 and people <= ministers:
            # a "2+2" is four ministers, and a minister's own account may name only himself: one
            # naming all four fits the "2+2" whose accounts name some of them and no one else
            keys = [key for held, found in by_people.items() if held <= people for key in found]
        fits = [key for key in keys if _fits_by_people(readout, [readouts[m] for m in groups[key]])]
        if len(fits) == 1:
            groups[fits[0]].append(readout_id)


def ministers_of_a_two_plus_two(people: tuple[Person, ...]) -> frozenset[str]:
    """Who held a foreign or defence ministry, the offices a "2+2" seats."""
    return frozenset(person.id for person in people
                     if any(_TWO_PLUS_TWO_OFFICE.search(role.title) for role in person.roles))


_TWO_PLUS_TWO_OFFICE = re.compile(r"^Minister (?:for|of) (?:Foreign Affairs|Defen[cs]e)\b")


def _names_its_meeting(readout: Readout) -> bool:
    """Whether an account that prints no day says enough to single out one meeting by its people
    (_join_by_people)."""
    people = frozenset(readout.participants)
    return not (readout.meeting.date is not None or readout.meeting.meeting_id
                or printed_day_of(readout) or len(people) < 2
                or (_by_place_alone(readout) and (not readout.meeting.place or readout.meeting.place in _CAPITALS)))


_CAPITALS = frozenset({"Moscow", "Tokyo"})
"""The two sides' capitals, where each side's leaders and ministers receive the other's visit
after visit (Abe in Moscow in 2013, 2018 and 2019): a capital singles out no one meeting, though
an archive may hold only one of those held there."""


def _by_place_alone(readout: Readout) -> bool:
    """Whether only its place singles out the meeting of an account that prints no day: two
    people who met in person, in a text whose own day is unknown. Two leaders meet in many
    cities but in most only once (Irkutsk, Nagato), so the one meeting of theirs held there is
    the one it reports; where they met twice, both fit and it stays apart, and in a capital it
    stays apart always (_CAPITALS)."""
    return (len(readout.participants) < 3 and not _singled_out_by_format(readout)
            and readout.published is None)


def _singled_out_by_format(readout: Readout) -> bool:
    """A "2+2", or a call or video meeting whose story prints the weekday ("Noda on Monday
    expressed hope to … Putin … in a 5-minute telephone conversation")."""
    return readout.meeting.format in SPECIFIC_FORMATS or (
        readout.meeting.format in REMOTE_FORMATS and _printed_weekday(readout) is not None)


def _printed_weekday(readout: Readout) -> int | None:
    return readout.imported.printed_weekday if readout.imported else None


def _on_the_weekday_printed(readout: Readout, members: list[Readout]) -> bool:
    """A story that prints its meeting's weekday reports one held that day, or the day before
    it by the clock of the other side (a call in the Moscow evening is the next day in Tokyo)."""
    weekday = _printed_weekday(readout)
    held = next((m.meeting.date for m in members if m.meeting.date), None)
    return weekday is None or held is None or weekday in (held.weekday(), (held.weekday() + 1) % 7)


def _fits_by_people(readout: Readout, members: list[Readout]) -> bool:
    """Whether an account that prints no day can report the meeting of `members`."""
    return (all(compatible(readout, member) for member in members)
            and _reported_soon_after(readout, members) and _on_the_weekday_printed(readout, members)
            and (readout.meeting.format is None or any(m.meeting.format == readout.meeting.format for m in members))
            and (not _by_place_alone(readout) or any(m.meeting.place == readout.meeting.place for m in members)))


REPORTED_WITHIN = dt.timedelta(days=7)
"""How long after a meeting a dated text that does not print the meeting's day can report it."""


def _reported_soon_after(readout: Readout, members: list[Readout]) -> bool:
    """A text published on a known day reports a meeting held that day or in the week before it:
    a news item dated August 2021 that names no day is not about a call of the October before."""
    if readout.published is None:
        return True
    held = next((m.meeting.date for m in members if m.meeting.date), None)
    return held is not None and held <= readout.published <= held + REPORTED_WITHIN
