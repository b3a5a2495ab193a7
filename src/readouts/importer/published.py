"""The day a text was published, when the lines above it do not print one: its dateline's, a
date under its last paragraph or under its standfirst."""

from __future__ import annotations

import datetime as dt
import re

from readouts.importer import dates, years
from readouts.importer.document import Change, is_prose, shorten
from readouts.importer.reading import Reading


def published_from_dateline(reading: Reading) -> None:
    """A story's dateline dates it when nothing above did, else a date under its last paragraph;
    a dateline without a year ("MOSCOW, May 29. /TASS/.") and nothing else leaves the date empty,
    with a note naming the line and the day kept."""
    story = reading.story
    if story and reading.published is not None and reading.published == reading.doc.stamp:
        # a saved page's capture stamp is the day after, often: "date 2017-09-19 UNITED NATIONS,
        # September 18. /TASS/." was filed on the 18th, the stamp's year being the dateline's
        reading.published = years.filed_on(story.date_text, reading.published) or reading.published
        # a dateline that prints its year dates the story, whenever the page was saved
        reading.published = next((found.date for found in dates.find_dates(story.date_text)), reading.published)
    if story and reading.published is None and (printed := dates.find_dates(story.date_text)):
        reading.published = printed[0].date
    if reading.published is None:
        reading.published = _date_at_the_foot(reading) or _date_under_the_standfirst(reading)
    if story and reading.published is None and story.date_text:
        partial = dates.find_partial_dates(story.date_text)
        if partial:
            reading.printed_day = (partial[0].month, partial[0].day)
            reading.published = (_year_printed_above(reading, reading.printed_day)
                                 or _year_of_the_address(reading, reading.printed_day))
        if reading.published is None:
            reading.notes.append(f"line {reading.body_lines[0].number}: the dateline prints \"{story.date_text}\" "
                                 f"with no year: the published date is left empty for a person to fill in")
    if reading.published is None and not story and (address := reading.doc.address_day) and address[2]:
        # a page that prints no date at all, its address filing it under a day: "/2022/03/04/…"
        reading.published = dt.date(address[0], address[1], address[2])
    if reading.published is None and not reading.notes:
        reading.notes.append("no publication date found: the published date is left empty")
    if story and story.date_text and reading.published is not None:
        reading.story_day = years.story_day(story.date_text, reading.published)


def _date_at_the_foot(reading: Reading) -> dt.date | None:
    """A date on a line of its own after the story's last paragraph, as many news sites print it
    under the source's credit ("Источник: РИА новости" / "24.10.2017"), or in brackets with it
    ("(Xinhua News Agency March 1, 2007)"), dates the story. The
    date and the credit over it are the page's, not the text's: they leave the body, recorded."""
    lines = reading.body_lines
    prose = [at for at, line in enumerate(lines) if is_prose(line.text)]
    for at in range(prose[-1] + 1, len(lines)) if prose else ():
        credited = _CREDIT_AND_DATE.match(lines[at].text)
        if found := dates.date_line(credited.group("date") if credited else lines[at].text):
            foot = [lines[at]] + ([lines[at - 1]] if at - 1 > prose[-1] and _SOURCE_CREDIT.match(lines[at - 1].text)
                                  else [])
            for line in foot:
                reading.changes.append(Change(line.number, "removed", shorten(line.text),
                                              "date or source credit under the story; the date is the published date"))
            reading.body_lines = [line for line in lines if line not in foot]
            return found.date
    return None


_CREDIT_AND_DATE = re.compile(r"^\((?:source:\s*)?[A-Z][A-Za-z .'’-]{1,40}?,?\s+"
                              r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d|"
                              r"\d{1,2}\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)\)$", re.IGNORECASE)
"""The source and its date in brackets under the story, as Chinese portals credit an agency's copy:
"(Xinhua News Agency March 1, 2007)"."""
_SOURCE_CREDIT = re.compile(r"(?:источник|source)\s*:\s*\S.{0,60}$", re.IGNORECASE)


def _date_under_the_standfirst(reading: Reading) -> dt.date | None:
    """A date on a line of its own right under the first paragraph, as pages that open with a
    standfirst print it, with the outlet's name or without ("Deutsche Welle, 15 December 2016"),
    dates the story. It is the page's, not the text's: it leaves the body, recorded."""
    lines = reading.body_lines
    if len(lines) < 3 or not is_prose(lines[0].text) or (found := dates.date_line(lines[1].text)) is None:
        return None
    reading.changes.append(Change(lines[1].number, "removed", shorten(lines[1].text),
                                  "date under the standfirst; it is the published date"))
    reading.body_lines = [line for line in lines if line is not lines[1]]
    return found.date


def _year_printed_above(reading: Reading, day: tuple[int, int]) -> dt.date | None:
    """The full date of the dateline's day, printed above the story, in a caption or a credit
    ("… после встречи с министром иностранных дел РФ Сергеем Лавровым. 24 ноября 2017" over
    "МОСКВА, 24 ноя — Новости Дня."): the same day and month, so the same day, its year printed."""
    assert reading.header is not None
    printed = [line.text for line in reading.header.lines] + list(reading.doc.captions)
    return next((found.date for text in printed for found in dates.find_dates(text)
                 if (found.date.month, found.date.day) == day), None)


def _year_of_the_address(reading: Reading, day: tuple[int, int]) -> dt.date | None:
    """The dateline's day in the year the page's address files it under, when the address names
    the same month ("TOKYO, March 4 (Kyodo)" at "/news/2022/03/…"): a story is filed the month
    it is dated."""
    address = reading.doc.address_day
    if address is None or address[1] != day[0] or (address[2] is not None and address[2] != day[1]):
        return None
    try:
        return dt.date(address[0], day[0], day[1])
    except ValueError:
        return None
