"""A day printed without a year, and the year the text's own date gives it: "September 26" in a
story dated 2019 is 2019's, "on Friday" the Friday before the text, a dateline's day the one
nearest the page's date. Kept apart from dates.py, which finds the dates a text prints.
"""

from __future__ import annotations

import datetime as dt

from readouts.importer.dates import PartialDate, find_dates, find_partial_dates

SOON = dt.timedelta(days=14)
"""How far ahead of a text a day it names without a year is taken as coming, not as last year's."""


def resolve_year(partial: PartialDate, anchor: dt.date | None, ahead: bool = False) -> dt.date | None:
    """The date of a day and month printed in a text dated `anchor`, or None when unpinned.

    A readout reports a meeting that happened on or before its publication, so the year is the
    anchor's, or the one before when the day would fall after the anchor; a text that announces
    a meeting (`ahead`) speaks of the anchor's year or the next. A day of the coming fortnight
    ("is being arranged for September 29" in a text of 26 September) is the coming one whatever
    the words: a report of last year's talks says so.
    """
    if anchor is None:
        return None
    try:
        coming = dt.date(anchor.year, partial.month, partial.day)
    except ValueError:
        coming = None
    ahead = ahead or (coming is not None and dt.timedelta(days=1) < coming - anchor <= SOON)
    years = (anchor.year, anchor.year + 1) if ahead else (anchor.year, anchor.year - 1)
    for year in years:
        try:
            day = dt.date(year, partial.month, partial.day)
        except ValueError:
            continue
        if (day >= anchor - dt.timedelta(days=1)) if ahead else (day <= anchor + dt.timedelta(days=1)):
            if partial.weekday is not None and partial.weekday != day.weekday():
                return None
            return day
    return None


def resolve_weekday(weekday: int, anchor: dt.date | None, ahead: bool = False) -> dt.date | None:
    """"on Friday" in a text dated `anchor`: the last such weekday on or before the anchor, or
    for a text that announces what is to come (`ahead`) the first on or after it."""
    if anchor is None:
        return None
    if ahead:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def day_ending_headline(title: str) -> dt.date | None:
    """The day a headline ends with, as the ministry's older press conferences print theirs:
    "Press Conference by the Press Secretary January 13, 1998". After a comma ("…, Moscow,
    January 14, 2019") it is the day of the talks the headline names, not the page's."""
    title = title.rstrip()
    found = find_dates(title)
    if found and found[-1].end >= len(title) - 1 and not title[:found[-1].start].rstrip().endswith(","):
        return found[-1].date
    return None


def story_day(dateline_day: str, published: dt.date) -> dt.date | None:
    """The day a dateline without a year prints, when it is within three days of the page's date:
    wire copy is dated where it was filed, the page often where and when it was posted ("Friday,
    September 7, 2012" over "VLADIVOSTOK, Russia, Sept. 8, Kyodo"), and the story's "Saturday"
    counts from its dateline."""
    filed = _dateline_day(dateline_day, published)
    return filed if filed is not None and abs((filed - published).days) <= 3 else None


def filed_on(dateline_day: str, stamp: dt.date) -> dt.date | None:
    """The day a dateline without a year ("September 18") prints, in the year of a capture stamp
    that follows it within three days; None when it prints no day or the stamp is further off."""
    filed = _dateline_day(dateline_day, stamp)
    return filed if filed is not None and 0 <= (stamp - filed).days <= 3 else None


def _dateline_day(dateline_day: str, near: dt.date) -> dt.date | None:
    """The day and month a dateline prints, in the year that puts it on or before `near` (or a
    day after)."""
    partial = find_partial_dates(dateline_day)
    return resolve_year(partial[0], near) if partial else None
