"""The day of the meeting: where a readout prints it, and which dates a page prints are not it.

A ministry's readout and a press conference are made the day of the meeting; a news story prints
its own day and tells the meeting's in words ("on Saturday", "yesterday") or not at all; a day
printed without a year waits for a person or another account of the meeting to complete it.
"""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, facts, sentence_day
from readouts.importer.datelines import dateline
from readouts.importer.lines import shorten
from readouts.importer.offices import SIDES
from readouts.importer.reading import Reading
from readouts.importer.years import resolve_year


def meeting_date(reading: Reading) -> None:
    """The day of the meeting: a full date in the headline, the meeting sentence's day (its year
    from the text's own date), or the published date of a press conference and of a ministry's
    or the Kremlin's own readout, which are made the day of the meeting."""
    in_title = dates.find_dates(reading.title) if reading.title else []
    found: dt.date | None = in_title[-1].date if in_title else None
    sentence = reading.meeting_sentence
    if sentence and (story := dateline(sentence)):
        sentence = sentence[story.end:]  # the dateline's day is the day the story was filed
    found = (found or _day_in_title(reading) or sentence_day.meeting_date(sentence, reading.counted_from)
             or _day_it_was_held(reading) or _day_in_the_lede(reading))
    if found is None and (not reading.announces or _AFTER_TALKS.search(reading.title or "")) and (
            reading.kind == "press-conference"
                          or (reading.kind == "readout" and reading.publisher != "other")) and not (
            reading.prose and dates.SPAN_OF_DAYS.search(reading.prose[0])):
        # "November 13, 2010, Yokohama" above "Dmitry Medvedev met with Naoto Kan"; but an
        # overview of a visit of several days ("From 28 April to 6 May Prime Minister Mori made
        # a round of visits …") is written after them, and which day was this meeting's it says
        # elsewhere, if at all
        found = reading.published
    reading.meeting_date = found




_AFTER_TALKS = re.compile(r"\bjoint (?:press|news) conference\b|\b(?:press statements|remarks)\b[^.]{0,40}\b"
                          r"following (?:the )?talks\b|совместн\w+ пресс-конференц\w*|"
                          r"заявлени\w+ для (?:прессы|печати) по итогам", re.IGNORECASE)
"""A transcript's title that places it at the talks ("Совместная пресс-конференция с Премьер-министром
Японии", "Press statements following talks"): held the day of the talks, whatever its speakers say
of the negotiations to come."""


_HELD_ON = re.compile(r"\bThe (?:[\w'’-]+ ){0,3}(?:meeting|talks?|summit|conversation|consultations?) "
                      r"(?:was|were) held\b[^.]{0,120}?\bon ", re.IGNORECASE)


_AGREED = re.compile(r"\bagree[sd]?\b|\bsigned\b|(?<![\w-])(?:договорил|условил|подписал)\w*", re.IGNORECASE)


def _day_in_the_lede(reading: Reading) -> dt.date | None:
    """A news lead says who did what, and when ("Abe and Putin agreed Saturday to speed up …"),
    when the sentence found to report the meeting is a later one that names no day: the lead's
    day, if it tells of the talks or what they agreed or signed, or the meeting sentence says "also"."""
    lede = reading.lede
    # or the meeting sentence goes on from it: "Motegi on Thursday urged Russia … / Motegi also
    # protested … in a meeting in Moscow with … Lavrov"
    goes_on = bool(_ALSO.search(reading.meeting_sentence or ""))
    if (not lede or lede == reading.meeting_sentence or reading.announces or facts.FUTURE.search(lede)
            or not (facts.MEETING_WORDS.search(lede) or _AGREED.search(lede) or goes_on
                    or _both_sides_before_the_day(lede, reading))):
        return None
    return sentence_day.meeting_date(lede, reading.counted_from)


def _both_sides_before_the_day(lede: str, reading: Reading) -> bool:
    """Whether the lead names a person of each side before the day it gives: the two who met,
    as its subject ("Machimura and his Russian counterpart Sergei Lavrov failed Tuesday to set …")."""
    day = sentence_day.weekday_named(lede)
    if day is None:
        return False
    names = reading.context.names
    return {names.country_of(p) for p in names.ids_in(lede[:day.start()])} >= set(SIDES)


_ALSO = re.compile(r"^[^,.;]{0,60}?\balso\b|^[^,.;]{0,60}?(?<![\w-])также(?![\w-])", re.IGNORECASE)


def _day_it_was_held(reading: Reading) -> dt.date | None:
    """"The summit meeting was held for approximately 30 minutes from 15:35 local time on July 7
    (23:35 on July 7, Japan time)": the ministry's second sentence gives the day the first left
    out, in the place's own time, which is the first day it names."""
    for paragraph in reading.prose[:2]:
        for sentence in facts.sentences(paragraph)[:3]:
            if (held := _HELD_ON.search(sentence)) and not facts.FUTURE.search(sentence):
                return sentence_day.meeting_date(sentence[held.end() - 3:], reading.counted_from)
    return None


def _day_in_title(reading: Reading) -> dt.date | None:
    """A headline's day without a year ("Gist of Japan-Russia summit, Nov. 15") in a text dated
    within a week after it: the meeting's day. A day that would fall after the text's date is an
    announcement's, or a day a year earlier: neither is taken."""
    if not reading.title or reading.published is None:
        return None
    partial = dates.find_partial_dates(reading.title)
    if not partial:
        return None
    day = resolve_year(partial[0], reading.published)
    return day if day is not None and dt.timedelta(0) <= reading.published - day <= dates.REPORTED_WITHIN else None


def printed_meeting_day(reading: Reading) -> None:
    """A meeting day printed without a year ("on November 10") is kept, with a note, for a person
    or another account of the meeting to complete; the date stays empty. So is its weekday."""
    if reading.meeting_date is not None:
        return
    sentence = reading.meeting_sentence
    if sentence and not dates.SPAN_OF_DAYS.search(sentence) and (partial := dates.find_partial_dates(sentence)):
        keep_printed_day(reading, sentence, partial[0])
    if sentence and (weekday := sentence_day.weekday_named(sentence)):
        # "Noda on Monday expressed hope to … Putin" in a text with no date: the weekday is kept
        # for grouping, which tells one of two people's calls from another by it
        reading.printed_weekday = dates.weekday_of(weekday)
    if reading.title and (partial := dates.find_partial_dates(reading.title)):
        # "Gist of Japan-Russia summit on Nov. 10": the headline names the meeting's day.
        reading.printed_meeting_day = reading.printed_meeting_day or (partial[0].month, partial[0].day)
    if reading.printed_meeting_day and reading.header and (
            day := dates.day_in_period(reading.printed_meeting_day, [line.text for line in reading.header.lines])):
        # the period the page is filed under ("Октябрь-декабрь 2008") gives the day its year
        reading.meeting_date, reading.printed_meeting_day = day, None


def keep_printed_day(reading: Reading, sentence: str, day: dates.PartialDate) -> None:
    """Keep the day `sentence` prints without a year as the meeting's, with a note that says
    which line left the date empty."""
    number = next((b.number for b in reading.body_lines if sentence in b.text), None)
    where = f"line {number}: " if number else ""
    reading.notes.append(f"{where}the meeting's day is printed without a year (\"{shorten(sentence, 80)}\"): "
                         f"the meeting date is left empty")
    reading.printed_meeting_day = (day.month, day.day)
