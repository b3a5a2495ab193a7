"""Long listings split by year: which year pages a topic or a person has, and what each holds.

A topic discussed in thousands of readouts, or a minister named in them, cannot be one page that
every new readout rewrites. Each gets an overview page and a page per year (and one for the
undated readouts) at an address that does not move. This module decides, from the graph alone,
which entries belong to which year's page. The context builders render from it and depends.py
fingerprints from it, so a page's fingerprint names exactly the entries the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from readouts.model import SiteGraph
from readouts.publishers import PUBLISHERS

Year = int | None
"""The year a year page covers; None for readouts whose source gives no date."""

SHOW_ALL_UP_TO = 20
"""A topic or person with at most this many entries shows all of them on its overview page.

A small site (the demo has five readouts) then reads as it did before year pages existed, with
nothing to click through, and showing everything costs no extra rewrites: the overview's counts
by year change with every readout of the topic anyway. What the limit bounds is the size of the
page rewritten each time: twenty readouts with their excerpts are a few screens.
"""

LATEST_ON_OVERVIEW = 10
"""How many of the newest entries a larger topic's or person's overview shows."""


def year_label(year: Year) -> str:
    return str(year) if year is not None else "Undated"


def year_of(day: dt.date | None) -> Year:
    """The year a readout or meeting of this date is filed under: None for no date."""
    return day.year if day else None


def in_year_order(years: set[Year]) -> list[Year]:
    """Dated years ascending, then the undated."""
    return [*sorted(y for y in years if y is not None), *([None] if None in years else [])]


@dataclass(frozen=True, slots=True)
class TopicYear:
    year: Year
    readout_ids: tuple[str, ...]
    """The topic's readouts filed under this year (by Readout.date), oldest first."""
    meeting_ids: tuple[str, ...]
    """Meetings held this year at which an account reports the topic, in time order: the rows of
    the year's coverage table. A meeting's year is its own date's, which an account joining it by
    a printed day may not share."""


@dataclass(frozen=True, slots=True)
class TopicListing:
    topic_id: str
    years: tuple[TopicYear, ...]
    """Years with a readout or a meeting to show: dated ones ascending, then the undated."""

    @property
    def readout_ids(self) -> tuple[str, ...]:
        """Every readout of the topic, oldest first (undated last)."""
        return tuple(r for y in self.years for r in y.readout_ids)

    @property
    def meeting_ids(self) -> tuple[str, ...]:
        return tuple(m for y in self.years for m in y.meeting_ids)

    def complete(self) -> bool:
        """Whether the overview shows every entry rather than the latest few."""
        return len(self.readout_ids) <= SHOW_ALL_UP_TO

    def latest(self) -> tuple[str, ...]:
        """The newest dated readouts, newest first: what a larger topic's overview lists."""
        dated = [r for y in self.years if y.year is not None for r in y.readout_ids]
        return tuple(reversed(dated[-LATEST_ON_OVERVIEW:]))


def topic_listing(graph: SiteGraph, topic_id: str) -> TopicListing:
    readouts: dict[Year, list[str]] = {}
    for readout_id in graph.readouts_by_topic.get(topic_id, ()):
        readouts.setdefault(year_of(graph.readouts[readout_id].date), []).append(readout_id)
    # A meeting is in the table when one of its accounts reports the topic: the topic's readouts
    # name them all, so there is no need to look at every meeting of the site.
    meeting_ids = {graph.meeting_of[r] for r in graph.readouts_by_topic.get(topic_id, ()) if r in graph.meeting_of}
    meetings: dict[Year, list[str]] = {}
    for meeting_id in sorted(meeting_ids, key=lambda m: (graph.meetings[m].date or dt.date.max, m)):
        meetings.setdefault(year_of(graph.meetings[meeting_id].date), []).append(meeting_id)
    return TopicListing(topic_id, tuple(
        TopicYear(year, tuple(readouts.get(year, ())), tuple(meetings.get(year, ())))
        for year in in_year_order(set(readouts) | set(meetings))))


@dataclass(frozen=True, slots=True)
class Attendance:
    """A meeting a person attended, with the accounts of it that name them as a participant."""

    meeting_id: str | None
    """None for an account that belongs to no meeting (it gives no meeting date)."""
    day: dt.date | None
    place: str | None
    readout_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonYear:
    year: Year
    attended: tuple[Attendance, ...]
    """Meetings of this year (by the meeting's date), in the order of their first account."""
    mentioned: tuple[str, ...]
    """Readouts of this year that name the person without counting them among the participants."""


@dataclass(frozen=True, slots=True)
class PersonListing:
    person_id: str
    years: tuple[PersonYear, ...]
    """Years with something to show: dated ones ascending, then the undated."""
    counterparts: tuple[tuple[str, int], ...]
    """(person id, meetings together) for people of the other side, most first, each meeting
    counted once."""

    @property
    def attended(self) -> tuple[Attendance, ...]:
        return tuple(a for y in self.years for a in y.attended)

    @property
    def mentioned(self) -> tuple[str, ...]:
        return tuple(r for y in self.years for r in y.mentioned)

    def complete(self) -> bool:
        """Whether the overview shows every entry rather than the latest few."""
        return len(self.attended) + len(self.mentioned) <= SHOW_ALL_UP_TO

    def latest_attended(self) -> tuple[Attendance, ...]:
        dated = [a for y in self.years if y.year is not None for a in y.attended]
        return tuple(reversed(dated[-LATEST_ON_OVERVIEW:]))

    def latest_mentioned(self) -> tuple[str, ...]:
        dated = [r for y in self.years if y.year is not None for r in y.mentioned]
        return tuple(reversed(dated[-LATEST_ON_OVERVIEW:]))


def same_side(graph: SiteGraph, person_id: str, other_id: str) -> bool:
    """Whether two people are of one side by people.yaml's `country:`: a colleague at the table
    is no counterpart. "other" is not a side (a mediator from one country and an observer from
    another are both "other"), and a person without a country may be of either."""
    person, other = graph.people.get(person_id), graph.people.get(other_id)
    if person is None or other is None or person.country in (None, "other"):
        return False
    return person.country == other.country


def person_listing(graph: SiteGraph, person_id: str) -> PersonListing:
    accounts: dict[str, list[str]] = {}
    mentioned: dict[Year, list[str]] = {}
    for readout_id in graph.readouts_by_person.get(person_id, ()):
        readout = graph.readouts[readout_id]
        if person_id in readout.participants:
            # An account in no meeting stands for its own meeting, under its own id.
            accounts.setdefault(graph.meeting_of.get(readout_id, readout_id), []).append(readout_id)
        else:
            mentioned.setdefault(year_of(readout.date), []).append(readout_id)
    attended: dict[Year, list[Attendance]] = {}
    counterparts: Counter[str] = Counter()
    for key, readout_ids in accounts.items():
        meeting = graph.meetings.get(key)
        first = graph.readouts[readout_ids[0]]
        day = meeting.date if meeting else first.date
        attendance = Attendance(meeting.id if meeting else None, day,
                                meeting.place if meeting else first.meeting.place, tuple(readout_ids))
        attended.setdefault(year_of(day), []).append(attendance)
        counterparts.update(p for p in dict.fromkeys(p for r in readout_ids for p in graph.readouts[r].participants)
                            if p != person_id and not same_side(graph, person_id, p))
    return PersonListing(
        person_id,
        tuple(PersonYear(year, tuple(attended.get(year, ())), tuple(mentioned.get(year, ())))
              for year in in_year_order(set(attended) | set(mentioned))),
        tuple(sorted(counterparts.items(), key=lambda kv: (-kv[1], kv[0]))))


@dataclass(frozen=True, slots=True)
class YearListing:
    """Ids filed by year, for the site-wide listings: the timeline (readouts), the meetings and
    each publisher's readouts. An overview shows the counts by year and the latest entries, and a
    page per year shows that year's, so a new readout rewrites its year's page and the overview."""

    years: tuple[tuple[Year, tuple[str, ...]], ...]
    """(year, ids oldest first): dated years ascending, then the undated."""

    @property
    def ids(self) -> tuple[str, ...]:
        """Every entry, oldest first (undated last)."""
        return tuple(i for _, ids in self.years for i in ids)

    def of(self, year: Year) -> tuple[str, ...]:
        return next(ids for y, ids in self.years if y == year)

    def counts(self) -> tuple[tuple[Year, int], ...]:
        return tuple((year, len(ids)) for year, ids in self.years)

    def complete(self) -> bool:
        """Whether the overview shows every entry rather than the latest few."""
        return len(self.ids) <= SHOW_ALL_UP_TO

    def latest(self) -> tuple[str, ...]:
        """The newest dated entries, newest first: what a larger overview lists."""
        dated = [i for year, ids in self.years if year is not None for i in ids]
        return tuple(reversed(dated[-LATEST_ON_OVERVIEW:]))

    def undated(self) -> tuple[str, ...]:
        """The entries without a date, by id."""
        return next((ids for year, ids in self.years if year is None), ())

    def shown(self) -> tuple[str, ...]:
        """What the overview lists: everything while few, the dated newest first and then the
        undated (never first: an entry of unknown date is not the latest), else the latest dated."""
        if not self.complete():
            return self.latest()
        dated = [i for year, ids in self.years if year is not None for i in ids]
        return (*reversed(dated), *self.undated())


def _by_year(ids: list[str], day_of: dict[str, dt.date | None]) -> YearListing:
    filed: dict[Year, list[str]] = {}
    for entry in ids:
        filed.setdefault(year_of(day_of[entry]), []).append(entry)
    return YearListing(tuple((year, tuple(filed[year])) for year in in_year_order(set(filed))))


def timeline_listing(graph: SiteGraph, publisher: str | None = None) -> YearListing:
    """The readouts by year in the site's chronological order; only `publisher`'s when given."""
    ids = [r for r in graph.chronology if publisher is None or graph.readouts[r].publisher == publisher]
    return _by_year(ids, {r: graph.readouts[r].date for r in ids})


def meetings_listing(graph: SiteGraph) -> YearListing:
    """The meetings by the year of their own date, each year in time order (then by id)."""
    ids = sorted(graph.meetings, key=lambda m: (graph.meetings[m].date or dt.date.max, m))
    return _by_year(ids, {m: graph.meetings[m].date for m in ids})


def publisher_listings(graph: SiteGraph) -> dict[str, YearListing]:
    """Each publisher with a readout on the site, in the settings' order, with its readouts by year."""
    listings = {publisher: timeline_listing(graph, publisher) for publisher in PUBLISHERS}
    return {publisher: listing for publisher, listing in listings.items() if listing.years}
